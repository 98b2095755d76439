import type { EventLog, SirenEvent } from '../../../engine';

/** What a timeline marker stands for. */
export type MarkerKind = 'pursuit' | 'lost' | 'died' | 'damage' | 'rules';

/** A key moment on the timeline: jump there to see it. */
export interface Marker {
  readonly kind: MarkerKind;
  /** The tick the event happened in (the world just after it is at tick + 1). */
  readonly tick: number;
  /** Offset of the (first) event. */
  readonly seq: number;
  readonly label: string;
}

/** Hits on the player closer together than this (ticks) make one damage cluster. */
export const CLUSTER_GAP_TICKS = 90;

interface Cluster {
  tick: number;
  seq: number;
  last: number;
  hits: number;
  amount: number;
}

const clusterLabel = (c: Cluster) => `you were hit ${c.hits}× (${Math.round(c.amount)} damage)`;

/** The player (agent 0) hurt: the events damage clusters are made of. */
function isPlayerHit(ev: SirenEvent): boolean {
  return ev.type === 'damage' && (ev.payload as { target?: unknown }).target === 0;
}

/** The marker for one event, or null when it is not a key moment (damage is clustered separately). */
export function markerFor(ev: SirenEvent): Marker | null {
  const p = ev.payload as Record<string, unknown>;
  switch (ev.type) {
    case 'pursuit.started':
      return { kind: 'pursuit', tick: ev.tick, seq: ev.seq, label: `pursuit started (wanted ${String(p.wanted)})` };
    case 'pursuit.lost':
      return { kind: 'lost', tick: ev.tick, seq: ev.seq, label: `pursuit ended: ${String(p.reason)}` };
    case 'player.died':
      return { kind: 'died', tick: ev.tick, seq: ev.seq, label: 'you died' };
    case 'rules.loaded':
      return {
        kind: 'rules',
        tick: ev.tick,
        seq: ev.seq,
        label: `rules loaded (${String(p.triggers)} triggers from ${String(p.source)})`,
      };
    default:
      return null;
  }
}

/** Collects markers from a log incrementally: reads only what was appended since the last update, like any consumer. */
export interface MarkerTracker {
  /** Markers of the retained log, oldest first (rebuilt when the log is another one or was cut back by time travel). */
  update(log: EventLog): readonly Marker[];
}

/** Creates a marker tracker. */
export function createMarkerTracker(): MarkerTracker {
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

  function add(ev: SirenEvent): void {
    if (isPlayerHit(ev)) {
      const amount = Number((ev.payload as { amount?: unknown }).amount) || 0;
      if (cluster && ev.tick - cluster.last <= CLUSTER_GAP_TICKS) {
        cluster.last = ev.tick;
        cluster.hits++;
        cluster.amount += amount;
        markers[clusterIndex] = { kind: 'damage', tick: cluster.tick, seq: cluster.seq, label: clusterLabel(cluster) };
        return;
      }
      cluster = { tick: ev.tick, seq: ev.seq, last: ev.tick, hits: 1, amount };
      clusterIndex = markers.length;
      markers.push({ kind: 'damage', tick: ev.tick, seq: ev.seq, label: clusterLabel(cluster) });
      return;
    }
    const m = markerFor(ev);
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
