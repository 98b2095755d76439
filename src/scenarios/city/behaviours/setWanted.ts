import { z } from '../../../engine/zod';
import { defineCityBehaviour } from './define';
import { MAX_WANTED, setWantedLevel } from './wanted';

/** Sets the wanted level outright. */
export const setWanted = defineCityBehaviour({
  name: 'setWanted',
  emits: ['wanted.changed'],
  description: 'Sets the wanted level to `level` (0 … 5) and emits wanted.changed {from, to}.',
  params: { level: { schema: z.number().min(0).max(MAX_WANTED), description: 'The new wanted level.' } },
  run(ctx, p) {
    if (typeof p.level === 'number') setWantedLevel(ctx, p.level);
  },
});
