import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from './run';

const SIM = 'src/cli/sim.ts';
const VALIDATE = 'src/cli/validate.ts';
const dir = mkdtempSync(join(tmpdir(), 'siren-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files that are not files', { timeout: 60_000 }, () => {
  it('a device, a directory, a pipe and a file over 1 MB each get one line, without being read, and exit 2', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const big = join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(1_000_001, 0x20));
    const r = await runCli(VALIDATE, ['/dev/zero', dir, fifo, big, 'public/rules/demo.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('ok public/rules/demo.json\n');
    expect(r.stderr).toBe(
      [
        '/dev/zero: cannot read the file: it is a device, not a file',
        `${dir}: cannot read the file: it is a directory, not a file`,
        `${fifo}: cannot read the file: it is a pipe, not a file`,
        `${big}:1:1  (file)  file is too large: 1000001 bytes, the limit is 1000000`,
        '',
      ].join('\n'),
    );
  });

  it('sim --rules /dev/zero says so in one line and exits 2', async () => {
    const r = await runCli(SIM, ['--scenario', 'demo', '--rules', '/dev/zero']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: '/dev/zero: cannot read the rules file: it is a device, not a file\n',
    });
  });
});

describe('validate', { timeout: 60_000 }, () => {
  it("the README's `validate -- public/rules/*.json` passes: the JSON Schema in that folder is skipped, not an error", async () => {
    const r = await runCli(VALIDATE, [
      'public/rules/city.json',
      'public/rules/cloud.json',
      'public/rules/demo.json',
      'public/rules/rules.schema.json',
    ]);
    expect(r).toEqual({
      code: 0,
      stdout:
        'ok public/rules/city.json\nok public/rules/cloud.json\nok public/rules/demo.json\n' +
        'skip public/rules/rules.schema.json (the JSON Schema of rules files, not a rules file)\n',
      stderr: '',
    });
  });

  it('an unknown scenario is one error at the top-level key; every other error is still reported (CR-only lines too)', async () => {
    const cr = join(dir, 'cr.json');
    writeFileSync(
      cr,
      '{\r  "description": "mentions \\"scenario\\": early",\r  "version": 1,\r  "scenario": "toString",\r' +
        '  "triggers": [{ "id": "t", "on": "demo.hti", "do": [{ "behaviour": "addScore", "amount": 1 }] }]\r}\r',
    );
    const r = await runCli(VALIDATE, [cr]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${cr}:4:3  scenario  unknown scenario "toString"; expected one of "demo", "city", "cloud"; the rest of the file was checked against "demo"\n` +
        `${cr}:5:35  triggers[0].on  unknown event type "demo.hti"; did you mean "demo.hit"?\n`,
    );
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('sim output', { timeout: 60_000 }, () => {
  it.runIf(existsSync('/dev/full'))(
    '--events to a full device: the summary still prints, then one line on stderr, exit 1',
    async () => {
      const r = await runCli(SIM, ['--scenario', 'demo', '--seconds', '2', '--json', '--events', '/dev/full']);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).ticks).toBe(120);
      expect(r.stderr).toBe('--events: cannot write /dev/full (ENOSPC); the file is incomplete\n');
    },
  );

  it('--events to a path that cannot be opened is refused before the run, exit 2', async () => {
    const r = await runCli(SIM, ['--scenario', 'demo', '--seconds', '2', '--events', dir]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `--events: cannot write ${dir} (EISDIR)\n` });
  });

  it('--json with --explain prints exactly one JSON object, the explanation inside it', async () => {
    const r = await runCli(SIM, ['--scenario', 'demo', '--seconds', '5', '--json', '--explain', 'big-hit-scores']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.explain.trigger).toBe('big-hit-scores');
    expect(summary.explain.lines[0]).toMatch(/^tick \d+ seq \d+ demo\.hit .* → (fired|did not fire)$/);
  });

  it('a scenario or --explain trigger named like an inherited property is unknown, exit 2, no stack', async () => {
    const [a, b] = await Promise.all([
      runCli(SIM, ['--scenario', 'constructor']),
      runCli(SIM, ['--scenario', 'demo', '--explain', 'toString']),
    ]);
    expect(a).toEqual({
      code: 2,
      stdout: '',
      stderr: '--scenario: unknown scenario "constructor"; expected one of "demo", "city", "cloud"\n',
    });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(
      /^--explain: unknown trigger "toString"; expected one of .* \(in public\/rules\/demo\.json\)\n$/,
    );
  });
});
