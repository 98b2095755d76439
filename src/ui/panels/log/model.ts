import { TICKS_PER_SECOND } from '../../../engine';
import type { EventLog, SirenEvent } from '../../../engine';

/** A tick as seconds of game time, e.g. `12.5 s`. */
export function tickSeconds(tick: number): string {
  return `${(tick / TICKS_PER_SECOND).toFixed(1)} s`;
}

/** The family of an event type: the part before the first dot (`health.changed` → `health`). */
export function eventFamily(type: string): string {
  const dot = type.indexOf('.');
  return dot < 0 ? type : type.slice(0, dot);
}

const KNOWN_HUES: Readonly<Record<string, number>> = {
  damage: 0,
  health: 130,
  shot: 20,
  crime: 340,
  wanted: 45,
  pursuit: 280,
  police: 220,
  siren: 300,
  radio: 190,
  npc: 160,
  vehicle: 30,
  zone: 95,
  player: 60,
  trigger: 210,
  engine: 0,
  rules: 265,
};

/** A stable colour for an event family (known families get chosen hues; others a hue from their name). */
export function familyColour(family: string): string {
  if (family === 'engine') return 'hsl(0 0% 72%)';
  let hue = KNOWN_HUES[family];
  if (hue === undefined) {
    let h = 0;
    for (let i = 0; i < family.length; i++) h = (h * 31 + family.charCodeAt(i)) >>> 0;
    hue = h % 360;
  }
  return `hsl(${hue} 70% 66%)`;
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  return JSON.stringify(v);
}

/** A one-line payload: `key=value …`, with `from → to` for changes (`entity=0 100 → 95`). */
export function compactPayload(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) return show(payload);
  const p = payload as Record<string, unknown>;
  const parts: string[] = [];
  const change = 'from' in p && 'to' in p;
  for (const [k, v] of Object.entries(p)) {
    if (change && (k === 'from' || k === 'to')) continue;
    parts.push(`${k}=${show(v)}`);
  }
  if (change) parts.push(`${show(p.from)} → ${show(p.to)}`);
  return parts.join(' ');
}

/** What the log shows: event types to hide and a text every shown event contains (its type, its row or its JSON). */
export interface LogFilter {
  readonly hidden: ReadonlySet<string>;
  readonly text: string;
}

/** The empty filter: everything shows. */
export const showAll: LogFilter = { hidden: new Set(), text: '' };

/**
 * An incremental index of the retained log: counts per type and the offsets passing a filter.
 * `update` reads only what was appended since the last call, drops what the ring evicted, and starts over
 * when the log was swapped or rewound, so it is cheap to call on every panel refresh, even with 20,000 events.
 */
export interface LogIndex {
  /** How many retained events pass the filter. */
  readonly size: number;
  /** The offset of the i-th passing event, oldest first. */
  offsetAt(i: number): number | undefined;
  /** The index of `offset` among the passing events, or of the nearest later one; -1 if none. */
  indexOf(offset: number): number;
  /** A copy of the passing offsets, oldest first (for tests and small logs; the list view reads `offsetAt`). */
  matches(): number[];
  /** Retained events per type (filter ignored), in first-seen order. */
  readonly counts: ReadonlyMap<string, number>;
  readonly filter: LogFilter;
  /** Catches up with the log; true when anything changed. */
  update(log: EventLog): boolean;
  setFilter(filter: LogFilter): void;
}

