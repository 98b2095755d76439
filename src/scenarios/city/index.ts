import type { Scenario } from '../../engine';
import { f64 } from '../../game';
import type { SavedArrays } from '../../game';
import { createCityAutopilot } from './autopilot';
import { cityBehaviours } from './behaviours';
import { defaultSize } from './config';
import type { CitySize } from './config';
import { cityEvents } from './events';
import { cityEntity, cityEntityFacts, cityWorldFacts } from './facts';
import { createCity } from './init';
import { stepCity } from './systems/step';
import type { CityInput, CityRuntime, CityWorld } from './types';

export type { CitySize } from './config';
export { defaultSize, tuning } from './config';
export { cityEvents } from './events';
export type { CityEvents } from './events';
export { createCityAutopilot } from './autopilot';
export { citySystems } from './systems/step';
export type { CitySystem } from './systems/step';
export * from './types';

const INPUT_KEYS = ['up', 'down', 'left', 'right', 'action', 'shoot'] as const;

/** The idle input: nothing pressed. */
export const idleCityInput: CityInput = {
  up: false,
  down: false,
  left: false,
  right: false,
  action: false,
  shoot: false,
};

/** Checks an input record: exactly the six boolean controls. Returns an error message or null. */
export function checkCityInput(input: unknown): string | null {
  const expected = `expected {${INPUT_KEYS.map((k) => `"${k}": true|false`).join(', ')}}`;
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return `${expected}, found ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}`;
  const rec = input as Record<string, unknown>;
  for (const k of Object.keys(rec))
    if (!(INPUT_KEYS as readonly string[]).includes(k)) return `unknown control "${k}"; ${expected}`;
  for (const k of INPUT_KEYS) {
    if (!(k in rec)) return `missing control "${k}"; ${expected}`;
    if (typeof rec[k] !== 'boolean') return `control "${k}" must be true or false, found ${JSON.stringify(rec[k])}`;
  }
  return null;
}

/** What a snapshot keeps of the city's runtime. */
interface SavedCityRuntime {
  readonly agents: SavedArrays;
  readonly cars: SavedArrays;
  readonly tracers: SavedArrays;
  readonly counters: Int32Array;
}

/**
 * Saves what a snapshot needs of the runtime: the moving typed arrays, as changes since the previous snapshot
 * (the map is static; the grid, scratch and previous positions are derived).
 */
function saveCityRuntime(rt: CityRuntime): SavedCityRuntime {
  const h = rt.history;
  return { agents: h.agents.save(), cars: h.cars.save(), tracers: h.tracers.save(), counters: rt.counters.slice() };
}

function restoreCityRuntime(rt: CityRuntime, saved: unknown): void {
  const s = saved as SavedCityRuntime;
  const h = rt.history;
  h.agents.restore(s.agents);
  h.cars.restore(s.cars);
  h.tracers.restore(s.tracers);
  rt.counters.set(s.counters);
  // Nobody moved since the snapshot: draw everyone where they stand.
  rt.agents.prevX.set(rt.agents.x);
  rt.agents.prevY.set(rt.agents.y);
  rt.cars.prevX.set(rt.cars.x);
  rt.cars.prevY.set(rt.cars.y);
  // The grid is derived: whoever built it rebuilds it on next use (a stale stamp could match a re-simulated tick).
  rt.grid.builtAt = -1;
}

/**
 * Builds the city chase scenario at a given size, e.g. a stress city: `createCityScenario({ civilians: 2000, police: 60 })`.
 * Unless `blocks` is given, the map grows with the crowd (about 8 civilians per block, 8 to 24 blocks a side).
 */
export function createCityScenario(size: Partial<CitySize> = {}): Scenario<CityWorld, CityRuntime, CityInput> {
  const civilians = size.civilians ?? defaultSize.civilians;
  const blocks = size.blocks ?? Math.min(24, Math.max(defaultSize.blocks, Math.round(Math.sqrt(civilians / 8))));
  const s: CitySize = { ...defaultSize, ...size, blocks };
  return {
    name: 'city',
    description:
      'A top-down city chase: goons and police shoot, a car heals, sirens, radio and empty streets in a pursuit, and escape by hiding.',
    events: cityEvents,
    behaviours: cityBehaviours,
    worldFacts: cityWorldFacts,
    entityFacts: cityEntityFacts,
    rulesFile: 'public/rules/city.json',
    init: (rng) => createCity(rng, s),
    step: stepCity,
    saveRuntime: saveCityRuntime,
    restoreRuntime: restoreCityRuntime,
    entity: cityEntity,
    idleInput: idleCityInput,
    checkInput: checkCityInput,
    createAutopilot: createCityAutopilot,
    summary: (world, rt) => ({
      health: world.player.health,
      alive: world.player.alive,
      deaths: world.player.deaths,
      inCar: world.player.inCar,
      wanted: world.wanted,
      pursuit: world.pursuit.state,
      pursuitActive: world.pursuit.state !== 'none',
      siren: world.siren,
      civiliansPresent: world.civilians.present,
      civiliansTotal: world.civilians.total,
      policeUnits: world.police.units,
      crimes: world.crimes,
      radio: world.radio.line,
      position: [Math.round(f64(rt.agents.x, 0)), Math.round(f64(rt.agents.y, 0))],
    }),
  };
}

/** The normal city: 8 × 8 blocks, 60 civilians, 8 police (+4 in reserve), 6 goons. */
export const cityScenario = createCityScenario();
