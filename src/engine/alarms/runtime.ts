import type { SirenEvent } from '../events';
import type { FactContext } from '../rules/ruleTypes';
import type { CompiledAlarm } from './compile';
import { addToPeriod, emptyPeriod, periodDatapoint } from './aggregate';
import type { PeriodAccumulator } from './aggregate';
import { evaluateAlarm, evaluationRange } from './evaluate';
import type { AlarmState, Datapoint } from './evaluate';
import { formatDatapoints } from './notation';
import type { AlarmFact } from './spec';

/** One alarm's live state: the current period's events, the closed periods' datapoints, its state and why. */
export interface AlarmStatus {
  readonly alarm: CompiledAlarm;
  state: AlarmState;
  reason: string;
  /** The evaluation range of datapoints, oldest first (null = missing). */
  datapoints: Datapoint[];
  period: PeriodAccumulator;
}

/** A copy of every alarm's state, for snapshots (plain data). */
export type AlarmSnapshot = readonly {
  id: string;
  state: AlarmState;
  reason: string;
  datapoints: Datapoint[];
  period: PeriodAccumulator;
}[];

/** The rules' alarms at run time: the engine feeds them events and closes their periods. */
export interface AlarmSet {
  /** Every alarm in file order. */
  readonly list: readonly Readonly<AlarmStatus>[];
  /** Adds an event to the current period of each alarm on its type (before triggers see it). */
  feed(ev: SirenEvent, fc: FactContext): void;
  /** At the end of a tick: each alarm whose period ends at `end` (the next tick) closes it into a datapoint, evaluates, and emits alarm.changed on a change. */
  close(end: number, emit: (type: string, payload: object) => void): void;
  /** `alarm.<id>.state` or `alarm.<id>.datapoints` ('' for an unknown alarm). */
  read(id: string, fact: AlarmFact): string;
  save(): AlarmSnapshot;
}

const INITIAL_REASON = 'Unchecked: Initial alarm creation';

/**
 * Creates the alarms of compiled rules. An alarm whose id and definition are unchanged from `previous` keeps its
 * state and datapoints (so applying rules does not reset it); `snapshot` restores saved states (rewind).
 */
export function createAlarmSet(
  alarms: readonly CompiledAlarm[],
  previous?: AlarmSet,
  snapshot?: AlarmSnapshot,
): AlarmSet {
  const old = new Map<string, AlarmStatus | AlarmSnapshot[number]>();
  for (const s of previous?.list ?? []) old.set(s.alarm.id, s);
  const kept = new Map<string, AlarmSnapshot[number]>();
  for (const s of snapshot ?? []) kept.set(s.id, s);
  const list: AlarmStatus[] = alarms.map((alarm) => {
    const was = old.get(alarm.id);
    const same = was && 'alarm' in was && JSON.stringify(was.alarm.spec) === JSON.stringify(alarm.spec);
    const from = kept.get(alarm.id) ?? (same ? was : undefined);
    return {
      alarm,
      state: from?.state ?? 'INSUFFICIENT_DATA',
      reason: from?.reason ?? INITIAL_REASON,
      datapoints: from ? from.datapoints.slice() : [],
      period: from ? { ...from.period } : emptyPeriod(),
    };
  });
  const byId = new Map(list.map((s) => [s.alarm.id, s]));
  const byType = new Map<string, AlarmStatus[]>();
  for (const s of list) byType.set(s.alarm.on, [...(byType.get(s.alarm.on) ?? []), s]);

  return {
    list,
    feed(ev, fc) {
      const fed = byType.get(ev.type);
      if (fed) for (const s of fed) addToPeriod(s.period, s.alarm.value ? Number(s.alarm.value(ev, fc)) : 1);
    },
    close(end, emit) {
      for (const s of list) {
        if (end % s.alarm.periodTicks !== 0) continue;
        s.datapoints.push(periodDatapoint(s.period, s.alarm.statistic));
        const size = evaluationRange(s.alarm.config.periods);
        if (s.datapoints.length > size) s.datapoints.splice(0, s.datapoints.length - size);
        s.period = emptyPeriod();
        const v = evaluateAlarm(s.alarm.config, s.datapoints, s.state);
        const from = s.state;
        s.reason = v.reason;
        if (v.state === from) continue;
        s.state = v.state;
        emit('alarm.changed', { alarm: s.alarm.id, from, to: v.state, reason: v.reason });
      }
    },
    read(id, fact) {
      const s = byId.get(id);
      if (!s) return '';
      return fact === 'state' ? s.state : formatDatapoints(s.datapoints);
    },
    save: () =>
      list.map((s) => ({
        id: s.alarm.id,
        state: s.state,
        reason: s.reason,
        datapoints: s.datapoints.slice(),
        period: { ...s.period },
      })),
  };
}