/** Creates a log index with a filter. */
export function createLogIndex(initial: LogFilter = showAll): LogIndex {
  let filter = initial;
  let needle = initial.text.trim().toLowerCase();
  let log: EventLog | null = null;
  let base = 0; // offset of types[0]
  let head = 0; // first live entry of types (older ones were evicted)
  let types: string[] = [];
  let scanned = 0; // next offset to read
  let last: SirenEvent | undefined;
  let matches: number[] = [];
  let mHead = 0; // first live entry of matches
  let counts = new Map<string, number>();
  let texts = new WeakMap<SirenEvent, string>();

  const passes = (ev: SirenEvent): boolean => {
    if (filter.hidden.has(ev.type)) return false;
    if (!needle) return true;
    if (ev.type.toLowerCase().includes(needle)) return true;
    let t = texts.get(ev);
    if (t === undefined) {
      // What the row shows (`kind=hospital`, `100 → 95`) and the payload's JSON (`"kind":"hospital"`).
      t = `${compactPayload(ev.payload)}\n${JSON.stringify(ev.payload)}`.toLowerCase();
      texts.set(ev, t);
    }
    return t.includes(needle);
  };

  function reset(l: EventLog): void {
    log = l;
    base = scanned = l.start;
    head = mHead = 0;
    types = [];
    matches = [];
    counts = new Map();
    texts = new WeakMap();
    last = undefined;
  }

  function rematch(): void {
    matches = [];
    mHead = 0;
    if (!log) return;
    for (let o = base + head; o < scanned; o++) {
      const ev = log.at(o);
      if (ev && passes(ev)) matches.push(ev.seq);
    }
  }

  return {
    get size() {
      return matches.length - mHead;
    },
    offsetAt: (i) => (i >= 0 ? matches[mHead + i] : undefined),
    indexOf(offset) {
      let lo = mHead;
      let hi = matches.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((matches[mid] as number) < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo >= matches.length ? -1 : lo - mHead;
    },
    matches: () => matches.slice(mHead),
    get counts() {
      return counts;
    },
    get filter() {
      return filter;
    },
    update(l) {
      const rewound = l !== log || l.end < scanned || (scanned > l.start && l.at(scanned - 1) !== last);
      if (rewound) reset(l);
      if (!rewound && scanned === l.end && base + head >= l.start) return false;
      // Drop what the ring evicted.
      while (base + head < l.start && head < types.length) {
        const t = types[head++] as string;
        const n = (counts.get(t) ?? 1) - 1;
        if (n > 0) counts.set(t, n);
        else counts.delete(t);
      }
      if (head >= types.length) {
        types = [];
        head = 0;
        base = Math.max(l.start, scanned);
        scanned = base;
      } else if (head > 4096 && head * 2 > types.length) {
        types = types.slice(head);
        base += head;
        head = 0;
      }
      while (mHead < matches.length && (matches[mHead] as number) < l.start) mHead++;
      if (mHead > 4096 && mHead * 2 > matches.length) {
        matches = matches.slice(mHead);
        mHead = 0;
      }
      // Read what was appended.
      for (let o = scanned; o < l.end; o++) {
        const ev = l.at(o) as SirenEvent;
        types.push(ev.type);
        counts.set(ev.type, (counts.get(ev.type) ?? 0) + 1);
        if (passes(ev)) matches.push(o);
        last = ev;
      }
      scanned = l.end;
      return true;
    },
    setFilter(f) {
      filter = f;
      needle = f.text.trim().toLowerCase();
      rematch();
    },
  };
}

/** The rows a scrolled list shows: indexes `first` (inclusive) to `last` (exclusive), with some overscan. */
export function visibleRange(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan = 6,
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/** Rows and indexes (oldest first) map onto each other: the identity, or reversed when the newest is on top. */
export function rowToIndex(row: number, size: number, newestFirst: boolean): number {
  return newestFirst ? size - 1 - row : row;
}

/** The offset shown at a row. */
export function offsetAtRow(index: LogIndex, row: number, newestFirst: boolean): number | undefined {
  if (row < 0 || row >= index.size) return undefined;
  return index.offsetAt(rowToIndex(row, index.size, newestFirst));
}

/** The row showing an offset, or the row of the nearest later offset (-1 if none). */
export function rowOfOffset(index: LogIndex, offset: number, newestFirst: boolean): number {
  const i = index.indexOf(offset);
  return i < 0 ? -1 : rowToIndex(i, index.size, newestFirst);
}

/** What the detail box shows for the selected offset. */
export interface EventDetail {
  readonly offset: number;
  /** Null when the ring has evicted it. */
  readonly event: SirenEvent | null;
  readonly seconds: string | null;
  readonly payloadJson: string | null;
  /** The event and trigger that caused it; `retained` says whether the cause can still be selected. */
  readonly cause: {
    readonly seq: number;
    readonly trigger: string;
    readonly type: string | null;
    readonly retained: boolean;
  } | null;
}

/** The detail of one offset of the log. */
export function eventDetail(log: EventLog, offset: number): EventDetail {
  const ev = log.at(offset) ?? null;
  if (!ev) return { offset, event: null, seconds: null, payloadJson: null, cause: null };
  const c = ev.cause;
  const causeEv = c ? log.at(c.seq) : undefined;
  return {
    offset,
    event: ev,
    seconds: tickSeconds(ev.tick),
    payloadJson: JSON.stringify(ev.payload, null, 2),
    cause: c ? { seq: c.seq, trigger: c.trigger, type: causeEv?.type ?? null, retained: !!causeEv } : null,
  };
}
