import {
  compileRules,
  createRng,
  formatError,
  loadRules,
  parseJson,
  scenarioCatalogue,
  validateRules,
} from '../../engine';
import type { ActionSpec, Condition, Rng, RulesFile, TriggerSpec } from '../../engine';
import { benchTypes, createBenchScenario, KINDS } from './benchScenario';
import { byName, measure } from './harness';
import type { Alternative } from './harness';
import { measuredJson, ms } from './report';
import type { Benchmark } from './report';

const TRIGGERS = 1_000;
const DECLARED = 20;
const TARGET_MS = 20;
const TYPES = benchTypes(100);

/** One comparison, of seven kinds evenly: on the event's number or colour, the tick, or a world fact. */
function compare(rng: Rng): Condition {
  switch (rng.int(0, 6)) {
    case 0:
      return { fact: 'event.n', op: rng.pick(['gt', 'lt', 'gte', 'lte'] as const), value: rng.int(0, 99) };
    case 1:
      return { fact: 'event.n', op: 'between', value: [rng.int(0, 40), rng.int(50, 99)] };
    case 2:
      return {
        fact: 'event.kind',
        op: rng.pick(['in', 'notIn'] as const),
        value: [rng.pick(KINDS), rng.pick(KINDS)],
      };
    case 3:
      return { fact: 'event.kind', op: rng.pick(['eq', 'ne', 'startsWith'] as const), value: rng.pick(KINDS) };
    case 4:
      return { fact: 'meta.tick', op: 'gte', value: rng.int(0, 600) };
    case 5:
      return { fact: 'world.level', op: 'lte', value: { fact: 'event.n', times: 0.5, plus: rng.int(0, 9) } };
    default:
      return { fact: 'world.alarm', op: 'eq', value: rng.chance(0.5) };
  }
}

/** A comparison, or at the top level (60 % of the time) `not`, `any` or `all` over two or three comparisons. */
function condition(rng: Rng, depth: number): Condition {
  if (depth > 0 || rng.chance(0.4)) return compare(rng);
  const length = rng.int(2, 3);
  const first = condition(rng, depth + 1);
  const parts = [first, ...Array.from({ length: length - 1 }, () => condition(rng, depth + 1))];
  const kind = rng.int(0, 4);
  return kind === 0 ? { not: first } : kind === 1 ? { any: parts } : { all: parts };
}

/** One action: mostly `count`, else an emit of a declared event or switching a trigger on or off. */
function action(rng: Rng, ids: readonly string[]): ActionSpec {
  const k = rng.int(0, 9);
  if (k < 5) return { behaviour: 'count' };
  if (k < 8)
    return {
      behaviour: 'emit',
      event: `gen.e${rng.int(0, DECLARED - 1)}`,
      payload: { n: { fact: 'event.n', times: 2 }, kind: rng.pick(KINDS) },
    };
  return { behaviour: rng.pick(['enableTrigger', 'disableTrigger']), trigger: rng.pick(ids) };
}

/** The optional fields of trigger `i`, each present at its own rate. */
function extrasOf(rng: Rng, i: number): Pick<TriggerSpec, 'description' | 'cooldown' | 'priority' | 'once'> {
  return {
    ...(rng.chance(0.5) ? { description: `Generated trigger ${i}: does something when something happens.` } : {}),
    ...(rng.chance(0.2) ? { cooldown: rng.int(1, 10) } : {}),
    ...(rng.chance(0.1) ? { priority: rng.int(-5, 5) } : {}),
    ...(rng.chance(0.05) ? { once: true } : {}),
  };
}

/** Trigger `i`: 10 % `while`, 10 % `every`, the rest `on` (a quarter of those on a declared event, counting). */
function generatedTrigger(rng: Rng, id: string, i: number, ids: readonly string[]): TriggerSpec {
  const r = rng.next();
  const extras = extrasOf(rng, i);
  if (r < 0.1)
    return {
      id,
      while: { fact: 'world.level', op: 'gte', value: rng.int(1, 9) },
      for: rng.int(1, 5),
      do: [{ behaviour: 'count' }],
      ...extras,
    };
  if (r < 0.2) return { id, every: rng.int(1, 30), do: [{ behaviour: 'count' }], ...extras };
  const on = r < 0.25 ? `gen.e${rng.int(0, DECLARED - 1)}` : rng.pick(TYPES);
  if (on.startsWith('gen.'))
    return {
      id,
      on,
      when: { fact: 'event.n', op: 'gt', value: rng.int(0, 99) },
      do: [{ behaviour: 'count' }],
      ...extras,
    };
  const when = condition(rng, 0);
  return { id, on, when, do: Array.from({ length: rng.int(1, 2) }, () => action(rng, ids)), ...extras };
}

