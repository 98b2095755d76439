/** The alarm model shared by the evaluator, the reason text, the rules and the panels (a leaf: it imports nothing). */
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
