import { z } from '../../../engine/zod';
import { defineCityBehaviour } from './define';

/** The player comes back at the hospital door. */
export const respawnPlayer = defineCityBehaviour({
  name: 'respawnPlayer',
  emits: ['health.changed', 'player.respawned'],
  description:
    'Brings a dead player back at the hospital door with `health` hit points; emits health.changed and player.respawned {x, y}.',
  params: {
    health: { schema: z.number().min(1), description: 'Hit points to come back with (capped at the maximum).' },
  },
  run(ctx, p) {
    const { world: w, runtime: rt } = ctx;
    const a = rt.agents;
    if (a.alive[0] === 1) return;
    const { doorX, doorY } = rt.map.hospital;
    a.x[0] = a.prevX[0] = doorX;
    a.y[0] = a.prevY[0] = doorY;
    a.heading[0] = Math.PI / 2;
    a.alive[0] = 1;
    w.player.alive = true;
    const from = w.player.health;
    const to = Math.min(w.player.maxHealth, typeof p.health === 'number' ? p.health : w.player.maxHealth);
    w.player.health = to;
    if (to !== from) ctx.emit('health.changed', { entity: 0, from, to });
    ctx.emit('player.respawned', { x: doorX, y: doorY });
  },
});
