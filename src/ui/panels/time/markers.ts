import type { EventLog, SirenEvent } from '../../../engine';

/** What a timeline marker stands for: `rules` in every scenario, the rest named by the scenario's view. */
export type MarkerKind = string;

/** A key moment on the timeline: jump there to see it. */
export interface Marker {
  readonly kind: MarkerKind;
  /** The tick the event happened in (the world just after it is at tick + 1). */
  readonly tick: number;
  /** Offset of the (first) event. */
  readonly seq: number;
  readonly label: string;
}

/** Events close together that make one marker (e.g. the hits on the player), with a running total. */
export interface MarkerCluster {
  readonly kind: MarkerKind;
  /** Events closer together than this (ticks) join one cluster. */
  readonly gapTicks: number;
  /** The amount an event adds to its cluster, or null when it is not one of the clustered events. */
  amount(ev: SirenEvent): number | null;
  label(events: number, amount: number): string;
}

/** What a scenario marks on the timeline (its view provides it). */
export interface TimelineMarks {
  /** The legend: each kind the scenario marks and what it says. */
  readonly kinds: Readonly<Record<MarkerKind, string>>;
  /** What the scenario marks, for the note shown while there is nothing yet (e.g. "pursuits, deaths"). */
  readonly summary?: string;
  /** The marker for one event, or null when it is not a key moment. */
  markerFor(ev: SirenEvent): Marker | null;
  readonly cluster?: MarkerCluster;
}

/** The marks of a scenario that names none: only rules changes. */
export const noMarks: TimelineMarks = { kinds: {}, markerFor: () => null };

/** The legend for a scenario's marks, rules changes last. */
export function markerLegend(marks: TimelineMarks): Readonly<Record<MarkerKind, string>> {
  return { ...marks.kinds, rules: 'rules loaded' };
}

/** The marker every scenario has: new rules were loaded. */
function rulesMarker(ev: SirenEvent): Marker | null {
  if (ev.type !== 'rules.loaded') return null;
  const p = ev.payload as Record<string, unknown>;
  const label = `rules loaded (${String(p.triggers)} triggers from ${String(p.source)})`;
  return { kind: 'rules', tick: ev.tick, seq: ev.seq, label };
}

interface Cluster {
  tick: number;
  seq: number;
  last: number;
  hits: number;
  amount: number;
}

/** Collects markers from a log incrementally: reads only what was appended since the last update, like any consumer. */
export interface MarkerTracker {
  /** Markers of the retained log, oldest first (rebuilt when the log is another one or was cut back by time travel). */
  update(log: EventLog): readonly Marker[];
}

/** Creates a marker tracker for a scenario's marks. */
export function createMarkerTracker(marks: TimelineMarks = noMarks): MarkerTracker {
  let log: EventLog | null = null;
  let offset = 0;
  let lastSeen: SirenEvent | undefined;
  let markers: Marker[] = [];
  let cluster: Cluster | null = null;
  let clusterIndex = -1;

  function reset(next: EventLog): void {
    log = next;
    offset = next.start;
    lastSeen = undefined;
    markers = [];
    cluster = null;
    clusterIndex = -1;
  }

  function addToCluster(c: MarkerCluster, ev: SirenEvent, amount: number): void {
    if (cluster && ev.tick - cluster.last <= c.gapTicks) {
      cluster.last = ev.tick;
      cluster.hits++;
      cluster.amount += amount;
    } else {
      cluster = { tick: ev.tick, seq: ev.seq, last: ev.tick, hits: 1, amount };
      clusterIndex = markers.length;
    }
    const label = c.label(cluster.hits, cluster.amount);
    markers[clusterIndex] = { kind: c.kind, tick: cluster.tick, seq: cluster.seq, label };
  }

  function add(ev: SirenEvent): void {
    const amount = marks.cluster ? marks.cluster.amount(ev) : null;
    if (marks.cluster && amount !== null) return addToCluster(marks.cluster, ev, amount);
    const m = rulesMarker(ev) ?? marks.markerFor(ev);
    if (m) markers.push(m);
  }

  return {
    update(next) {
      // Another log, or this one rewound under us (the last event read is gone or replaced): read it again from its start.
      if (
        next !== log ||
        next.end < offset ||
        (lastSeen && next.at(lastSeen.seq) !== lastSeen && lastSeen.seq >= next.start)
      )
        reset(next);
      const events = next.slice(offset);
      for (const ev of events) add(ev);
      if (events.length) lastSeen = events[events.length - 1];
      offset = next.end;
      return markers;
    },
  };
}
