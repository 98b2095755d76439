import { z } from '../../../engine/zod';
import { spawnPedestrians } from '../../../game';
import { tuning } from '../config';
import type { CityRuntime, CityWorld } from '../types';
import type { BehaviourContext } from '../../../engine';
import { defineCityBehaviour } from './define';

/** The most agents one spawn brings. */
export const MAX_SPAWN = 20;

/** Brings back up to `count` goons who are dead or gone, where they were, at full health. */
function reviveGoons(ctx: BehaviourContext<CityWorld, CityRuntime>, count: number): void {
  const { runtime: rt, world: w } = ctx;
  const a = rt.agents;
  let left = count;
  for (let i = rt.ranges.goons[0]; i < rt.ranges.goons[1] && left > 0; i++) {
    if (a.alive[i] === 1 && a.present[i] === 1) continue;
    a.alive[i] = 1;
    a.present[i] = 1;
    w.health[i] = tuning.health.goon;
    left--;
    ctx.emit('npc.spawned', { npc: i, kind: 'goon' });
  }
}

/** Brings agents of a kind into the city, bounded by the reserves the city has. */
export const spawn = defineCityBehaviour({
  name: 'spawn',
  emits: ['npc.spawned', 'police.changed'],
  description: `Brings up to \`count\` (at most ${MAX_SPAWN}) agents of a kind: civilians back onto random pavements, goons who are dead or gone back where they were, or police reserve units on duty. Emits npc.spawned (or police.changed).`,
  params: {
    kind: { schema: z.enum(['goon', 'police', 'civilian']), description: 'Which kind.' },
    count: { schema: z.number().int().min(1).max(MAX_SPAWN), description: `How many, 1 to ${MAX_SPAWN}.` },
  },
  run(ctx, p) {
    const { runtime: rt, world: w } = ctx;
    if (p.kind === 'goon') return reviveGoons(ctx, p.count);
    if (p.kind === 'police') {
      const to = Math.min(w.police.max, w.police.units + p.count);
      if (to !== w.police.units)
        ctx.emit('police.changed', { from: w.police.units, to, weaponsFree: w.police.weaponsFree });
      w.police.units = to;
      return;
    }
    const [from, end] = rt.ranges.civilians;
    let back = 0;
    spawnPedestrians(rt.map.streets, rt.agents, from, end, p.count, ctx.rng, (id) => {
      if (w.health[id] !== tuning.health.civilian) w.health[id] = tuning.health.civilian;
      back++;
      ctx.emit('npc.spawned', { npc: id, kind: 'civilian' });
    });
    if (back) w.civilians.present = Math.min(w.civilians.total, w.civilians.present + back);
  },
});
