import { createEngine, configureFreezing, unknownName } from '../engine';
import type { ExplainNode, SirenEvent } from '../engine';
import { intFlag, parseFlags, runCli, UsageError } from './args';
import { openEventsOut } from './eventsOut';
import { findScenario, loadRulesFile } from './load';

const USAGE =
  'npm run -s sim -- --scenario <name> [--rules <file>] [--seed <n>] [--seconds <s>] [--json] [--events <out.ndjson>] [--explain <triggerId>]';

function explainLines(node: ExplainNode, indent: string): string[] {
  const lines = [`${indent}${node.pass ? '✓' : '✗'} ${node.text}`];
  for (const c of node.children ?? []) lines.push(...explainLines(c, indent + '  '));
  return lines;
}

runCli(async () => {
  const { values } = parseFlags(
    process.argv.slice(2),
    {
      scenario: { type: 'string' },
      rules: { type: 'string' },
      seed: { type: 'string' },
      seconds: { type: 'string' },
      json: { type: 'boolean' },
      events: { type: 'string' },
      explain: { type: 'string' },
      help: { type: 'boolean' },
    },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(`usage: ${USAGE}\n`);
    return 0;
  }
  if (!values.scenario) throw new UsageError(`--scenario is required\nusage: ${USAGE}`);
  const scenario = findScenario(values.scenario);
  const seed = intFlag('seed', values.seed, 1, 0, 0xffffffff);
  const seconds = intFlag('seconds', values.seconds, 60, 1, 86_400);
  const rules = loadRulesFile(values.rules ?? scenario.rulesFile, scenario);
  if (values.explain !== undefined && !rules.byId.has(values.explain))
    throw new UsageError(
      `--explain: ${unknownName('trigger', values.explain, [...rules.byId.keys()])} (in ${rules.source})`,
    );

  configureFreezing(false);
  const engine = createEngine({ scenario, rules, seed, historyTicks: 600 });
  const counts = new Map<string, number>();
  const out = values.events !== undefined ? openEventsOut(values.events) : undefined;
  const explained: string[] = [];
  const target = values.explain ? rules.byId.get(values.explain) : undefined;
  engine.log.onAppend((ev: SirenEvent) => {
    counts.set(ev.type, (counts.get(ev.type) ?? 0) + 1);
    out?.line(JSON.stringify(ev));
    // What the rules say (say) goes on stderr as it happens, so stdout stays one summary.
    if (ev.type === 'message.shown')
      process.stderr.write(`say  tick ${ev.tick}  ${String((ev.payload as { text: unknown }).text)}\n`);
  });
  if (target?.mode === 'on' && target.on) {
    engine.bus.on(target.on as never, (ev: SirenEvent) => {
      const x = engine.explain(target.id, ev);
      explained.push(
        `tick ${ev.tick} seq ${ev.seq} ${ev.type} ${JSON.stringify(ev.payload)} → ${x.firedFor ? 'fired' : 'did not fire'}`,
      );
      for (const b of x.blockers) explained.push(`  ✗ ${b}`);
      if (x.condition) explained.push(...explainLines(x.condition, '  '));
    });
  }
  const autopilot = scenario.createAutopilot(seed);
  const ticks = seconds * 60;
  const t0 = performance.now();
  for (let i = 0; i < ticks; i++) engine.step(autopilot(engine.world, engine.runtime, engine.tick));
  const wallMs = performance.now() - t0;
  if (target && target.mode !== 'on') {
    const x = engine.explain(target.id, null);
    explained.push(
      `at the end (tick ${engine.tick}) → ${x.wouldFire ? 'holds' : 'does not hold'}`,
      ...x.blockers.map((b) => `  ✗ ${b}`),
      ...(x.condition ? explainLines(x.condition, '  ') : []),
    );
  }
  const writeFailure = out?.close() ?? null;
  const triggers: Record<string, number> = {};
  for (const s of engine.triggerStates()) triggers[s.id] = s.fires;
  const sortedCounts = Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
  const summary = {
    scenario: scenario.name,
    seed,
    seconds,
    ticks: engine.tick,
    hash: engine.log.hash(),
    events: sortedCounts,
    triggers,
    final: engine.summary(),
  };
  if (values.json) {
    // Exactly one JSON object on stdout: the explanation, if asked for, is one of its fields.
    const explain = values.explain !== undefined ? { explain: { trigger: values.explain, lines: explained } } : {};
    process.stdout.write(JSON.stringify({ ...summary, ...explain }) + '\n');
    return finish(writeFailure);
  }
  if (values.explain)
    process.stdout.write(
      `explain ${values.explain}:\n${explained.join('\n') || '  (no events of its type in this run)'}\n`,
    );
  const lines = [
    `${scenario.name}  seed ${seed}  ${seconds} s (${engine.tick} ticks) in ${wallMs.toFixed(0)} ms — ${((seconds * 1000) / wallMs).toFixed(0)}× real time`,
    `hash ${summary.hash}   events ${engine.log.end}`,
    '',
    'events:',
    ...Object.entries(sortedCounts).map(([k, v]) => `  ${String(v).padStart(7)}  ${k}`),
    '',
    'triggers (fires):',
    ...Object.entries(triggers).map(([k, v]) => `  ${String(v).padStart(7)}  ${k}`),
    '',
    'final:',
    ...Object.entries(summary.final).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return finish(writeFailure);
});

/** The exit code once the summary is out: 1 when the events file could not be written whole (said on stderr). */
function finish(writeFailure: string | null): number {
  if (writeFailure === null) return 0;
  process.stderr.write(writeFailure + '\n');
  return 1;
}
