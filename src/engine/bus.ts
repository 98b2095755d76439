import mitt from 'mitt';
import type { Emitter } from 'mitt';
import { createEvent } from './events';
import type { SirenEvent } from './events';
import type { EventLog } from './log';
import { budgetWarning, createTickWarnings, depthWarning, resetTickWarnings } from './busWarnings';
import type { Warning, WarningContext } from './busWarnings';
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

/** A bus's queue, delivery and per-tick budget state. */
interface BusState extends WarningContext {
  readonly emitter: Emitter<Record<string, SirenEvent>>;
  /** mitt's handler lists: when none is registered, delivering to subscribers is skipped entirely. */
  readonly handlers: Emitter<Record<string, SirenEvent>>['all'];
  /** Queued events and their cascade depths; slots are reused from tick to tick (no per-tick regrowth). */
  readonly queue: SirenEvent[];
  readonly depths: number[];
  head: number;
  tail: number;
  emittedThisTick: number;
  consumer: ((ev: SirenEvent, depth: number) => void) | null;
  current: SirenEvent | null;
  currentDepth: number;
  draining: boolean;
}

/** An empty bus state writing to `log`. */
function createBusState(log: EventLog, limits: BusLimits): BusState {
  const emitter: Emitter<Record<string, SirenEvent>> = mitt();
  return {
    log,
    limits,
    warnings: createTickWarnings(),
    emitter,
    handlers: emitter.all,
    queue: [],
    depths: [],
    head: 0,
    tail: 0,
    emittedThisTick: 0,
    consumer: null,
    current: null,
    currentDepth: 0,
    draining: false,
  };
}

/** Appends an event to the log and queues it for delivery. */
function push(s: BusState, ev: SirenEvent, depth: number): void {
  s.log.append(ev);
  s.queue[s.tail] = ev;
  s.depths[s.tail] = depth;
  s.tail++;
}

/** Delivers queued events in order (see `Bus.drain`); a drain started while one runs returns at once. */
function drainQueue(s: BusState, stop: ((ev: SirenEvent) => boolean) | undefined): boolean {
  if (s.draining) return true;
  s.draining = true;
  const { queue, depths, emitter, handlers } = s;
  let stopped = false;
  try {
    while (s.head < s.tail) {
      const ev = queue[s.head] as SirenEvent;
      const depth = depths[s.head] as number;
      s.head++;
      s.current = ev;
      s.currentDepth = depth;
      if (s.consumer) s.consumer(ev, depth);
      if (handlers.size !== 0) emitter.emit(ev.type, ev);
      if (stop !== undefined && stop(ev)) {
        stopped = true;
        break;
      }
    }
  } finally {
    if (!stopped) {
      s.head = 0;
      s.tail = 0;
    }
    s.current = null;
    s.currentDepth = 0;
    s.draining = false;
  }
  return !stopped;
}

/** Subscribes a handler to one type or to '*'; returns a function that unsubscribes. */
function subscribe(emitter: BusState['emitter'], type: string, handler: Handler<SirenEvent>): () => void {
  // mitt calls '*' handlers with (type, event); ours take the event alone.
  const h = type === '*' ? (_type: string, ev: SirenEvent) => handler(ev) : handler;
  emitter.on(type, h as never);
  return () => emitter.off(type, h as never);
}

/** Creates a bus writing to `log`. */
export function createBus<M>(log: EventLog, limits: BusLimits = defaultLimits): Bus<M> {
  const s = createBusState(log, limits);
  function warn(w: Warning | null): void {
    if (w) push(s, createEvent(log.end, 'engine.warning', bus.tick, { reason: w.reason, triggers: w.triggers }), 0);
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
        warn(depthWarning(s, type, origin));
        return null;
      }
      if (s.emittedThisTick >= limits.maxEventsPerTick) {
        warn(budgetWarning(s, type, origin));
        return null;
      }
      s.emittedThisTick++;
      const ev = createEvent(log.end, type, bus.tick, payload, origin?.cause);
      push(s, ev, depth);
      return ev;
    },
    on: (type: string, handler: Handler<SirenEvent>) => subscribe(s.emitter, type, handler),
    drain: (stop) => drainQueue(s, stop),
    warn,
    clear() {
      s.head = 0;
      s.tail = 0;
    },
    beginTick(tick) {
      bus.tick = tick;
      s.emittedThisTick = 0;
      resetTickWarnings(s.warnings, log.end);
    },
    get current() {
      return s.current;
    },
    get currentDepth() {
      return s.currentDepth;
    },
    setConsumer(c) {
      s.consumer = c;
    },
    get pending() {
      return s.tail - s.head;
    },
  } as Bus<M>;
  return bus;
}
