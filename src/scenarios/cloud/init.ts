import type { Rng } from '../../engine';
import {
  cloudTuning as T,
  COUNTER_FIELDS,
  DEMAND,
  MOOD,
  PHASE,
  PREV_RPS,
  RPS,
  SPIKE_UNTIL,
  SURGE_START,
  SURGE_UNTIL,
  TRAFFIC_FIELDS,
} from './config';
import { launchServer, recountPool } from './pool';
import { SET_UP_BEFORE_TICKS } from './systems/sample';
import { settleCpu } from './systems/servers';
import { demandAt } from './systems/traffic';
import type { CloudRuntime, CloudWorld } from './types';

/** Builds the cloud at the start of a run: a warm pool at its start size, mid-morning traffic, alarms without data yet. */
export function createCloud(rng: Rng, setting: number): { world: CloudWorld; runtime: CloudRuntime } {
  const world: CloudWorld = {
    pool: {
      size: 0,
      running: 0,
      booting: 0,
      draining: 0,
      min: T.pool.min,
      max: T.pool.max,
      sinceScaled: SET_UP_BEFORE_TICKS / 60,
      scaledAt: -SET_UP_BEFORE_TICKS,
      scaleOuts: 0,
      scaleIns: 0,
    },
    servers: [],
    nextServer: 1,
    alarms: { cpuHigh: 'INSUFFICIENT_DATA', cpuLow: 'INSUFFICIENT_DATA' },
    cpu: 0,
    rps: 0,
    samples: 0,
    clock: 0,
    load: { setting, spike: false, kind: '' },
    outbox: [],
    emails: { sent: 0 },
    agent: true,
  };
  const runtime: CloudRuntime = {
    slots: { state: new Uint8Array(T.slots), ready: new Int32Array(T.slots), gone: new Int32Array(T.slots).fill(-1) },
    cpu: new Float64Array(T.slots),
    prevCpu: new Float64Array(T.slots),
    noise: new Float64Array(T.slots),
    traffic: new Float64Array(TRAFFIC_FIELDS),
    counters: new Int32Array(COUNTER_FIELDS),
    slider: Float64Array.of(setting),
    history: {
      rps: new Float32Array(T.historyLength),
      capacity: new Float32Array(T.historyLength),
      cpu: new Float32Array(T.historyLength),
      size: new Float32Array(T.historyLength),
    },
    samples: new Float32Array(T.samplesKept),
  };
  // No spike or surge yet (they "ended" long ago).
  runtime.counters[SPIKE_UNTIL] = runtime.counters[SURGE_UNTIL] = runtime.counters[SURGE_START] = -SET_UP_BEFORE_TICKS;
  // Early morning of a day whose traffic is a little busier or quieter than usual.
  runtime.traffic[PHASE] = Math.round(rng.range(0.03, 0.08) * T.dayTicks);
  runtime.traffic[MOOD] = rng.range(0.92, 1.08);
  const demand = demandAt(runtime, 0, setting);
  runtime.traffic[RPS] = runtime.traffic[PREV_RPS] = runtime.traffic[DEMAND] = demand;
  // The servers of the start are warm: they came into service long ago.
  for (let i = 0; i < T.pool.start; i++) launchServer(world, runtime, -SET_UP_BEFORE_TICKS, 0);
  recountPool(world);
  settleCpu(runtime, 0);
  return { world, runtime };
}
