import { describe, expect, it } from 'vitest';
import { insideCircle, searchRadius, stepPursuit } from '../../src/game';
import type { PursuitParams, PursuitSighting, PursuitState } from '../../src/game';

const params: PursuitParams = {
  baseRadius: 30,
  radiusPerWanted: 10,
  loseSightTicks: 5,
  escapeTicks: 10,
  giveUpTicks: 100,
};

function setup() {
  const state: PursuitState = { state: 'none', x: 0, y: 0, radius: 0, lastSeenTick: -1 };
  const clock = { ticks: new Int32Array(2) };
  const events: [string, Record<string, unknown>][] = [];
  const ctx = { emit: (type: string, payload: object) => void events.push([type, payload as Record<string, unknown>]) };
  let tick = 0;
  const step = (see: Partial<PursuitSighting>) =>
    stepPursuit(ctx, state, clock, params, {
      seen: false,
      seer: -1,
      x: 0,
      y: 0,
      hidden: false,
      wanted: 2,
      tick: tick++,
      ...see,
    });
  const types = () => events.map((e) => e[0]);
  return { state, events, step, types };
}

describe('pursuit and its search circle', () => {
  it('starts when a wanted player is seen, not when an innocent one is', () => {
    const p = setup();
    p.step({ seen: true, seer: 9, wanted: 0 });
    expect(p.state.state).toBe('none');
    p.step({ seen: true, seer: 9, x: 100, y: 50, wanted: 2 });
    expect(p.types()).toEqual(['pursuit.spotted', 'pursuit.started']);
    expect(p.state).toMatchObject({ state: 'chasing', x: 100, y: 50, radius: 50 });
  });

  it('grows the circle with the wanted level', () => {
    expect(searchRadius(params, 0)).toBe(30);
    expect(searchRadius(params, 4)).toBe(70);
    const p = setup();
    p.step({ seen: true, wanted: 1 });
    expect(p.state.radius).toBe(40);
    p.step({ seen: true, wanted: 5 });
    expect(p.state.radius).toBe(80);
  });

  it('follows the player while seen, and switches to searching around the last-seen point', () => {
    const p = setup();
    p.step({ seen: true, x: 10, y: 10 });
    p.step({ seen: true, x: 20, y: 10 });
    expect(p.state).toMatchObject({ x: 20, y: 10 });
    for (let i = 0; i < 5; i++) p.step({ x: 25 + i, y: 10 });
    expect(p.state).toMatchObject({ state: 'searching', x: 20, y: 10 });
    expect(p.types().at(-1)).toBe('pursuit.searching');
  });

  it('re-centres when the player is spotted again during a search', () => {
    const p = setup();
    p.step({ seen: true, x: 10, y: 10 });
    for (let i = 0; i < 5; i++) p.step({ x: 10, y: 10 });
    p.step({ seen: true, seer: 4, x: 200, y: 300 });
    expect(p.state).toMatchObject({ state: 'chasing', x: 200, y: 300 });
    expect(p.events.at(-1)).toEqual(['pursuit.spotted', { police: 4, x: 200, y: 300, wanted: 2, resumed: true }]);
  });

  it('is lost after escapeTicks unseen outside the circle', () => {
    const p = setup();
    p.step({ seen: true, x: 0, y: 0 });
    for (let i = 0; i < 5; i++) p.step({ x: 0, y: 0 });
    for (let i = 0; i < 9; i++) p.step({ x: 100, y: 0 });
    expect(p.state.state).toBe('searching');
    p.step({ x: 100, y: 0 });
    expect(p.state.state).toBe('none');
    expect(p.events.at(-1)).toEqual(['pursuit.lost', { reason: 'escaped', wanted: 2 }]);
  });

  it('is lost after escapeTicks hidden inside the circle, but not while in the open inside it', () => {
    const open = setup();
    open.step({ seen: true });
    for (let i = 0; i < 50; i++) open.step({ x: 5, y: 5 });
    expect(open.state.state).toBe('searching');
    const hiding = setup();
    hiding.step({ seen: true });
    for (let i = 0; i < 5 + 10; i++) hiding.step({ x: 5, y: 5, hidden: true });
    expect(hiding.state.state).toBe('none');
  });

  it('restarts the escape count when the player steps back into the circle or is seen', () => {
    const p = setup();
    p.step({ seen: true });
    for (let i = 0; i < 5; i++) p.step({});
    for (let i = 0; i < 8; i++) p.step({ x: 100 });
    p.step({ x: 0 });
    for (let i = 0; i < 8; i++) p.step({ x: 100 });
    expect(p.state.state).toBe('searching');
  });

  it('gives up after giveUpTicks unseen anywhere, and ends at once when the wanted level is cleared', () => {
    const p = setup();
    p.step({ seen: true });
    for (let i = 0; i < 100; i++) p.step({});
    expect(p.events.at(-1)).toEqual(['pursuit.lost', { reason: 'escaped', wanted: 2 }]);
    const q = setup();
    q.step({ seen: true });
    q.step({ seen: true, wanted: 0 });
    expect(q.events.at(-1)).toEqual(['pursuit.lost', { reason: 'cleared', wanted: 0 }]);
  });

  it('knows what is inside the circle', () => {
    const s: PursuitState = { state: 'searching', x: 10, y: 10, radius: 5, lastSeenTick: 0 };
    expect(insideCircle(s, 13, 14)).toBe(true);
    expect(insideCircle(s, 14, 14)).toBe(false);
  });
});
