import { f64, i32 } from '../../../game';
import { cloudTuning as T, HISTORY_NEXT, RPS, SAMPLES_NEXT } from '../config';
import { SlotState } from '../types';
import type { CloudRuntime } from '../types';
import type { CloudContext } from './context';

function booting(rt: CloudRuntime): number {
  let n = 0;
  for (let slot = 0; slot < T.slots; slot++) if (rt.slots.state[slot] === SlotState.Booting) n++;
  return n;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Never scaled: the pool was set up this long before the run began (so a cooldown does not hold the first scaling back). */
export const SET_UP_BEFORE_TICKS = 10 * 60 * 60;

/**
 * Every 5 seconds (at the end of each period), while the metrics agent is on: each server in service reports
 * cpu.sampled, then the load balancer reports pool.sampled with the pool's average — the metric the alarms watch. A
 * crashed server reports nothing, and the pool's average waits for every server in service: until the health check
 * replaces it, the pool's datapoints are missing. Twice a second a point is added to the graphs' history.
 */
export function stepSamples(ctx: CloudContext): void {
  const { runtime: rt, world: w, tick } = ctx;
  if (tick % T.historyEvery === 0) {
    const h = rt.history;
    const i = i32(rt.counters, HISTORY_NEXT) % T.historyLength;
    let sum = 0,
      n = 0;
    for (let slot = 0; slot < T.slots; slot++)
      if (rt.slots.state[slot] === SlotState.Running) {
        sum += f64(rt.cpu, slot);
        n++;
      }
    h.rps[i] = f64(rt.traffic, RPS);
    h.capacity[i] = n * T.capacity;
    h.cpu[i] = n ? sum / n : 0;
    h.size[i] = n + booting(rt);
    rt.counters[HISTORY_NEXT] = i32(rt.counters, HISTORY_NEXT) + 1;
  }
  const agent = ctx.input.agent !== false;
  if (w.agent !== agent) w.agent = agent;
  if ((tick + 1) % T.sampleTicks !== 0 || !agent) return;

  w.clock = tick;
  w.pool.sinceScaled = Math.round((tick - w.pool.scaledAt) / 60);
  let sum = 0,
    n = 0,
    silent = 0;
  for (const s of w.servers) {
    if (s.state !== 'running') continue;
    if (s.crashedAt >= 0) {
      silent++;
      continue;
    }
    const cpu = round1(f64(rt.cpu, s.slot));
    s.cpu = cpu;
    sum += cpu;
    n++;
    ctx.emit('cpu.sampled', { server: s.id, cpu });
  }
  const rps = Math.round(f64(rt.traffic, RPS));
  w.rps = rps;
  if (!n || silent) return;
  const cpu = round1(sum / n);
  w.cpu = cpu;
  w.samples++;
  const k = i32(rt.counters, SAMPLES_NEXT);
  rt.samples[k % T.samplesKept] = cpu;
  rt.counters[SAMPLES_NEXT] = k + 1;
  ctx.emit('pool.sampled', { cpu, servers: n, rps });
}
