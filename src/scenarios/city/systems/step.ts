import { savePrevious, stepPursuit, trackZone, zoneAt } from '../../../game';
import { tuning } from '../config';
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
  const now = a.alive[0] === 1 ? zoneAt(map, map, a.x[0] as number, a.y[0] as number) : -1;
  if (now === counters[5]) return;
  counters[5] = trackZone(ctx, map, counters[5] as number, now);
  w.player.zone = now >= 0 ? (map.zones[now] as (typeof map.zones)[number]).kind : '';
}

/** One tick of the city: controls, movement, sight, the pursuit, gunfire (the grid is built on demand), zones — in that order. */
export function stepCity(ctx: CityContext): void {
  const { runtime: rt, world: w } = ctx;
  const { agents: a } = rt;
  savePrevious(a);
  savePrevious(rt.cars);
  stepPlayer(ctx);
  stepNpcs(ctx);
  stepPolice(ctx);
  const seer = stepVision(ctx);
  const see = rt.scratch.sighting;
  see.seen = seer >= 0;
  see.seer = seer;
  see.x = a.x[0] as number;
  see.y = a.y[0] as number;
  see.hidden = w.player.hidden;
  see.wanted = w.wanted;
  see.tick = ctx.tick;
  stepPursuit(ctx, w.pursuit, rt.pursuitClock, tuning.pursuit, see);
  stepCombat(ctx);
  stepZones(ctx);
}
