import { describe, expect, it } from 'vitest';
import { alarmIdsOf, checkAlarms } from '../../../src/engine/alarms/validateAlarms';
import type { AlarmCheckContext } from '../../../src/engine/alarms/validateAlarms';
import { labCatalogue, labEvents } from '../helpers';

type Found = [string, string][];

/** Runs the alarm checks on these alarms; returns each error as [path, message]. */
function check(alarms: unknown, declared: Record<string, boolean> = {}): Found {
  const found: Found = [];
  const error = (path: (string | number)[], message: string) => found.push([path.join('.'), message]);
  const ctx: AlarmCheckContext = {
    catalogue: labCatalogue,
    error,
    eventTypes: [...Object.keys(labCatalogue.events), ...Object.keys(declared)],
    specOf: (type) =>
      Object.hasOwn(labEvents, type)
        ? labEvents[type as keyof typeof labEvents]
        : Object.hasOwn(declared, type)
          ? { description: '', producer: 'rules', fields: {} }
          : undefined,
    anyFields: (type) => Object.hasOwn(declared, type) && declared[type] === true,
    windows: new Set(),
    declareHint: (m) => `${m} (or declare it)`,
  };
  checkAlarms(alarms, alarmIdsOf(alarms, error), ctx);
  return found;
}
const ok = { id: 'hot', on: 'lab.hit', value: 'event.amount', comparison: 'gt', threshold: 1 };
const sized = { periods: 3, toAlarm: 2, period: 60 };

describe('alarm ids', () => {
  it('collects the ids and reports a repeated one at its second use', () => {
    const found: string[] = [];
    const ids = alarmIdsOf([{ id: 'a' }, { id: 'b' }, { id: 'a' }, 7, { id: 3 }], (p, m) =>
      found.push(`${p.join('.')}  ${m}`),
    );
    expect([...ids]).toEqual(['a', 'b']);
    expect(found).toEqual(['alarms.2.id  duplicate alarm id "a"; ids must be unique']);
    expect(alarmIdsOf(undefined, () => undefined).size).toBe(0);
  });
});

describe('alarm checks', () => {
  it('accepts a well-formed alarm, and a count alarm without a value', () => {
    expect(check([{ ...ok, ...sized }])).toEqual([]);
    expect(check([{ ...ok, ...sized, value: undefined, statistic: 'count' }])).toEqual([]);
    expect(check('not a list')).toEqual([]);
  });

  it('needs M ≤ N and at most one day of look-back', () => {
    expect(check([{ ...ok, periods: 2, toAlarm: 3, period: 60 }])).toEqual([
      [
        'alarms.0.toAlarm',
        '"toAlarm" (M, datapoints to alarm) is 3, more than "periods" (N, evaluation periods) 2; M of N needs M ≤ N',
      ],
    ]);
    expect(check([{ ...ok, periods: 25, toAlarm: 1, period: 3600 }])).toEqual([
      [
        'alarms.0.periods',
        '"periods" × "period" is 25 × 3600 s = 90000 s; an alarm may look back at most one day (86400 s)',
      ],
    ]);
    expect(check([{ ...ok, periods: 24, toAlarm: 1, period: 3600 }])).toEqual([]);
  });

  it('needs a value unless the statistic is count', () => {
    expect(check([{ ...ok, ...sized, value: undefined, statistic: 'max' }])).toEqual([
      [
        'alarms.0',
        'missing required field "value" (a numeric fact of each event, e.g. "event.cpu"); only "statistic": "count" needs none',
      ],
    ]);
  });

  it('names an unknown event type with the hint to declare it', () => {
    expect(check([{ ...ok, ...sized, on: 'lab.hitt' }])).toEqual([
      ['alarms.0.on', 'unknown event type "lab.hitt"; did you mean "lab.hit"? (or declare it)'],
    ]);
    expect(check([{ ...ok, ...sized, on: '__proto__' }])[0]?.[1]).toMatch(/^unknown event type "__proto__"; expected/);
  });

  it('needs the value to be a known numeric fact of the event', () => {
    expect(check([{ ...ok, ...sized, value: 'event.amout' }])).toEqual([
      ['alarms.0.value', 'unknown field "amout" of "lab.hit" events; did you mean "amount"?'],
    ]);
    expect(check([{ ...ok, ...sized, value: 'event.source' }])).toEqual([
      ['alarms.0.value', 'an alarm\'s value must be a number; "event.source" is a string'],
    ]);
    expect(check([{ ...ok, ...sized, value: 'entity.hp' }])).toEqual([]);
  });

  it('takes any field of an event declared without a field list', () => {
    expect(check([{ ...ok, ...sized, on: 'my.free', value: 'event.whatever' }], { 'my.free': true })).toEqual([]);
  });
});
