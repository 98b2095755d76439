import { defineCityBehaviour } from './define';

/** Sends backup units home. */
export const dismissBackup = defineCityBehaviour({
  name: 'dismissBackup',
  emits: ['police.changed'],
  description: 'Sends backup units off duty, back to the base strength. Emits police.changed.',
  params: {},
  run(ctx) {
    const pol = ctx.world.police;
    if (pol.units === pol.base) return;
    ctx.emit('police.changed', { from: pol.units, to: pol.base, weaponsFree: pol.weaponsFree });
    pol.units = pol.base;
  },
});
