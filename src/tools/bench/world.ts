import { createEngine } from '../../engine';
import type { CompiledRules, Engine, Scenario } from '../../engine';
import { citySystems } from '../../scenarios/city';
import type { CityInput, CityRuntime, CityWorld } from '../../scenarios/city';
import { loadRulesFile } from '../../cli/load';
import { byName, expectSame, measure, median } from './harness';
import type { Alternative, Measured } from './harness';
import { benchCitySize, createBenchCity, describeCity } from './cityBench';
import { measuredJson } from './report';
import type { BenchOptions, Benchmark, Table } from './report';

type City = Scenario<CityWorld, CityRuntime, CityInput>;

const SIZES = [1_000, 10_000, 100_000] as const;
const TARGET_AGENTS = 10_000;
const TARGET_US = 2_000;
const SEED = 42;
/** Ticks run before the timed window: JIT warm-up, and the autopilot's first crime. */
const WARM = 300;

/** What the instrumented city records while `on`: wall ms in each system, in snapshots, and (the last slot) in whole ticks. */
interface Probe {
  on: boolean;
  readonly ms: Float64Array;
}

/** The city with each system (and the snapshot) timed; it runs exactly what stepCity runs, in the same order. */
function instrument(base: City, probe: Probe): City {
  const n = citySystems.length;
  return {
    ...base,
    step(ctx) {
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        (citySystems[i] as (typeof citySystems)[number]).run(ctx);
        if (probe.on) (probe.ms[i] as number) += performance.now() - t;
      }
    },
    saveRuntime(rt) {
      const t = performance.now();
      const saved = base.saveRuntime(rt);
      if (probe.on) (probe.ms[n] as number) += performance.now() - t;
      return saved;
    },
  };
}

/** One recorded run of the autopilot: its inputs (replayed in the timed runs), events and how long the pursuit lasted. */
interface Recording {
  readonly inputs: readonly CityInput[];
  readonly events: number;
  readonly hash: string;
  readonly pursuitTicks: number;
  readonly cars: number;
}

function record(scenario: City, rules: CompiledRules, ticks: number): Recording {
  const engine = createEngine({ scenario, rules, seed: SEED });
  const pilot = scenario.createAutopilot(SEED);
  const inputs: CityInput[] = [];
  let pursuitTicks = 0;
  for (let t = 0; t < WARM + ticks; t++) {
    const input = pilot(engine.world, engine.runtime, engine.tick);
    inputs.push(input);
    engine.step(input);
    if (t >= WARM && engine.world.pursuit.state !== 'none') pursuitTicks++;
  }
  return { inputs, events: engine.log.end, hash: engine.log.hash(), pursuitTicks, cars: engine.runtime.cars.count };
}

/** The process's CPU time in µs (user + system, every thread): process.cpuUsage, a system call of a few µs. */
function cpuMicros(): number {
  const c = process.cpuUsage();
  return c.user + c.system;
}

/** What reading the clock itself adds to a timed interval: the median of many empty intervals. */
function clockOverhead(read: () => number): number {
  const xs: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const a = read();
    xs.push(read() - a);
  }
  return median(xs);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

/** One size measured: its recording, the per-system probe, each timed tick (µs) and the untouched runs. */
interface Case {
  agents: number;
  rec: Recording;
  probe: Probe;
  perTick: number[];
  rounds: number;
  m: Measured;
}

/** How a size is measured: ticks in the window, runs per size, the clock (µs) and what reading it costs. */
interface Plan {
  ticks: number;
  quick: boolean;
  clock: BenchOptions['reps']['clock'];
  now: () => number;
  overhead: number;
  progress: BenchOptions['progress'];
}

