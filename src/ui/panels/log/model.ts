import { own, TICKS_PER_SECOND } from '../../../engine';
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

/** Hues of the engine's own event families (every scenario has them). */
const ENGINE_HUES: Readonly<Record<string, number>> = { trigger: 210, engine: 0, rules: 265 };

/** Hues the scenario's view chose for its event families (`ScenarioView.eventHues`). */
let scenarioHues: Readonly<Record<string, number>> = {};

/** Sets the hues of the playing scenario's event families; the page calls it once it knows the scenario's view. */
export function setFamilyHues(hues: Readonly<Record<string, number>>): void {
  scenarioHues = hues;
}

/** A stable colour for an event family (known families get chosen hues; others a hue from their name). */
export function familyColour(family: string): string {
  if (family === 'engine') return 'hsl(0 0% 72%)';
  let hue = own(ENGINE_HUES, family) ?? own(scenarioHues, family);
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

/**
 * What the log shows: event types to hide, or (when `only` is set) the only types to show, so a type first seen later
 * stays out too; and a text every shown event contains (its type, its row or its JSON).
 */
export interface LogFilter {
  readonly hidden: ReadonlySet<string>;
  readonly only?: ReadonlySet<string>;
  readonly text: string;
}

/** True when the filter's type choice shows events of this type. */
export const typeShown = (f: Pick<LogFilter, 'hidden' | 'only'>, type: string): boolean =>
  f.only ? f.only.has(type) : !f.hidden.has(type);

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

/** What a log index holds: the types of the retained events, the offsets passing the filter, counts per type. */
interface IndexState {
  filter: LogFilter;
  needle: string;
  log: EventLog | null;
  base: number; // offset of types[0]
  head: number; // first live entry of types (older ones were evicted)
  types: string[];
  scanned: number; // next offset to read
  last: SirenEvent | undefined;
  matches: number[];
  mHead: number; // first live entry of matches
  counts: Map<string, number>;
  texts: WeakMap<SirenEvent, string>;
}

/** Creates a log index with a filter. */
export function createLogIndex(initial: LogFilter = showAll): LogIndex {
  const s: IndexState = {
    filter: initial,
    needle: initial.text.trim().toLowerCase(),
    log: null,
    base: 0,
    head: 0,
    types: [],
    scanned: 0,
    last: undefined,
    matches: [],
    mHead: 0,
    counts: new Map(),
    texts: new WeakMap(),
  };
  return {
    get size() {
      return s.matches.length - s.mHead;
    },
    offsetAt: (i) => (i >= 0 ? s.matches[s.mHead + i] : undefined),
    indexOf(offset) {
      let lo = s.mHead;
      let hi = s.matches.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((s.matches[mid] as number) < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo >= s.matches.length ? -1 : lo - s.mHead;
    },
    matches: () => s.matches.slice(s.mHead),
    get counts() {
      return s.counts;
    },
    get filter() {
      return s.filter;
    },
    update: (l) => updateIndex(s, l),
    setFilter(f) {
      s.filter = f;
      s.needle = f.text.trim().toLowerCase();
      rematch(s);
    },
  };
}

/** True when an event passes the filter: its type is shown, and the text is in its type or payload. */
function passes(s: IndexState, ev: SirenEvent): boolean {
  if (!typeShown(s.filter, ev.type)) return false;
  if (!s.needle) return true;
  if (ev.type.toLowerCase().includes(s.needle)) return true;
  let t = s.texts.get(ev);
  if (t === undefined) {
    // What the row shows (`kind=hospital`, `100 → 95`) and the payload's JSON (`"kind":"hospital"`).
    t = `${compactPayload(ev.payload)}\n${JSON.stringify(ev.payload)}`.toLowerCase();
    s.texts.set(ev, t);
  }
  return t.includes(s.needle);
}

/** Starts over on a log (swapped or rewound). */
function reset(s: IndexState, l: EventLog): void {
  s.log = l;
  s.base = s.scanned = l.start;
  s.head = s.mHead = 0;
  s.types = [];
  s.matches = [];
  s.counts = new Map();
  s.texts = new WeakMap();
  s.last = undefined;
}

/** Re-reads the passing offsets after a filter change. */
function rematch(s: IndexState): void {
  s.matches = [];
  s.mHead = 0;
  if (!s.log) return;
  for (let o = s.base + s.head; o < s.scanned; o++) {
    const ev = s.log.at(o);
    if (ev && passes(s, ev)) s.matches.push(ev.seq);
  }
}

/** Catches up with the log; true when anything changed. */
function updateIndex(s: IndexState, l: EventLog): boolean {
  const rewound = l !== s.log || l.end < s.scanned || (s.scanned > l.start && l.at(s.scanned - 1) !== s.last);
  if (rewound) reset(s, l);
  if (!rewound && s.scanned === l.end && s.base + s.head >= l.start) return false;
  dropEvicted(s, l);
  // Read what was appended.
  for (let o = s.scanned; o < l.end; o++) {
    const ev = l.at(o) as SirenEvent;
    s.types.push(ev.type);
    s.counts.set(ev.type, (s.counts.get(ev.type) ?? 0) + 1);
    if (passes(s, ev)) s.matches.push(o);
    s.last = ev;
  }
  s.scanned = l.end;
  return true;
}

/** Drops what the ring evicted from the types, counts and matches (compacting the arrays now and then). */
function dropEvicted(s: IndexState, l: EventLog): void {
  while (s.base + s.head < l.start && s.head < s.types.length) {
    const t = s.types[s.head++] as string;
    const n = (s.counts.get(t) ?? 1) - 1;
    if (n > 0) s.counts.set(t, n);
    else s.counts.delete(t);
  }
  if (s.head >= s.types.length) {
    s.types = [];
    s.head = 0;
    s.base = Math.max(l.start, s.scanned);
    s.scanned = s.base;
  } else if (s.head > 4096 && s.head * 2 > s.types.length) {
    s.types = s.types.slice(s.head);
    s.base += s.head;
    s.head = 0;
  }
  while (s.mHead < s.matches.length && (s.matches[s.mHead] as number) < l.start) s.mHead++;
  if (s.mHead > 4096 && s.mHead * 2 > s.matches.length) {
    s.matches = s.matches.slice(s.mHead);
    s.mHead = 0;
  }
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
