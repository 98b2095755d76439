import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface Summary {
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

describe('npm run sim -- --scenario city', () => {
  it('tells the whole story in 120 seconds, with a summary of the end state', async () => {
    const r = await sim(['--scenario', 'city', '--seed', '1', '--seconds', '120', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Summary;
    for (const t of [
      'damage',
      'health.changed',
      'crime.committed',
      'vehicle.entered',
      'pursuit.started',
      'npc.despawned',
      'pursuit.lost',
      'npc.spawned',
    ])
      expect(s.events[t], t).toBeGreaterThan(0);
    for (const id of [
      'damage-hurts',
      'crime-raises-wanted',
      'pursuit-sirens',
      'pursuit-radio',
      'pursuit-clears-streets',
      'escape-sirens-off',
      'escape-civilians-return',
    ])
      expect(s.triggers[id], id).toBeGreaterThan(0);
    expect(Object.keys(s.final)).toEqual(
      expect.arrayContaining(['health', 'alive', 'wanted', 'pursuitActive', 'civiliansPresent']),
    );
    expect(s.hash).toMatch(/^[0-9a-f]{16}$/);
  }, 60_000);
});
