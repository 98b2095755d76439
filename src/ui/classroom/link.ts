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

/** Joins a room: connects over WebSocket (retrying), publishes the page's log, and listens for classmates. */
export function joinClassroom(params: ClassroomParams): ClassroomLink {
  let jsm: JetStreamManager | null = null;
  let inputs: RoomInputs | null = null;
  const js: Promise<JetStreamClient> = (async () => {
    const nc: NatsConnection = await wsconnect({
      servers: params.broker,
      waitOnFirstConnect: true,
      maxReconnectAttempts: -1,
    });
    jsm = await jetstreamManager(nc);
    await ensureStream(jsm);
    return jetstream(nc);
  })();
  const acks: (readonly [number, number])[] = [];
  let publisher: Publisher | null = null;
  let detach: (() => void) | null = null;
  let watchedAt = -Infinity;
  let consumers: ConsumerLag[] = [];
  let streamLast = 0;
  let polling = false;

  function newPublisher(): Publisher {
    publisher?.close();
    const p = createPublisher({
      js,
      room: params.room,
      student: params.name,
      run: newRunId(),
      maxQueue: 5000,
      onAck(local, stream) {
        acks.push([local, stream]);
        if (acks.length > KEEP_ACKS) acks.splice(0, acks.length - KEEP_ACKS);
      },
    });
    return p;
  }

  async function poll(): Promise<void> {
    if (!jsm || polling) return;
    polling = true;
    try {
      consumers = await roomConsumers(jsm, params.room);
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
    params,
    status() {
      const s = publisher?.status() ?? {
        state: 'connecting',
        queued: 0,
        dropped: 0,
        acked: 0,
        lastStream: 0,
        lastError: '',
      };
      return { ...s, heard: inputs?.heard() ?? 0, refused: inputs?.drops.dropped ?? 0 };
    },
    recentAcks: () => acks,
    consumers: () => consumers,
    streamLast: () => streamLast,
    watch() {
      watchedAt = performance.now();
    },
    feed(engine) {
      if (!inputs) return;
      for (const e of inputs.take()) engine.receive(e.type, e.payload);
    },
    attach(engine) {
      detach?.();
      publisher = newPublisher();
      let last = -1;
      const log: EventLog = engine.log;
      detach = log.onAppend((ev) => {
        // A rewind re-uses offsets for a different future: that is a new run, with its own message ids.
        if (ev.seq <= last) publisher = newPublisher();
        last = ev.seq;
        (publisher as Publisher).push(ev);
      });
      void js.then(async (client) => {
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
