import { z } from '../../../engine/zod';
import { defineCityBehaviour } from './define';

/** Turns the police sirens on or off. */
export const siren = defineCityBehaviour({
  name: 'siren',
  emits: ['siren.changed'],
  description: 'Turns the police sirens on or off; emits siren.changed {on} when that changes anything.',
  params: { on: { schema: z.boolean(), description: 'true: sirens wail; false: silence.' } },
  run(ctx, p) {
    if (ctx.world.siren === p.on) return;
    ctx.world.siren = p.on;
    ctx.emit('siren.changed', { on: p.on });
  },
});
