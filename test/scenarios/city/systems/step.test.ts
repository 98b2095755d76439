import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/engine';
import { idleCityInput } from '../../../../src/scenarios/city';
import type { CitySize } from '../../../../src/scenarios/city/config';
import { createCity } from '../../../../src/scenarios/city/init';
import type { CityContext } from '../../../../src/scenarios/city/systems/context';
import { citySystems, stepCity } from '../../../../src/scenarios/city/systems/step';
import type { CityInput } from '../../../../src/scenarios/city/types';

const small: CitySize = { civilians: 4, police: 2, reserve: 0, goons: 2, blocks: 4, turfs: 1 };

/** A small city, the events its ticks emit, and a function that runs one tick of every system. */
function city(seed = 1) {
  const { world, runtime } = createCity(createRng(seed), small);
  const rng = createRng(seed + 1);
  const emitted: { tick: number; type: string; payload: object }[] = [];
  let tick = 0;
  const step = (input: CityInput = idleCityInput) => {
    const now = tick++;
    const emit = (type: string, payload: object) => emitted.push({ tick: now, type, payload });
    stepCity({ world, runtime, input, tick: now, rng, emit, flush: () => undefined } as unknown as CityContext);
  };
  return { world, runtime, emitted, step };
}

describe('a city tick', () => {
  it('runs movement, sight, the pursuit, gunfire and zones, in that order', () => {
    expect(citySystems.map((s) => s.name)).toEqual(['movement', 'sight', 'pursuit', 'combat', 'zones']);
  });

  it('enters the hospital zone on the first tick (the player starts at its door), and only once', () => {
    const { world, emitted, step } = city();
    step();
    step();
    expect(world.player.zone).toBe('hospital');
    expect(emitted.filter((e) => e.type.startsWith('zone.'))).toEqual([
      { tick: 0, type: 'zone.entered', payload: { zone: 'hospital-1', kind: 'hospital' } },
    ]);
  });

  it('a dead player leaves every zone', () => {
    const { world, runtime: rt, emitted, step } = city();
    step();
    rt.agents.alive[0] = 0;
    step();
    expect(world.player.zone).toBe('');
    expect(emitted.filter((e) => e.type === 'zone.left')).toEqual([
      { tick: 1, type: 'zone.left', payload: { zone: 'hospital-1', kind: 'hospital' } },
    ]);
  });

  it('moves the player by the controls, keeping the previous position for drawing', () => {
    const { runtime: rt, step } = city();
    step();
    const [x, y] = [rt.agents.x[0] as number, rt.agents.y[0] as number];
    step({ ...idleCityInput, right: true });
    expect(rt.agents.prevX[0]).toBe(x);
    expect(rt.agents.prevY[0]).toBe(y);
    expect(rt.agents.x[0]).toBeGreaterThan(x);
  });

  it('writes what the police see of the player into the sighting every tick', () => {
    const { world, runtime: rt, step } = city();
    world.wanted = 2;
    step();
    step();
    expect(rt.scratch.sighting).toMatchObject({ tick: 1, x: rt.agents.x[0], y: rt.agents.y[0], wanted: 2 });
    expect(rt.scratch.sighting.seen).toBe(rt.scratch.sighting.seer >= 0);
  });

  it('is deterministic: the same seed and inputs give the same events and positions', () => {
    const a = city(3);
    const b = city(3);
    for (let i = 0; i < 300; i++) {
      const input = { ...idleCityInput, up: i % 90 < 45, shoot: i % 120 === 0 };
      a.step(input);
      b.step(input);
    }
    expect(a.emitted).toEqual(b.emitted);
    expect(Array.from(a.runtime.agents.x)).toEqual(Array.from(b.runtime.agents.x));
  });
});
