/**
 * The cloud's state, as the renderer and the rules see it.
 *
 * One tick = 1/60 s. Servers live in the immer world W (few, and they change only when a rule scales the pool or a
 * server finishes booting or draining); the per-tick numbers (requests per second, each server's CPU) live in typed
 * arrays in the runtime R, indexed by the server's `slot`, with the previous tick's values for interpolation.
 *
 * To draw a frame:
 * - servers: `world.servers` (each with a `slot` 0 … SLOTS-1, a `state` and the ticks it launched, became ready or
 *   stops draining); `runtime.slots` mirrors their states by slot for the per-tick systems. A server's live CPU
 *   (0–100) is lerp(runtime.prevCpu[slot], runtime.cpu[slot], α).
 * - traffic: lerp(runtime.traffic[PREV_RPS], runtime.traffic[RPS], α) requests per second; `runtime.history` holds
 *   one point every `historyEvery` ticks (rps, capacity, average CPU, size), a ring whose newest point is at
 *   (counters[HISTORY_NEXT] - 1) % historyLength.
 * - samples: `runtime.samples`, a ring of the last pool CPU samples (the values `pool.sampled` reported), newest at
 *   (counters[SAMPLES_NEXT] - 1) % samplesKept.
 * - alarms: `world.alarms.cpuHigh` / `cpuLow` ('OK' | 'ALARM' | 'INSUFFICIENT_DATA'); the outbox: `world.outbox`
 *   (newest first), `world.emails.sent`.
 * Read-only for renderers: the engine replaces W every tick and mutates R in place during `step`.
 */

/** The operator's controls for one tick: the load slider and the spike button. */
export interface CloudInput {
  /** The traffic level, 0 … 1 (the daily wave's peak, from quiet to very busy). */
  load: number;
  /** Held for at least one tick to start a traffic spike (acts on the press, not while held). */
  spike: boolean;
  /** The metrics agent: false turns it off, so no server or load balancer sample is published (default on). */
  agent?: boolean;
}

/** A CloudWatch-style alarm state. */
export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** The alarms rules can set (by these names). */
export const alarmNames = ['cpuHigh', 'cpuLow'] as const;

/** An alarm's name. */
export type AlarmName = (typeof alarmNames)[number];

/** Where a server is in its life: booting (no traffic yet), running (behind the load balancer), draining (leaving). */
export type ServerStatus = 'booting' | 'running' | 'draining';

/** One server of the pool. */
export interface Server {
  /** Its number (1, 2, …; never reused). */
  id: number;
  /** Where it sits in the racks, and its index in the runtime's CPU arrays. */
  slot: number;
  state: ServerStatus;
  /** Tick it was launched. */
  launched: number;
  /** Tick it starts (or started) taking traffic. */
  ready: number;
  /** Tick it finishes draining and goes away (-1 unless draining). */
  gone: number;
  /** CPU % at the last sample. */
  cpu: number;
  /** Tick it crashed (-1: it has not): it takes no traffic and reports nothing until the health check replaces it. */
  crashedAt: number;
}

/** An email in the outbox (the SNS story). */
export interface Email {
  tick: number;
  to: string;
  subject: string;
  body: string;
}

/** The pool behind the load balancer. */
export interface PoolState {
  /** Desired size: running + booting servers (draining ones are on their way out). */
  size: number;
  running: number;
  booting: number;
  draining: number;
  min: number;
  max: number;
  /** Seconds since the pool last scaled, as of the last sample (a large number before the first scaling). */
  sinceScaled: number;
  /** Tick of the last scaling (-1: never). */
  scaledAt: number;
  scaleOuts: number;
  scaleIns: number;
}

/** Rule-driven state of the cloud: the immer world W. */
export interface CloudWorld {
  pool: PoolState;
  /** Servers in the racks (booting, running and draining), by launch order. */
  servers: Server[];
  /** Id the next server launched gets. */
  nextServer: number;
  alarms: Record<AlarmName, AlarmState>;
  /** The pool's average CPU % at the last sample. */
  cpu: number;
  /** Requests per second at the last sample. */
  rps: number;
  /** Pool samples taken so far. */
  samples: number;
  /** Whether the metrics agent publishes samples (the page can turn it off). */
  agent: boolean;
  /** Tick of the latest report of the servers or the load balancer (entity facts measure ages from it). */
  clock: number;
  /** The traffic: the settled slider setting (0 … 1) and whether a spike is on (and its kind: 'spike' pressed, 'surge' random). */
  load: { setting: number; spike: boolean; kind: string };
  /** The newest emails first (at most OUTBOX_SIZE). */
  outbox: Email[];
  emails: { sent: number };
}

/** A ring of points: one every HISTORY_EVERY ticks. */
export interface History {
  readonly rps: Float32Array;
  readonly capacity: Float32Array;
  readonly cpu: Float32Array;
  readonly size: Float32Array;
}

/** Slot states in the runtime's mirror of the racks. */
export const SlotState = { Empty: 0, Booting: 1, Running: 2, Draining: 3, Crashed: 4 } as const;

/** The racks as the per-tick systems read them: a mirror of `world.servers` by slot (kept in step by pool.ts). */
export interface Slots {
  /** A SlotState per slot. */
  readonly state: Uint8Array;
  /** Tick the slot's server comes (or came) into service. */
  readonly ready: Int32Array;
  /** Tick the slot's server finishes draining (-1 unless draining). */
  readonly gone: Int32Array;
}

/** Mutable per-tick state of the cloud: the runtime R. */
export interface CloudRuntime {
  readonly slots: Slots;
  /** CPU % of each rack slot now and at the previous tick. */
  readonly cpu: Float64Array;
  readonly prevCpu: Float64Array;
  /** Each slot's slowly wandering noise (CPU points). */
  readonly noise: Float64Array;
  /** Requests per second now (RPS) and before (PREV_RPS), the demand it follows, the extra of a spike or surge, and the wave's state (see config.ts). */
  readonly traffic: Float64Array;
  /** Ticks and flags: when the spike and the surge end, whether Spike was held last tick, … (see config.ts). */
  readonly counters: Int32Array;
  /** The slider value last seen in the input (it settles into world.load.setting after a moment). */
  readonly slider: Float64Array;
  readonly history: History;
  /** The last pool CPU samples, a ring (newest at counters[SAMPLES_NEXT] - 1). */
  readonly samples: Float32Array;
}
