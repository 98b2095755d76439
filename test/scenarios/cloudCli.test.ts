import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface Summary {
  scenario: string;
  seed: number;
  ticks: number;
  hash: string;
  events: Record<string, number>;
  triggers: Record<string, number>;
  final: Record<string, unknown>;
}

function sim(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/sim.ts', ...args],
      { encoding: 'utf8', maxBuffer: 16 << 20 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run sim -- --scenario cloud', () => {
  it('prints one JSON summary with the pool, the alarm and the emails; the same seed gives the same hash', async () => {
    const [a, b] = await Promise.all([
      sim(['--scenario', 'cloud', '--json']),
      sim(['--scenario', 'cloud', '--seed', '1', '--seconds', '60', '--json']),
    ]);
    // stderr holds only what the rules say: announce-alarm's caption when cpuHigh goes to ALARM.
    expect(a.stderr).toMatch(/^(say {2}tick \d+ {2}[^\n]+\n)+$/);
    expect(a.stderr).toContain('cpuHigh is in ALARM');
    expect(a.code).toBe(0);
    const s = JSON.parse(a.stdout) as Summary;
    expect(s).toMatchObject({ scenario: 'cloud', seed: 1, ticks: 3600 });
    expect(s.hash).toMatch(/^[0-9a-f]{16}$/);
    expect((JSON.parse(b.stdout) as Summary).hash).toBe(s.hash);
    // The autopilot presses Spike 20 s in: within a minute the alarm, an email and a scale-out happen.
    for (const t of ['cpu.sampled', 'pool.sampled', 'alarm.changed', 'email.sent', 'pool.scaled', 'load.changed'])
      expect(s.events[t], t).toBeGreaterThan(0);
    for (const id of ['dashboard', 'page-on-call', 'announce-alarm', 'scale-out-now'])
      expect(s.triggers[id], id).toBeGreaterThan(0);
    expect(Object.keys(s.final)).toEqual(expect.arrayContaining(['poolSize', 'alarm', 'emailsSent']));
    expect(s.final.emailsSent).toBeGreaterThan(0);
  }, 60_000);
});
