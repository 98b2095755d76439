import type { Draft } from 'immer';
import { cloudTuning } from './config';
import { SlotState } from './types';
import type { CloudRuntime, CloudWorld, Server } from './types';

/** Recounts the pool's running, booting, draining and desired size from its servers. */
export function recountPool(w: Draft<CloudWorld>): void {
  let running = 0,
    booting = 0,
    draining = 0;
  for (const s of w.servers) {
    if (s.state === 'running') running++;
    else if (s.state === 'booting') booting++;
    else draining++;
  }
  const p = w.pool;
  if (p.running !== running) p.running = running;
  if (p.booting !== booting) p.booting = booting;
  if (p.draining !== draining) p.draining = draining;
  if (p.size !== running + booting) p.size = running + booting;
}

/** The lowest free rack slot, or -1 when the racks are full. */
function freeSlot(rt: CloudRuntime): number {
  return rt.slots.state.indexOf(SlotState.Empty);
}

/** Launches a server that boots for `bootTicks` (0: already in service); returns it, or null when the racks are full. */
export function launchServer(w: Draft<CloudWorld>, rt: CloudRuntime, tick: number, bootTicks: number): Server | null {
  const slot = freeSlot(rt);
  if (slot < 0) return null;
  const s: Server = {
    id: w.nextServer++,
    slot,
    state: bootTicks > 0 ? 'booting' : 'running',
    launched: tick,
    ready: tick + bootTicks,
    gone: -1,
    cpu: 0,
    crashedAt: -1,
  };
  w.servers.push(s);
  rt.slots.state[slot] = bootTicks > 0 ? SlotState.Booting : SlotState.Running;
  rt.slots.ready[slot] = s.ready;
  rt.slots.gone[slot] = -1;
  rt.cpu[slot] = rt.prevCpu[slot] = bootTicks > 0 ? 0 : cloudTuning.idleCpu;
  rt.noise[slot] = 0;
  return s;
}

/** Starts draining one server: a booting one if any (the newest), else the newest running one. Returns whether one was found. */
export function drainServer(w: Draft<CloudWorld>, rt: CloudRuntime, tick: number): boolean {
  let pick: Draft<Server> | undefined;
  for (const s of w.servers) if (s.state === 'booting' && (!pick || s.id > pick.id)) pick = s;
  if (!pick) for (const s of w.servers) if (s.state === 'running' && (!pick || s.id > pick.id)) pick = s;
  if (!pick) return false;
  pick.state = 'draining';
  pick.gone = tick + cloudTuning.drainTicks;
  rt.slots.state[pick.slot] = SlotState.Draining;
  rt.slots.gone[pick.slot] = pick.gone;
  return true;
}
