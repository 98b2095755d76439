import { describe, expect, it } from 'vitest';
import { emit, idle, labEngine, ofType, ping } from './helpers';

const echo = (id: string, on: string, next: string, copies: number) => ({
  id,
  on,
  delay: 0.1,
  do: Array.from({ length: copies }, () => ({ behaviour: 'emit', event: next })),
});

function growingLoop(copies: number) {
  return labEngine(
    [
      { id: 'start', on: 'lab.ping', do: [{ behaviour: 'emit', event: 'lab.echo' }] },
      echo('echo', 'lab.echo', 'lab.echo', copies),
    ],
    ['lab.echo'],
  );
}

describe('loops through delay', () => {
  it('one that doubles every round is warned about once, naming its trigger, and is cut short by the limits', () => {
    const engine = growingLoop(2);
    engine.step(emit(ping()));
    const warnings = () =>
      ofType(engine, 'engine.warning').map((e) => ({
        tick: e.tick,
        ...(e.payload as { reason: string; triggers: string[] }),
      }));
    idle(engine, 60);
    const delay = warnings().filter((w) => w.reason.startsWith('a loop through "delay" grows every round'));
    // Rounds are 6 ticks apart with 1, 2, 4, 8 fires: the fourth round (tick 18) is the first seen growing.
    expect(delay).toEqual([expect.objectContaining({ tick: 18, triggers: ['echo'] })]);
    expect(delay[0]!.reason).toContain('(8 delayed fires of "echo" this round');
    // Rounds past the per-tick budget are cut short; the depth limit (one level a round) ends the chain.
    idle(engine, 5 * 60);
    const later = warnings();
    expect(later.some((w) => w.reason.startsWith('per-tick event budget'))).toBe(true);
    expect(later.some((w) => w.reason.startsWith('cascade depth limit'))).toBe(true);
    expect(later.some((w) => w.reason.startsWith('a loop through "delay"'))).toBe(false);
    expect(ofType(engine, 'lab.echo').at(-1)!.tick).toBeLessThan(4 * 60);
  });

  it('a delay loop that does not grow is left alone (the depth limit still ends it)', () => {
    const engine = growingLoop(1);
    engine.step(emit(ping()));
    idle(engine, 6 * 60);
    const reasons = ofType(engine, 'engine.warning').map((e) => (e.payload as { reason: string }).reason);
    expect(reasons.filter((r) => r.startsWith('a loop through "delay"'))).toEqual([]);
  });

  it('time travel replays to the same warning', () => {
    const engine = growingLoop(2);
    engine.step(emit(ping()));
    idle(engine, 120);
    const hash = engine.log.hash();
    engine.rewind(10);
    idle(engine, 111);
    expect(engine.log.hash()).toBe(hash);
  });
});
