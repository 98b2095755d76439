import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run';

const DIR = 'test/fixtures/loop-warnings';
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => `${DIR}/${f}`);

describe('npm run validate: loop warnings', () => {
  it('prints each file ok on stdout, its loop warnings on stderr, and exits 0', async () => {
    const r = await runCli('src/cli/validate.ts', files);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(files.map((f) => `ok ${f}\n`).join(''));
    const want = files.map((f) => readFileSync(f.replace(/\.json$/, '.expected.txt'), 'utf8')).join('');
    expect(r.stderr).toBe(want);
    expect(r.stderr).toContain('warning: triggers fire each other in a loop: "ping" (11:5)');
  }, 60_000);
});
