import { z } from '../../../engine/zod';
import { defineCityBehaviour } from './define';
import { setWantedLevel } from './wanted';

/** Raises or lowers the wanted level. */
export const changeWanted = defineCityBehaviour({
  name: 'changeWanted',
  emits: ['wanted.changed'],
  description: 'Adds `amount` to the wanted level (clamped to 0 … 5) and emits wanted.changed {from, to}.',
  params: { amount: { schema: z.number(), description: 'Stars to add; negative lowers.' } },
  run(ctx, p) {
    if (typeof p.amount === 'number') setWantedLevel(ctx, ctx.world.wanted + p.amount);
  },
});
