import type { SirenEvent } from '../../engine';
import { benchType } from './benchScenario';
import type { BenchPayload } from './benchScenario';
import type { TriggerRow } from './dispatchRules';

/** One trigger's whole condition on a bench payload. */
export type Check = (p: BenchPayload) => boolean;

/** One check per row, grouped under the row's event type in row order (the index the by-type contenders share). */
export function checksByType(rows: readonly TriggerRow[], toCheck: (row: TriggerRow) => Check): Map<string, Check[]> {
  const byType = new Map<string, Check[]>();
  for (const row of rows) {
    const key = benchType(row[0]);
    byType.set(key, [...(byType.get(key) ?? []), toCheck(row)]);
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
