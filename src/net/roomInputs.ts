import type { JetStreamClient } from '@nats-io/jetstream';
import { DeliverPolicy } from '@nats-io/jetstream';
import type { ExternalEvent } from '../engine/engine';
import type { EventSpec, EventSpecs } from '../engine/events';
import { readMessage } from './consumer';
import type { DropCount } from './consumer';
import { roomFilter, STREAM } from './subjects';

/** The prefix of the events rules declare to hear classmates: `room.<event type>`. */
export const ROOM_PREFIX = 'room.';

/** Classmates' events, checked, waiting for the engine's next tick. */
export interface RoomInputs {
  /** Takes what arrived since the last call (at most `perTick`), in arrival order. */
  take(): ExternalEvent[];
  readonly drops: DropCount;
  /** How many classmate events were heard in all. */
  heard(): number;
  close(): Promise<void>;
}

/** The original event types the rules want to hear, with the fields to check (the declared ones but `student`). */
export function heardTypes(declared: ReadonlyMap<string, EventSpec>): EventSpecs {
  const out: Record<string, EventSpec> = {};
  for (const [type, spec] of declared) {
    if (!type.startsWith(ROOM_PREFIX)) continue;
    const fields = { ...spec.fields };
    delete fields.student;
    out[type.slice(ROOM_PREFIX.length)] = { ...spec, fields };
  }
  return out;
}

/**
 * Listens to the room for each `room.<type>` the rules declare (one ordered consumer per type, new events only) and
 * turns a classmate's `<type>` into `room.<type>` with `student` and the original payload. Own events are ignored.
 */
export async function createRoomInputs(opts: {
  js: JetStreamClient;
  room: string;
  self: string;
  declared: ReadonlyMap<string, EventSpec>;
  maxQueue?: number;
  perTick?: number;
}): Promise<RoomInputs> {
  const maxQueue = opts.maxQueue ?? 1000;
  const perTick = opts.perTick ?? 50;
  const events = heardTypes(opts.declared);
  const drops: DropCount = { dropped: 0, lastReason: '' };
  let queue: ExternalEvent[] = [];
  let heard = 0;
  const closers: (() => Promise<void>)[] = [];
  for (const type of Object.keys(events)) {
    const consumer = await opts.js.consumers.get(STREAM, {
      filter_subjects: roomFilter(opts.room, undefined, type),
      deliver_policy: DeliverPolicy.New,
    });
    const messages = await consumer.consume({ max_messages: 64 });
    const done = (async () => {
      for await (const m of messages) {
        const ev = readMessage(m, drops, { events });
        if (!ev || ev.student === opts.self) continue;
        heard++;
        queue.push({ type: ROOM_PREFIX + ev.type, payload: { ...ev.payload, student: ev.student } });
        if (queue.length > maxQueue) {
          queue.shift();
          drops.dropped++;
          drops.lastReason = 'queue full';
        }
      }
    })();
    closers.push(async () => {
      await messages.close();
      await done;
    });
  }
  return {
    take() {
      if (!queue.length) return [];
      const now = queue.slice(0, perTick);
      queue = queue.slice(perTick);
      return now;
    },
    drops,
    heard: () => heard,
    async close() {
      await Promise.all(closers.map((c) => c()));
    },
  };
}
