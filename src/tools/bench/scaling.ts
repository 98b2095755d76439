import { compileRules, createRng, scenarioCatalogue } from '../../engine';
import type { CompiledRules, RulesFile, Scenario } from '../../engine';
import { benchType, benchTypes, createBenchScenario, createStream, KINDS } from './benchScenario';
import type { BenchRuntime, BenchStream, BenchWorld } from './benchScenario';
import { compile } from './dispatch';
import { byName, expectSame, measure } from './harness';
import type { Alternative, Measured, Reps } from './harness';
import { measuredJson, si, times } from './report';
import type { BenchOptions, Benchmark, Table } from './report';
import { runIndexed, runScan, sirenAlternative } from './siren';

const COUNTS = [10, 100, 1_000, 10_000] as const;
const DEPTHS = [1, 4, 16] as const;
const TYPES = 100;
const EVENTS = 100_000;
const BATCH = 200;
/** Alternatives with many triggers per event get a prefix of the stream: about this many trigger checks… */
const CHECKS = 2_000_000;
/** …and the linear scan, which checks every trigger for every event, about this many. */
const SCAN_CHECKS = 20_000_000;
const CASCADE_EVENTS = 20_000;
const CASCADE_BATCH = 100;

/** `count` triggers, trigger i on type typeOf(i), each passing for about 1 event in 50 of its type. */
function scalingRules(count: number, typeOf: (i: number) => number): RulesFile {
  const rng = createRng(99); // the same first triggers at every count
  return {
    version: 1,
    scenario: 'bench',
    triggers: Array.from({ length: count }, (_, i) => ({
      id: `s${i}`,
      on: benchType(typeOf(i)),
      when: {
        all: [
          { fact: 'event.n', op: 'gte', value: rng.int(90, 97) },
          { fact: 'event.kind', op: 'eq', value: rng.pick(KINDS) },
        ],
      },
      do: [{ behaviour: 'count' }],
    })),
  };
}

/** Compiles generated rules directly: 10,000 triggers are beyond the 1 MB a rules file may have. */
function compileGenerated(file: RulesFile, scenario: Scenario<BenchWorld, BenchRuntime, null>): CompiledRules {
  return compileRules(file, scenarioCatalogue(scenario), 'bench/scaling.json', '');
}

/** A chain c1 … c<depth>: c<i> listens to chain.<i-1> and emits chain.<i> (declared in the file). */
function cascadeRules(depth: number): RulesFile {
  return {
    version: 1,
    scenario: 'bench',
    events: Array.from({ length: depth }, (_, i) => ({ type: `chain.e${i + 1}`, fields: { n: 'number' as const } })),
    triggers: Array.from({ length: depth }, (_, i) => ({
      id: `c${i + 1}`,
      on: `chain.e${i}`,
      do: [{ behaviour: 'emit', event: `chain.e${i + 1}`, payload: { n: { fact: 'event.n' } } }],
    })),
  };
}

/** One part of the scaling benchmark: its table and its measurements for bench/results.json. */
interface Part {
  readonly table: Table;
  readonly measured: readonly Measured[];
}

type Progress = BenchOptions['progress'];

/** Part A's three contenders at `n` triggers, and the fires they must agree on (on the whole prefix and the scan's). */
function perTypeCase(n: number, types: readonly string[], stream: BenchStream) {
  const events = Math.min(EVENTS, Math.floor((CHECKS * TYPES) / n));
  const scenario = createBenchScenario({ types, stream, batch: BATCH, length: events });
  const rules = compileGenerated(
    scalingRules(n, (i) => i % TYPES),
    scenario,
  );
  const prefix = stream.events.slice(0, events);
  const scanPrefix = stream.events.slice(0, Math.min(events, Math.floor(SCAN_CHECKS / n)));
  const expected = { all: runIndexed(rules, prefix), scan: runIndexed(rules, scanPrefix) };
  const alts: Alternative[] = [
    sirenAlternative({
      name: `siren-${n}`,
      label: `Siren engine, ${n} triggers`,
      scenario,
      rules,
      events,
      batch: BATCH,
    }),
    { name: `index-${n}`, label: `index alone, ${n}`, units: events, prepare: () => () => runIndexed(rules, prefix) },
    {
      name: `scan-${n}`,
      label: `linear scan, ${n}`,
      units: scanPrefix.length,
      prepare: () => () => runScan(rules, scanPrefix),
    },
  ];
  return { n, expected, alts };
}

