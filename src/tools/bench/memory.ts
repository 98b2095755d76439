import { createEngine } from '../../engine';
import type { CompiledRules, Scenario } from '../../engine';
import { copyArrays, restoreArrays } from '../../game';
import { cityScenario, defaultSize } from '../../scenarios/city';
import type { CityInput, CityRuntime, CitySize, CityWorld } from '../../scenarios/city';
import { loadRulesFile } from '../../cli/load';
import { canCollect, collect } from './harness';
import { benchCitySize, createBenchCity, describeCity } from './cityBench';
import type { Benchmark, Table, Target } from './report';

type City = Scenario<CityWorld, CityRuntime, CityInput>;

const SEED = 42;
/** The engine's defaults, passed explicitly: a snapshot every second, ten minutes of them. */
const SNAPSHOT_EVERY = 60;
const HISTORY_TICKS = 36_000;
const HELD = Math.ceil(HISTORY_TICKS / SNAPSHOT_EVERY);
const BIG = 10_000;
const TARGET_MB = 100;

/**
 * Heap in use plus ArrayBuffer contents (typed arrays live outside the V8 heap), after full collections with a pause
 * between them (V8 frees dead ArrayBuffers' memory on another thread, a little later).
 */
async function usedBytes(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Bytes of the distinct typed arrays reachable from `roots` (shared ones counted once). */
function arrayBytes(roots: readonly unknown[]): number {
  const seen = new Set<unknown>();
  let bytes = 0;
  const walk = (x: unknown): void => {
    if (typeof x !== 'object' || x === null || seen.has(x)) return;
    seen.add(x);
    if (ArrayBuffer.isView(x)) bytes += x.byteLength;
    else for (const v of Object.values(x)) walk(v);
  };
  for (const r of roots) walk(r);
  return bytes;
}

/** The city saving its runtime the naive way, for comparison: a full copy of every typed array at every snapshot. */
function withFullCopies(base: City): City {
  return {
    ...base,
    saveRuntime: (rt) => ({
      agents: copyArrays(rt.agents),
      cars: copyArrays(rt.cars),
      tracers: copyArrays(rt.tracers),
      counters: rt.counters.slice(),
    }),
    restoreRuntime(rt, saved) {
      const s = saved as {
        agents: Record<string, ArrayLike<number>>;
        cars: Record<string, ArrayLike<number>>;
        tracers: Record<string, ArrayLike<number>>;
        counters: Int32Array;
      };
      restoreArrays(rt.agents, s.agents);
      restoreArrays(rt.cars, s.cars);
      restoreArrays(rt.tracers, s.tracers);
      rt.counters.set(s.counters);
      rt.grid.builtAt = -1;
    },
  };
}

interface Case {
  readonly name: string;
  readonly label: string;
  readonly size: CitySize;
  readonly scenario: City;
  readonly rules: CompiledRules;
  readonly ticks: number;
}

interface Outcome {
  readonly cars: number;
  readonly startMb: number;
  readonly historyMb: number;
  readonly savesMb: number;
  readonly events: number;
  readonly cpuSeconds: number;
  /** Ten minutes' worth, from the part run when the run was shorter (linear in snapshots taken). */
  readonly tenMinutesMb: number;
}

/** Runs one case under its autopilot with the engine's history settings and measures what the history holds. */
async function runCase(c: Case): Promise<Outcome> {
  const saves: unknown[] = [];
  const counted: City = {
    ...c.scenario,
    saveRuntime(rt) {
      const s = c.scenario.saveRuntime(rt);
      // The same saves the engine keeps (its last HELD snapshots); holding them here keeps nothing extra alive.
      saves.push(s);
      if (saves.length > HELD) saves.shift();
      return s;
    },
  };
  const before = await usedBytes();
  const engine = createEngine({
    scenario: counted,
    rules: c.rules,
    seed: SEED,
    snapshotEvery: SNAPSHOT_EVERY,
    historyTicks: HISTORY_TICKS,
  });
  const pilot = counted.createAutopilot(SEED);
  const start = await usedBytes();
  const c0 = process.cpuUsage();
  for (let t = 0; t < c.ticks; t++) engine.step(pilot(engine.world, engine.runtime, engine.tick));
  const cpu = process.cpuUsage(c0);
  const end = await usedBytes();
  const historyMb = (end - start) / 1e6;
  const snapshots = Math.floor(c.ticks / SNAPSHOT_EVERY);
  return {
    cars: engine.runtime.cars.count,
    startMb: (start - before) / 1e6,
    historyMb,
    savesMb: arrayBytes(saves) / 1e6,
    events: engine.log.end,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    tenMinutesMb: snapshots >= HELD ? historyMb : (historyMb * HELD) / snapshots,
  };
}

/** The cases: the default city and a 10,000-agent one, each as now and with full copies; `bigTicks` for the big ones. */
function memoryCases(bigTicks: number): Case[] {
  const small = cityScenario;
  const big = createBenchCity(BIG);
  const smallRules = loadRulesFile(small.rulesFile, small);
  const bigRules = loadRulesFile(big.rulesFile, big);
  const bigSize = benchCitySize(BIG);
  return [
    {
      name: 'default',
      label: 'default city',
      size: defaultSize,
      scenario: small,
      rules: smallRules,
      ticks: HISTORY_TICKS,
    },
    {
      name: 'default-full',
      label: 'default city, full copies (before)',
      size: defaultSize,
      scenario: withFullCopies(small),
      rules: smallRules,
      ticks: HISTORY_TICKS,
    },
    { name: '10k', label: '10,000 agents', size: bigSize, scenario: big, rules: bigRules, ticks: bigTicks },
    {
      name: '10k-full',
      label: '10,000 agents, full copies (before)',
      size: bigSize,
      scenario: withFullCopies(big),
      rules: bigRules,
      ticks: bigTicks,
    },
  ];
}

/** One case and what it measured. */
interface Row {
  readonly c: Case;
  readonly o: Outcome;
}

const mb = (x: number) => x.toFixed(1);
const minutes = (ticks: number) => `${+(ticks / 3600).toFixed(1)} min`;

/** The printed table; under --quick the big runs are shorter (`bigTicks`) and extrapolated. */
function memoryTable(rows: readonly Row[], quick: boolean, bigTicks: number): Table {
  return {
    title: `memory — what 10 minutes of history hold (a snapshot every ${SNAPSHOT_EVERY} ticks, ${HELD} kept, and the event log), seed ${SEED}, autopilot`,
    columns: [
      'city',
      'who',
      'game time',
      '÷ target',
      'history MB',
      '10 min MB',
      'runtime saves MB',
      'rest MB',
      'events',
      'CPU s',
      'engine at start MB',
    ],
    textColumns: 3,
    rows: rows.map(({ c, o }) => [
      c.label,
      describeCity(c.size, o.cars),
      minutes(c.ticks),
      `${(o.tenMinutesMb / TARGET_MB).toFixed(2)}×`,
      mb(o.historyMb),
      c.ticks >= HISTORY_TICKS ? mb(o.tenMinutesMb) : `≈ ${mb(o.tenMinutesMb)}`,
      mb(o.savesMb),
      mb(o.historyMb - o.savesMb),
      o.events.toLocaleString('en-US'),
      o.cpuSeconds.toFixed(1),
      mb(o.startMb),
    ]),
    notes: [
      `history MB: V8 heap in use plus ArrayBuffer contents after a forced full GC, at the end of the run less just after the engine was created (its first snapshot taken); target ≤ ${TARGET_MB} MB for 10 minutes`,
      "runtime saves MB: the contents of the typed arrays the kept snapshots hold of the runtime (scenario.saveRuntime), shared ones once; rest: everything else — those arrays' own objects, immer worlds, trigger and window states, the log, inputs",
      `now: each snapshot stores what changed since the previous one (a bitmap and the new values; unchanged arrays shared; a full copy every 32), and leaves out prevX/prevY; "full copies (before)": the previous saveRuntime, every typed array copied every snapshot`,
      ...(quick
        ? [
            `--quick: the 10,000-agent runs stop after ${minutes(bigTicks)}; "≈" extrapolates linearly to the ${HELD} snapshots of 10 minutes`,
          ]
        : []),
    ],
  };
}

/** The two targets: ten minutes of history for the default city and for 10,000 agents. */
function memoryTargets(rows: readonly Row[], quick: boolean): Target[] {
  const tenMinutes = (name: string) => {
    const row = rows.find((r) => r.c.name === name);
    if (!row) throw new Error(`memory: no case named ${name}`);
    return row.o.tenMinutesMb;
  };
  return [
    {
      what: '10 min of history, default city',
      target: `≤ ${TARGET_MB} MB`,
      actual: `${mb(tenMinutes('default'))} MB`,
      ok: tenMinutes('default') <= TARGET_MB,
    },
    {
      what: `10 min of history, ${BIG.toLocaleString('en-US')} agents${quick ? ' (extrapolated)' : ''}`,
      target: `≤ ${TARGET_MB} MB`,
      actual: `${mb(tenMinutes('10k'))} MB`,
      ok: tenMinutes('10k') <= TARGET_MB,
    },
  ];
}

/**
 * What ten minutes of time-travel history cost — the engine's snapshot every 60 ticks (world, runtime,
 * trigger states…) and its log — for the default city and a 10,000-agent city, each under its autopilot.
 */
export const memoryBenchmark: Benchmark = {
  name: 'memory',
  description: 'memory held by 10 minutes of history (snapshots + log) for the default city and a 10,000-agent city',
  async run({ quick, progress }) {
    if (!canCollect)
      throw new Error('memory: V8 refused --expose-gc, so the heap cannot be measured after a full collection');
    const bigTicks = quick ? 6_000 : HISTORY_TICKS;
    const rows: Row[] = [];
    for (const c of memoryCases(bigTicks)) {
      progress(`memory: ${c.label}, ${(c.ticks / 3600).toFixed(c.ticks % 3600 ? 1 : 0)} min of game time`);
      rows.push({ c, o: await runCase(c) });
    }
    return {
      tables: [memoryTable(rows, quick, bigTicks)],
      targets: memoryTargets(rows, quick),
      data: {
        seed: SEED,
        snapshotEvery: SNAPSHOT_EVERY,
        historyTicks: HISTORY_TICKS,
        results: rows.map(({ c, o }) => ({ name: c.name, label: c.label, ticks: c.ticks, ...o })),
      },
    };
  },
};
