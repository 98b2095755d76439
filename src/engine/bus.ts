import mitt from 'mitt';
import type { Emitter } from 'mitt';
import { createEvent } from './events';
import type { SirenEvent } from './events';
import type { EventLog } from './log';
import { budgetWarning, createTickWarnings, depthWarning, resetTickWarnings } from './busWarnings';
import type { Warning } from './busWarnings';
import type { BusLimits, EmitOrigin } from './busTypes';

export type { BusLimits, EmitOrigin } from './busTypes';

/** Default limits: generous for real rules, small enough that a loop costs a few milliseconds. */
export const defaultLimits: BusLimits = { maxDepth: 32, maxEventsPerTick: 5_000 };

type Handler<E> = (ev: E) => void;

/** The event bus: queues, appends to the log, then delivers FIFO by seq — first to the trigger system, then to subscribers. */
export interface Bus<M> {
  readonly log: EventLog;
  /** The current tick, stamped on new events. */
  tick: number;
  /** Emits an event; returns it, or null when a safety limit dropped it. */
  emit<K extends keyof M & string>(type: K, payload: M[K], origin?: EmitOrigin): SirenEvent<K, M[K]> | null;
  /** Emits an event whose type is only known at run time (rules' own events). */
  emitDynamic(type: string, payload: object, origin?: EmitOrigin): SirenEvent | null;
  /** Subscribes to one type, or to every event with '*'; returns a function that unsubscribes. */
  on<K extends keyof M & string>(type: K, handler: Handler<SirenEvent<K, M[K]>>): () => void;
  on(type: '*', handler: Handler<SirenEvent>): () => void;
  /**
   * Delivers queued events until the queue is empty (handlers may emit more), or until `stop` returns true for an
   * event just delivered: then the rest stays queued for the next drain. Returns false when it stopped.
   */
  drain(stop?: (ev: SirenEvent) => boolean): boolean;
  /** Appends an `engine.warning` (past the limits: it is never dropped). */
  warn(w: Warning): void;
  /** Drops every queued event (a suspended tick that time travel abandons). */
  clear(): void;
  /** Resets the per-tick budget. */
  beginTick(tick: number): void;
  /** The event being delivered right now and its depth (null between deliveries). */
  readonly current: SirenEvent | null;
  readonly currentDepth: number;
  /** The engine's trigger system: sees each event before subscribers. */
  setConsumer(consumer: ((ev: SirenEvent, depth: number) => void) | null): void;
  /** Queued events not yet delivered. */
  readonly pending: number;
}

/** Creates a bus writing to `log`. */
export function createBus<M>(log: EventLog, limits: BusLimits = defaultLimits): Bus<M> {
  const emitter: Emitter<Record<string, SirenEvent>> = mitt();
  // Queued events and their cascade depths; slots are reused from tick to tick (no per-tick regrowth).
  const queue: SirenEvent[] = [];
  const depths: number[] = [];
  let head = 0;
  let tail = 0;
  // mitt's handler lists: when none is registered, delivering to subscribers is skipped entirely.
  const handlers = emitter.all;
  let emittedThisTick = 0;
  const warnings = createTickWarnings();
  let consumer: ((ev: SirenEvent, depth: number) => void) | null = null;
  let current: SirenEvent | null = null;
  let currentDepth = 0;
  let draining = false;

  function push(ev: SirenEvent, depth: number): void {
    log.append(ev);
    queue[tail] = ev;
    depths[tail] = depth;
    tail++;
  }

  function warn(w: Warning | null): void {
    if (w) push(createEvent(log.end, 'engine.warning', bus.tick, { reason: w.reason, triggers: w.triggers }), 0);
  }

  const bus: Bus<M> = {
    log,
    tick: 0,
    emit(type, payload, origin) {
      return bus.emitDynamic(type, payload as object, origin) as SirenEvent<typeof type, M[typeof type]> | null;
    },
    emitDynamic(type, payload, origin) {
      const depth = origin?.depth ?? 0;
      if (depth > limits.maxDepth) {
        warn(depthWarning(warnings, log, limits, type, origin));
        return null;
      }
      if (emittedThisTick >= limits.maxEventsPerTick) {
        warn(budgetWarning(warnings, log, limits, type, origin));
        return null;
      }
      emittedThisTick++;
      const ev = createEvent(log.end, type, bus.tick, payload, origin?.cause);
      push(ev, depth);
      return ev;
    },
    on(type: string, handler: Handler<SirenEvent>) {
      // mitt calls '*' handlers with (type, event); ours take the event alone.
      const h = type === '*' ? (_type: string, ev: SirenEvent) => handler(ev) : handler;
      emitter.on(type, h as never);
      return () => emitter.off(type, h as never);
    },
    drain(stop) {
      if (draining) return true;
      draining = true;
      let stopped = false;
      try {
        while (head < tail) {
          const ev = queue[head] as SirenEvent;
          const depth = depths[head] as number;
          head++;
          current = ev;
          currentDepth = depth;
          if (consumer) consumer(ev, depth);
          if (handlers.size !== 0) emitter.emit(ev.type, ev);
          if (stop !== undefined && stop(ev)) {
            stopped = true;
            break;
          }
        }
      } finally {
        if (!stopped) {
          head = 0;
          tail = 0;
        }
        current = null;
        currentDepth = 0;
        draining = false;
      }
      return !stopped;
    },
    warn,
    clear() {
      head = 0;
      tail = 0;
    },
    beginTick(tick) {
      bus.tick = tick;
      emittedThisTick = 0;
      resetTickWarnings(warnings, log.end);
    },
    get current() {
      return current;
    },
    get currentDepth() {
      return currentDepth;
    },
    setConsumer(c) {
      consumer = c;
    },
    get pending() {
      return tail - head;
    },
  } as Bus<M>;
  return bus;
}
