import type { ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { decodeEvent } from './message';
import type { DecodeOptions, RoomEvent } from './message';
import { roomFilter, STREAM } from './subjects';

/** Counts of what a reader dropped: malformed or hostile messages never reach the caller. */
export interface DropCount {
  dropped: number;
  lastReason: string;
}

/** Decodes a JetStream message into a room event, counting it in `drops` when it is refused. */
export function readMessage(m: JsMsg, drops: DropCount, opts: DecodeOptions): RoomEvent | null {
  const r = decodeEvent(m.subject, m.data, m.seq, opts);
  if (r.ok) return r.event;
  drops.dropped++;
  drops.lastReason = r.reason;
  return null;
}

/** What to read from a room. */
export interface ReadRoomOptions extends DecodeOptions {
  readonly room: string;
  /** The first stream sequence to read (1: the whole stream). */
  readonly from?: number;
  readonly student?: string;
  readonly type?: string;
  /** Keep reading new events; otherwise stop at the end of the stream as it was when reading started. */
  readonly follow?: boolean;
  readonly signal?: AbortSignal;
}

/** Reads a room's events in stream order through an ordered consumer; returns what it dropped. */
export async function readRoom(
  js: JetStreamClient,
  opts: ReadRoomOptions,
  onEvent: (ev: RoomEvent) => void,
): Promise<DropCount> {
  const drops: DropCount = { dropped: 0, lastReason: '' };
  const from = opts.from ?? 1;
  const consumer = await js.consumers.get(STREAM, {
    filter_subjects: roomFilter(opts.room, opts.student, opts.type),
    ...(from > 1 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from } : {}),
  });
  const info = await consumer.info(true);
  if (!opts.follow && info.num_pending === 0) return drops;
  const messages: ConsumerMessages = await consumer.consume({ max_messages: 512 });
  const stop = () => void messages.close();
  opts.signal?.addEventListener('abort', stop);
  try {
    for await (const m of messages) {
      const ev = readMessage(m, drops, opts);
      if (ev) onEvent(ev);
      if (!opts.follow && m.info.pending === 0) break;
    }
  } finally {
    opts.signal?.removeEventListener('abort', stop);
    await messages.close();
  }
  return drops;
}

/** One durable consumer on a room, as JetStream reports it. */
export interface ConsumerLag {
  readonly name: string;
  /** Messages in the stream it has not been sent yet: its lag. */
  readonly pending: number;
  /** Messages sent to it and not acknowledged yet. */
  readonly ackPending: number;
  /** The last stream sequence it was sent. */
  readonly delivered: number;
}

/** The durable consumers reading a room (their filter is the room's or one inside it), with their lag. */
export async function roomConsumers(jsm: JetStreamManager, room: string): Promise<ConsumerLag[]> {
  const out: ConsumerLag[] = [];
  const prefix = `siren.${room}.`;
  for await (const c of jsm.consumers.list(STREAM)) {
    if (!c.config.durable_name || !(c.config.filter_subject ?? '').startsWith(prefix)) continue;
    out.push({
      name: c.config.durable_name,
      pending: c.num_pending,
      ackPending: c.num_ack_pending,
      delivered: c.delivered.stream_seq,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Creates (or updates) a durable consumer on a room, with explicit acks, from a stream sequence. */
export async function ensureDurable(jsm: JetStreamManager, room: string, name: string, from = 1): Promise<void> {
  await jsm.consumers.add(STREAM, {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    filter_subject: roomFilter(room),
    max_ack_pending: 1000,
    ...(from > 1 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from } : {}),
  });
}

/** Reads a durable consumer until `stop()`: each valid event goes to `onEvent`, every message is acknowledged. */
export async function consumeDurable(
  js: JetStreamClient,
  name: string,
  opts: DecodeOptions,
  onEvent: (ev: RoomEvent) => void,
  drops: DropCount = { dropped: 0, lastReason: '' },
): Promise<{ stop(): Promise<void>; drops: DropCount }> {
  const consumer = await js.consumers.get(STREAM, name);
  const messages = await consumer.consume({ max_messages: 256 });
  const done = (async () => {
    for await (const m of messages) {
      const ev = readMessage(m, drops, opts);
      if (ev) onEvent(ev);
      m.ack();
    }
  })();
  return {
    drops,
    async stop() {
      await messages.close();
      await done;
    },
  };
}
