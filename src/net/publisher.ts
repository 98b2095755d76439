import type { JetStreamClient } from '@nats-io/jetstream';
import type { SirenEvent } from '../engine/events';
import { errorMessage } from '../engine/result';
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

/** A publisher's queue, link state and counters, shared by its loop and its methods. */
interface PublisherState {
  readonly opts: PublisherOptions;
  readonly batch: number;
  readonly ackTimeout: number;
  /** The events not yet acknowledged start at `head` (the ones before it are sent or dropped). */
  queue: SirenEvent[];
  head: number;
  state: LinkState;
  dropped: number;
  acked: number;
  lastStream: number;
  lastError: string;
  closed: boolean;
  /** Wakes the idle loop when an event is pushed or the publisher closes. */
  wake: (() => void) | null;
  readonly waiters: { resolve: () => void; reject: (e: Error) => void }[];
}

/** Events waiting to be sent (or acknowledged). */
const sizeOf = (s: PublisherState) => s.queue.length - s.head;

/** Resolves the `drained` promises once the queue is empty. */
function settle(s: PublisherState): void {
  if (sizeOf(s) === 0) for (const w of s.waiters.splice(0)) w.resolve();
}

/** Publishes a batch at once, each with its message id (the broker drops duplicates); counts the acknowledgements. */
async function sendBatch(s: PublisherState, client: JetStreamClient, events: SirenEvent[]): Promise<void> {
  const { room, student, run, onAck } = s.opts;
  const acks = await Promise.all(
    events.map((ev) =>
      client.publish(eventSubject(room, student, ev.type), encodeEvent(run, ev), {
        msgID: messageId(room, student, run, ev.seq),
        timeout: s.ackTimeout,
      }),
    ),
  );
  acks.forEach((a, i) => {
    s.lastStream = Math.max(s.lastStream, a.seq);
    const ev = events[i];
    if (ev) onAck?.(ev.seq, a.seq);
  });
  s.acked += acks.length;
}

/** Removes a sent batch from the front of the queue, and compacts the queue now and then. */
function takeSent(s: PublisherState, events: readonly SirenEvent[]): void {
  // Drops while in flight moved the head: only the events still at the front leave.
  const at = events[0] ? s.queue.indexOf(events[0], s.head) : -1;
  if (at >= 0) s.head = Math.max(s.head, at + events.length);
  if (s.head > 4096 && s.head * 2 > s.queue.length) {
    s.queue = s.queue.slice(s.head);
    s.head = 0;
  }
}

/** Waits until an event is pushed (or 200 ms pass). */
async function idle(s: PublisherState): Promise<void> {
  await new Promise<void>((r) => {
    s.wake = r;
    setTimeout(r, 200);
  });
  s.wake = null;
}

/** The publishing loop: connects, then sends batch after batch until closed, backing off while the broker fails. */
async function publishLoop(s: PublisherState): Promise<void> {
  let client: JetStreamClient;
  try {
    client = await s.opts.js;
  } catch (e) {
    s.state = 'offline';
    s.lastError = errorMessage(e);
    return;
  }
  let backoff = 250;
  while (!s.closed) {
    if (sizeOf(s) === 0) {
      await idle(s);
      continue;
    }
    const events = s.queue.slice(s.head, s.head + s.batch);
    try {
      await sendBatch(s, client, events);
      takeSent(s, events);
      s.state = 'live';
      backoff = 250;
      settle(s);
    } catch (e) {
      s.state = 'offline';
      s.lastError = errorMessage(e);
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 5000);
    }
  }
}

/** Starts a publisher: a loop that sends the queue in batches, retries with backoff, and never duplicates. */
export function createPublisher(opts: PublisherOptions): Publisher {
  const maxQueue = opts.maxQueue ?? 5000;
  const s: PublisherState = {
    opts,
    batch: opts.batch ?? 128,
    ackTimeout: opts.ackTimeout ?? 5000,
    queue: [],
    head: 0,
    state: 'connecting',
    dropped: 0,
    acked: 0,
    lastStream: 0,
    lastError: '',
    closed: false,
    wake: null,
    waiters: [],
  };
  void publishLoop(s);
  return {
    push(ev) {
      s.queue.push(ev);
      if (sizeOf(s) > maxQueue) {
        s.head++;
        s.dropped++;
      }
      s.wake?.();
    },
    status: () => ({
      state: s.state,
      queued: sizeOf(s),
      dropped: s.dropped,
      acked: s.acked,
      lastStream: s.lastStream,
      lastError: s.lastError,
    }),
    drained() {
      if (sizeOf(s) === 0) return Promise.resolve();
      return new Promise((resolve, reject) => s.waiters.push({ resolve, reject }));
    },
    close() {
      s.closed = true;
      s.wake?.();
      for (const w of s.waiters.splice(0)) w.reject(new Error('publisher closed'));
    },
  };
}
