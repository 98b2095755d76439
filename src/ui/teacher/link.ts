import { wsconnect } from '@nats-io/nats-core';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { consumeDurable, ensureDurable, roomConsumers } from '../../net/consumer';
import type { ConsumerLag, DropCount } from '../../net/consumer';
import type { RoomEvent } from '../../net/message';
import { ensureStream } from '../../net/stream';
import { STREAM } from '../../net/subjects';
import type { ClassroomParams } from '../classroom/params';

/** The teacher's side of the broker: a durable consumer to pause and resume, lag figures, and replays. */
export interface TeacherLink {
  readonly durable: string;
  readonly drops: DropCount;
  pause(): Promise<void>;
  resume(): Promise<void>;
  readonly paused: boolean;
  /** The room's durable consumers with their lag (JetStream's figures). */
  consumers(): Promise<ConsumerLag[]>;
  /** Reads the room again from a stream sequence through a new durable consumer, `replay-<room>` (the previous replay stops). */
  replayFrom(seq: number, onEvent: (ev: RoomEvent) => void): void;
  stopReplay(): void;
}

/** Connects the teacher's page and starts its durable consumer on the room. */
export async function connectTeacher(params: ClassroomParams, onEvent: (ev: RoomEvent) => void): Promise<TeacherLink> {
  const nc = await wsconnect({ servers: params.broker, maxReconnectAttempts: -1 });
  const jsm: JetStreamManager = await jetstreamManager(nc);
  await ensureStream(jsm);
  const js: JetStreamClient = jetstream(nc);
  const durable = `teacher-${params.room}`;
  await ensureDurable(jsm, params.room, durable);
  const drops: DropCount = { dropped: 0, lastReason: '' };
  const decode = { anyType: true };
  let reader: Awaited<ReturnType<typeof consumeDurable>> | null = await consumeDurable(
    js,
    durable,
    decode,
    onEvent,
    drops,
  );
  type Reader = Awaited<ReturnType<typeof consumeDurable>>;
  const replayName = `replay-${params.room}`;
  let replay: Promise<Reader | null> | null = null;
  return {
    durable,
    drops,
    get paused() {
      return reader === null;
    },
    async pause() {
      const r = reader;
      reader = null;
      await r?.stop();
    },
    async resume() {
      if (!reader) reader = await consumeDurable(js, durable, decode, onEvent, drops);
    },
    consumers: () => roomConsumers(jsm, params.room),
    replayFrom(seq, onReplay) {
      // A new durable consumer, `replay-<room>`, starting at that sequence (the previous replay's is deleted).
      const previous = replay;
      replay = (async () => {
        await (await previous)?.stop();
        await jsm.consumers.delete(STREAM, replayName).catch(() => false);
        await ensureDurable(jsm, params.room, replayName, seq);
        return consumeDurable(js, replayName, decode, onReplay);
      })().catch(() => null);
    },
    stopReplay() {
      const r = replay;
      replay = null;
      void r?.then((x) => x?.stop());
    },
  };
}
