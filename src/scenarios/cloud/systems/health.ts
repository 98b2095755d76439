import { cloudTuning as T } from '../config';
import { launchServer, recountPool } from '../pool';
import { SlotState } from '../types';
import type { CloudContext } from './context';

/**
 * At each sample, a server in service may crash (seeded): it stops serving and reporting at once, silently. Every
 * `healthTicks` the load balancer health-checks the pool: a crashed server that failed two checks in a row (15–30 s
 * after it crashed) is taken out (server.failed) and the
 * pool launches a replacement that boots like any new server (server.replaced).
 */
export function stepHealth(ctx: CloudContext): void {
  const { runtime: rt, world: w, tick, rng } = ctx;
  if ((tick + 1) % T.sampleTicks === 0)
    for (const s of w.servers)
      if (s.state === 'running' && s.crashedAt < 0 && rng.next() < T.crashChance) {
        s.crashedAt = tick;
        rt.slots.state[s.slot] = SlotState.Crashed;
        rt.cpu[s.slot] = rt.prevCpu[s.slot] = 0;
      }
  if (tick % T.healthTicks !== 0) return;
  // Over a copy of the list, since a failed server leaves it (and its replacement, booting, joins it).
  for (const s of w.servers.slice()) {
    if (s.crashedAt < 0 || s.state !== 'running' || s.crashedAt > tick - T.healthTicks) continue;
    rt.slots.state[s.slot] = SlotState.Empty;
    w.servers.splice(w.servers.indexOf(s), 1);
    w.clock = tick;
    ctx.emit('server.failed', { server: s.id });
    const by = launchServer(w, rt, tick, T.bootTicks);
    if (by) ctx.emit('server.replaced', { server: s.id, by: by.id });
  }
  recountPool(w);
}