/** Records the autopilot at one size, then replays it untouched and with each tick and system timed. */
async function measureSize(agents: number, plan: Plan): Promise<Case> {
  const { ticks, now, overhead } = plan;
  const size = agents.toLocaleString('en-US');
  const base = createBenchCity(agents);
  const rules = loadRulesFile(base.rulesFile, base);
  plan.progress(`world: ${size} agents — recording the autopilot over ${WARM + ticks} ticks`);
  const rec = record(base, rules, ticks);
  const probe: Probe = { on: false, ms: new Float64Array(citySystems.length + 2) };
  const whole = citySystems.length + 1;
  const scenario = instrument(base, probe);
  const perTick: number[] = [];
  const hashes = new Set<string>();
  const timedTicks = (engine: Engine<CityWorld, CityRuntime, CityInput>) => {
    probe.on = true;
    for (let t = WARM; t < WARM + ticks; t++) {
      const t0 = now();
      const w0 = performance.now();
      engine.step(rec.inputs[t]);
      const w1 = performance.now();
      perTick.push(Math.max(0, now() - t0 - overhead));
      (probe.ms[whole] as number) += w1 - w0;
    }
    probe.on = false;
  };
  // Two runs of the same ticks: one untouched, for the rate, and one reading the clock around every tick and system.
  const replay = (timed: boolean): Alternative => ({
    name: `${agents}${timed ? '-ticks' : ''}`,
    label: `${size}${timed ? ', each tick timed' : ''}`,
    units: ticks,
    prepare() {
      probe.on = false;
      const engine = createEngine({ scenario: timed ? scenario : base, rules, seed: SEED });
      for (let t = 0; t < WARM; t++) engine.step(rec.inputs[t]);
      return () => {
        if (timed) timedTicks(engine);
        else for (let t = WARM; t < WARM + ticks; t++) engine.step(rec.inputs[t]);
        hashes.add(engine.log.hash());
        return engine.log.end;
      };
    },
  });
  // 100k agents take seconds a run: one run of each kind there keeps the benchmark near a minute and a half.
  const rounds = plan.quick || agents >= 100_000 ? 1 : 3;
  plan.progress(`world: ${size} agents — ${rounds} × 2 runs (untouched, each tick timed) of ${ticks} ticks`);
  const runs = [replay(false), replay(true)];
  const res = await measure(runs, { warmup: 0, reps: rounds, clock: plan.clock });
  const plain = byName(res, `${agents}`);
  const timed = byName(res, `${agents}-ticks`);
  expectSame(`world: events at ${plain.label} agents (the recorded run vs the replays)`, rec.events, [plain, timed]);
  if (hashes.size !== 1 || !hashes.has(rec.hash))
    throw new Error(
      `world: at ${plain.label} agents the replays gave log hashes ${[...hashes].join(', ')}, the recorded run ${rec.hash}`,
    );
  return { agents, rec, probe, perTick, rounds, m: plain };
}

/** One row of the tables: the tick's spread, its rate and where it went. */
function rowOf(c: Case, ticks: number) {
  const m = c.m;
  const sorted = [...c.perTick].sort((a, b) => a - b);
  const n = c.perTick.length;
  // Each system's share of the tick on the wall clock, applied to the tick's mean on the chosen clock.
  const mean = c.perTick.reduce((s, x) => s + x, 0) / n;
  const wallMs = c.probe.ms.at(-1) ?? NaN;
  const systemsUs = Array.from(c.probe.ms.subarray(0, -1), (x) => (x / wallMs) * mean);
  return {
    agents: c.agents,
    who: describeCity(benchCitySize(c.agents), c.rec.cars),
    medianUs: median(c.perTick),
    p95Us: percentile(sorted, 0.95),
    maxUs: sorted.at(-1) ?? NaN,
    cpuUsPerTick: (m.medianMs * 1000) / ticks,
    ticksPerSecond: m.perSecond,
    pursuit: c.rec.pursuitTicks / ticks,
    systemsUs,
    restUs: mean - systemsUs.reduce((s, x) => s + x, 0),
    meanUs: mean,
    m,
  };
}

type Row = ReturnType<typeof rowOf>;

const us = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
const clockNameOf = (plan: Plan) => (plan.clock === 'cpu' ? 'CPU' : 'wall');

/** The table of whole ticks at each size. */
function ticksTable(rows: Row[], cases: Case[], plan: Plan): Table {
  const { ticks, overhead } = plan;
  const clockName = clockNameOf(plan);
  return {
    title: `world — whole engine ticks of the city, seed ${SEED}, autopilot inputs replayed, ticks ${WARM}–${WARM + ticks} (${ticks / 60} s of game time), ${cases.map((c) => c.rounds).join(' / ')} runs`,
    columns: [
      'agents',
      'who',
      '÷ target',
      'median µs',
      'p95 µs',
      'max µs',
      `${clockName} µs/tick`,
      'ticks/s',
      'in pursuit',
    ],
    textColumns: 2,
    rows: rows.map((r) => [
      r.agents.toLocaleString('en-US'),
      r.who,
      `${(r.p95Us / TARGET_US).toFixed(2)}×`,
      us(r.medianUs),
      us(r.p95Us),
      us(r.maxUs),
      us(r.cpuUsPerTick),
      Math.round(r.ticksPerSecond).toLocaleString('en-US'),
      `${Math.round(r.pursuit * 100)}%`,
    ]),
    notes: [
      `target ≤ ${TARGET_US / 1000} ms per tick at ${TARGET_AGENTS.toLocaleString('en-US')} agents, checked on the p95; "÷ target" is p95 ÷ ${TARGET_US / 1000} ms at every size`,
      `${clockName} µs/tick and ticks/s: the median untouched run, the whole window on the ${plan.clock === 'cpu' ? 'process CPU clock (GC threads included)' : 'wall clock'}; the autopilot's inputs were recorded beforehand and replayed (every run gave the recorded log hash)`,
      `median, p95 and max: a second set of runs reading the ${plan.clock === 'cpu' ? `CPU clock around each engine.step (less the ${overhead} µs an empty reading shows; the readings themselves slow small ticks a little)` : 'wall clock around each engine.step'}`,
      'a tick: the city systems below, then the bus, the rules and their behaviours, the immer commit, and every 60th tick a snapshot (engine defaults: 10 min of history)',
      'police and goons are 2% and 1% of the agents, the map keeps ~8 civilians per block (11, 35 and 110 blocks a side); "in pursuit": ticks of the window with police chasing or searching',
      ...rows
        .filter((r) => r.pursuit === 0)
        .map(
          (r) =>
            `at ${r.agents.toLocaleString('en-US')} agents no police unit saw the autopilot within the window, so its ticks have no chase in them`,
        ),
    ],
  };
}

