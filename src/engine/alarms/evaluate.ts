import { describeVerdict } from './reason';

/** A CloudWatch alarm state. */
export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
/** The alarm states, in the order the panels list them. */
export const alarmStates = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const satisfies readonly AlarmState[];
/** How a datapoint is compared with the threshold. */
export type AlarmComparison = 'gt' | 'gte' | 'lt' | 'lte';
/** The comparisons, as rules write them. */
export const alarmComparisons = ['gt', 'gte', 'lt', 'lte'] as const satisfies readonly AlarmComparison[];
/** What a missing datapoint counts as (CloudWatch's TreatMissingData). */
export type MissingTreatment = 'missing' | 'ignore' | 'breaching' | 'notBreaching';
/** The treatments, as rules write them. */
export const missingTreatments = [
  'missing',
  'ignore',
  'breaching',
  'notBreaching',
] as const satisfies readonly MissingTreatment[];

/** What the evaluator needs to know about an alarm. */
export interface AlarmConfig {
  /** Evaluation periods (N). */
  readonly periods: number;
  /** Datapoints to alarm (M). */
  readonly toAlarm: number;
  readonly missing: MissingTreatment;
  readonly comparison: AlarmComparison;
  /** Numbers are compared with it; without one, only `true`/`false` datapoints can be judged. */
  readonly threshold?: number;
}

/** One period's datapoint: a value, `true` / `false` for a breaching / not breaching one of unknown value, or null when missing. */
export type Datapoint = number | boolean | null;

/** A datapoint the evaluation looked at. */
export interface EvaluatedPoint {
  /** Its position in the evaluation range (0 = oldest). */
  readonly index: number;
  /** The datapoint (null for a missing one filled in by the treatment). */
  readonly value: number | boolean | null;
  readonly breaching: boolean;
  /** True when it was missing and the treatment filled it in. */
  readonly filled: boolean;
}

/** The outcome of one evaluation. */
export interface AlarmVerdict {
  readonly state: AlarmState;
  /** CloudWatch-style reason text. */
  readonly reason: string;
  /** The datapoints the decision rests on, oldest first. */
  readonly evaluated: readonly EvaluatedPoint[];
  /** How the decision was reached (the reason text is made from it). */
  readonly rule: 'threshold' | 'filled' | 'premature' | 'insufficient' | 'retained';
}

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
