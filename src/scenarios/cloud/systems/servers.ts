import { f64, i32 } from '../../../game';
import { cloudTuning as T, RPS } from '../config';
import { recountPool } from '../pool';
import { SlotState } from '../types';
import type { CloudRuntime } from '../types';
import type { CloudContext } from './context';

/** CPU % a booting server shows (installing, starting up); it takes no traffic. */
const BOOT_CPU = 35;
/** How fast a server's CPU follows its load, per tick. */
const FOLLOW = 0.08;

/** The CPU cost factor of a request on a server that came into service at `ready`: `coldCost` at first, 1 once warm. */
export function coldFactor(ready: number, tick: number): number {
  const age = tick - ready;
  return age >= T.warmupTicks ? 1 : T.coldCost - (T.coldCost - 1) * (age / T.warmupTicks);
}

/** Servers in service now. */
export function runningCount(rt: CloudRuntime): number {
  let n = 0;
  for (let i = 0; i < T.slots; i++) if (rt.slots.state[i] === SlotState.Running) n++;
  return n;
}

/** The CPU the server in `slot` would settle at now, given each running server's share of the requests. */
function targetCpu(rt: CloudRuntime, slot: number, share: number, tick: number): number {
  const state = rt.slots.state[slot];
  if (state === SlotState.Booting) return BOOT_CPU + f64(rt.noise, slot);
  if (state !== SlotState.Running) return 0;
  const cpu =
    T.idleCpu + (share / T.capacity) * 100 * coldFactor(i32(rt.slots.ready, slot), tick) + f64(rt.noise, slot);
  return Math.max(0, Math.min(100, cpu));
}

/** Sets every server's CPU to where it would settle (the start of a run). */
export function settleCpu(rt: CloudRuntime, tick: number): void {
  const n = runningCount(rt);
  const share = n ? f64(rt.traffic, RPS) / n : 0;
  for (let slot = 0; slot < T.slots; slot++) rt.cpu[slot] = rt.prevCpu[slot] = targetCpu(rt, slot, share, tick);
}

/** Brings booting servers into service (server.started) and lets drained ones go (server.drained), in launch order. */
function stepLifecycle(ctx: CloudContext): void {
  const { runtime: rt, world: w, tick } = ctx;
  const { state, ready, gone } = rt.slots;
  let due = false;
  for (let i = 0; i < T.slots; i++)
    if (
      (state[i] === SlotState.Booting && tick >= i32(ready, i)) ||
      (state[i] === SlotState.Draining && tick >= i32(gone, i))
    )
      due = true;
  if (!due) return;
  // Over a copy of the list, since a drained server leaves it.
  for (const s of w.servers.slice()) {
    if (s.state === 'booting' && tick >= s.ready) {
      s.state = 'running';
      state[s.slot] = SlotState.Running;
      w.clock = tick;
      ctx.emit('server.started', { server: s.id });
    } else if (s.state === 'draining' && tick >= s.gone) {
      state[s.slot] = SlotState.Empty;
      rt.cpu[s.slot] = rt.prevCpu[s.slot] = 0;
      w.servers.splice(w.servers.indexOf(s), 1);
      w.clock = tick;
      ctx.emit('server.drained', { server: s.id });
    }
  }
  recountPool(w);
}

/**
 * The servers for one tick: booting ones come into service, draining ones go away, and every server's CPU follows
 * its share of the traffic (the load balancer spreads requests evenly over the servers in service; a server fresh
 * out of boot needs more CPU per request while it warms up).
 */
export function stepServers(ctx: CloudContext): void {
  const { runtime: rt, tick, rng } = ctx;
  stepLifecycle(ctx);
  rt.prevCpu.set(rt.cpu);
  const wander = tick % 30 === 0;
  const n = runningCount(rt);
  const share = n ? f64(rt.traffic, RPS) / n : 0;
  for (let slot = 0; slot < T.slots; slot++) {
    if (rt.slots.state[slot] === SlotState.Empty) continue;
    if (wander) rt.noise[slot] = f64(rt.noise, slot) * 0.8 + rng.range(-2.5, 2.5);
    rt.cpu[slot] = f64(rt.cpu, slot) + (targetCpu(rt, slot, share, tick) - f64(rt.cpu, slot)) * FOLLOW;
  }
}
