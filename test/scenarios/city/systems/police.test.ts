import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/engine';
import { idleCityInput } from '../../../../src/scenarios/city';
import { tuning } from '../../../../src/scenarios/city/config';
import type { CitySize } from '../../../../src/scenarios/city/config';
import { createCity } from '../../../../src/scenarios/city/init';
import type { CityContext } from '../../../../src/scenarios/city/systems/context';
import { stepPolice } from '../../../../src/scenarios/city/systems/police';
import type { CityRuntime } from '../../../../src/scenarios/city/types';

const small: CitySize = { civilians: 2, police: 2, reserve: 2, goons: 0, blocks: 4, turfs: 0 };
const POLICE = [3, 4, 5, 6];

/** A small city and a function that runs the police system for `ticks` more ticks. */
function city(seed = 1) {
  const { world, runtime } = createCity(createRng(seed), small);
  const rng = createRng(seed + 100);
  let tick = 0;
  const run = (ticks: number) => {
    for (let i = 0; i < ticks; i++, tick++) {
      const ctx = { world, runtime, input: idleCityInput, tick, rng, emit: () => undefined, flush: () => undefined };
      stepPolice(ctx as unknown as CityContext);
    }
  };
  return { world, runtime, run };
}
const topSpeed = (rt: CityRuntime, ids: number[]) => Math.max(...ids.map((id) => rt.agents.speed[id] as number));
const at = (rt: CityRuntime, id: number) => [rt.agents.x[id], rt.agents.y[id]];

describe('stepPolice', () => {
  it('brings reserve units on duty and sends units off duty to match world.police.units', () => {
    const { world, runtime: rt, run } = city();
    expect(POLICE.map((id) => rt.agents.present[id])).toEqual([1, 1, 0, 0]);
    world.police.units = 4;
    run(1);
    expect(POLICE.map((id) => rt.agents.present[id])).toEqual([1, 1, 1, 1]);
    expect(POLICE.map((id) => rt.cars.present[rt.agents.car[id] as number])).toEqual([1, 1, 1, 1]);
    world.police.units = 1;
    run(1);
    expect(POLICE.map((id) => rt.agents.present[id])).toEqual([1, 0, 0, 0]);
    expect(POLICE.map((id) => rt.cars.present[rt.agents.car[id] as number])).toEqual([1, 0, 0, 0]);
  });

  it('patrols at no more than patrol speed, driving the agent with its car', () => {
    const { runtime: rt, run } = city();
    const start = at(rt, 3);
    run(600);
    expect(at(rt, 3)).not.toEqual(start);
    expect(topSpeed(rt, [3, 4])).toBeLessThanOrEqual(tuning.policeSpeed.patrol + 1e-9);
    const c = rt.agents.car[3] as number;
    expect([rt.agents.x[3], rt.agents.y[3], rt.agents.heading[3]]).toEqual([
      rt.cars.x[c],
      rt.cars.y[c],
      rt.cars.heading[c],
    ]);
  });

  it('while chasing, every unit heads for the last-seen point on the streets, faster than a patrol', () => {
    const { world, runtime: rt, run } = city();
    world.pursuit = {
      state: 'chasing',
      x: rt.agents.x[0] as number,
      y: rt.agents.y[0] as number,
      radius: 40,
      lastSeenTick: 0,
    };
    run(300);
    expect(rt.agents.goalX[3]).toBe(rt.agents.goalX[4]);
    expect(rt.agents.goalY[3]).toBe(rt.agents.goalY[4]);
    expect([rt.agents.replanAt[3], rt.agents.replanAt[4]]).toEqual([0, 0]);
    expect(topSpeed(rt, [3, 4])).toBeGreaterThan(tuning.policeSpeed.patrol);
    expect(topSpeed(rt, [3, 4])).toBeLessThanOrEqual(tuning.policeSpeed.chase + 1e-9);
  });

  it('the policeSpeed tune scales every speed', () => {
    const { world, runtime: rt, run } = city();
    world.tunes = { policeSpeed: 0.25 };
    run(600);
    expect(topSpeed(rt, [3, 4])).toBeLessThanOrEqual(tuning.policeSpeed.patrol * 0.25 + 1e-9);
  });

  it('a dead unit does not move', () => {
    const { runtime: rt, run } = city();
    rt.agents.alive[3] = 0;
    const start = at(rt, 3);
    run(120);
    expect(at(rt, 3)).toEqual(start);
    expect(at(rt, 4)).not.toEqual(at(createCity(createRng(1), small).runtime, 4));
  });

  it('is deterministic: the same seed drives the same way', () => {
    const a = city(7);
    const b = city(7);
    a.run(400);
    b.run(400);
    expect(Array.from(a.runtime.agents.x)).toEqual(Array.from(b.runtime.agents.x));
  });
});
