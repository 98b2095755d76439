/** The shape of every event: an immutable fact with its offset in the log and what caused it. */
export interface Cause {
  /** Offset of the event that led to this one. */
  readonly seq: number;
  /** Id of the trigger that turned that event into this one. */
  readonly trigger: string;
}

/** One immutable fact. `seq` is its offset in the log. */
export interface SirenEvent<T extends string = string, P = unknown> {
  readonly seq: number;
  readonly type: T;
  readonly tick: number;
  readonly payload: P;
  readonly cause?: Cause;
}

/** Types a payload field may have; they drive the TypeScript map, fact validation and the reference. */
export type FieldType = 'number' | 'string' | 'boolean' | 'string[]' | 'number[]' | 'number?' | 'string?';

type FieldValue<F extends FieldType> = F extends 'number'
  ? number
  : F extends 'string'
    ? string
    : F extends 'boolean'
      ? boolean
      : F extends 'string[]'
        ? readonly string[]
        : F extends 'number[]'
          ? readonly number[]
          : F extends 'number?'
            ? number | null
            : string | null;

/** Declares one event type: what it means, which system produces it, and its payload fields. */
export interface EventSpec {
  readonly description: string;
  readonly producer: string;
  readonly fields: Readonly<Record<string, FieldType>>;
  /** Fields whose type depends on the event (a variable's value): their type is checked at run time, not at load. */
  readonly loose?: readonly string[];
  /** Field whose value names the entity the event is about (`entity.<field>` facts read it). */
  readonly entityField?: string;
}

/** A registry of event specs keyed by type. */
export type EventSpecs = Readonly<Record<string, EventSpec>>;

/** The TypeScript payload map of an event registry: a misspelled type or field fails to compile. */
export type PayloadMap<R extends EventSpecs> = {
  [K in keyof R]: { [F in keyof R[K]['fields']]: FieldValue<R[K]['fields'][F]> };
};

/** Declares an event registry, keeping its literal types. */
export function defineEvents<const R extends EventSpecs>(specs: R): R {
  return specs;
}

/** Events every scenario has: what the panels, the trace and the safety limits report. */
export const engineEvents = defineEvents({
  'trigger.fired': {
    description:
      'A trigger matched and ran its behaviours. `seq` is the event it matched (-1 for timers and state triggers).',
    producer: 'triggers',
    fields: { trigger: 'string', seq: 'number' },
  },
  'engine.warning': {
    description:
      'A safety limit stopped something (cascade depth, per-tick event budget); `triggers` names those involved.',
    producer: 'engine',
    fields: { reason: 'string', triggers: 'string[]' },
  },
  'engine.error': {
    description: 'A behaviour threw; the trigger is named, the tick went on.',
    producer: 'engine',
    fields: { trigger: 'string', message: 'string' },
  },
  'alarm.changed': {
    description:
      'An alarm of the rules\' "alarms" changed state: `from` and `to` are "OK", "ALARM" or "INSUFFICIENT_DATA", `reason` says why in CloudWatch\'s words.',
    producer: 'alarms',
    fields: { alarm: 'string', from: 'string', to: 'string', reason: 'string?' },
  },
  'var.changed': {
    description: "A rules variable changed (setVar, changeVar, toggleVar). `from` and `to` have the variable's type.",
    producer: 'rules',
    fields: { name: 'string', from: 'number', to: 'number' },
    loose: ['from', 'to'],
  },
  'timer.done': {
    description: 'A rules timer (startTimer) ran out; a repeating one starts again.',
    producer: 'rules',
    fields: { timer: 'string' },
  },
  'message.shown': {
    description: 'A rule said something (say): the page shows it as a caption for `seconds`, the CLI prints it.',
    producer: 'rules',
    fields: { text: 'string', seconds: 'number' },
  },
  'sound.played': {
    description: 'A rule played a sound (playSound): the page plays it (unless muted) and captions it.',
    producer: 'rules',
    fields: { sound: 'string' },
  },
  'rules.loaded': {
    description: 'A rules file was compiled and applied.',
    producer: 'engine',
    fields: { triggers: 'number', source: 'string' },
  },
});

let freezing = true;

/**
 * Whether new events (and their payloads) are frozen. On by default, in dev and in tests, so that code mutating a
 * fact fails loudly; production builds and the CLI turn it off, because Object.freeze costs more than everything
 * else an event goes through (see `configureFreezing`). Events are immutable by contract either way.
 */
export function setEventFreezing(on: boolean): void {
  freezing = on;
}

/** Builds an event record (frozen, with its payload, while freezing is on). */
export function createEvent<T extends string, P>(
  seq: number,
  type: T,
  tick: number,
  payload: P,
  cause?: Cause,
): SirenEvent<T, P> {
  const ev: SirenEvent<T, P> = cause ? { seq, type, tick, payload, cause } : { seq, type, tick, payload };
  if (freezing) {
    Object.freeze(payload);
    Object.freeze(ev);
  }
  return ev;
}