/** A generated rules file of `count` triggers with the variety a real one has: every mode, nested conditions, facts, all behaviours. */
export function generateRulesText(count: number, seed = 5): string {
  const rng = createRng(seed);
  const ids = Array.from({ length: count }, (_, i) => `t${i}-${i % 3}`);
  const file: RulesFile = {
    $schema: './rules.schema.json',
    version: 1,
    scenario: 'bench',
    description: `${count} generated triggers for the load benchmark.`,
    events: Array.from({ length: DECLARED }, (_, i) => ({
      type: `gen.e${i}`,
      description: 'A generated event.',
      fields: { n: 'number' as const, kind: 'string' as const },
    })),
    triggers: ids.map((id, i) => generatedTrigger(rng, id, i, ids)),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** Validating and compiling a 1,000-trigger rules file, whole and by phase. */
export const loadBenchmark: Benchmark = {
  name: 'load',
  description: 'validate + compile a generated 1,000-trigger rules file (loadRules text → compiled)',
  async run({ reps, progress }) {
    const scenario = createBenchScenario({ types: benchTypes(100) });
    const catalogue = scenarioCatalogue(scenario);
    const text = generateRulesText(TRIGGERS);
    const file = 'bench/load.json';
    const loaded = loadRules(text, catalogue, file);
    if (!loaded.ok)
      throw new Error(
        `the generated rules file does not load:\n${loaded.errors.slice(0, 10).map(formatError).join('\n')}`,
      );
    const parsed = parseJson(text, file).doc;
    const validated = validateRules(parsed, catalogue, file).rules as RulesFile;
    const alt = (name: string, label: string, f: () => number): Alternative => ({
      name,
      label,
      units: 1,
      prepare: () => f,
    });
    const alts = [
      alt('loadRules', 'loadRules: parse + validate + compile', () => {
        const r = loadRules(text, catalogue, file);
        return r.ok ? r.rules.triggers.length : -1;
      }),
      alt('parse', 'parse (JSON.parse + key checks; located on demand)', () =>
        parseJson(text, file).errors.length ? -1 : TRIGGERS,
      ),
      alt(
        'validate',
        'validate (schema + semantic pass)',
        () => validateRules(parsed, catalogue, file).rules?.triggers.length ?? -1,
      ),
      alt('compile', 'compile (closures, index)', () => compileRules(validated, catalogue, file, text).triggers.length),
      alt('JSON.parse', 'for scale: JSON.parse, no positions', () => (JSON.parse(text) as RulesFile).triggers.length),
    ];
    const r = { ...reps, warmup: reps.warmup + 3, reps: reps.reps * 3 };
    progress(`load: ${TRIGGERS} triggers (${(text.length / 1024).toFixed(0)} KiB) × ${r.reps} reps`);
    const res = await measure(alts, r);
    for (const m of res)
      if (m.check !== TRIGGERS) throw new Error(`load: ${m.label} gave ${m.check} triggers, expected ${TRIGGERS}`);
    const full = byName(res, 'loadRules');
    return {
      tables: [
        {
          title: `load — a generated ${TRIGGERS.toLocaleString('en-US')}-trigger rules file (${(text.length / 1024).toFixed(0)} KiB, every trigger mode, nested conditions, all behaviours)`,
          columns: ['phase', '÷ target', 'share', 'median ms', 'min ms', 'max ms'],
          rows: res.map((m) => [
            m.label,
            `${(m.medianMs / TARGET_MS).toFixed(2)}×`,
            m === full ? '100%' : `${((m.medianMs / full.medianMs) * 100).toFixed(0)}%`,
            ms(m.medianMs),
            ms(m.minMs),
            ms(m.maxMs),
          ]),
          notes: [`target ≤ ${TARGET_MS} ms for the whole of loadRules; phases measured separately on the same text`],
        },
      ],
      targets: [
        {
          what: `loadRules, ${TRIGGERS} triggers`,
          target: `≤ ${TARGET_MS} ms`,
          actual: `${ms(full.medianMs)} ms`,
          ok: full.medianMs <= TARGET_MS,
        },
      ],
      data: { triggers: TRIGGERS, bytes: text.length, results: res.map((m) => ({ name: m.name, ...measuredJson(m) })) },
    };
  },
};
