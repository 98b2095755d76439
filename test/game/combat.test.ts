import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine';
import type { Rng } from '../../src/engine';
import {
  addTracer,
  AgentKind,
  createAgents,
  createTileMap,
  createTracers,
  findTarget,
  hitChance,
  rollHit,
  TileKind,
} from '../../src/game';

describe('createTracers', () => {
  it('starts with every slot empty (tick -1) and the head at slot 0', () => {
    const t = createTracers(4);
    expect(t.capacity).toBe(4);
    expect([...t.tick]).toEqual([-1, -1, -1, -1]);
    expect(t.head[0]).toBe(0);
  });
});

describe('addTracer', () => {
  it('writes the shot into the head slot and moves the head on', () => {
    const t = createTracers(4);
    addTracer(t, 12, AgentKind.Police, 1, 2, 3, 4, true);
    expect([t.fromX[0], t.fromY[0], t.toX[0], t.toY[0]]).toEqual([1, 2, 3, 4]);
    expect(t.tick[0]).toBe(12);
    expect(t.shooter[0]).toBe(AgentKind.Police);
    expect(t.hit[0]).toBe(1);
    expect(t.head[0]).toBe(1);
  });

  it('wraps round the ring, overwriting the oldest shot', () => {
    const t = createTracers(3);
    for (let k = 0; k < 4; k++) addTracer(t, 10 + k, AgentKind.Player, k, 0, k, 1, k === 3);
    expect([...t.tick]).toEqual([13, 11, 12]);
    expect(t.fromX[0]).toBe(3);
    expect(t.hit[0]).toBe(1);
    expect(t.head[0]).toBe(1);
  });
});

describe('hitChance', () => {
  it('is the base chance point-blank, falls linearly, and is a third of it from the range on', () => {
    expect(hitChance(0.9, 0, 30)).toBeCloseTo(0.9);
    expect(hitChance(0.9, 15, 30)).toBeCloseTo(0.6);
    expect(hitChance(0.9, 30, 30)).toBeCloseTo(0.3);
    expect(hitChance(0.9, 90, 30)).toBeCloseTo(0.3);
  });
});

describe('rollHit', () => {
  /** An RNG whose next() always returns `v`. */
  const fixed = (v: number): Rng => ({ ...createRng(1), next: () => v });

  it('hits when the roll is below the chance at that distance, and misses otherwise', () => {
    expect(rollHit(fixed(0.59), 0.9, 15, 30)).toBe(true);
    expect(rollHit(fixed(0.61), 0.9, 15, 30)).toBe(false);
  });

  it('gives the same answers for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const rolls = (r: Rng) => Array.from({ length: 20 }, () => rollHit(r, 0.5, 10, 30));
    expect(rolls(a)).toEqual(rolls(b));
  });
});

describe('findTarget', () => {
  /** A 40 × 20 street map (1 m tiles), shooter 0 at (10, 10) facing +x, agents 1 … 4 parked far away and alive. */
  function scene() {
    const map = createTileMap(40, 20, 1, TileKind.Street);
    const agents = createAgents(5);
    for (let i = 0; i < 5; i++) {
      agents.alive[i] = 1;
      agents.present[i] = 1;
      agents.x[i] = 39;
      agents.y[i] = 19;
    }
    agents.x[0] = 10;
    agents.y[0] = 10;
    agents.heading[0] = 0;
    const ids = Int32Array.of(0, 1, 2, 3, 4);
    const put = (i: number, x: number, y: number) => {
      agents.x[i] = x;
      agents.y[i] = y;
    };
    return { map, agents, ids, put };
  }

  it('finds an agent straight ahead within range', () => {
    const { map, agents, ids, put } = scene();
    put(1, 18, 10);
    expect(findTarget(map, agents, 0, 15, 0.5, ids, 5)).toBe(1);
  });

  it('returns -1 for agents behind, out of range, dead or in a car, and never the shooter', () => {
    const { map, agents, ids, put } = scene();
    put(1, 4, 10);
    put(2, 28, 10);
    put(3, 15, 10);
    agents.alive[3] = 0;
    put(4, 16, 10);
    agents.car[4] = 0;
    expect(findTarget(map, agents, 0, 15, 0.5, ids, 5)).toBe(-1);
  });

  it('prefers the smallest angle off the heading over the nearest', () => {
    const { map, agents, ids, put } = scene();
    put(1, 13, 11.5);
    put(2, 22, 10.2);
    expect(findTarget(map, agents, 0, 15, 0.6, ids, 5)).toBe(2);
  });

  it('skips an agent behind a building', () => {
    const { map, agents, ids, put } = scene();
    put(1, 18, 10.5);
    map.tiles[10 * 40 + 14] = TileKind.Building;
    expect(findTarget(map, agents, 0, 15, 0.5, ids, 5)).toBe(-1);
  });

  it('looks only at the first n candidates', () => {
    const { map, agents, ids, put } = scene();
    put(3, 18, 10);
    expect(findTarget(map, agents, 0, 15, 0.5, ids, 3)).toBe(-1);
    expect(findTarget(map, agents, 0, 15, 0.5, ids, 4)).toBe(3);
  });
});
