import { z } from '../../../engine/zod';
import { spawnPedestrians } from '../../../game';
import { tuning } from '../config';
import { defineCityBehaviour } from './define';

/** Brings civilians back onto the streets. */
export const spawnCivilians = defineCityBehaviour({
  name: 'spawnCivilians',
  emits: ['npc.spawned'],
  description:
    'Brings back up to `count` civilians who are off the streets (despawned or dead) on random pavements, at full health; emits npc.spawned {npc, kind} for each.',
  params: { count: { schema: z.number().int().min(0), description: 'At most this many.' } },
  run(ctx, p) {
    const { runtime: rt, world: w } = ctx;
    const [from, to] = rt.ranges.civilians;
    let back = 0;
    spawnPedestrians(rt.map.streets, rt.agents, from, to, p.count, ctx.rng, (id) => {
      if (w.health[id] !== tuning.health.civilian) w.health[id] = tuning.health.civilian;
      back++;
      ctx.emit('npc.spawned', { npc: id, kind: 'civilian' });
    });
    if (back) w.civilians.present = Math.min(w.civilians.total, w.civilians.present + back);
  },
});
