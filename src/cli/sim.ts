import { createEngine, configureFreezing, TICKS_PER_SECOND, unknownName } from '../engine';
import type { AnyEngine, AnyScenario, CompiledRules, CompiledTrigger, ExplainNode, SirenEvent } from '../engine';
import { intFlag, parseFlags, runCli, UsageError } from './args';
import { openEventsOut } from './eventsOut';
import { findScenario, loadRulesFile } from './load';
import { publishLog, PUBLISH_USAGE } from './classroom/publishRun';
import type { PublishFlags } from './classroom/publishRun';

const USAGE =
  'npm run -s sim -- --scenario <name> [--rules <file>] [--seed <n>] [--seconds <s>] [--json] [--events <out.ndjson>] [--explain <triggerId>] ' +
  PUBLISH_USAGE;

function explainLines(node: ExplainNode, indent: string): string[] {
  const lines = [`${indent}${node.pass ? '✓' : '✗'} ${node.text}`];
  for (const c of node.children ?? []) lines.push(...explainLines(c, indent + '  '));
  return lines;
}

/** The checked command line: the scenario, its rules, the seed and length, and what to print. */
interface SimOptions {
  readonly scenario: AnyScenario;
  readonly rules: CompiledRules;
  readonly seed: number;
  readonly seconds: number;
  readonly json: boolean;
  readonly events: string | undefined;
  readonly explain: string | undefined;
  /** Where to publish the run's log (`--publish`, `--room`, `--name`). */
  readonly publish: PublishFlags;
}

/** Reads and checks the flags; null when only the usage was asked for (and printed). */
function readOptions(argv: readonly string[]): SimOptions | null {
  const { values } = parseFlags(
    [...argv],
    {
      scenario: { type: 'string' },
      rules: { type: 'string' },
      seed: { type: 'string' },
      seconds: { type: 'string' },
      json: { type: 'boolean' },
      events: { type: 'string' },
      explain: { type: 'string' },
      publish: { type: 'string' },
      room: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean' },
    },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(`usage: ${USAGE}\n`);
    return null;
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
  const { json = false, events, explain } = values;
  const publish = { publish: values.publish, room: values.room, name: values.name };
  return { scenario, rules, seed, seconds, json, events, explain, publish };
}

/** For `--explain` of an event trigger: a line per event of its type saying whether it fired and why not. */
function explainEachEvent(engine: AnyEngine, target: CompiledTrigger, explained: string[]): void {
  if (target.mode !== 'on' || !target.on) return;
  engine.bus.on(target.on as never, (ev: SirenEvent) => {
    const x = engine.explain(target.id, ev);
    explained.push(
      `tick ${ev.tick} seq ${ev.seq} ${ev.type} ${JSON.stringify(ev.payload)} → ${x.firedFor ? 'fired' : 'did not fire'}`,
    );
    for (const b of x.blockers) explained.push(`  ✗ ${b}`);
    if (x.condition) explained.push(...explainLines(x.condition, '  '));
  });
}

/** For `--explain` of a state or timer trigger: whether it holds at the end and why not. */
function explainAtEnd(engine: AnyEngine, target: CompiledTrigger): string[] {
  const x = engine.explain(target.id, null);
  return [
    `at the end (tick ${engine.tick}) → ${x.wouldFire ? 'holds' : 'does not hold'}`,
    ...x.blockers.map((b) => `  ✗ ${b}`),
    ...(x.condition ? explainLines(x.condition, '  ') : []),
  ];
}

runCli(async () => {
  const o = readOptions(process.argv.slice(2));
  if (!o) return 0;
  const { scenario, rules, seed, seconds } = o;
  configureFreezing(false);
  const engine = createEngine({ scenario, rules, seed, historyTicks: 600 });
  const publishing = await publishLog(o.publish, engine.log);
  const counts = new Map<string, number>();
  const out = o.events !== undefined ? openEventsOut(o.events) : undefined;
  const explained: string[] = [];
  const target = o.explain ? rules.byId.get(o.explain) : undefined;
  engine.log.onAppend((ev: SirenEvent) => {
    counts.set(ev.type, (counts.get(ev.type) ?? 0) + 1);
    out?.line(JSON.stringify(ev));
    // What the rules say (say) goes on stderr as it happens, so stdout stays one summary.
    if (ev.type === 'message.shown')
      process.stderr.write(`say  tick ${ev.tick}  ${String((ev.payload as { text: unknown }).text)}\n`);
  });
  if (target) explainEachEvent(engine, target, explained);
  const autopilot = scenario.createAutopilot(seed);
  const ticks = seconds * TICKS_PER_SECOND;
  const t0 = performance.now();
  for (let i = 0; i < ticks; i++) engine.step(autopilot(engine.world, engine.runtime, engine.tick));
  const wallMs = performance.now() - t0;
  if (target && target.mode !== 'on') explained.push(...explainAtEnd(engine, target));
  const writeFailure = out?.close() ?? null;
  const published = publishing ? await publishing.finish() : 0;
  const summary = { ...summarise(engine, o, counts), ...(publishing ? { published } : {}) };
  if (o.json) {
    // Exactly one JSON object on stdout: the explanation, if asked for, is one of its fields.
    const explain = o.explain !== undefined ? { explain: { trigger: o.explain, lines: explained } } : {};
    process.stdout.write(JSON.stringify({ ...summary, ...explain }) + '\n');
    return finish(writeFailure);
  }
  if (o.explain)
    process.stdout.write(`explain ${o.explain}:\n${explained.join('\n') || '  (no events of its type in this run)'}\n`);
  process.stdout.write(summaryLines(summary, engine.log.end, wallMs).join('\n') + '\n');
  return finish(writeFailure);
});

/** The run's outcome: its hash, event counts by type, fires by trigger and the scenario's final summary. */
function summarise(engine: AnyEngine, o: SimOptions, counts: ReadonlyMap<string, number>) {
  const triggers: Record<string, number> = {};
  for (const s of engine.triggerStates()) triggers[s.id] = s.fires;
  return {
    scenario: o.scenario.name,
    seed: o.seed,
    seconds: o.seconds,
    ticks: engine.tick,
    hash: engine.log.hash(),
    events: Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    triggers,
    final: engine.summary(),
  };
}

/** The outcome as text for a terminal. */
function summaryLines(summary: ReturnType<typeof summarise>, eventCount: number, wallMs: number): string[] {
  const { seconds } = summary;
  return [
    `${summary.scenario}  seed ${summary.seed}  ${seconds} s (${summary.ticks} ticks) in ${wallMs.toFixed(0)} ms — ${((seconds * 1000) / wallMs).toFixed(0)}× real time`,
    `hash ${summary.hash}   events ${eventCount}`,
    '',
    'events:',
    ...Object.entries(summary.events).map(([k, v]) => `  ${String(v).padStart(7)}  ${k}`),
    '',
    'triggers (fires):',
    ...Object.entries(summary.triggers).map(([k, v]) => `  ${String(v).padStart(7)}  ${k}`),
    '',
    'final:',
    ...Object.entries(summary.final).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`),
  ];
}

/** The exit code once the summary is out: 1 when the events file could not be written whole (said on stderr). */
function finish(writeFailure: string | null): number {
  if (writeFailure === null) return 0;
  process.stderr.write(writeFailure + '\n');
  return 1;
}
