import { describe, expect, inject, it } from 'vitest';
import { freePort } from '../../../src/cli/classroom/broker';
import { hasStackTrace, runCli } from '../../cli/run';
import { freshRoom } from './client';

const SIM = 'src/cli/sim.ts';
const ROOM = 'src/cli/room.ts';

describe('sim --publish and room', () => {
  it('publishes the whole run, then room prints it as NDJSON with stream sequences, filtered and from an offset', async () => {
    const broker = inject('brokerUrl');
    const room = freshRoom('cli');
    const args = ['--scenario', 'city', '--seconds', '20', '--json', '--publish', broker, '--room', room];
    const sim = await runCli(SIM, [...args, '--name', 'bot1']);
    expect(sim.stderr).toBe('');
    const summary = JSON.parse(sim.stdout) as { events: Record<string, number>; published: number };
    const total = Object.values(summary.events).reduce((a, b) => a + b, 0);
    expect(summary.published).toBe(total);

    const all = await runCli(ROOM, ['--broker', broker, '--room', room]);
    expect(all.code).toBe(0);
    const lines = all.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { stream: number; seq: number; type: string });
    expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(lines.every((l, i) => i === 0 || l.stream > lines[i - 1]!.stream)).toBe(true);

    const from = lines[10]!.stream;
    const later = await runCli(ROOM, [
      '--broker',
      broker,
      '--room',
      room,
      '--from',
      String(from),
      '--type',
      'trigger.fired',
    ]);
    const picked = later.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { stream: number; type: string });
    expect(picked.map((l) => l.stream)).toEqual(
      lines.filter((l) => l.stream >= from && l.type === 'trigger.fired').map((l) => l.stream),
    );
  });

  it('says in one line when the broker cannot be reached, and exits non-zero', async () => {
    const port = await freePort();
    const r = await runCli(SIM, [
      '--scenario',
      'city',
      '--publish',
      `nats://127.0.0.1:${port}`,
      '--room',
      'r1',
      '--name',
      'b',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      `cannot reach the broker at nats://127.0.0.1:${port}: connection refused`,
    ]);
  });

  it('refuses a room or name that is not a subject token with exit 2', async () => {
    const broker = inject('brokerUrl');
    for (const [flag, value] of [
      ['--room', 'r.1'],
      ['--name', 'a*'],
    ] as const) {
      const args = ['--scenario', 'city', '--publish', broker, '--room', 'r1', '--name', 'b'];
      args[args.indexOf(flag) + 1] = value;
      const r = await runCli(SIM, args);
      expect(r.code).toBe(2);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.stderr).toContain(`${flag}: expected 1 to 64 letters, digits, "-" or "_", found "${value}"`);
    }
  });
});
