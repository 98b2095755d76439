import { wsconnect } from '@nats-io/nats-core';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { AnyEngine, EventLog } from '../../engine';
import { roomConsumers } from '../../net/consumer';
import type { ConsumerLag } from '../../net/consumer';
import { createPublisher } from '../../net/publisher';
import type { Publisher, PublisherStatus } from '../../net/publisher';
import { createRoomInputs } from '../../net/roomInputs';
import type { RoomInputs } from '../../net/roomInputs';
import { ensureStream } from '../../net/stream';
import { newRunId } from '../../net/subjects';
import type { ClassroomParams } from './params';

/** How many of this page's recent events keep their stream sequence for the Flow panel. */
const KEEP_ACKS = 64;

/** The page's link to the room: what the badge and the Flow panel read. */
export interface ClassroomLink {
  readonly params: ClassroomParams;
  status(): PublisherStatus & { heard: number; refused: number };
  /** This page's latest events: local offset → stream sequence, newest last. */
  recentAcks(): readonly (readonly [number, number])[];
  /** The room's durable consumers with pending and ack-pending counts (polled for 2 s after each `watch()`). */
  consumers(): readonly ConsumerLag[];
  /** The stream's last sequence, as of the last consumers refresh. */
  streamLast(): number;
  /** A panel shows the broker's figures: keep them fresh a little longer. */
  watch(): void;
  /** Hands classmates' events that arrived to the engine for its next tick (they are recorded with it). */
  feed(engine: AnyEngine): void;
  /** Publishes this engine's events from now on (a restart, an import or a rewind starts a new run id). */
  attach(engine: AnyEngine): void;
}

/** The connection to the broker: the JetStream client once connected, and its manager for the lag figures. */
interface Connection {
  readonly js: Promise<JetStreamClient>;
  readonly jsm: JetStreamManager | null;
}

/** Connects over WebSocket (retrying for ever) and makes sure the stream exists. */
function connect(broker: string): Connection {
  let jsm: JetStreamManager | null = null;
  const js = (async () => {
    const nc: NatsConnection = await wsconnect({ servers: broker, waitOnFirstConnect: true, maxReconnectAttempts: -1 });
    jsm = await jetstreamManager(nc);
    await ensureStream(jsm);
    return jetstream(nc);
  })();
  return {
    js,
    get jsm() {
      return jsm;
    },
  };
}

/** A publisher for a new run of this page, which keeps the latest KEEP_ACKS acks in `acks`. */
function newPublisher(conn: Connection, params: ClassroomParams, acks: (readonly [number, number])[]): Publisher {
  return createPublisher({
    js: conn.js,
    room: params.room,
    student: params.name,
    run: newRunId(),
    maxQueue: 5000,
    onAck(local, stream) {
      acks.push([local, stream]);
      if (acks.length > KEEP_ACKS) acks.splice(0, acks.length - KEEP_ACKS);
    },
  });
}

/** The room's consumers and the stream's last sequence, polled while a panel watches (2 s after each `watch()`). */
function createLagPoller(conn: Connection, room: string) {
  let watchedAt = -Infinity;
  let consumers: ConsumerLag[] = [];
  let streamLast = 0;
  let polling = false;
  async function poll(): Promise<void> {
    const jsm = conn.jsm;
    if (!jsm || polling) return;
    polling = true;
    try {
      consumers = await roomConsumers(jsm, room);
      streamLast = (await jsm.streams.info('SIREN')).state.last_seq;
    } catch {
      // Offline: keep the last figures; the badge says so.
    } finally {
      polling = false;
    }
  }
  setInterval(() => {
    if (performance.now() - watchedAt < 2000) void poll();
  }, 300);
  return {
    consumers: () => consumers,
    streamLast: () => streamLast,
    watch() {
      watchedAt = performance.now();
    },
  };
}

/** What the badge shows before the first publisher exists. */
const CONNECTING: PublisherStatus = {
  state: 'connecting',
  queued: 0,
  dropped: 0,
  acked: 0,
  lastStream: 0,
  lastError: '',
};

/** Joins a room: connects over WebSocket (retrying), publishes the page's log, and listens for classmates. */
export function joinClassroom(params: ClassroomParams): ClassroomLink {
  const conn = connect(params.broker);
  const acks: (readonly [number, number])[] = [];
  const lag = createLagPoller(conn, params.room);
  let inputs: RoomInputs | null = null;
  let publisher: Publisher | null = null;
  let detach: (() => void) | null = null;
  /** A new run: the old publisher flushes what it can and closes. */
  const restartPublisher = (): Publisher => {
    publisher?.close();
    return (publisher = newPublisher(conn, params, acks));
  };

  return {
    params,
    status() {
      const s = publisher?.status() ?? CONNECTING;
      return { ...s, heard: inputs?.heard() ?? 0, refused: inputs?.drops.dropped ?? 0 };
    },
    recentAcks: () => acks,
    ...lag,
    feed(engine) {
      if (!inputs) return;
      for (const e of inputs.take()) engine.receive(e.type, e.payload);
    },
    attach(engine) {
      detach?.();
      let current = restartPublisher();
      let last = -1;
      const log: EventLog = engine.log;
      detach = log.onAppend((ev) => {
        // A rewind re-uses offsets for a different future: that is a new run, with its own message ids.
        if (ev.seq <= last) current = restartPublisher();
        last = ev.seq;
        current.push(ev);
      });
      void conn.js.then(async (client) => {
        await inputs?.close();
        inputs = await createRoomInputs({
          js: client,
          room: params.room,
          self: params.name,
          declared: engine.rules.declared,
        });
      });
    },
  };
}
