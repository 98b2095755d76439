import type { Watch } from '../../../engine';

/** A watch's history as a step line over [from, to] ticks: SVG points, and where each change is. */
export interface Sparkline {
  readonly points: string;
  readonly dots: readonly { x: number; y: number; tick: number; seq: number; value: unknown }[];
  readonly min: number;
  readonly max: number;
}

/** A value as a height: numbers as they are, booleans 0/1, anything else by the order it first appeared. */
function numeric(v: unknown, seen: unknown[]): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  let i = seen.indexOf(v);
  if (i < 0) i = seen.push(v) - 1;
  return i;
}

/** Lays out a watch's history from tick `from` to `to` in a `width` × `height` box. */
export function sparkline(w: Watch, from: number, to: number, width: number, height: number): Sparkline {
  const seen: unknown[] = [];
  const steps: { tick: number; seq: number; value: unknown }[] = [];
  let start = w.since.value;
  for (const c of w.changes) {
    if (c.tick < from) start = c.value;
    else if (c.tick <= to) steps.push(c);
  }
  const ys = [numeric(start, seen), ...steps.map((s) => numeric(s.value, seen))];
  const min = Math.min(...ys);
  const max = Math.max(...ys);
  const span = Math.max(1, to - from);
  const x = (tick: number) => Math.round(((Math.max(from, tick) - from) / span) * width * 10) / 10;
  const y = (v: number) => (max === min ? height / 2 : Math.round((1 - (v - min) / (max - min)) * (height - 4) + 2));
  let prev = y(ys[0] as number);
  const pts = [`0,${prev}`];
  const dots = steps.map((s, i) => {
    const sx = x(s.tick);
    const sy = y(ys[i + 1] as number);
    pts.push(`${sx},${prev}`, `${sx},${sy}`);
    prev = sy;
    return { x: sx, y: sy, tick: s.tick, seq: s.seq, value: s.value };
  });
  pts.push(`${width},${prev}`);
  return { points: pts.join(' '), dots, min, max };
}
