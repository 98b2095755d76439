import { z } from '../../../engine/zod';
import { cloudTuning } from '../config';
import { drainServer, launchServer, recountPool } from '../pool';
import { defineCloudBehaviour } from './define';

/** Scales the pool out or in. */
export const scale = defineCloudBehaviour({
  name: 'scale',
  emits: ['pool.scaled'],
  description:
    "Changes the pool's desired size by `by` servers (negative scales in), kept within min … max, and emits pool.scaled {from, to, reason} when the size changes. New servers boot for 20 s, then server.started; servers taken out (booting ones first, then the newest) drain for 8 s, then server.drained.",
  params: {
    by: { schema: z.number().int().min(-10).max(10), description: 'Servers to add (negative: to remove).' },
    reason: {
      schema: z.string().min(1).max(100),
      description: 'Why, e.g. "cpuHigh" (shown in the event and the log).',
    },
  },
  run(ctx, p) {
    const { world: w, runtime: rt } = ctx;
    const pool = w.pool;
    const from = pool.size;
    const to = Math.max(pool.min, Math.min(pool.max, from + p.by));
    if (to === from) return;
    if (to > from) {
      for (let i = from; i < to; i++) if (!launchServer(w, rt, ctx.tick, cloudTuning.bootTicks)) break;
    } else for (let i = to; i < from; i++) drainServer(w, rt, ctx.tick);
    recountPool(w);
    if (pool.size === from) return;
    if (pool.size > from) pool.scaleOuts++;
    else pool.scaleIns++;
    pool.scaledAt = ctx.tick;
    pool.sinceScaled = 0;
    ctx.emit('pool.scaled', { from, to: pool.size, reason: p.reason });
  },
});