/** Part A's table: each count against the fewest, the index against the scan. */
function perTypeTable(a: readonly Measured[]): Table {
  const rate = (kind: string, n: number) => byName(a, `${kind}-${n}`).perSecond;
  const base = (kind: string) => rate(kind, COUNTS[0]);
  return {
    title: `scaling A — ${EVENTS.toLocaleString('en-US')} events spread over all ${TYPES} types; triggers spread evenly, so each event meets total/${TYPES} of them`,
    columns: [
      'triggers',
      'per event',
      'Siren ÷ at 10',
      'index ÷ at 10',
      'index ÷ scan',
      'ns per trigger met',
      'Siren events/s',
      'index events/s',
      'scan events/s',
    ],
    rows: COUNTS.map((n) => [
      n.toLocaleString('en-US'),
      String(n / TYPES),
      times(rate('siren', n) / base('siren')),
      times(rate('index', n) / base('index')),
      times(rate('index', n) / rate('scan', n)),
      n >= TYPES ? (1e9 / rate('index', n) / (n / TYPES)).toFixed(0) : '',
      `${si(rate('siren', n))}/s`,
      `${si(rate('index', n))}/s`,
      `${si(rate('scan', n))}/s`,
    ]),
    notes: [
      'Siren = the whole engine (hash and trace on); index = its compiled closures looked up by type, no bus; scan = the same closures checked one by one',
      `work per event grows with the triggers that listen to its type; the index keeps everything else out of the way. Counts with many triggers per event run a prefix (about ${(CHECKS / 1e6).toFixed(0)} M trigger checks; the scan ${(SCAN_CHECKS / 1e6).toFixed(0)} M)`,
    ],
  };
}

/** A: the stream covers all 100 types, so triggers per event grow with the total. */
async function perTypePart(types: readonly string[], reps: Reps, progress: Progress): Promise<Part> {
  const stream = createStream(11, EVENTS, types);
  const cases = COUNTS.map((n) => perTypeCase(n, types, stream));
  progress(`scaling: trigger counts ${COUNTS.join(', ')} × ${reps.reps} reps`);
  const a = await measure(
    cases.flatMap((c) => c.alts),
    reps,
  );
  for (const { n, expected } of cases) {
    expectSame(`scaling fires with ${n} triggers`, expected.all, [byName(a, `siren-${n}`), byName(a, `index-${n}`)]);
    expectSame(`scaling fires with ${n} triggers (scan prefix)`, expected.scan, [byName(a, `scan-${n}`)]);
  }
  return { table: perTypeTable(a), measured: a };
}

/**
 * B: the stream stays on 10 types with one trigger each; every added trigger listens to one of the other 90 types.
 * `flat` is the rate at the most triggers over the rate at the fewest.
 */
async function unrelatedPart(
  types: readonly string[],
  reps: Reps,
  progress: Progress,
): Promise<Part & { flat: number }> {
  const hot = types.slice(0, 10);
  const hotStream = createStream(12, EVENTS, hot);
  const hotScenario = createBenchScenario({ types, stream: hotStream, batch: BATCH });
  const b: Alternative[] = COUNTS.map((n) =>
    sirenAlternative({
      name: `siren-${n}`,
      label: `${n} triggers`,
      scenario: hotScenario,
      rules: compileGenerated(
        scalingRules(n, (i) => (i < 10 ? i : 10 + (i % (TYPES - 10)))),
        hotScenario,
      ),
      events: EVENTS,
      batch: BATCH,
    }),
  );
  progress(`scaling: unrelated triggers × ${reps.reps} reps`);
  const bm = await measure(b, reps);
  const at = (n: number) => byName(bm, `siren-${n}`);
  const first = at(Math.min(...COUNTS));
  expectSame('scaling fires with unrelated triggers', first.check, bm);
  const table: Table = {
    title: `scaling B — ${EVENTS.toLocaleString('en-US')} events on 10 types with one trigger each; the other triggers listen to 90 types the stream never has`,
    columns: ['triggers', 'Siren ÷ at 10', 'Siren events/s'],
    rows: COUNTS.map((n) => [
      n.toLocaleString('en-US'),
      times(at(n).perSecond / first.perSecond),
      `${si(at(n).perSecond)}/s`,
    ]),
    notes: [
      'the index never looks at the other triggers; what still grows with them is the snapshot (every 60 ticks) copying every trigger state, and a larger heap',
    ],
  };
  return { table, measured: bm, flat: at(Math.max(...COUNTS)).perSecond / first.perSecond };
}

