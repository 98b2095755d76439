import type { FactSpec } from '../../engine';
import { agentKindNames, u8 } from '../../game';
import type { CityRuntime, CityWorld } from './types';

/** `world.<path>` facts the city's rules may read. */
export const cityWorldFacts: Record<string, FactSpec> = {
  wanted: { type: 'number', description: 'the wanted level, 0–5' },
  siren: { type: 'boolean', description: 'police sirens are on' },
  crimes: { type: 'number', description: 'crimes committed so far' },
  'radio.line': { type: 'string', description: 'the last radio line' },
  'pursuit.state': { type: 'string', description: 'the pursuit: "none", "chasing" or "searching"' },
  'pursuit.radius': { type: 'number', description: 'radius of the search circle, metres' },
  'player.health': { type: 'number', description: "the player's health" },
  'player.maxHealth': { type: 'number', description: "the player's maximum health" },
  'player.alive': { type: 'boolean', description: 'the player is alive' },
  'player.inCar': { type: 'boolean', description: 'the player is driving' },
  'player.hidden': { type: 'boolean', description: 'the player is in a garage or an alley' },
  'player.zone': {
    type: 'string',
    description: 'kind of zone the player is in: garage, alley, hospital, turf, park, or ""',
  },
  'player.deaths': { type: 'number', description: 'times the player died' },
  'civilians.present': { type: 'number', description: 'civilians in the streets now' },
  'civilians.total': { type: 'number', description: 'civilians in the city' },
  'police.units': { type: 'number', description: 'police units on duty' },
  'police.base': { type: 'number', description: 'police units on duty without backup' },
  'police.weaponsFree': { type: 'boolean', description: 'police may open fire' },
};

/** `entity.<field>` facts, for events naming an agent (damage.target, health.changed.entity, npc.*.npc, …). */
export const cityEntityFacts: Record<string, FactSpec> = {
  id: { type: 'number', description: 'agent id (0 = the player)' },
  kind: { type: 'string', description: '"player", "civilian", "goon" or "police"' },
  health: { type: 'number', description: "the agent's health" },
  alive: { type: 'boolean', description: 'the agent is alive' },
  present: { type: 'boolean', description: 'the agent is in the streets (not despawned)' },
  inCar: { type: 'boolean', description: 'the agent is in a car' },
};

/** The entity an event names: an agent id → its facts (undefined for anything else). */
export function cityEntity(
  world: CityWorld,
  rt: CityRuntime,
  id: unknown,
): Readonly<Record<string, unknown>> | undefined {
  const a = rt.agents;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= a.count) return undefined;
  return {
    id,
    kind: agentKindNames[u8(a.kind, id)],
    health: id === 0 ? world.player.health : world.health[id],
    alive: a.alive[id] === 1,
    present: a.present[id] === 1,
    inCar: a.car[id] !== -1,
  };
}
