import { describe, expect, it } from 'vitest';
import { createAlarmSet } from '../../../src/engine';
import type { CompiledRules, FactContext } from '../../../src/engine';
import { compile } from '../helpers';

const fc: FactContext = { world: {}, entity: () => undefined };
const base = { on: 'lab.ping', value: 'event.n', comparison: 'gt', threshold: 10, periods: 2, toAlarm: 2, period: 1 };

/** Lab rules with these alarms (their ids referenced by nothing). */
function rulesWith(...alarms: Record<string, unknown>[]): CompiledRules {
  return compile(
    JSON.stringify({
      version: 1,
      scenario: 'lab',
      alarms,
      triggers: [{ id: 't', on: 'lab.ping', do: [{ behaviour: 'note' }] }],
    }),
  );
}
const ping = (n: unknown) => ({ seq: 0, type: 'lab.ping', tick: 0, payload: { n } });

describe('an alarm set', () => {
  it('starts every alarm unchecked, with no datapoints', () => {
    const set = createAlarmSet(rulesWith({ id: 'hot', ...base }).alarms);
    expect(set.list.map((s) => [s.alarm.id, s.state, s.reason])).toEqual([
      ['hot', 'INSUFFICIENT_DATA', 'Unchecked: Initial alarm creation'],
    ]);
    expect(set.read('hot', 'state')).toBe('INSUFFICIENT_DATA');
    expect(set.read('hot', 'datapoints')).toBe('');
  });

  it('closes a period into its statistic at its end, and emits alarm.changed when M of N breach', () => {
    const set = createAlarmSet(rulesWith({ id: 'hot', ...base }).alarms);
    const emitted: [string, object][] = [];
    const emit = (type: string, payload: object) => emitted.push([type, payload]);
    set.feed(ping(12), fc);
    set.feed(ping(20), fc);
    set.close(30, emit); // not the end of a 60-tick period
    expect(set.read('hot', 'datapoints')).toBe('');
    set.close(60, emit);
    expect(set.read('hot', 'datapoints')).toBe('16');
    set.feed(ping(11), fc);
    set.close(120, emit);
    expect(set.read('hot', 'datapoints')).toBe('16 11');
    expect(set.read('hot', 'state')).toBe('ALARM');
    expect(emitted).toHaveLength(1);
    expect(emitted[0]?.[0]).toBe('alarm.changed');
    expect(emitted[0]?.[1]).toMatchObject({ alarm: 'hot', to: 'ALARM' });
    expect(set.list[0]?.reason).toBe((emitted[0]?.[1] as { reason: string }).reason);
  });

  it('keeps only the evaluation range of datapoints (N + 2), and an empty period is missing', () => {
    const set = createAlarmSet(rulesWith({ id: 'hot', ...base }).alarms);
    for (let p = 1; p <= 6; p++) {
      if (p !== 5) set.feed(ping(p), fc);
      set.close(p * 60, () => undefined);
    }
    expect(set.read('hot', 'datapoints')).toBe('3 4 - 6');
  });

  it('counts events for a count alarm and skips values that are not finite numbers', () => {
    const set = createAlarmSet(
      rulesWith({ id: 'busy', ...base, value: undefined, statistic: 'count' }, { id: 'top', ...base, statistic: 'max' })
        .alarms,
    );
    for (const n of [1, 'x', 7, null]) set.feed(ping(n), fc);
    set.feed({ ...ping(99), type: 'lab.hit' }, fc);
    set.close(60, () => undefined);
    expect(set.read('busy', 'datapoints')).toBe('4');
    expect(set.read('top', 'datapoints')).toBe('7');
  });

  it('reads an unknown alarm, "__proto__" included, as empty', () => {
    const set = createAlarmSet(rulesWith({ id: 'hot', ...base }).alarms);
    expect(set.read('nope', 'state')).toBe('');
    expect(set.read('__proto__', 'datapoints')).toBe('');
  });

  it('an alarm unchanged by new rules keeps its state and data; a changed one starts again', () => {
    const set = createAlarmSet(rulesWith({ id: 'hot', ...base }, { id: 'cold', ...base }).alarms);
    for (const end of [60, 120]) {
      set.feed(ping(50), fc);
      set.close(end, () => undefined);
    }
    const next = createAlarmSet(rulesWith({ id: 'hot', ...base }, { id: 'cold', ...base, threshold: 99 }).alarms, set);
    expect(next.read('hot', 'state')).toBe('ALARM');
    expect(next.read('hot', 'datapoints')).toBe('50 50');
    expect(next.read('cold', 'state')).toBe('INSUFFICIENT_DATA');
    expect(next.read('cold', 'datapoints')).toBe('');
  });

  it('restores a saved snapshot as a copy, whatever the previous set held', () => {
    const rules = rulesWith({ id: 'hot', ...base });
    const set = createAlarmSet(rules.alarms);
    set.feed(ping(50), fc);
    set.close(60, () => undefined);
    set.feed(ping(3), fc);
    const saved = set.save();
    expect(saved).toEqual([
      {
        id: 'hot',
        state: 'INSUFFICIENT_DATA',
        reason: set.list[0]?.reason,
        datapoints: [50],
        period: { count: 1, sum: 3, min: 3, max: 3 },
      },
    ]);
    set.close(120, () => undefined);
    const restored = createAlarmSet(rules.alarms, set, saved);
    expect(restored.read('hot', 'datapoints')).toBe('50');
    expect(restored.list[0]?.period).toEqual({ count: 1, sum: 3, min: 3, max: 3 });
    restored.feed(ping(1), fc);
    expect(saved[0]?.period.count).toBe(1);
  });
});
