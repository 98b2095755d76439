import type { AlarmStatistic } from './spec';

/** One period's events so far: enough to give any statistic. */
export interface PeriodAccumulator {
  count: number;
  sum: number;
  min: number;
  max: number;
}

/** An empty period. */
export function emptyPeriod(): PeriodAccumulator {
  return { count: 0, sum: 0, min: Infinity, max: -Infinity };
}

/** Adds one event's value to the period (non-finite values are not datapoints and are skipped). */
export function addToPeriod(acc: PeriodAccumulator, value: number): void {
  if (!Number.isFinite(value)) return;
  acc.count++;
  acc.sum += value;
  if (value < acc.min) acc.min = value;
  if (value > acc.max) acc.max = value;
}

/** The period's datapoint: the statistic of its events, or null (missing) when it had none. */
export function periodDatapoint(acc: PeriodAccumulator, statistic: AlarmStatistic): number | null {
  if (acc.count === 0) return null;
  switch (statistic) {
    case 'avg':
      return Math.round((acc.sum / acc.count) * 1000) / 1000;
    case 'max':
      return acc.max;
    case 'min':
      return acc.min;
    case 'sum':
      return acc.sum;
    case 'count':
      return acc.count;
  }
}
