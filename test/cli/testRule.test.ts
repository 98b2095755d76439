import { beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from './run';
import type { CliResult } from './run';

const CLI = 'src/cli/testRule.ts';
const RULES = 'test/fixtures/test-rule/hits.json';
const hit = (target: number, amount: number) => JSON.stringify({ type: 'demo.hit', payload: { target, amount } });

const runs: Record<string, string[]> = {
  all: ['--rules', RULES, '--event', hit(3, 20)],
  worldBlocks: ['--rules', RULES, '--trigger', 'big-hit', '--event', hit(3, 20), '--world', '{"alarm": true}'],
  nobody: ['--rules', RULES, '--event', JSON.stringify({ type: 'demo.score.changed', payload: { from: 0, to: 1 } })],
  badJson: ['--rules', RULES, '--event', '{"type": "demo.hit"'],
  badTrigger: ['--rules', RULES, '--trigger', 'big-hits', '--event', hit(1, 1)],
  badType: ['--rules', RULES, '--event', '{"type": "demo.hti"}'],
  badField: ['--rules', RULES, '--event', '{"type": "demo.hit", "payload": {"amout": 3}}'],
  badWorld: ['--rules', RULES, '--event', hit(1, 1), '--world', '{"alarms": true, "score": "x"}'],
  noEvent: ['--rules', RULES],
  badRules: ['--rules', 'test/fixtures/bad-rules/129-ends-with-misspelled.json', '--event', hit(1, 1)],
};
const r: Record<string, CliResult> = {};

beforeAll(async () => {
  const names = Object.keys(runs);
  const results = await Promise.all(names.map((n) => runCli(CLI, runs[n] as string[])));
  names.forEach((n, i) => (r[n] = results[i] as CliResult));
}, 120_000);

describe('npm run test-rule', () => {
  it('prints every trigger on the event type with each condition and the values compared; exit 0 when one matched', () => {
    expect(r.all?.code).toBe(0);
    expect(r.all?.stderr).toBe('');
    expect(r.all?.stdout).toBe(
      [
        'event demo.hit {"target":3,"amount":20}',
        `✓ big-hit  matched  (${RULES}:5:5)`,
        '    ✓ all of these hold',
        '      ✓ event.amount = 20, expected ≥ 15',
        '      ✓ world.alarm = false, expected = false',
        `✗ named-hit  not matched  (${RULES}:16:5)`,
        '    ✗ event.target = 3, expected in [1,2]',
        `✗ off  not matched  (${RULES}:22:5)`,
        '    blocked: it is disabled ("enabled": false)',
        '    (no condition: it matches every event of its type)',
        '1 of 3 triggers matched',
        '',
      ].join('\n'),
    );
  });

  it('--trigger tests one trigger and --world sets facts; exit 1 when none matched', () => {
    expect(r.worldBlocks?.code).toBe(1);
    expect(r.worldBlocks?.stdout).toContain('✗ world.alarm = true, expected = false');
    expect(r.worldBlocks?.stdout).toContain('✓ event.amount = 20, expected ≥ 15');
    expect(r.worldBlocks?.stdout).toContain('0 of 1 trigger matched');
  });

  it('says so and exits 1 when no trigger listens to the event', () => {
    expect(r.nobody?.code).toBe(1);
    expect(r.nobody?.stdout).toContain(`no trigger in ${RULES} listens to "demo.score.changed"`);
  });

  it('exits 2 on bad input, with a located message and a did-you-mean, and prints nothing on stdout', () => {
    const want: Record<string, string> = {
      badJson: '--event: the sample is not valid JSON',
      badTrigger: '--trigger: unknown trigger "big-hits"; did you mean "big-hit"?',
      badType: '--event: unknown event type "demo.hti"; did you mean "demo.hit"?',
      badField: '--event: payload: unknown field "amout" of "demo.hit" events; did you mean "amount"?',
      badWorld:
        '--world: unknown world fact "world.alarms"; did you mean "world.alarm"?\n--world: world.score is number, found "x"',
      noEvent: '--event is required',
      badRules: 'triggers[0].when.op  unknown operator "endWith"; did you mean "endsWith"?',
    };
    for (const [name, text] of Object.entries(want)) {
      expect(r[name]?.code, name).toBe(2);
      expect(r[name]?.stdout, name).toBe('');
      expect(r[name]?.stderr, name).toContain(text);
      expect(hasStackTrace(r[name]?.stderr ?? ''), name).toBe(false);
    }
  });
});
