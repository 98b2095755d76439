import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from './run';

const VALIDATE = 'src/cli/validate.ts';
const dir = mkdtempSync(join(tmpdir(), 'siren-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const expected = (name: string) => readFileSync(`test/fixtures/bad-rules/${name}.expected.txt`, 'utf8');

describe('validate', { timeout: 60_000 }, () => {
  it('prints "ok <file>" on stdout for each good file and exits 0', async () => {
    const copy = join(dir, 'copy.json');
    writeFileSync(copy, readFileSync('public/rules/demo.json'));
    const r = await runCli(VALIDATE, ['public/rules/demo.json', copy]);
    expect(r).toEqual({ code: 0, stdout: `ok public/rules/demo.json\nok ${copy}\n`, stderr: '' });
  });

  it('checks each file against the scenario its own "scenario" field names: ok on stdout, errors on stderr, exit 2', async () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, '{\n  "version": 1,\n  "scenario": "dmeo",\n  "triggers": []\n}\n');
    const r = await runCli(VALIDATE, [
      'test/fixtures/bad-rules/73-unknown-behaviour.json',
      'public/rules/demo.json',
      'test/fixtures/bad-rules/85-several-errors.json',
      other,
      'no/such.json',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('ok public/rules/demo.json\n');
    expect(r.stderr).toBe(
      expected('73-unknown-behaviour') +
        expected('85-several-errors') +
        `${other}:3:3  scenario  unknown scenario "dmeo"; did you mean "demo"?\n` +
        'no/such.json: cannot read the file (ENOENT)\n',
    );
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('with no file, says so with the usage line and exits 2', async () => {
    const none = await runCli(VALIDATE, []);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^no rules file given\nusage: /);
    expect(hasStackTrace(none.stderr)).toBe(false);
  });
});