/** C: cascades, each hop a trigger emitting the next declared event. */
async function cascadePart(reps: Reps, progress: Progress): Promise<Part> {
  const chainStream = createStream(13, CASCADE_EVENTS, ['chain.e0']);
  const chainScenario = createBenchScenario({ types: ['chain.e0'], stream: chainStream, batch: CASCADE_BATCH });
  const c = DEPTHS.map((d) =>
    sirenAlternative({
      name: `depth-${d}`,
      label: `depth ${d}`,
      scenario: chainScenario,
      rules: compile(cascadeRules(d), chainScenario, 'bench/cascade.json'),
      events: CASCADE_EVENTS,
      batch: CASCADE_BATCH,
      check: (engine) => engine.log.end,
    }),
  );
  progress(`scaling: cascade depths ${DEPTHS.join(', ')} × ${reps.reps} reps`);
  const cm = await measure(c, reps);
  const at = (d: number) => byName(cm, `depth-${d}`);
  for (const d of DEPTHS) expectSame(`cascade depth ${d}: events in the log`, CASCADE_EVENTS * (1 + 2 * d), [at(d)]);
  const first = at(DEPTHS[0]);
  const table: Table = {
    title: `scaling C — cascades: ${CASCADE_EVENTS.toLocaleString('en-US')} source events, each starting a chain of triggers that emit the next declared event`,
    columns: ['depth', 'source ÷ at 1', 'events ÷ at 1', 'source events/s', 'all events/s', 'µs per hop'],
    rows: DEPTHS.map((d) => {
      const m = at(d);
      const all = m.perSecond * (1 + 2 * d);
      return [
        String(d),
        times(m.perSecond / first.perSecond),
        times(all / (first.perSecond * 3)),
        `${si(m.perSecond)}/s`,
        `${si(all)}/s`,
        ((m.medianMs * 1000) / (CASCADE_EVENTS * d)).toFixed(2),
      ];
    }),
    notes: ['all events = source + emitted + trigger.fired (trace on); µs per hop = time / (source events × depth)'],
  };
  return { table, measured: cm };
}

/** The measurements of a part as JSON. */
function partJson(p: Part): Record<string, unknown>[] {
  return p.measured.map((m) => ({ name: m.name, ...measuredJson(m) }));
}

/** Trigger count and cascade depth against throughput: the index should keep unrelated triggers free. */
export const scalingBenchmark: Benchmark = {
  name: 'scaling',
  description: 'throughput as triggers grow 10 → 10,000 over 100 event types, and as cascades deepen 1 → 16',
  async run({ reps, progress }) {
    const types = benchTypes(TYPES);
    const a = await perTypePart(types, reps, progress);
    const b = await unrelatedPart(types, reps, progress);
    const c = await cascadePart(reps, progress);
    return {
      tables: [a.table, b.table, c.table],
      targets: [
        {
          what: 'Siren with 10 → 10,000 triggers, unrelated to the stream (B)',
          target: 'nearly flat (≥ 0.8×)',
          actual: times(b.flat),
          ok: b.flat >= 0.8,
        },
      ],
      data: { perType: partJson(a), unrelated: partJson(b), cascade: partJson(c) },
    };
  },
};
