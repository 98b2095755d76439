import type { JetStreamClient } from '@nats-io/jetstream';
import type { SirenEvent } from '../engine/events';
import { encodeEvent } from './message';
import { eventSubject, messageId } from './subjects';

/** Where a publisher stands: never connected yet, publishing, or unable to reach the broker. */
export type LinkState = 'connecting' | 'live' | 'offline';

/** What a publisher reports to the badge and the Flow panel. */
export interface PublisherStatus {
  readonly state: LinkState;
  /** Events waiting to be sent (or acknowledged). */
  readonly queued: number;
  /** Events dropped because the queue was full while offline (oldest first). */
  readonly dropped: number;
  /** Events the broker acknowledged (duplicates included: a republish is acknowledged as a duplicate). */
  readonly acked: number;
  /** The last stream sequence the broker gave one of these events. */
  readonly lastStream: number;
  readonly lastError: string;
}

/** Options of a publisher. */
export interface PublisherOptions {
  /** The JetStream client (its connection reconnects by itself), or its promise while the page connects. */
  readonly js: JetStreamClient | Promise<JetStreamClient>;
  readonly room: string;
  readonly student: string;
  readonly run: string;
  /** The most events kept while the broker is unreachable; older ones are dropped and counted. */
  readonly maxQueue?: number;
  /** Events in flight at once. */
  readonly batch?: number;
  /** Milliseconds a publish waits for its acknowledgement. */
  readonly ackTimeout?: number;
  /** Called with the stream sequence of each acknowledged event. */
  readonly onAck?: (localSeq: number, streamSeq: number) => void;
}

/** Sends a run's events to the room, in order, in batches off the caller's frame. */
export interface Publisher {
  /** Queues an event (O(1); never blocks the game). */
  push(ev: SirenEvent): void;
  status(): PublisherStatus;
  /** Resolves once everything queued so far is acknowledged (or rejects when `close` is called first). */
  drained(): Promise<void>;
  close(): void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Starts a publisher: a loop that sends the queue in batches, retries with backoff, and never duplicates. */
export function createPublisher(opts: PublisherOptions): Publisher {
  const maxQueue = opts.maxQueue ?? 5000;
  const batch = opts.batch ?? 128;
  const ackTimeout = opts.ackTimeout ?? 5000;
  let queue: SirenEvent[] = [];
  let head = 0;
  let state: LinkState = 'connecting';
  let dropped = 0;
  let acked = 0;
  let lastStream = 0;
  let lastError = '';
  let closed = false;
  let wake: (() => void) | null = null;
  const waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];

  const size = () => queue.length - head;
  function settle(): void {
    if (size() === 0) for (const w of waiters.splice(0)) w.resolve();
  }

  let js: JetStreamClient | null = null;

  async function sendBatch(events: SirenEvent[]): Promise<void> {
    const client = js as JetStreamClient;
    const acks = await Promise.all(
      events.map((ev) =>
        client.publish(eventSubject(opts.room, opts.student, ev.type), encodeEvent(opts.run, ev), {
          msgID: messageId(opts.room, opts.student, opts.run, ev.seq),
          timeout: ackTimeout,
        }),
      ),
    );
    acks.forEach((a, i) => {
      lastStream = Math.max(lastStream, a.seq);
      opts.onAck?.((events[i] as SirenEvent).seq, a.seq);
    });
    acked += acks.length;
  }

  async function loop(): Promise<void> {
    try {
      js = await opts.js;
    } catch (e) {
      state = 'offline';
      lastError = e instanceof Error ? e.message : String(e);
      return;
    }
    let backoff = 250;
    while (!closed) {
      if (size() === 0) {
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 200);
        });
        wake = null;
        continue;
      }
      const events = queue.slice(head, head + batch);
      try {
        await sendBatch(events);
        // Drops while in flight moved the head: only the events still at the front leave.
        const first = events[0] as SirenEvent;
        const at = queue.indexOf(first, head);
        if (at >= 0) head = Math.max(head, at + events.length);
        if (head > 4096 && head * 2 > queue.length) {
          queue = queue.slice(head);
          head = 0;
        }
        state = 'live';
        backoff = 250;
        settle();
      } catch (e) {
        state = 'offline';
        lastError = e instanceof Error ? e.message : String(e);
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 5000);
      }
    }
  }
  void loop();

  return {
    push(ev) {
      queue.push(ev);
      if (size() > maxQueue) {
        head++;
        dropped++;
      }
      wake?.();
    },
    status: () => ({ state, queued: size(), dropped, acked, lastStream, lastError }),
    drained() {
      if (size() === 0) return Promise.resolve();
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
    close() {
      closed = true;
      wake?.();
      for (const w of waiters.splice(0)) w.reject(new Error('publisher closed'));
    },
  };
}
