import { readFileSync } from 'node:fs';
import { configureFreezing, createEngine, parseJson, parseSampleEvent, unknownName } from '../engine';
import type { AnyScenario, CompiledRules, Explanation, ExplainNode, SirenEvent } from '../engine';
import { scenarios } from '../scenarios';
import { parseFlags, runCli, UsageError } from './args';
import { findScenario, loadRulesFile } from './load';
import { parseWorld, withWorld } from './testRule/world';

const USAGE =
  "npm run -s test-rule -- --rules <file> [--trigger <id>] --event '<json>' [--world '<json>'] [--scenario <name>]";

/** The scenario a rules file names at its top level (the first scenario when it names none readable). */
function scenarioOf(path: string, flag: string | undefined): AnyScenario {
  if (flag !== undefined) return findScenario(flag);
  let named: unknown;
  try {
    named = (JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as { scenario?: unknown }).scenario;
  } catch {
    named = undefined; // unreadable or bad JSON: the loader says what is wrong, against the first scenario
  }
  if (typeof named === 'string' && !Object.hasOwn(scenarios, named))
    throw new UsageError(`${path}: ${unknownName('scenario', named, Object.keys(scenarios))}`);
  return typeof named === 'string' ? (scenarios[named] as AnyScenario) : (Object.values(scenarios)[0] as AnyScenario);
}

/** The triggers to test: the one named, or every trigger listening to the event's type, in firing order. */
function triggersFor(rules: CompiledRules, id: string | undefined, ev: SirenEvent): string[] {
  if (id === undefined) return (rules.byType.get(ev.type) ?? []).map((t) => t.id);
  if (!rules.byId.has(id)) throw new UsageError(`--trigger: ${unknownName('trigger', id, [...rules.byId.keys()])}`);
  return [id];
}

/** A condition tree as indented ✓/✗ lines, each with the values it compared. */
function conditionLines(node: ExplainNode, indent: string): string[] {
  return [
    `${indent}${node.pass ? '✓' : '✗'} ${node.text}`,
    ...(node.children ?? []).flatMap((c) => conditionLines(c, indent + '  ')),
  ];
}

/** One trigger's verdict: matched or not, where it is, why not, and every condition. */
function report(x: Explanation, at: { line: number; column: number }, source: string): string[] {
  const head = `${x.wouldFire ? '✓' : '✗'} ${x.trigger}  ${x.wouldFire ? 'matched' : 'not matched'}  (${source}:${at.line}:${at.column})`;
  return [
    head,
    ...x.blockers.map((b) => `    blocked: ${b}`),
    ...(x.condition ? conditionLines(x.condition, '    ') : ['    (no condition: it matches every event of its type)']),
  ];
}

runCli(() => {
  const { values } = parseFlags(
    process.argv.slice(2),
    {
      rules: { type: 'string' },
      trigger: { type: 'string' },
      event: { type: 'string' },
      world: { type: 'string' },
      scenario: { type: 'string' },
      help: { type: 'boolean' },
    },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(`usage: ${USAGE}\n`);
    return 0;
  }
  if (!values.rules) throw new UsageError(`--rules is required\nusage: ${USAGE}`);
  if (!values.event) throw new UsageError(`--event is required, e.g. --event '{"type": "damage", "payload": {…}}'`);
  const scenario = scenarioOf(values.rules, values.scenario);
  const rules = loadRulesFile(values.rules, scenario);
  const engineScenario =
    values.world === undefined ? scenario : withWorld(scenario, parseWorld(values.world, scenario));
  configureFreezing(false);
  // The engine's own explain: the same compiled conditions, blockers and wording as the Triggers panel and `sim --explain`.
  const engine = createEngine({ scenario: engineScenario, rules, seed: 1, historyTicks: 60 });
  const sample = parseSampleEvent(values.event, engine.catalogue, rules, { tick: engine.tick, seq: engine.log.end });
  if (!sample.ok) throw new UsageError(sample.errors.map((e) => `--event: ${e}`).join('\n'));
  const ids = triggersFor(rules, values.trigger, sample.event);
  const doc = parseJson(rules.text, rules.source).doc;
  const out = [`event ${sample.event.type} ${JSON.stringify(sample.event.payload)}`];
  if (!ids.length) out.push(`no trigger in ${rules.source} listens to "${sample.event.type}"`);
  let matched = 0;
  for (const id of ids) {
    const x = engine.explain(id, sample.event);
    if (x.wouldFire) matched++;
    out.push(...report(x, doc.locate(['triggers', (rules.byId.get(id) as { index: number }).index]), rules.source));
  }
  if (ids.length) out.push(`${matched} of ${ids.length} trigger${ids.length === 1 ? '' : 's'} matched`);
  process.stdout.write(out.join('\n') + '\n');
  return matched > 0 ? 0 : 1;
});
