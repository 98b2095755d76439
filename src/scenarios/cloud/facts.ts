import type { FactSpec } from '../../engine';
import { cloudTuning } from './config';
import type { CloudRuntime, CloudWorld } from './types';

/** `world.<path>` facts the cloud's rules may read. */
export const cloudWorldFacts: Record<string, FactSpec> = {
  'pool.size': { type: 'number', description: 'desired pool size: running + booting servers' },
  'pool.running': { type: 'number', description: 'servers in service (taking traffic)' },
  'pool.booting': { type: 'number', description: 'servers still booting' },
  'pool.draining': { type: 'number', description: 'servers draining on their way out' },
  'pool.min': { type: 'number', description: 'the smallest the pool may be' },
  'pool.max': { type: 'number', description: 'the largest the pool may be' },
  'pool.sinceScaled': {
    type: 'number',
    description: 'seconds since the pool last scaled, as of the last sample (a cooldown reads it)',
  },
  'pool.scaleOuts': { type: 'number', description: 'scale-outs so far' },
  'pool.scaleIns': { type: 'number', description: 'scale-ins so far' },
  'alarms.cpuHigh': { type: 'string', description: 'the cpuHigh alarm: "OK", "ALARM" or "INSUFFICIENT_DATA"' },
  'alarms.cpuLow': { type: 'string', description: 'the cpuLow alarm: "OK", "ALARM" or "INSUFFICIENT_DATA"' },
  cpu: { type: 'number', description: "the pool's average CPU % at the last sample" },
  rps: { type: 'number', description: 'requests per second at the last sample' },
  samples: { type: 'number', description: 'pool samples taken so far' },
  'load.setting': { type: 'number', description: 'the load slider, 0 … 1' },
  'load.spike': { type: 'boolean', description: 'a spike or surge of traffic is on' },
  'emails.sent': { type: 'number', description: 'emails sent so far' },
};

/** `entity.<field>` facts, for events naming a server (cpu.sampled, server.started, server.drained). */
export const cloudEntityFacts: Record<string, FactSpec> = {
  id: { type: 'number', description: 'the server number' },
  state: { type: 'string', description: '"booting", "running" or "draining"' },
  cpu: { type: 'number', description: "the server's CPU % at the last sample" },
  age: { type: 'number', description: 'seconds since it was launched' },
  warm: { type: 'boolean', description: 'in service and past its warm-up' },
};

/** The server an event names → its facts (undefined once it has gone). */
export function cloudEntity(
  world: CloudWorld,
  _rt: CloudRuntime,
  id: unknown,
): Readonly<Record<string, unknown>> | undefined {
  const s = world.servers.find((x) => x.id === id);
  if (!s) return undefined;
  const now = Math.max(world.clock, s.launched);
  return {
    id: s.id,
    state: s.state,
    cpu: s.cpu,
    age: (now - s.launched) / 60,
    warm: s.state === 'running' && now - s.ready >= cloudTuning.warmupTicks,
  };
}
