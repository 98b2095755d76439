import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alarmStates, evaluateAlarm, parseDatapoints } from '../../../src/engine/alarms';
import type { AlarmConfig, AlarmState, Datapoint, MissingTreatment } from '../../../src/engine/alarms';

type Cell = AlarmState | 'retain';
/** A row of AWS's tables: datapoints (oldest first) → state per treatment (MISSING, IGNORE, BREACHING, NOT BREACHING). */
type Row = [string, Cell, Cell, Cell, Cell];

const TREATMENTS: MissingTreatment[] = ['missing', 'ignore', 'breaching', 'notBreaching'];

// "Configuring how CloudWatch alarms treat missing data": Datapoints to Alarm 3, Evaluation Periods 3, range 5.
const THREE_OF_THREE: Row[] = [
  ['0 - X - X', 'OK', 'OK', 'OK', 'OK'],
  ['0 - - - -', 'OK', 'OK', 'OK', 'OK'],
  ['- - - - -', 'INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK'],
  ['0 X X - X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
  ['- - - - X', 'INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK'],
  // The premature alarm: the oldest evaluated datapoint breaches and none is not breaching.
  ['X - - - -', 'ALARM', 'retain', 'ALARM', 'OK'],
];

// The same section, 2 out of 3 (M of N).
const TWO_OF_THREE: Row[] = [
  ['0 - X - X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
  ['0 0 X 0 X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
  ['0 - X - -', 'OK', 'OK', 'ALARM', 'OK'],
  ['- - - - 0', 'OK', 'OK', 'ALARM', 'OK'],
  ['- - - - X', 'INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK'],
];

function points(text: string): Datapoint[] {
  const parsed = parseDatapoints(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.datapoints;
}

function table(name: string, toAlarm: number, rows: Row[]): void {
  describe(name, () => {
    for (const [dps, ...cells] of rows)
      cells.forEach((cell, i) => {
        const missing = TREATMENTS[i] as MissingTreatment;
        it(`${dps} with missing data treated as ${missing} → ${cell}`, () => {
          const config: AlarmConfig = { periods: 3, toAlarm, missing, comparison: 'gt' };
          for (const current of alarmStates) {
            const v = evaluateAlarm(config, points(dps), current);
            expect(v.state).toBe(cell === 'retain' ? current : cell);
          }
        });
      });
  });
}

table('the documented table: 3 out of 3 datapoints, evaluation range 5', 3, THREE_OF_THREE);
table('the documented table: 2 out of 3 datapoints, evaluation range 5', 2, TWO_OF_THREE);

describe('evaluateAlarm', () => {
  const cpu: AlarmConfig = { periods: 3, toAlarm: 3, missing: 'missing', comparison: 'gt', threshold: 70 };

  it('writes the reason as CloudWatch does, datapoints oldest first', () => {
    const v = evaluateAlarm(cpu, [81.2, 77, 90.4], 'OK');
    expect(v.state).toBe('ALARM');
    expect(v.reason).toBe(
      'Threshold Crossed: 3 out of the last 3 datapoints [81.2, 77.0, 90.4] were greater than the threshold (70.0)',
    );
  });

  it('says how many datapoints were not breaching when it is OK', () => {
    const v = evaluateAlarm({ ...cpu, toAlarm: 2 }, [81.2, 40, 90.4, 30]);
    expect(v.state).toBe('OK');
    expect(v.reason).toBe(
      'Threshold Crossed: 2 out of the last 3 datapoints [40.0, 90.4, 30.0] were not greater than the threshold (70.0)',
    );
  });

  it('fills the newest missing datapoints, keeping every real one ("0 - - - -" as breaching is 0, X, X)', () => {
    const v = evaluateAlarm({ ...cpu, missing: 'breaching' }, [10, null, null, null, null]);
    expect(v.state).toBe('OK');
    expect(v.evaluated.map((p) => [p.index, p.breaching, p.filled])).toEqual([
      [0, false, false],
      [3, true, true],
      [4, true, true],
    ]);
    expect(v.reason).toContain('(2 missing datapoints treated as breaching)');
  });

  it('goes to ALARM once the non-breaching datapoint leaves the range, as the documentation says', () => {
    const v = evaluateAlarm({ ...cpu, missing: 'breaching' }, [10, null, null, null, null, null]);
    expect(v.state).toBe('ALARM');
  });

  it('reads only the evaluation range: older datapoints do not count', () => {
    expect(evaluateAlarm(cpu, [90, 90, 90, null, null, null, null, null]).state).toBe('INSUFFICIENT_DATA');
  });

  it('explains INSUFFICIENT_DATA, a retained state and a premature ALARM', () => {
    expect(evaluateAlarm(cpu, []).reason).toBe('Insufficient Data: 5 datapoints were unknown.');
    expect(evaluateAlarm({ ...cpu, missing: 'ignore' }, [null], 'ALARM').reason).toContain('the state stays ALARM');
    const early = evaluateAlarm(cpu, [95, null, null, null, null], 'OK');
    expect([early.state, early.rule]).toEqual(['ALARM', 'premature']);
  });

  it('compares with each operator, inclusive or not', () => {
    const at = (comparison: AlarmConfig['comparison']) =>
      evaluateAlarm({ ...cpu, toAlarm: 1, periods: 1, comparison }, [70]).state;
    expect([at('gt'), at('gte'), at('lt'), at('lte')]).toEqual(['OK', 'ALARM', 'OK', 'ALARM']);
  });
});

describe('evaluateAlarm, property', () => {
  const point = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: 0, max: 100 }));
  const config = fc
    .record({
      periods: fc.integer({ min: 1, max: 6 }),
      m: fc.integer({ min: 1, max: 6 }),
      missing: fc.constantFrom<MissingTreatment>(...TREATMENTS),
      comparison: fc.constantFrom<AlarmConfig['comparison']>('gt', 'gte', 'lt', 'lte'),
      threshold: fc.integer({ min: 0, max: 100 }),
    })
    .map(({ m, ...c }) => ({ ...c, toAlarm: Math.min(m, c.periods) }));

  it('depends only on the last evaluation range of datapoints and the current state', () => {
    fc.assert(
      fc.property(
        config,
        fc.array(point, { maxLength: 12 }),
        fc.array(point, { maxLength: 12 }),
        fc.array(point, { minLength: 8, maxLength: 12 }),
        fc.constantFrom<AlarmState>(...alarmStates),
        (c, olderA, olderB, recent, current) => {
          const a = evaluateAlarm(c, [...olderA, ...recent], current);
          const b = evaluateAlarm(c, [...olderB, ...recent], current);
          const alone = evaluateAlarm(c, recent.slice(-(c.periods + 2)), current);
          expect([a.state, a.reason]).toEqual([b.state, b.reason]);
          expect([a.state, a.reason]).toEqual([alone.state, alone.reason]);
        },
      ),
    );
  });

  it('with at least N real datapoints the treatment does not matter', () => {
    fc.assert(
      fc.property(config, fc.array(point, { maxLength: 12 }), (c, dps) => {
        const range = dps.slice(-(c.periods + 2));
        fc.pre(range.filter((d) => d !== null).length >= c.periods);
        const states = TREATMENTS.map((missing) => evaluateAlarm({ ...c, missing }, dps, 'OK').state);
        expect(new Set(states).size).toBe(1);
      }),
    );
  });
});
