import type { SirenEvent } from '../../engine';
import type { BenchPayload } from './benchScenario';
import type { NumOp, TriggerRow } from './dispatchRules';

type Check = (p: BenchPayload) => boolean;

/** One closure per operator and colour test, with both conditions inline (what a specialising compiler could emit). */
function specialise(op: NumOp, v: number, kindOp: 'eq' | 'in', kind: string | readonly string[]): Check {
  if (kindOp === 'eq') {
    const k = kind as string;
    switch (op) {
      case 'gte':
        return (p) => p.n >= v && p.kind === k;
      case 'gt':
        return (p) => p.n > v && p.kind === k;
      case 'lt':
        return (p) => p.n < v && p.kind === k;
      case 'lte':
        return (p) => p.n <= v && p.kind === k;
    }
  }
  const [a, b] = kind as readonly [string, string];
  switch (op) {
    case 'gte':
      return (p) => p.n >= v && (p.kind === a || p.kind === b);
    case 'gt':
      return (p) => p.n > v && (p.kind === a || p.kind === b);
    case 'lt':
      return (p) => p.n < v && (p.kind === a || p.kind === b);
    case 'lte':
      return (p) => p.n <= v && (p.kind === a || p.kind === b);
  }
}

/** The rows as hand-specialised closures, indexed by event type. */
export function specialisedByType(rows: readonly TriggerRow[]): Map<string, Check[]> {
  const byType = new Map<string, Check[]>();
  for (const [type, op, value, kindOp, kind] of rows) {
    const key = `bench.e${type}`;
    byType.set(key, [...(byType.get(key) ?? []), specialise(op, value, kindOp, kind)]);
  }
  return byType;
}

/** Runs the stream through specialised closures; returns how many held. */
export function runSpecialised(
  byType: ReadonlyMap<string, readonly Check[]>,
  events: readonly SirenEvent<string, BenchPayload>[],
): number {
  let fired = 0;
  for (let i = 0; i < events.length; i++) {
    const ev = events[i] as SirenEvent<string, BenchPayload>;
    const list = byType.get(ev.type);
    if (!list) continue;
    for (let k = 0; k < list.length; k++) if ((list[k] as Check)(ev.payload)) fired++;
  }
  return fired;
}
