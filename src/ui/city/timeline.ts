import type { SirenEvent } from '../../engine';
import type { Marker, TimelineMarks } from '../panels/time/markers';

/** Hits on the player closer together than this (ticks) make one damage cluster. */
export const CLUSTER_GAP_TICKS = 90;

/** The city's key moments: pursuits starting and ending, the player's deaths, and clusters of hits on the player. */
export const cityTimeline: TimelineMarks = {
  kinds: { pursuit: 'pursuit started', lost: 'pursuit ended', died: 'player died', damage: 'hits on you' },
  summary: 'pursuits, deaths, hits on you',
  markerFor(ev: SirenEvent): Marker | null {
    const p = ev.payload as Record<string, unknown>;
    const at = { tick: ev.tick, seq: ev.seq };
    switch (ev.type) {
      case 'pursuit.started':
        return { kind: 'pursuit', ...at, label: `pursuit started (wanted ${String(p.wanted)})` };
      case 'pursuit.lost':
        return { kind: 'lost', ...at, label: `pursuit ended: ${String(p.reason)}` };
      case 'player.died':
        return { kind: 'died', ...at, label: 'you died' };
      default:
        return null;
    }
  },
  cluster: {
    kind: 'damage',
    gapTicks: CLUSTER_GAP_TICKS,
    // The player is agent 0.
    amount: (ev) =>
      ev.type === 'damage' && (ev.payload as { target?: unknown }).target === 0
        ? Number((ev.payload as { amount?: unknown }).amount) || 0
        : null,
    label: (hits, amount) => `you were hit ${hits}× (${Math.round(amount)} damage)`,
  },
};
