import { z } from '../../../engine/zod';
import { defineCityBehaviour } from './define';

/** Calls reserve units onto the streets. */
export const callBackup = defineCityBehaviour({
  name: 'callBackup',
  emits: ['police.changed'],
  description:
    'Puts `units` more police units on duty (up to the reserve available); they arrive away from the player. Emits police.changed.',
  params: { units: { schema: z.number().int().min(1), description: 'How many more units.' } },
  run(ctx, p) {
    const pol = ctx.world.police;
    const to = Math.min(pol.max, pol.units + p.units);
    if (to === pol.units) return;
    ctx.emit('police.changed', { from: pol.units, to, weaponsFree: pol.weaponsFree });
    pol.units = to;
  },
});
