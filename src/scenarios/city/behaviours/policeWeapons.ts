import { z } from '../../../engine/zod';
import { defineCityBehaviour } from './define';

/** Lets the police open fire, or makes them hold it. */
export const policeWeapons = defineCityBehaviour({
  name: 'policeWeapons',
  emits: ['police.changed'],
  description:
    'Police may fire at the player they see (`free` true) or must hold fire (false); emits police.changed when that changes.',
  params: { free: { schema: z.boolean(), description: 'true: weapons free; false: hold fire.' } },
  run(ctx, p) {
    const pol = ctx.world.police;
    if (pol.weaponsFree === p.free) return;
    pol.weaponsFree = p.free;
    ctx.emit('police.changed', { from: pol.units, to: pol.units, weaponsFree: p.free });
  },
});
