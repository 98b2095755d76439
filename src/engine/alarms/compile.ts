import type { FactGetter, FactScope } from '../rules/facts';
import { compileFact } from '../rules/facts';
import { secondsToTicks } from '../rules/format';
import type { AlarmConfig } from './evaluate';
import type { AlarmSpec, AlarmStatistic } from './spec';

/** An alarm compiled at load: its evaluator settings, its period in ticks and a closure for its value. */
export interface CompiledAlarm {
  readonly id: string;
  readonly on: string;
  readonly spec: AlarmSpec;
  readonly config: AlarmConfig;
  readonly statistic: AlarmStatistic;
  readonly periodTicks: number;
  readonly value: FactGetter | null;
}

/** The evaluator's settings for an alarm as written (defaults: statistic avg, missing data treated as missing). */
export function alarmConfig(spec: AlarmSpec): AlarmConfig {
  return {
    periods: spec.periods,
    toAlarm: spec.toAlarm,
    missing: spec.missing ?? 'missing',
    comparison: spec.comparison,
    threshold: spec.threshold,
  };
}

/** Compiles a (validated) alarm in the fact scope of its event type. */
export function compileAlarm(spec: AlarmSpec, scope: FactScope): CompiledAlarm {
  return {
    id: spec.id,
    on: spec.on,
    spec,
    config: alarmConfig(spec),
    statistic: spec.statistic ?? 'avg',
    periodTicks: Math.max(1, secondsToTicks(spec.period)),
    value: spec.value ? compileFact(scope, spec.value) : null,
  };
}
