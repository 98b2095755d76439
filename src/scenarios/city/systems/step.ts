import { f64, i32, savePrevious, stepPursuit, trackZone, zoneAt } from '../../../game';
import { tuning, ZONE } from '../config';
import type { CityContext } from './context';
import { stepCombat } from './combat';
import { stepNpcs } from './npcs';
import { stepPlayer } from './player';
import { stepPolice } from './police';
import { stepVision } from './vision';

/** Tracks the player's zone: emits zone.left / zone.entered and keeps world.player.zone. */
function stepZones(ctx: CityContext): void {
  const { runtime: rt, world: w } = ctx;
  const { map, agents: a, counters } = rt;
  const now = a.alive[0] === 1 ? zoneAt(map, map, f64(a.x, 0), f64(a.y, 0)) : -1;
  const was = i32(counters, ZONE);
  if (now === was) return;
  counters[ZONE] = trackZone(ctx, map, was, now);
  w.player.zone = map.zones[now]?.kind ?? '';
}

/** Everyone moves: the player by the controls, civilians and goons on foot, police in their cars. */
function stepMovement(ctx: CityContext): void {
  savePrevious(ctx.runtime.agents);
  savePrevious(ctx.runtime.cars);
  stepPlayer(ctx);
  stepNpcs(ctx);
  stepPolice(ctx);
}

/** Police sight lines to the player, and what the pursuit reads of them this tick. */
function stepSight(ctx: CityContext): void {
  const { runtime: rt, world: w } = ctx;
  const a = rt.agents;
  const seer = stepVision(ctx);
  const see = rt.scratch.sighting;
  see.seen = seer >= 0;
  see.seer = seer;
  see.x = f64(a.x, 0);
  see.y = f64(a.y, 0);
  see.hidden = w.player.hidden;
  see.wanted = w.wanted;
  see.tick = ctx.tick;
}

/** The pursuit's state machine, fed by this tick's sighting. */
function stepChase(ctx: CityContext): void {
  const { runtime: rt, world: w } = ctx;
  stepPursuit(ctx, w.pursuit, rt.pursuitClock, tuning.pursuit, rt.scratch.sighting);
}

/** One of the city's systems: a name (what benchmarks report) and what it does in a tick. */
export interface CitySystem {
  readonly name: string;
  run(ctx: CityContext): void;
}

/** The city's systems in the order a tick runs them: movement, sight, the pursuit, gunfire, zones. */
export const citySystems: readonly CitySystem[] = [
  { name: 'movement', run: stepMovement },
  { name: 'sight', run: stepSight },
  { name: 'pursuit', run: stepChase },
  { name: 'combat', run: stepCombat },
  { name: 'zones', run: stepZones },
];

/** One tick of the city: every system in order. */
export function stepCity(ctx: CityContext): void {
  for (const system of citySystems) system.run(ctx);
}
