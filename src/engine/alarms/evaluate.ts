import { describeVerdict } from './reason';
import type { AlarmConfig, AlarmState, AlarmVerdict, Datapoint, EvaluatedPoint } from './types';
export { alarmComparisons, alarmStates, missingTreatments } from './types';
export type {
  AlarmComparison,
  AlarmConfig,
  AlarmState,
  AlarmVerdict,
  Datapoint,
  EvaluatedPoint,
  MissingTreatment,
} from './types';

/** How many datapoints CloudWatch retrieves to evaluate N periods (the documented example: 3 periods → 5). */
export function evaluationRange(periods: number): number {
  return periods + 2;
}

/** Whether a datapoint is on the alarming side of the threshold. */
export function breaches(config: AlarmConfig, v: number | boolean): boolean {
  if (typeof v === 'boolean') return v;
  const t = config.threshold ?? 0;
  switch (config.comparison) {
    case 'gt':
      return v > t;
    case 'gte':
      return v >= t;
    case 'lt':
      return v < t;
    case 'lte':
      return v <= t;
  }
}

/**
 * Evaluates an alarm as CloudWatch documents it ("How alarm state is evaluated when data is missing"): of the last
 * evaluation range of datapoints (older ones are not read), when at least N exist the newest N decide; when fewer
 * exist, every real one is kept and the treatment fills in as few missing ones as needed (the newest missing
 * first). `missing` and `ignore` fill none: a real non-breaching datapoint gives OK, M breaching ones ALARM; with only
 * breaching ones, too few, `missing` gives ALARM early when the oldest is at least M periods old (the "premature"
 * alarm) and INSUFFICIENT_DATA otherwise, and `ignore` keeps the current state.
 */
export function evaluateAlarm(
  config: AlarmConfig,
  datapoints: readonly Datapoint[],
  current: AlarmState = 'INSUFFICIENT_DATA',
): AlarmVerdict {
  const size = evaluationRange(config.periods);
  const range: Datapoint[] = datapoints.slice(-size);
  while (range.length < size) range.unshift(null);
  const real: EvaluatedPoint[] = [];
  range.forEach((v, index) => {
    if (v !== null) real.push({ index, value: v, breaching: breaches(config, v), filled: false });
  });
  const verdict = (state: AlarmState, evaluated: EvaluatedPoint[], rule: AlarmVerdict['rule']): AlarmVerdict => ({
    state,
    evaluated,
    rule,
    reason: describeVerdict(config, { state, evaluated, rule }, range, current),
  });
  const count = (ps: readonly EvaluatedPoint[]) => ps.filter((p) => p.breaching).length;
  if (real.length >= config.periods) {
    const evaluated = real.slice(-config.periods);
    return verdict(count(evaluated) >= config.toAlarm ? 'ALARM' : 'OK', evaluated, 'threshold');
  }
  if (config.missing === 'breaching' || config.missing === 'notBreaching') {
    const holes = range.flatMap((v, i) => (v === null ? [i] : [])).slice(real.length - config.periods);
    const fill = config.missing === 'breaching';
    const evaluated = [...real, ...holes.map((index) => ({ index, value: null, breaching: fill, filled: true }))];
    evaluated.sort((a, b) => a.index - b.index);
    return verdict(count(evaluated) >= config.toAlarm ? 'ALARM' : 'OK', evaluated, 'filled');
  }
  const breaching = count(real);
  if (real.length > 0 && breaching >= config.toAlarm) return verdict('ALARM', real, 'threshold');
  if (breaching < real.length) return verdict('OK', real, 'threshold');
  if (config.missing === 'ignore') return verdict(current, real, 'retained');
  const oldest = real[0];
  if (oldest && size - oldest.index >= config.toAlarm) return verdict('ALARM', real, 'premature');
  return verdict('INSUFFICIENT_DATA', real, 'insufficient');
}
