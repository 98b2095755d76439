import type { SirenEvent } from '../events';
import type { FactContext, FactGetter, Test, WindowAggregate } from './ruleTypes';
import type { WindowSpec } from './format';

/** What a window can tell about its recent events; read as `window.<id>.<aggregate>`. */
export const windowAggregates = {
  count: 'events in the window',
  matching: 'events in the window for which "where" holds (all of them without "where"): N of M',
  ratio: 'matching ÷ count (0 when empty)',
  sum: 'sum of "value" over the window',
  avg: 'average of "value" over the window (0 when empty)',
  min: 'smallest "value" in the window (0 when empty)',
  max: 'largest "value" in the window (0 when empty)',
  last: 'the latest "value" (0 when empty)',
  full: '1 once the window holds "last" events (or has spanned "seconds"), else 0',
} as const satisfies Record<WindowAggregate, string>;

/** A window compiled at load: its size and closures for its value and filter. */
export interface CompiledWindow {
  readonly id: string;
  readonly on: string;
  readonly spec: WindowSpec;
  /** Events kept (the `last` size, or the cap for time windows). */
  readonly capacity: number;
  /** For time windows, the span in ticks (0 for count windows). */
  readonly spanTicks: number;
  readonly value: FactGetter | null;
  readonly where: Test | null;
}

/** The live contents of a window: a ring of (tick, value, matched). */
export interface WindowState {
  readonly ticks: Int32Array;
  readonly values: Float64Array;
  readonly matched: Uint8Array;
  /** Events ever pushed (the ring's write position). */
  pushed: number;
  /** Tick of the first event pushed (for `full` on time windows; -1 when none). */
  firstTick: number;
}

/** An empty window state. */
export function createWindowState(w: CompiledWindow): WindowState {
  return {
    ticks: new Int32Array(w.capacity),
    values: new Float64Array(w.capacity),
    matched: new Uint8Array(w.capacity),
    pushed: 0,
    firstTick: -1,
  };
}

/** A copy of a window state, for snapshots. */
export function copyWindowState(s: WindowState): WindowState {
  return {
    ticks: s.ticks.slice(),
    values: s.values.slice(),
    matched: s.matched.slice(),
    pushed: s.pushed,
    firstTick: s.firstTick,
  };
}

/** Adds an event to its window (before triggers for that event run, so they see it). */
export function pushWindow(w: CompiledWindow, s: WindowState, ev: SirenEvent, fc: FactContext): void {
  const i = s.pushed % w.capacity;
  const v = w.value ? Number(w.value(ev, fc)) : 0;
  s.ticks[i] = ev.tick;
  s.values[i] = Number.isFinite(v) ? v : 0;
  s.matched[i] = w.where ? (w.where(ev, fc) ? 1 : 0) : 1;
  if (s.pushed === 0) s.firstTick = ev.tick;
  s.pushed++;
}

/** Reads an aggregate over the events still inside the window at `tick`. */
export function readWindow(w: CompiledWindow, s: WindowState, agg: WindowAggregate, tick: number): number {
  const held = Math.min(s.pushed, w.capacity);
  let count = 0,
    matching = 0,
    sum = 0,
    min = Infinity,
    max = -Infinity,
    last = 0;
  for (let k = 0; k < held; k++) {
    const i = (s.pushed - 1 - k) % w.capacity;
    if (w.spanTicks && (s.ticks[i] as number) <= tick - w.spanTicks) break;
    const v = s.values[i] as number;
    if (k === 0) last = v;
    count++;
    matching += s.matched[i] as number;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  switch (agg) {
    case 'count':
      return count;
    case 'matching':
      return matching;
    case 'ratio':
      return count ? matching / count : 0;
    case 'sum':
      return sum;
    case 'avg':
      return count ? sum / count : 0;
    case 'min':
      return count ? min : 0;
    case 'max':
      return count ? max : 0;
    case 'last':
      return last;
    case 'full':
      return w.spanTicks
        ? s.firstTick >= 0 && tick - s.firstTick >= w.spanTicks
          ? 1
          : 0
        : s.pushed >= w.capacity
          ? 1
          : 0;
  }
}
