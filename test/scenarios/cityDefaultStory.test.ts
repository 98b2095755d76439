import { describe, expect, it, vi } from 'vitest';
import type { SirenEvent } from '../../src/engine';
import { runCity } from './cityRun';

vi.setConfig({ testTimeout: 120_000 });

type Payload = Record<string, unknown>;

/** The first event matching each beat of the city's story, in the order a player should see them. */
const BEATS: [string, (e: SirenEvent, escaped: boolean) => boolean][] = [
  ['a crime', (e) => e.type === 'crime.committed'],
  ['a pursuit', (e) => e.type === 'pursuit.started'],
  ['sirens on', (e) => e.type === 'siren.changed' && (e.payload as Payload).on === true],
  ['civilians clearing', (e) => e.type === 'npc.despawned' && e.cause?.trigger === 'pursuit-clears-streets'],
  ['the player hurt', (e) => e.type === 'damage' && (e.payload as Payload).target === 0],
  [
    'a car healing',
    (e) =>
      e.type === 'health.changed' &&
      e.cause?.trigger === 'car-heals' &&
      ((e.payload as Payload).to as number) > ((e.payload as Payload).from as number),
  ],
  ['an escape', (e) => e.type === 'pursuit.lost'],
  [
    'the radio standing down',
    (e) => e.type === 'radio.said' && (e.payload as Payload).line === 'All units stand down, we lost him',
  ],
  ['civilians back', (e, escaped) => escaped && e.type === 'npc.spawned'],
];

describe('the default run (seed 1, 60 s: what `sim` and the page start with)', () => {
  const run = runCity(1, 60);
  const firstSeq = new Map<string, number>();
  let escaped = false;
  for (const e of run.events) {
    if (e.type === 'pursuit.lost') escaped = true;
    for (const [beat, is] of BEATS) if (!firstSeq.has(beat) && is(e, escaped)) firstSeq.set(beat, e.seq);
  }

  it.each(BEATS.map(([beat]) => beat))('shows %s', (beat) => {
    expect(firstSeq.get(beat), `${beat} in the default run`).toBeTypeOf('number');
  });

  it('is hurt before the car heals it, and escapes only after the pursuit began', () => {
    const at = (beat: string) => firstSeq.get(beat) ?? NaN;
    expect(at('the player hurt')).toBeLessThan(at('a car healing'));
    expect(at('a crime')).toBeLessThan(at('a pursuit'));
    expect(at('a pursuit')).toBeLessThan(at('an escape'));
    expect(at('an escape')).toBeLessThanOrEqual(at('the radio standing down'));
    expect(at('an escape')).toBeLessThan(at('civilians back'));
  });
});
