import type { SirenEvent } from '../../engine';
import { benchType } from './benchScenario';
import type { BenchPayload } from './benchScenario';
import type { TriggerRow } from './dispatchRules';

/** One trigger's whole condition on a bench payload. */
export type Check = (p: BenchPayload) => boolean;

/** What `build` makes of each row, grouped under the row's event type in row order (the by-type contenders' index). */
export function indexByType<T>(rows: readonly TriggerRow[], build: (row: TriggerRow) => T): Map<string, T[]> {
  const byType = new Map<string, T[]>();
  for (const row of rows) {
    const key = benchType(row[0]);
    byType.set(key, [...(byType.get(key) ?? []), build(row)]);
  }
  return byType;
}

/** Runs the stream through checks indexed by type; returns how many held. */
export function runChecks(
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
