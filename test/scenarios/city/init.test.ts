import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine';
import { AgentKind, CarKind, lineAt } from '../../../src/game';
import { tuning } from '../../../src/scenarios/city/config';
import type { CitySize } from '../../../src/scenarios/city/config';
import { createCity, placePoliceUnit } from '../../../src/scenarios/city/init';

const small: CitySize = { civilians: 5, police: 2, reserve: 1, goons: 4, blocks: 4, turfs: 2 };
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('createCity', () => {
  it('gives the player slot 0, then civilians, goons and police slots, in that order', () => {
    const { runtime: rt } = createCity(createRng(1), small);
    expect(rt.ranges).toEqual({ civilians: [1, 6], goons: [6, 10], police: [10, 13] });
    expect(rt.agents.count).toBe(13);
    const kinds = Array.from(rt.agents.kind.subarray(0, 13));
    const { Player: P, Civilian: C, Goon: G, Police: O } = AgentKind;
    expect(kinds).toEqual([P, C, C, C, C, C, G, G, G, G, O, O, O]);
  });

  it('starts the player alive outside the hospital and every civilian and goon present', () => {
    const { runtime: rt, world } = createCity(createRng(1), small);
    const a = rt.agents;
    expect([a.x[0], a.y[0]]).toEqual([rt.map.hospital.doorX, rt.map.hospital.doorY]);
    expect([a.alive[0], a.present[0]]).toEqual([1, 1]);
    for (const i of range(1, 10)) expect([a.alive[i], a.present[i]]).toEqual([1, 1]);
    const { civilian: c, goon: g, police: p } = tuning.health;
    expect(world.health).toEqual([0, c, c, c, c, c, g, g, g, g, p, p, p]);
  });

  it('puts the police on duty at intersections, each in its own car after the parked ones; the reserve waits', () => {
    const { runtime: rt } = createCity(createRng(2), small);
    const { agents: a, cars } = rt;
    const parked = rt.map.parking.length;
    expect(Array.from(rt.policeCar)).toEqual([parked, parked + 1, parked + 2]);
    const s = rt.map.streets;
    const xs = range(0, s.nodesX).map((i) => lineAt(s, i));
    const ys = range(0, s.nodesY).map((i) => lineAt(s, i));
    for (const [k, id] of [10, 11, 12].entries()) {
      const c = parked + k;
      expect(a.car[id]).toBe(c);
      expect([cars.kind[c], cars.driver[c], cars.owner[c]]).toEqual([CarKind.Police, id, id]);
      expect(a.present[id]).toBe(k < small.police ? 1 : 0);
      expect(cars.present[c]).toBe(a.present[id]);
      expect(xs).toContain(a.x[id]);
      expect(ys).toContain(a.y[id]);
      expect([cars.x[c], cars.y[c]]).toEqual([a.x[id], a.y[id]]);
    }
  });

  it('parks a civilian car of one of eight colours on every parking spot', () => {
    const { runtime: rt } = createCity(createRng(3), small);
    expect(rt.map.parking.length).toBeGreaterThan(0);
    rt.map.parking.forEach((p, c) => {
      expect([rt.cars.x[c], rt.cars.y[c], rt.cars.heading[c]]).toEqual([p.x, p.y, p.heading]);
      expect([rt.cars.kind[c], rt.cars.present[c]]).toEqual([CarKind.Civilian, 1]);
      expect(rt.cars.colour[c]).toBeGreaterThanOrEqual(0);
      expect(rt.cars.colour[c]).toBeLessThanOrEqual(7);
    });
  });

  it('leaves the goons out of a city without turfs', () => {
    const { runtime: rt } = createCity(createRng(1), { ...small, turfs: 0 });
    for (const i of range(6, 10)) expect(rt.agents.present[i]).toBe(0);
  });

  it('starts the rule-driven world with nobody wanted and every unit at base', () => {
    const { world } = createCity(createRng(1), small);
    expect(world).toMatchObject({
      player: { health: 100, maxHealth: 100, alive: true, car: -1, inCar: false, zone: '', deaths: 0 },
      wanted: 0,
      pursuit: { state: 'none', lastSeenTick: -1 },
      civilians: { present: 5, total: 5 },
      police: { units: 2, base: 2, max: 3, weaponsFree: false },
      crimes: 0,
    });
  });

  it('is the same city for the same seed, and another for another seed', () => {
    const pos = (seed: number) => {
      const { runtime: rt } = createCity(createRng(seed), small);
      return [Array.from(rt.agents.x.subarray(0, 13)), Array.from(rt.cars.colour)];
    };
    expect(pos(5)).toEqual(pos(5));
    expect(pos(5)).not.toEqual(pos(6));
  });
});

describe('placePoliceUnit', () => {
  it('moves a unit and its car to an intersection at rest, facing along a street', () => {
    const { runtime: rt } = createCity(createRng(4), small);
    const rng = createRng(9);
    const s = rt.map.streets;
    for (let i = 0; i < 20; i++) {
      placePoliceUnit(rt, 12, rng);
      const c = rt.policeCar[2] as number;
      expect(range(0, s.nodesX).map((k) => lineAt(s, k))).toContain(rt.agents.x[12]);
      expect([rt.agents.goalX[12], rt.agents.goalY[12]]).toEqual([rt.agents.x[12], rt.agents.y[12]]);
      expect([rt.cars.x[c], rt.cars.y[c], rt.cars.speed[c]]).toEqual([rt.agents.x[12], rt.agents.y[12], 0]);
      expect([0, 1, 2, 3].map((q) => (q * Math.PI) / 2)).toContain(rt.cars.heading[c]);
    }
  });

  it('does nothing for an id past the police slots', () => {
    const { runtime: rt } = createCity(createRng(4), small);
    const before = Array.from(rt.agents.x);
    placePoliceUnit(rt, 99, createRng(1));
    expect(Array.from(rt.agents.x)).toEqual(before);
  });
});
