import { describe, expect, it } from 'vitest';
import { runCli } from './run';

const RULES = 'test/fixtures/locale/string-order.json';
const args = ['--scenario', 'demo', '--rules', RULES, '--seed', '7', '--seconds', '5', '--json'];

describe('string comparisons and the locale', () => {
  it('give the same hash and fires under en_US and da_DK: strings order by code point', async () => {
    const [en, da] = await Promise.all([
      runCli('src/cli/sim.ts', args, { LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }),
      runCli('src/cli/sim.ts', args, { LC_ALL: 'da_DK.UTF-8', LANG: 'da_DK.UTF-8' }),
    ]);
    expect(en.stderr).toBe('');
    expect(da.stderr).toBe('');
    const [a, b] = [JSON.parse(en.stdout), JSON.parse(da.stdout)];
    expect(a.hash).toBe(b.hash);
    // "aa" > "z" only in Danish collation, "a" < "B" only in English; by code point neither holds, and "a", "aa" ∈ [a, b].
    expect(a.triggers).toMatchObject({ 'after-z': 0, 'before-capital-b': 0 });
    expect(b.triggers).toEqual(a.triggers);
    expect(a.triggers['between-a-and-b']).toBe(2 * a.triggers['say-aa']);
    expect(a.triggers['say-aa']).toBeGreaterThan(0);
  }, 60_000);
});
