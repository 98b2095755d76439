import type { Scenario } from '../../engine';
import { createCloudAutopilot } from './autopilot';
import { cloudBehaviours } from './behaviours';
import { cloudEvents } from './events';
import { cloudEntity, cloudEntityFacts, cloudWorldFacts } from './facts';
import { createCloud } from './init';
import { stepCloud } from './systems/step';
import type { CloudInput, CloudRuntime, CloudWorld, History } from './types';

export { cloudTuning } from './config';
export { cloudEvents } from './events';
export type { CloudEvents } from './events';
export { createCloudAutopilot } from './autopilot';
export { cloudLessons } from './lessons';
export { alarmRules } from './thresholds';
export type { AlarmRule } from './thresholds';
export { coldFactor } from './systems/servers';
export * from './types';

/** The idle input: the slider in the middle, Spike not pressed. */
export const idleCloudInput: CloudInput = { load: 0.5, spike: false };

/** Checks an input record: exactly `load` (a number from 0 to 1) and `spike` (true or false). Returns an error message or null. */
export function checkCloudInput(input: unknown): string | null {
  const expected = 'expected {"load": 0…1, "spike": true|false, "agent"?: true|false}';
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return `${expected}, found ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}`;
  const rec = input as Record<string, unknown>;
  for (const k of Object.keys(rec))
    if (k !== 'load' && k !== 'spike' && k !== 'agent') return `unknown control "${k}"; ${expected}`;
  if (!('load' in rec)) return `missing control "load"; ${expected}`;
  if (!('spike' in rec)) return `missing control "spike"; ${expected}`;
  if (typeof rec.load !== 'number' || !Number.isFinite(rec.load) || rec.load < 0 || rec.load > 1)
    return `control "load" must be a number from 0 to 1, found ${JSON.stringify(rec.load)}`;
  if (typeof rec.spike !== 'boolean')
    return `control "spike" must be true or false, found ${JSON.stringify(rec.spike)}`;
  if ('agent' in rec && typeof rec.agent !== 'boolean')
    return `control "agent" must be true or false, found ${JSON.stringify(rec.agent)}`;
  return null;
}

interface SavedCloudRuntime {
  slots: [Uint8Array, Int32Array, Int32Array];
  cpu: Float64Array;
  prevCpu: Float64Array;
  noise: Float64Array;
  traffic: Float64Array;
  counters: Int32Array;
  slider: Float64Array;
  history: History;
  samples: Float32Array;
}

function saveCloudRuntime(rt: CloudRuntime): SavedCloudRuntime {
  const h = rt.history;
  return {
    slots: [rt.slots.state.slice(), rt.slots.ready.slice(), rt.slots.gone.slice()],
    cpu: rt.cpu.slice(),
    prevCpu: rt.prevCpu.slice(),
    noise: rt.noise.slice(),
    traffic: rt.traffic.slice(),
    counters: rt.counters.slice(),
    slider: rt.slider.slice(),
    history: { rps: h.rps.slice(), capacity: h.capacity.slice(), cpu: h.cpu.slice(), size: h.size.slice() },
    samples: rt.samples.slice(),
  };
}

function restoreCloudRuntime(rt: CloudRuntime, saved: unknown): void {
  const s = saved as SavedCloudRuntime;
  rt.slots.state.set(s.slots[0]);
  rt.slots.ready.set(s.slots[1]);
  rt.slots.gone.set(s.slots[2]);
  rt.cpu.set(s.cpu);
  rt.prevCpu.set(s.prevCpu);
  rt.noise.set(s.noise);
  rt.traffic.set(s.traffic);
  rt.counters.set(s.counters);
  rt.slider.set(s.slider);
  const h = rt.history;
  h.rps.set(s.history.rps);
  h.capacity.set(s.history.capacity);
  h.cpu.set(s.history.cpu);
  h.size.set(s.history.size);
  rt.samples.set(s.samples);
}

/** The cloud: a pool of servers behind a load balancer under a changing load; rules turn CPU samples into alarms, emails and scaling. */
export const cloudScenario: Scenario<CloudWorld, CloudRuntime, CloudInput> = {
  name: 'cloud',
  description:
    'A pool of servers behind a load balancer: CPU samples, CloudWatch-style N-of-M alarms, emails in an outbox, scale-out and scale-in with a cooldown.',
  events: cloudEvents,
  behaviours: cloudBehaviours,
  worldFacts: cloudWorldFacts,
  entityFacts: cloudEntityFacts,
  rulesFile: 'public/rules/cloud.json',
  init: (rng) => createCloud(rng, idleCloudInput.load),
  step: stepCloud,
  saveRuntime: saveCloudRuntime,
  restoreRuntime: restoreCloudRuntime,
  entity: cloudEntity,
  idleInput: idleCloudInput,
  checkInput: checkCloudInput,
  createAutopilot: createCloudAutopilot,
  summary: (w) => ({
    poolSize: w.pool.size,
    running: w.pool.running,
    booting: w.pool.booting,
    draining: w.pool.draining,
    min: w.pool.min,
    max: w.pool.max,
    alarm: w.alarms.cpuHigh,
    alarms: { ...w.alarms },
    cpu: w.cpu,
    rps: w.rps,
    load: w.load.setting,
    scaleOuts: w.pool.scaleOuts,
    scaleIns: w.pool.scaleIns,
    emailsSent: w.emails.sent,
    lastEmail: w.outbox[0]?.subject ?? null,
    samples: w.samples,
  }),
};
