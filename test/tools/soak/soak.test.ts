import { describe, expect, it } from 'vitest';
import { scenarios } from '../../../src/scenarios';
import { runCli } from '../../cli/run';

// The short version of `npm run soak` (an hour per scenario): 3 simulated minutes each, with the log and history
// small enough to be full after the first; the heap at the end must stay within 10% of the heap after minute 1.
describe('npm run soak, short', () => {
  it('runs every scenario with the heap flat after its bounds fill, and reports both figures', async () => {
    const r = await runCli('src/tools/soak/soak.ts', ['--minutes', '3']);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(Object.keys(scenarios));
    for (const line of lines) {
      expect(line).toMatch(/heap after 1 min [\d.]+ MB, at the end [\d.]+ MB \(-?[\d.]+%\)/);
      expect(line).toMatch(/log 100\/100 retained/);
      expect(line, line).toMatch(/ ok$/);
    }
    expect(r.code).toBe(0);
  }, 180_000);
});
