import type { Measured, Reps } from './harness';

/** A printed table: ratios first, absolute numbers as context. */
export interface Table {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly notes?: readonly string[];
  /** How many leading columns are text, aligned left (default 1); the rest are numbers, aligned right. */
  readonly textColumns?: number;
}

/** A goal from the issues and whether this run met it. */
export interface Target {
  readonly what: string;
  readonly target: string;
  readonly actual: string;
  readonly ok: boolean;
}

/** What one benchmark hands back: tables to print, targets to check, and raw data for bench/results.json. */
export interface BenchReport {
  readonly tables: readonly Table[];
  readonly targets: readonly Target[];
  readonly data: unknown;
}

/** Settings shared by every benchmark. */
export interface BenchOptions {
  readonly quick: boolean;
  readonly reps: Reps;
  /** Progress lines (stderr), so stdout stays the table. */
  progress(line: string): void;
}

/** One benchmark: `npm run bench -- --only <name>` runs just it. */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(opts: BenchOptions): Promise<BenchReport>;
}

/** 17,100,000 → "17.1 M", 1520 → "1.52 k". */
export function si(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toPrecision(3)} G`;
  if (n >= 1e6) return `${(n / 1e6).toPrecision(3)} M`;
  if (n >= 1e3) return `${(n / 1e3).toPrecision(3)} k`;
  return n.toPrecision(3);
}

/** A ratio as "0.31×" (or "1,234×" when large). */
export function times(r: number): string {
  if (r >= 100) return `${Math.round(r).toLocaleString('en-US')}×`;
  if (r >= 10) return `${r.toFixed(1)}×`;
  return `${r.toFixed(r < 0.1 ? 3 : 2)}×`;
}

/** Milliseconds with sensible precision. */
export function ms(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** Spread of the samples around the median, as ±% (half the min–max range). */
export function spread(m: Measured): string {
  return `±${(((m.maxMs - m.minMs) / 2 / m.medianMs) * 100).toFixed(0)}%`;
}

/** A measurement as JSON for bench/results.json. */
export function measuredJson(m: Measured): Record<string, unknown> {
  return {
    label: m.label,
    units: m.units,
    medianMs: round(m.medianMs),
    otherClockMedianMs: round(m.otherMedianMs),
    minMs: round(m.minMs),
    maxMs: round(m.maxMs),
    perSecond: Math.round(m.perSecond),
    samplesMs: m.samplesMs.map(round),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Renders a table with columns padded to fit; text columns left-aligned, numbers right-aligned. */
export function renderTable(t: Table): string {
  const all = [t.columns, ...t.rows];
  const widths = t.columns.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const text = t.textColumns ?? 1;
  const line = (r: readonly string[]) =>
    '  ' + r.map((cell, c) => (c < text ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('   ');
  const out = [t.title, line(t.columns), '  ' + widths.map((w) => '─'.repeat(w)).join('   '), ...t.rows.map(line)];
  for (const n of t.notes ?? []) out.push(`  · ${n}`);
  return out.join('\n');
}
