import { z } from '../../../engine/zod';
import { tuning } from '../config';
import { tunables } from '../tunables';
import type { CityWorld } from '../types';
import { defineCityBehaviour } from './define';
import { u8 } from '../../../game';

const maxFor = [tuning.health.player, tuning.health.civilian, tuning.health.goon, tuning.health.police];

/** The most health a change of `amount` may bring the player to: the car heal cap for a heal in a car (never below today's health). */
function playerCap(w: CityWorld, amount: number): number {
  if (amount <= 0 || !w.player.inCar) return w.player.maxHealth;
  const cap = w.tunes?.carHealCap ?? tunables.carHealCap.initial;
  return Math.min(w.player.maxHealth, Math.max(w.player.health, cap));
}

/** Adds to an agent's health (clamped to 0 … its maximum) and emits health.changed. Dead agents are left alone. */
export const changeHealth = defineCityBehaviour({
  name: 'changeHealth',
  emits: ['health.changed'],
  description:
    "Adds `amount` (negative to hurt) to agent `entity`'s health, clamped to 0 … its maximum, and emits health.changed {entity, from, to}. A heal of the player in a car stops at the carHealCap tunable. The dead are left alone.",
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
      const to = Math.max(0, Math.min(playerCap(w, p.amount), from + p.amount));
      if (to === from) return;
      w.player.health = to;
      ctx.emit('health.changed', { entity: 0, from, to });
      return;
    }
    const from = w.health[id];
    if (from === undefined) return;
    const to = Math.max(0, Math.min(maxFor[u8(rt.agents.kind, id)] ?? 100, from + p.amount));
    if (to === from) return;
    w.health[id] = to;
    ctx.emit('health.changed', { entity: id, from, to });
  },
});
