import { describe, expect, it } from 'vitest';
import { loadRules, scenarioCatalogue } from '../../../src/engine';
import { tileAt, TileKind, WALKABLE } from '../../../src/game';
import { cityScenario } from '../../../src/scenarios/city';
import { spawn } from '../../../src/scenarios/city/behaviours/spawn';
import { NEAR_PLAYER_METRES } from '../../../src/scenarios/city/behaviours/spawnArea';
import { cityBench } from './behaviours';
import type { CityBench } from './behaviours';

/** Where the agents a spawn brought stand: [id, x, y]. */
function placed(b: CityBench, ids: readonly number[]): [number, number, number][] {
  return ids.map((id) => [id, b.runtime.agents.x[id] as number, b.runtime.agents.y[id] as number]);
}

const spawnedIds = (b: CityBench) =>
  b.emitted.filter((e) => e.type === 'npc.spawned').map((e) => e.payload.npc as number);

/** Takes every civilian off the streets, so a spawn has them all to bring back. */
function clearCivilians(b: CityBench): void {
  const [from, to] = b.runtime.ranges.civilians;
  for (let i = from; i < to; i++) b.runtime.agents.present[i] = 0;
  b.world.civilians.present = 0;
}

/** Moves the player to (x, y). */
function putPlayer(b: CityBench, x: number, y: number): void {
  b.runtime.agents.x[0] = x;
  b.runtime.agents.y[0] = y;
}

const distance = (b: CityBench, x: number, y: number) =>
  Math.hypot(x - (b.runtime.agents.x[0] as number), y - (b.runtime.agents.y[0] as number));

describe('spawn near the player', () => {
  it('brings civilians onto pavements within the documented radius, walking along their pavement', () => {
    const b = cityBench(7);
    clearCivilians(b);
    putPlayer(b, 150, 150);
    b.run(spawn, { kind: 'civilian', count: 12, near: 'player' });
    const ids = spawnedIds(b);
    expect(ids).toHaveLength(12);
    const a = b.runtime.agents;
    for (const [id, x, y] of placed(b, ids)) {
      expect(distance(b, x, y)).toBeLessThanOrEqual(NEAR_PLAYER_METRES);
      expect(tileAt(b.runtime.map, x, y)).toBe(TileKind.Street);
      // The first leg follows the pavement: the goal shares the x or the y of where it stands.
      expect(a.goalX[id] === x || a.goalY[id] === y).toBe(true);
    }
    expect(b.world.civilians.present).toBe(12);
  });

  it('revives goons within the radius on walkable ground, and makes that their home', () => {
    const b = cityBench(7);
    const [g0, g1] = b.runtime.ranges.goons;
    for (let i = g0; i < g1; i++) b.runtime.agents.alive[i] = 0;
    putPlayer(b, 100, 200);
    b.run(spawn, { kind: 'goon', count: 4, near: 'player' });
    const ids = spawnedIds(b);
    expect(ids).toEqual([g0, g0 + 1, g0 + 2, g0 + 3]);
    for (const [id, x, y] of placed(b, ids)) {
      expect(distance(b, x, y)).toBeLessThanOrEqual(NEAR_PLAYER_METRES);
      expect(WALKABLE[tileAt(b.runtime.map, x, y)]).toBe(1);
      expect([b.runtime.agents.homeX[id], b.runtime.agents.homeY[id]]).toEqual([x, y]);
      expect(b.world.health[id]).toBe(60);
    }
  });

  it('puts police reserve units on duty at streets within the radius', () => {
    const b = cityBench(7);
    putPlayer(b, 200, 120);
    const before = b.world.police.units;
    b.run(spawn, { kind: 'police', count: 2, near: 'player' });
    expect(b.world.police.units).toBe(before + 2);
    const p0 = b.runtime.ranges.police[0];
    for (const id of [p0 + before, p0 + before + 1]) {
      const x = b.runtime.agents.x[id] as number;
      const y = b.runtime.agents.y[id] as number;
      expect(b.runtime.agents.present[id]).toBe(1);
      expect(distance(b, x, y)).toBeLessThanOrEqual(NEAR_PLAYER_METRES);
      expect(tileAt(b.runtime.map, x, y)).toBe(TileKind.Street);
    }
  });

  it('is deterministic: the same rng places everyone at the same spots', () => {
    const spots = () => {
      const b = cityBench(3);
      clearCivilians(b);
      putPlayer(b, 120, 80);
      b.run(spawn, { kind: 'civilian', count: 6, near: 'player' }, 99);
      return placed(b, spawnedIds(b));
    };
    expect(spots()).toEqual(spots());
  });
});

