import { cpus, platform, arch } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** One contender in a side-by-side measurement. `prepare` runs untimed before each sample and returns the timed work. */
export interface Alternative {
  readonly name: string;
  readonly label: string;
  /** Work items one sample processes (events, ticks…), for the per-second figure. */
  readonly units: number;
  prepare(): () => number | Promise<number>;
}

/** The timings of one alternative: every sample, its median and spread, and the check value it returned. */
export interface Measured {
  readonly name: string;
  readonly label: string;
  readonly units: number;
  /** Samples on the chosen clock (see `Reps.clock`); the fields below are computed from them. */
  readonly samplesMs: readonly number[];
  /** Median on the other clock, for context. */
  readonly otherMedianMs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Units per second at the median. */
  readonly perSecond: number;
  /** What the last sample returned (fire counts, to cross-check alternatives). */
  readonly check: number;
}

/** How many untimed warm-up samples and timed samples each alternative gets, and on which clock. */
export interface Reps {
  readonly warmup: number;
  readonly reps: number;
  /**
   * 'cpu' times the process's CPU time (user + system, GC threads included), which other programs on a shared
   * machine barely disturb; 'wall' times elapsed time.
   */
  readonly clock: Clock;
}

/** Which clock samples are taken on. */
export type Clock = 'cpu' | 'wall';

const gc: (() => void) | null = (() => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
})();

/** A full garbage collection (a fresh heap before each sample, so one alternative's garbage is not collected on another's clock). */
export const collect: () => void = gc ?? (() => undefined);

/** Whether `collect` really collects (V8 accepted --expose-gc): heap measurements need it. */
export const canCollect = gc !== null;

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  const hi = s[m] ?? NaN;
  return s.length % 2 ? hi : ((s[m - 1] ?? NaN) + hi) / 2;
}

async function sample(alt: Alternative): Promise<{ wall: number; cpu: number; check: number }> {
  const work = alt.prepare();
  collect();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let check = work();
  if (check instanceof Promise) check = await check;
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, check };
}

/** The samples one alternative has collected so far. */
interface Run {
  readonly alt: Alternative;
  readonly samples: number[];
  readonly others: number[];
  check: number;
}

/** `xs` starting at index `r` (modulo its length) and wrapping round. */
function rotated<T>(xs: readonly T[], r: number): T[] {
  const at = r % xs.length;
  return [...xs.slice(at), ...xs.slice(0, at)];
}

/** One alternative's samples as a measurement. */
function summarise({ alt, samples, others, check }: Run): Measured {
  const med = median(samples);
  return {
    name: alt.name,
    label: alt.label,
    units: alt.units,
    samplesMs: samples,
    otherMedianMs: median(others),
    medianMs: med,
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    perSecond: (alt.units * 1000) / med,
    check,
  };
}

/**
 * Measures alternatives side by side in this process: warm-up samples first, then `reps` rounds in which every
 * alternative runs once, in an order rotated each round so drift and noise spread evenly.
 */
export async function measure(alts: readonly Alternative[], { warmup, reps, clock }: Reps): Promise<Measured[]> {
  const runs = alts.map((alt): Run => ({ alt, samples: [], others: [], check: NaN }));
  for (let w = 0; w < warmup; w++) for (const alt of alts) await sample(alt);
  for (let r = 0; r < reps; r++) {
    for (const run of rotated(runs, r)) {
      const s = await sample(run.alt);
      run.samples.push(clock === 'cpu' ? s.cpu : s.wall);
      run.others.push(clock === 'cpu' ? s.wall : s.cpu);
      run.check = s.check;
    }
  }
  return runs.map(summarise);
}

/** Measures one alternative on its own. */
export async function measureOne(alt: Alternative, reps: Reps): Promise<Measured> {
  const [m] = await measure([alt], reps);
  if (!m) throw new Error(`${alt.name}: measure returned nothing`);
  return m;
}

/** The measurement of the alternative named `name` (a misspelt name fails the run rather than printing nonsense). */
export function byName(results: readonly Measured[], name: string): Measured {
  const m = results.find((r) => r.name === name);
  if (!m) throw new Error(`no alternative named ${name} among ${results.map((r) => r.name).join(', ')}`);
  return m;
}

/** Fails the whole run when alternatives disagree on what they computed: a benchmark of different work is worthless. */
export function expectSame(what: string, expected: number, results: readonly { label: string; check: number }[]): void {
  const wrong = results.filter((r) => r.check !== expected);
  if (wrong.length)
    throw new Error(
      `${what}: expected ${expected} from every alternative, but ${wrong.map((r) => `${r.label} gave ${r.check}`).join(', ')}`,
    );
}

/** The machine the numbers came from. */
export function machine(): { cpu: string; cores: number; node: string; platform: string } {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    node: process.version,
    platform: `${platform()} ${arch()}`,
  };
}
