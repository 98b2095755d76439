import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine, createRng, formatError, loadRules, scenarioCatalogue } from '../../../src/engine';
import { createCityScenario, idleCityInput } from '../../../src/scenarios/city';
import type { CityInput } from '../../../src/scenarios/city';
import { createCityAutopilot } from '../../../src/scenarios/city/autopilot';
import { createCity } from '../../../src/scenarios/city/init';

const small = createCityScenario({ civilians: 12, police: 2, reserve: 2, goons: 2, blocks: 5, turfs: 1 });
const loaded = loadRules(readFileSync('public/rules/city.json', 'utf8'), scenarioCatalogue(small), 'city.json');
if (!loaded.ok) throw new Error(loaded.errors.map(formatError).join('\n'));
const rules = loaded.rules;
const KEYS = Object.keys(idleCityInput).sort();

/** Drives a small city with the autopilot for `seconds`; returns its inputs and event types in order. */
function drive(seed: number, seconds: number) {
  const engine = createEngine({ scenario: small, rules, seed, historyTicks: 0 });
  const pilot = createCityAutopilot(seed);
  const inputs: CityInput[] = [];
  const types: string[] = [];
  engine.log.onAppend((ev) => types.push(ev.type));
  for (let i = 0; i < seconds * 60; i++) {
    const input = pilot(engine.world, engine.runtime, engine.tick);
    inputs.push(input);
    engine.step(input);
  }
  return { inputs, types };
}

let cached: ReturnType<typeof drive> | undefined;
/** Seed 1's first 20 seconds (simulated once per file). */
const seed1 = () => (cached ??= drive(1, 20));

describe('the city autopilot', () => {
  it('presses nothing while the player is dead', () => {
    const { world, runtime } = createCity(createRng(1), {
      civilians: 2,
      police: 1,
      reserve: 0,
      goons: 0,
      blocks: 4,
      turfs: 0,
    });
    const pilot = createCityAutopilot(1);
    const dead = { ...world, player: { ...world.player, alive: false } };
    for (let tick = 0; tick < 3; tick++) expect(pilot(dead, runtime, tick)).toEqual(idleCityInput);
  });

  it('answers with the six controls only, in frozen inputs it reuses', () => {
    const { inputs } = seed1();
    const distinct = new Set(inputs);
    expect(distinct.size).toBeLessThanOrEqual(64);
    for (const input of distinct) {
      expect(Object.keys(input).sort()).toEqual(KEYS);
      expect(Object.isFrozen(input)).toBe(true);
    }
    expect(inputs.some((i) => i.up || i.down || i.left || i.right)).toBe(true);
  });

  it('starts its script within 20 s: it shoots, and that is a crime', () => {
    const { types } = seed1();
    const first = (type: string) => types.indexOf(type);
    expect(first('shot.fired')).toBeGreaterThanOrEqual(0);
    expect(first('crime.committed')).toBeGreaterThanOrEqual(0);
    expect(first('crime.committed')).toBeGreaterThan(first('shot.fired'));
  });

  it('is deterministic for a seed, and another seed plays differently', () => {
    const a = seed1().inputs.slice(0, 5 * 60);
    expect(drive(1, 5).inputs).toEqual(a);
    expect(drive(2, 5).inputs).not.toEqual(a);
  });
});