describe('spawn in a zone', () => {
  it('revives goons inside zones of the named kind', () => {
    const b = cityBench(11);
    const [g0, g1] = b.runtime.ranges.goons;
    for (let i = g0; i < g1; i++) b.runtime.agents.present[i] = 0;
    b.run(spawn, { kind: 'goon', count: 6, zone: 'turf' });
    const turfs = b.runtime.map.zones.filter((z) => z.kind === 'turf');
    expect(turfs.length).toBeGreaterThan(0);
    const ids = spawnedIds(b);
    expect(ids).toHaveLength(6);
    for (const [, x, y] of placed(b, ids))
      expect(turfs.some((z) => x >= z.x && x <= z.x + z.w && y >= z.y && y <= z.y + z.h)).toBe(true);
  });

  it('brings civilians to the pavement at the edge of a park', () => {
    const seed = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].find((s) =>
      cityBench(s).runtime.map.zones.some((z) => z.kind === 'park'),
    );
    const b = cityBench(seed as number);
    clearCivilians(b);
    b.run(spawn, { kind: 'civilian', count: 5, zone: 'park' });
    expect(spawnedIds(b)).toHaveLength(5);
    const parks = b.runtime.map.zones.filter((z) => z.kind === 'park');
    // The pavement runs around the block, 0.6 m from its edge.
    for (const [, x, y] of placed(b, spawnedIds(b))) {
      expect(tileAt(b.runtime.map, x, y)).toBe(TileKind.Street);
      expect(parks.some((z) => x >= z.x - 1 && x <= z.x + z.w + 1 && y >= z.y - 1 && y <= z.y + z.h + 1)).toBe(true);
    }
  });

  it('spawns nothing, with an engine.warning, on a map without a zone of that kind', () => {
    const b = cityBench(11);
    b.runtime = {
      ...b.runtime,
      map: { ...b.runtime.map, zones: b.runtime.map.zones.filter((z) => z.kind !== 'park') },
    };
    clearCivilians(b);
    b.run(spawn, { kind: 'civilian', count: 3, zone: 'park' });
    expect(b.emitted).toEqual([
      {
        type: 'engine.warning',
        payload: { reason: 'spawn: this city has no park zone; nothing spawned', triggers: ['t'] },
      },
    ]);
  });
});

describe('spawn at load', () => {
  const catalogue = scenarioCatalogue(cityScenario);
  const load = (action: Record<string, unknown>) => {
    const doc = { version: 1, scenario: 'city', triggers: [{ id: 't', on: 'zone.entered', do: [action] }] };
    const r = loadRules(JSON.stringify(doc), catalogue, 'c.json');
    return r.ok ? [] : r.errors.map((e) => `${e.path}  ${e.message}`);
  };

  it('takes a zone kind or near the player', () => {
    expect(load({ behaviour: 'spawn', kind: 'goon', count: 2, zone: 'turf' })).toEqual([]);
    expect(load({ behaviour: 'spawn', kind: 'goon', count: 2, near: 'player' })).toEqual([]);
    expect(load({ behaviour: 'spawn', kind: 'goon', count: 2, zone: { fact: 'event.kind' } })).toEqual([]);
  });

  it('rejects both at once, an unknown zone and an unknown kind, with a did-you-mean', () => {
    expect(load({ behaviour: 'spawn', kind: 'goon', count: 2, zone: 'park', near: 'player' })).toEqual([
      'triggers[0].do[0].near  "zone" and "near" are both given; a spawn takes one of them (or neither)',
    ]);
    expect(load({ behaviour: 'spawn', kind: 'gon', count: 2, zone: 'trf' })).toEqual([
      'triggers[0].do[0].kind  expected one of "goon", "police", "civilian", found "gon"; did you mean "goon"?',
      'triggers[0].do[0].zone  expected one of "turf", "park", "garage", "alley", "hospital", found "trf"; did you mean "turf"?',
    ]);
    expect(load({ behaviour: 'spawn', kind: 'goon', count: 2, near: 'me' })).toEqual([
      'triggers[0].do[0].near  expected "player", found "me"',
    ]);
  });
});
