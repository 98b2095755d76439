import { z } from '../../../engine/zod';
import { f64, despawnPedestrians } from '../../../game';
import { defineCityBehaviour } from './define';

/** Clears civilians off the streets near the player. */
export const despawnCivilians = defineCityBehaviour({
  name: 'despawnCivilians',
  emits: ['npc.despawned'],
  description:
    'Takes civilians off the streets: up to `max` of those within `radius` metres of the player (0 = anywhere); emits npc.despawned {npc, kind} for each.',
  params: {
    radius: {
      schema: z.number().min(0).optional(),
      description: 'Metres around the player; 0 or absent = the whole city.',
    },
    max: { schema: z.number().int().min(0).optional(), description: 'At most this many (absent = all).' },
  },
  run(ctx, p) {
    const { runtime: rt, world: w } = ctx;
    const a = rt.agents;
    const [from, to] = rt.ranges.civilians;
    const n = despawnPedestrians(a, from, to, f64(a.x, 0), f64(a.y, 0), p.radius ?? 0, p.max ?? to - from, (id) =>
      ctx.emit('npc.despawned', { npc: id, kind: 'civilian' }),
    );
    if (n) w.civilians.present -= n;
  },
});