/** The table of where a tick goes, system by system. */
function systemsTable(rows: Row[], plan: Plan): Table {
  const clockName = clockNameOf(plan);
  return {
    title: `world — where a tick goes: mean ${clockName} µs per tick in each city system`,
    columns: ['agents', ...citySystems.map((s) => s.name), 'snapshot', 'rules & commit', 'whole tick'],
    rows: rows.map((r) => [r.agents.toLocaleString('en-US'), ...r.systemsUs.map(us), us(r.restUs), us(r.meanUs)]),
    notes: [
      'movement: the player, civilians (pavements), goons (on foot), police (cars on the street grid); sight: police sight cones and lines of sight to the player;',
      'pursuit: its state machine; combat: gunfire, and the player’s car running people over (a proximity query); zones: the zone the player is in;',
      'snapshot: saving the moving arrays every 60 ticks (amortised); rules & commit: the rest of engine.step — bus, triggers, behaviours, immer commit;',
      `each system's share of the tick is timed on the wall clock (0.1 µs a reading) and applied to the tick's mean ${clockName} time`,
    ],
  };
}

/** The JSON results of each size. */
function resultsJson(rows: Row[], cases: Case[]) {
  return rows.map((r) => ({
    agents: r.agents,
    runs: cases.find((c) => c.agents === r.agents)?.rounds,
    size: benchCitySize(r.agents),
    cars: cases.find((c) => c.agents === r.agents)?.rec.cars,
    medianUs: r.medianUs,
    p95Us: r.p95Us,
    maxUs: r.maxUs,
    cpuUsPerTick: r.cpuUsPerTick,
    pursuitShare: r.pursuit,
    systemsUs: Object.fromEntries([...citySystems.map((s) => s.name), 'snapshot'].map((k, i) => [k, r.systemsUs[i]])),
    restUs: r.restUs,
    ...measuredJson(r.m),
  }));
}

/**
 * Whole engine ticks of the city — movement, sight, the pursuit, gunfire, then the bus, rules, the immer commit and
 * a snapshot every 60 ticks — at 1k, 10k and 100k agents, with the time each system takes.
 */
export const worldBenchmark: Benchmark = {
  name: 'world',
  description: 'whole engine ticks of the city (movement, sight, pursuit, rules, commit) at 1k, 10k and 100k agents',
  async run({ quick, reps, progress }) {
    // Each tick on the chosen clock, in µs, less what reading that clock costs.
    const now = reps.clock === 'cpu' ? cpuMicros : () => performance.now() * 1000;
    const ticks = quick ? 600 : 2_400;
    const plan: Plan = { ticks, quick, clock: reps.clock, now, overhead: clockOverhead(now), progress };
    const cases: Case[] = [];
    for (const agents of SIZES) cases.push(await measureSize(agents, plan));
    const rows = cases.map((c) => rowOf(c, ticks));
    const target = rows.find((r) => r.agents === TARGET_AGENTS);
    return {
      tables: [ticksTable(rows, cases, plan), systemsTable(rows, plan)],
      targets: target
        ? [
            {
              what: `world tick at ${TARGET_AGENTS.toLocaleString('en-US')} agents (p95)`,
              target: `≤ ${TARGET_US / 1000} ms`,
              actual: `${(target.p95Us / 1000).toFixed(2)} ms`,
              ok: target.p95Us <= TARGET_US,
            },
          ]
        : [],
      data: { seed: SEED, warmTicks: WARM, ticks, results: resultsJson(rows, cases) },
    };
  },
};
