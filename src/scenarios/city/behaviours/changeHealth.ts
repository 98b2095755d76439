import { z } from '../../../engine/zod';
import { tuning } from '../config';
import { defineCityBehaviour } from './define';

const maxFor = [tuning.health.player, tuning.health.civilian, tuning.health.goon, tuning.health.police];

/** Adds to an agent's health (clamped to 0 … its maximum) and emits health.changed. Dead agents are left alone. */
export const changeHealth = defineCityBehaviour({
  name: 'changeHealth',
  emits: ['health.changed'],
  description:
    "Adds `amount` (negative to hurt) to agent `entity`'s health, clamped to 0 … its maximum, and emits health.changed {entity, from, to}. The dead are left alone.",
  params: {
    entity: {
      schema: z.number().int().min(0),
      description: 'Agent id (0 = the player), e.g. {"fact": "event.target"}.',
    },
    amount: { schema: z.number(), description: 'How much to add; negative hurts.' },
  },
  run(ctx, p) {
    const { world: w, runtime: rt } = ctx;
    const id = p.entity;
    if (typeof id !== 'number' || typeof p.amount !== 'number' || id >= rt.agents.count || rt.agents.alive[id] === 0)
      return;
    if (id === 0) {
      const from = w.player.health;
      const to = Math.max(0, Math.min(w.player.maxHealth, from + p.amount));
      if (to === from) return;
      w.player.health = to;
      ctx.emit('health.changed', { entity: 0, from, to });
      return;
    }
    const from = w.health[id] as number;
    const to = Math.max(0, Math.min(maxFor[rt.agents.kind[id] as number] ?? 100, from + p.amount));
    if (to === from) return;
    w.health[id] = to;
    ctx.emit('health.changed', { entity: id, from, to });
  },
});
