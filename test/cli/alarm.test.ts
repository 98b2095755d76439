import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from './run';

const ALARM = 'src/cli/alarm.ts';

describe('alarm', { timeout: 60_000 }, () => {
  it('prints one JSON line {state, reason, evaluated} and exits 0: a documented row, ignore keeping OK', async () => {
    const r = await runCli(ALARM, [
      '--datapoints',
      '- - - - X',
      '--periods',
      '3',
      '--to-alarm',
      '3',
      '--missing',
      'ignore',
      '--initial',
      'OK',
    ]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n')).toHaveLength(2);
    const out = JSON.parse(r.stdout) as { state: string; reason: string; evaluated: unknown[] };
    expect(out.state).toBe('OK');
    expect(out.reason).toMatch(/^Missing data ignored: .* the state stays OK\.$/);
    expect(out.evaluated).toEqual([{ index: 4, value: true, breaching: true, filled: false }]);
  });

  it('compares numbers with --threshold and --comparison', async () => {
    const r = await runCli(ALARM, [
      '--datapoints',
      '81.2 77 90.4',
      '--periods',
      '3',
      '--to-alarm',
      '3',
      '--threshold',
      '70',
      '--comparison',
      'gt',
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject({
      state: 'ALARM',
      reason:
        'Threshold Crossed: 3 out of the last 3 datapoints [81.2, 77.0, 90.4] were greater than the threshold (70.0)',
    });
  });

  it.each([
    [['--periods', '3', '--to-alarm', '3'], /^missing --datapoints \(usage: /],
    [['--datapoints', '0 - Y', '--periods', '3', '--to-alarm', '3'], /^--datapoints: datapoint 3 is "Y"; expected X/],
    [['--datapoints', '0', '--periods', '3', '--to-alarm', '4'], /^--to-alarm: expected a whole number from 1 to 3/],
    [['--datapoints', '0', '--periods', 'x', '--to-alarm', '1'], /^--periods: expected a whole number/],
    [['--datapoints', '0', '--periods', '3', '--to-alarm', '2', '--missing', 'breachng'], /did you mean "breaching"\?/],
    [['--datapoints', '0', '--periods', '1', '--to-alarm', '1', '--initial', 'ok'], /^--initial: unknown value "ok"/],
    [
      ['--datapoints', '50 60', '--periods', '1', '--to-alarm', '1'],
      /^--threshold: numeric datapoints need a threshold/,
    ],
    [['--datapoints', '0', '--periods', '1', '--to-alarm', '1', '--bogus', '1'], /^Unknown option '--bogus'/],
  ])('refuses %j with one clear line on stderr and exit 2', async (args, message) => {
    const r = await runCli(ALARM, args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
