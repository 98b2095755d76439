import type { SirenEvent } from './events';
import { createHasher } from './hash';

/** A consumer's position in the log, like a Kafka consumer group's committed offset. */
export interface LogReader {
  readonly name: string;
  /** Next offset this reader will read. */
  offset: number;
  /** Events appended but not read yet. */
  lag(): number;
  /** Reads up to `max` events from its offset (skipping any already evicted) and advances. */
  poll(max?: number): SirenEvent[];
  /** Moves the offset (clamped to what is retained). */
  seek(offset: number): void;
  /** Unregisters the reader (a consumer leaving its group). */
  close(): void;
}

/** An append-only, bounded event log with offsets: the topic every consumer reads. */
export interface EventLog {
  readonly capacity: number;
  /** Offset of the oldest event still retained. */
  readonly start: number;
  /** Offset the next appended event will get (= total events ever appended). */
  readonly end: number;
  append(ev: SirenEvent): void;
  /** The event at an offset, or undefined if not retained. */
  at(offset: number): SirenEvent | undefined;
  /** Retained events from `offset` (inclusive) up to `end`, at most `max`. */
  slice(offset: number, max?: number): SirenEvent[];
  /** Hex digest (see hash.ts) of every event ever appended (covers evicted ones too). */
  hash(): string;
  /** Registers a named reader starting at `offset` (default: the end). */
  reader(name: string, offset?: number): LogReader;
  readonly readers: readonly LogReader[];
  /** Listeners told of every append, in order (the CLI streams NDJSON with this). */
  onAppend(listener: (ev: SirenEvent) => void): () => void;
  /** The running hash's state, saved with snapshots. */
  hashState(): readonly number[];
  /** Drops everything from `offset` on and resumes the hash from a saved state (time travel rewinds, then replays). */
  truncate(offset: number, hashState: readonly number[]): void;
}

/** Creates a ring-buffer log holding the newest `capacity` events. */
export function createLog(capacity = 50_000, options: { hash?: boolean } = {}): EventLog {
  const ring: (SirenEvent | undefined)[] = new Array(capacity);
  let end = 0;
  // Oldest retained offset: eviction moves it up; a truncate never brings evicted events back.
  let start = 0;
  const hasher = createHasher();
  const hashing = options.hash !== false;
  const listeners: ((ev: SirenEvent) => void)[] = [];
  const readers: LogReader[] = [];

  const log: EventLog = {
    capacity,
    get start() {
      return start;
    },
    get end() {
      return end;
    },
    append(ev) {
      ring[end % capacity] = ev;
      end++;
      if (end - start > capacity) start = end - capacity;
      if (hashing) hasher.event(ev);
      for (let i = 0; i < listeners.length; i++) listeners[i]!(ev);
    },
    at(offset) {
      return offset >= log.start && offset < end ? ring[offset % capacity] : undefined;
    },
    slice(offset, max = Infinity) {
      const out: SirenEvent[] = [];
      const from = Math.max(offset, log.start);
      const to = Math.min(end, from + max);
      for (let o = from; o < to; o++) out.push(ring[o % capacity] as SirenEvent);
      return out;
    },
    hash() {
      return hasher.digest();
    },
    reader(name, offset = end) {
      const r: LogReader = {
        name,
        offset,
        lag: () => end - Math.max(r.offset, log.start),
        poll(max = Infinity) {
          const out = log.slice(r.offset, max);
          r.offset = Math.max(r.offset, log.start) + out.length;
          return out;
        },
        seek(o) {
          r.offset = Math.min(Math.max(o, log.start), end);
        },
        close() {
          const i = readers.indexOf(r);
          if (i >= 0) readers.splice(i, 1);
        },
      };
      readers.push(r);
      return r;
    },
    readers,
    onAppend(listener) {
      listeners.push(listener);
      return () => {
        const i = listeners.indexOf(listener);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
    hashState: () => hasher.save(),
    truncate(offset, hashState) {
      const to = Math.max(0, Math.min(offset, end));
      for (let o = Math.max(to, start); o < end; o++) ring[o % capacity] = undefined;
      end = to;
      if (start > end) start = end;
      hasher.restore(hashState);
      for (const r of readers) if (r.offset > end) r.offset = end;
    },
  };
  return log;
}

/** One line of NDJSON per event. */
export function toNdjson(events: Iterable<SirenEvent>): string {
  let out = '';
  for (const ev of events) out += JSON.stringify(ev) + '\n';
  return out;
}
