import { z } from '../../../engine/zod';
import {
  f64,
  i32,
  isClear,
  nearestPavement,
  placePedestrianNear,
  snapToStreet,
  spawnPedestrians,
  WALKABLE,
} from '../../../game';
import { tuning } from '../config';
import type { CityRuntime, CityWorld } from '../types';
import type { BehaviourContext } from '../../../engine';
import { defineCityBehaviour } from './define';
import { findSpot, NEAR_PLAYER_METRES, SPAWN_ZONES, spawnArea } from './spawnArea';
import type { SpawnArea } from './spawnArea';

/** The most agents one spawn brings. */
export const MAX_SPAWN = 20;

type Ctx = BehaviourContext<CityWorld, CityRuntime>;

/** Snaps to the nearest street centreline (always usable). */
const street = (rt: CityRuntime) => (x: number, y: number, out: Float64Array) =>
  snapToStreet(rt.map.streets, x, y, out);

/** Brings back up to `count` goons who are dead or gone, at full health: where they were, or in the area (their new home). */
function reviveGoons(ctx: Ctx, count: number, area: SpawnArea | null): void {
  const { runtime: rt, world: w } = ctx;
  const a = rt.agents;
  const v = rt.scratch.v;
  const walkable = (x: number, y: number, out: Float64Array) => {
    out[0] = x;
    out[1] = y;
    return isClear(rt.map, WALKABLE, x, y, 0.4);
  };
  let left = count;
  for (let i = rt.ranges.goons[0]; i < rt.ranges.goons[1] && left > 0; i++) {
    if (a.alive[i] === 1 && a.present[i] === 1) continue;
    if (area) {
      findSpot(area, ctx.rng, v, walkable, street(rt));
      a.homeX[i] = a.goalX[i] = a.x[i] = a.prevX[i] = f64(v, 0);
      a.homeY[i] = a.goalY[i] = a.y[i] = a.prevY[i] = f64(v, 1);
    }
    a.alive[i] = 1;
    a.present[i] = 1;
    w.health[i] = tuning.health.goon;
    left--;
    ctx.emit('npc.spawned', { npc: i, kind: 'goon' });
  }
}

/** Puts up to `count` more police reserve units on duty: where the police system brings them, or at streets in the area. */
function callPolice(ctx: Ctx, count: number, area: SpawnArea | null): void {
  const { runtime: rt, world: w } = ctx;
  const to = Math.min(w.police.max, w.police.units + count);
  if (to === w.police.units) return;
  ctx.emit('police.changed', { from: w.police.units, to, weaponsFree: w.police.weaponsFree });
  const onStreet = (x: number, y: number, out: Float64Array) => (snapToStreet(rt.map.streets, x, y, out), true);
  if (area)
    for (let k = w.police.units; k < to; k++) {
      const id = rt.ranges.police[0] + k;
      const c = i32(rt.policeCar, k);
      findSpot(area, ctx.rng, rt.scratch.v, onStreet, street(rt));
      const { agents: a, cars } = rt;
      cars.x[c] = cars.prevX[c] = a.x[id] = a.prevX[id] = a.goalX[id] = f64(rt.scratch.v, 0);
      cars.y[c] = cars.prevY[c] = a.y[id] = a.prevY[id] = a.goalY[id] = f64(rt.scratch.v, 1);
      cars.speed[c] = a.speed[id] = 0;
      a.present[id] = cars.present[c] = 1;
      a.sees[id] = 0;
    }
  w.police.units = to;
}

/** Brings up to `count` civilians who are gone or dead back: onto random pavements, or onto pavements in the area. */
function bringCivilians(ctx: Ctx, count: number, area: SpawnArea | null): void {
  const { runtime: rt, world: w } = ctx;
  const [from, end] = rt.ranges.civilians;
  const s = rt.map.streets;
  const v = rt.scratch.v;
  const pavement = (x: number, y: number, out: Float64Array) => (nearestPavement(s, x, y, out), true);
  let back = 0;
  spawnPedestrians(s, rt.agents, from, end, count, ctx.rng, (id) => {
    if (area) {
      findSpot(area, ctx.rng, v, pavement, pavement);
      placePedestrianNear(s, rt.agents, id, f64(v, 0), f64(v, 1), v);
    }
    if (w.health[id] !== tuning.health.civilian) w.health[id] = tuning.health.civilian;
    back++;
    ctx.emit('npc.spawned', { npc: id, kind: 'civilian' });
  });
  if (back) w.civilians.present = Math.min(w.civilians.total, w.civilians.present + back);
}

/** Brings agents of a kind into the city, bounded by the reserves the city has. */
export const spawn = defineCityBehaviour({
  name: 'spawn',
  emits: ['npc.spawned', 'police.changed', 'engine.warning'],
  description: `Brings up to \`count\` (at most ${MAX_SPAWN}) agents of a kind: civilians back onto random pavements, goons who are dead or gone back where they were, or police reserve units on duty. With \`zone\` (${SPAWN_ZONES.join(', ')}) they come to a random zone of that kind, with \`near: "player"\` within ${NEAR_PLAYER_METRES} m of the player (one or the other). Emits npc.spawned (or police.changed).`,
  params: {
    kind: { schema: z.enum(['goon', 'police', 'civilian']), description: 'Which kind.' },
    count: { schema: z.number().int().min(1).max(MAX_SPAWN), description: `How many, 1 to ${MAX_SPAWN}.` },
    zone: {
      schema: z.enum(SPAWN_ZONES).optional(),
      description: `Where: a random zone of this kind (${SPAWN_ZONES.join(', ')}); a city without one spawns nothing, with an engine.warning.`,
    },
    near: {
      schema: z.literal('player').optional(),
      description: `"player": within ${NEAR_PLAYER_METRES} m of the player, on walkable ground (pavements for civilians, streets for police cars).`,
    },
  },
  checkLiterals(p) {
    return p.zone !== undefined && p.near !== undefined
      ? { param: 'near', message: '"zone" and "near" are both given; a spawn takes one of them (or neither)' }
      : null;
  },
  run(ctx, p) {
    let area: SpawnArea | null = null;
    if (p.zone !== undefined || p.near !== undefined) {
      const found = spawnArea(ctx.runtime, p.zone, p.near);
      if (typeof found === 'string')
        return ctx.emit('engine.warning', { reason: `spawn: ${found}; nothing spawned`, triggers: [ctx.trigger] });
      area = found;
    }
    if (p.kind === 'goon') return reviveGoons(ctx, p.count, area);
    if (p.kind === 'police') return callPolice(ctx, p.count, area);
    bringCivilians(ctx, p.count, area);
  },
});
