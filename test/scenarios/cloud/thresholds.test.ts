import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError, loadRules, scenarioCatalogue } from '../../../src/engine';
import type { CompiledRules } from '../../../src/engine';
import { alarmRules, cloudScenario } from '../../../src/scenarios/cloud';

interface RulesDoc {
  alarms?: { id: string; threshold: number; toAlarm: number }[];
  windows?: unknown[];
  triggers: unknown[];
}

/** A fresh copy of public/rules/cloud.json. */
const cloudRules = (): RulesDoc => JSON.parse(readFileSync('public/rules/cloud.json', 'utf8')) as RulesDoc;

function compile(doc: RulesDoc): CompiledRules {
  const r = loadRules(
    JSON.stringify({ version: 1, scenario: 'cloud', ...doc }),
    scenarioCatalogue(cloudScenario),
    'cloud.json',
  );
  if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
  return r.rules;
}

const windows = [
  { id: 'last5', on: 'pool.sampled', value: 'event.cpu', last: 5, where: { fact: 'event.cpu', op: 'gt', value: 70 } },
  { id: 'recent', on: 'pool.sampled', value: 'event.cpu', last: 4 },
];
const cmp = (fact: string, op: string, value: unknown) => ({ fact, op, value });
/** A trigger every 5 s that sets `alarm` to `state` when `when` holds. */
const setter = (id: string, when: unknown, alarm = 'cpuHigh', state = 'ALARM') => ({
  id,
  every: 5,
  when,
  do: [{ behaviour: 'setAlarm', alarm, state }],
});

describe('alarm thresholds for the dashboard', () => {
  it('reads each alarm of the rules (N of M datapoints against a threshold), edits included', () => {
    expect(alarmRules(compile(cloudRules()))).toEqual([
      { alarm: 'cpuHigh', trigger: '', op: 'gt', threshold: 70, datapoints: 3, of: 5 },
      { alarm: 'cpuLow', trigger: '', op: 'lt', threshold: 30, datapoints: 5, of: 5 },
    ]);
    const doc = cloudRules();
    const [high, low] = doc.alarms as [
      NonNullable<RulesDoc['alarms']>[number],
      NonNullable<RulesDoc['alarms']>[number],
    ];
    high.threshold = 85;
    high.toAlarm = 2;
    low.threshold = 45;
    expect(alarmRules(compile(doc)).map((r) => [r.alarm, r.threshold, r.datapoints])).toEqual([
      ['cpuHigh', 85, 2],
      ['cpuLow', 45, 5],
    ]);
  });

  it('reads "N of the last M samples breach" off a setAlarm trigger on a window\'s matching count', () => {
    const rules = compile({
      windows,
      triggers: [
        setter('high', { all: [cmp('window.last5.matching', 'gte', 3), cmp('window.last5.full', 'eq', 1)] }),
        setter('low', cmp('window.last5.matching', 'gt', 1), 'cpuLow'),
      ],
    });
    expect(alarmRules(rules)).toEqual([
      { alarm: 'cpuHigh', trigger: 'high', op: 'gt', threshold: 70, datapoints: 3, of: 5 },
      { alarm: 'cpuLow', trigger: 'low', op: 'gt', threshold: 70, datapoints: 2, of: 5 },
    ]);
  });

  it('reads "all of them" off a max below or a min above a value, and an average as no count', () => {
    const rules = compile({
      windows,
      triggers: [
        setter('low', cmp('window.recent.max', 'lt', 30), 'cpuLow'),
        setter('high', cmp('window.recent.avg', 'gte', 80)),
      ],
    });
    expect(alarmRules(rules)).toEqual([
      { alarm: 'cpuLow', trigger: 'low', op: 'lt', threshold: 30, datapoints: 4, of: 4 },
      { alarm: 'cpuHigh', trigger: 'high', op: 'gte', threshold: 80, datapoints: null, of: 4 },
    ]);
  });

  it('skips what it cannot read: any/not groups, other states, a second setter, and alarms the file declares', () => {
    const rules = compile({
      windows,
      triggers: [
        setter('ok', cmp('window.recent.max', 'lt', 30), 'cpuHigh', 'OK'),
        setter('either', { any: [cmp('window.recent.max', 'lt', 30)] }),
        setter('negated', { not: cmp('window.recent.min', 'gt', 30) }),
        setter('plain', cmp('window.recent.count', 'gt', 3)),
        setter('first', cmp('window.recent.min', 'gt', 75)),
        setter('second', cmp('window.recent.min', 'gt', 90)),
      ],
    });
    expect(alarmRules(rules)).toEqual([
      { alarm: 'cpuHigh', trigger: 'first', op: 'gt', threshold: 75, datapoints: 4, of: 4 },
    ]);
    expect(alarmRules(compile({ triggers: [setter('none', cmp('world.cpu', 'gt', 3))] }))).toEqual([]);
  });
});
