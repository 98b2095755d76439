import { z } from '../../../engine/zod';
import { outOfRange, tunableNames, tunables } from '../tunables';
import { defineCityBehaviour } from './define';

/** Changes one of the city's tunables within its range. */
export const tune = defineCityBehaviour({
  name: 'tune',
  emits: ['engine.warning'],
  description: `Sets a city tunable (${tunableNames
    .map((n) => `${n}: ${tunables[n].description}, ${tunables[n].min}–${tunables[n].max}`)
    .join(
      '; ',
    )}). A literal out of range is a load error; a value read from a fact is clamped, with an engine.warning.`,
  params: {
    name: { schema: z.enum(tunableNames), description: 'Which tunable.' },
    value: { schema: z.number(), description: 'Its new value, within its range.' },
  },
  checkLiterals(p) {
    const name = p.name;
    if (typeof p.value !== 'number' || typeof name !== 'string' || !Object.hasOwn(tunables, name)) return null;
    const message = outOfRange(name as keyof typeof tunables, p.value);
    return message ? { param: 'value', message } : null;
  },
  run(ctx, p) {
    const t = tunables[p.name];
    const value = Math.min(t.max, Math.max(t.min, p.value));
    if (value !== p.value)
      ctx.emit('engine.warning', {
        reason: `tune: ${outOfRange(p.name, p.value)}; clamped to ${value}`,
        triggers: [ctx.trigger],
      });
    (ctx.world.tunes ??= {})[p.name] = value;
  },
});
