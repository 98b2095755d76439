import type { AnyEngine, Catalogue, EventLog, LogReader, SirenEvent } from '../../../engine';
import { TICKS_PER_SECOND } from '../../../engine';

/** The producer of behaviour-emitted events (those with a cause). */
export const RULES_PRODUCER = 'rules';

/** Who produced an event: the engine and trigger system name themselves; anything with a cause came from the rules; else the catalogue's system. */
export function producerOf(ev: SirenEvent, catalogue: Catalogue): string {
  const declared = catalogue.events[ev.type]?.producer;
  if (declared === 'engine' || declared === 'triggers') return declared;
  if (ev.cause) return RULES_PRODUCER;
  return declared ?? 'unknown';
}

/** A producer as the flow view draws it. */
export interface FlowProducer {
  readonly name: string;
  /** Event types it was seen producing, sorted. */
  readonly types: readonly string[];
  /** Events seen from it since the view started. */
  readonly total: number;
  /** Events since the last refresh (the edge pulses when > 0). */
  readonly recent: number;
}

/** A consumer of the topic: the trigger system (synchronous) or a named log reader. */
export interface FlowConsumer {
  readonly name: string;
  readonly kind: 'sync' | 'reader';
  readonly offset: number;
  readonly lag: number;
  /** It read something since the last refresh. */
  readonly moved: boolean;
  /** Events evicted before it read them (its offset fell behind the start of the log). */
  readonly missed: number;
}

/** The topic: the log with its offsets. */
export interface FlowTopic {
  readonly start: number;
  readonly end: number;
  readonly retained: number;
  readonly capacity: number;
  /** Events in the last second of game time. */
  readonly rate: number;
}

/** Everything the flow view shows at one refresh. */
export interface FlowSnapshot {
  readonly producers: readonly FlowProducer[];
  readonly topic: FlowTopic;
  readonly consumers: readonly FlowConsumer[];
}

/** Events per second of game time over the last second (reads back from the end only that far). */
export function eventRate(log: EventLog, tick: number): number {
  let n = 0;
  for (let o = log.end - 1; o >= log.start; o--) {
    const ev = log.at(o);
    if (!ev || ev.tick < tick - TICKS_PER_SECOND) break;
    n++;
  }
  return n;
}

/** The named reader on this log, registered if it is not there yet (a log keeps its readers: reuse, never pile up). */
export function ensureReader(log: EventLog, name: string): LogReader {
  return log.readers.find((r) => r.name === name) ?? log.reader(name);
}

/** Tracks producers and consumers across refreshes; `update` reads only the events appended since the last one. */
export interface FlowTracker {
  update(engine: AnyEngine): FlowSnapshot;
}

/** Creates a flow tracker. */
export function createFlowTracker(): FlowTracker {
  let log: EventLog | null = null;
  let scanned = 0;
  let last: SirenEvent | undefined;
  let producers = new Map<string, { types: Set<string>; total: number; recent: number }>();
  let offsets = new WeakMap<LogReader, number>();

  return {
    update(engine) {
      const l = engine.log;
      const swapped = l !== log || l.end < scanned || (scanned > l.start && l.at(scanned - 1) !== last);
      if (swapped) {
        log = l;
        scanned = l.start;
        producers = new Map();
        offsets = new WeakMap();
      }
      for (const p of producers.values()) p.recent = 0;
      for (let o = Math.max(scanned, l.start); o < l.end; o++) {
        const ev = l.at(o) as SirenEvent;
        const name = producerOf(ev, engine.catalogue);
        let p = producers.get(name);
        if (!p) producers.set(name, (p = { types: new Set(), total: 0, recent: 0 }));
        p.types.add(ev.type);
        p.total++;
        if (!swapped) p.recent++;
        last = ev;
      }
      scanned = l.end;
      const consumers: FlowConsumer[] = [
        { name: 'triggers', kind: 'sync', offset: l.end, lag: 0, moved: !swapped, missed: 0 },
      ];
      for (const r of l.readers) {
        const prev = offsets.get(r);
        offsets.set(r, r.offset);
        consumers.push({
          name: r.name,
          kind: 'reader',
          offset: r.offset,
          lag: r.lag(),
          moved: prev !== undefined && prev !== r.offset,
          missed: Math.max(0, l.start - r.offset),
        });
      }
      const list = [...producers].map(([name, p]) => ({
        name,
        types: [...p.types].sort(),
        total: p.total,
        recent: p.recent,
      }));
      // Game systems first (alphabetically), then the rules, triggers and engine.
      const rank = (n: string) => (n === RULES_PRODUCER ? 1 : n === 'triggers' ? 2 : n === 'engine' ? 3 : 0);
      list.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
      return {
        producers: list,
        topic: {
          start: l.start,
          end: l.end,
          retained: l.end - l.start,
          capacity: l.capacity,
          rate: eventRate(l, engine.tick),
        },
        consumers,
      };
    },
  };
}

/** Where the diagram puts each box: producers left, the topic in the middle, consumers right (SVG user units). */
export interface FlowLayout {
  readonly width: number;
  readonly height: number;
  readonly producers: readonly { x: number; y: number; w: number; h: number }[];
  readonly topic: { x: number; y: number; w: number; h: number };
  readonly consumers: readonly { x: number; y: number; w: number; h: number }[];
}

/** Lays the diagram out for this many producers and consumers. */
export function flowLayout(producers: number, consumers: number): FlowLayout {
  const width = 460;
  const w = 124;
  const h = 30;
  const gap = 8;
  const rows = Math.max(producers, consumers, 3);
  const height = rows * (h + gap) + gap;
  const column = (n: number, x: number) => {
    const top = (height - (n * (h + gap) - gap)) / 2;
    return Array.from({ length: n }, (_, i) => ({ x, y: top + i * (h + gap), w, h }));
  };
  const th = Math.min(height - 2 * gap, 112);
  const tw = 116;
  return {
    width,
    height,
    producers: column(producers, 2),
    topic: { x: (width - tw) / 2, y: (height - th) / 2, w: tw, h: th },
    consumers: column(consumers, width - w - 2),
  };
}

/** A smooth edge from the right middle of one box to the left middle of another. */
export function edgePath(
  from: { x: number; y: number; w: number; h: number },
  to: { x: number; y: number; h: number },
  toY?: number,
): string {
  const x1 = from.x + from.w;
  const y1 = from.y + from.h / 2;
  const x2 = to.x;
  const y2 = toY ?? to.y + to.h / 2;
  const mx = (x1 + x2) / 2;
  return `M${x1} ${y1} C${mx} ${y1} ${mx} ${y2} ${x2} ${y2}`;
}

/** How many events a catching-up consumer reads this refresh: all that arrived since the last one, plus a quarter of its backlog (at least `batch`). */
export function catchUpSize(lag: number, backlog: number, batch: number): number {
  const fresh = Math.max(0, lag - backlog);
  return Math.min(lag, fresh + Math.max(batch, Math.ceil(backlog / 4)));
}
