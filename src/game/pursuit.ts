import { i32 } from './typed';

/** Where a pursuit stands: nobody after the player, chasing someone in sight, or searching where they were last seen. */
export type PursuitPhase = 'none' | 'chasing' | 'searching';

/** The pursuit as rules and renderers see it (lives in the immer world). */
export interface PursuitState {
  state: PursuitPhase;
  /** Search circle: centre (last seen position, re-centred while seen) and radius in metres. */
  x: number;
  y: number;
  radius: number;
  /** Tick the suspect was last seen (-1 never). */
  lastSeenTick: number;
}

/** The pursuit's private counters (live in the mutable runtime; an Int32Array so snapshots copy it). */
export interface PursuitClock {
  /** [0] ticks unseen; [1] ticks spent escaping (unseen and hidden or outside the circle). */
  readonly ticks: Int32Array;
}

/** Tuning of the pursuit. */
export interface PursuitParams {
  /** Search radius = baseRadius + radiusPerWanted × wanted (metres). */
  readonly baseRadius: number;
  readonly radiusPerWanted: number;
  /** Ticks out of sight before chasing turns into searching. */
  readonly loseSightTicks: number;
  /** Ticks unseen AND (hidden or outside the circle) before the police give up. */
  readonly escapeTicks: number;
  /** Ticks unseen anywhere before the police give up anyway. */
  readonly giveUpTicks: number;
}

/** What the pursuit system reads this tick. */
export interface PursuitSighting {
  /** Some police unit sees the player now; which one (-1 none). */
  readonly seen: boolean;
  readonly seer: number;
  readonly x: number;
  readonly y: number;
  /** The player is hidden (a garage, a dark alley). */
  readonly hidden: boolean;
  readonly wanted: number;
  readonly tick: number;
}

/** What the pursuit system may emit. */
export interface PursuitContext {
  emit(
    type: 'pursuit.spotted',
    payload: { police: number; x: number; y: number; wanted: number; resumed: boolean },
  ): void;
  emit(type: 'pursuit.started', payload: { wanted: number }): void;
  emit(type: 'pursuit.searching', payload: { x: number; y: number; radius: number }): void;
  emit(type: 'pursuit.lost', payload: { reason: string; wanted: number }): void;
}

/** The search radius for a wanted level. */
export function searchRadius(p: PursuitParams, wanted: number): number {
  return p.baseRadius + p.radiusPerWanted * wanted;
}

/** True when (x, y) is inside the search circle. */
export function insideCircle(s: Readonly<PursuitState>, x: number, y: number): boolean {
  const dx = x - s.x;
  const dy = y - s.y;
  return dx * dx + dy * dy <= s.radius * s.radius;
}

function recentre(s: PursuitState, p: PursuitParams, see: PursuitSighting): void {
  if (s.x !== see.x) s.x = see.x;
  if (s.y !== see.y) s.y = see.y;
  const r = searchRadius(p, see.wanted);
  if (s.radius !== r) s.radius = r;
  s.lastSeenTick = see.tick;
}

/**
 * Advances the pursuit one tick and emits its facts:
 * none → chasing when a wanted player is seen (`pursuit.spotted`, `pursuit.started`);
 * chasing → searching after loseSightTicks unseen (`pursuit.searching`); searching → chasing when seen again
 * (`pursuit.spotted`, circle re-centred); searching → none after escapeTicks unseen while hidden or outside the circle,
 * or giveUpTicks unseen anywhere (`pursuit.lost` reason "escaped"); any phase → none when wanted drops to 0
 * (`pursuit.lost` reason "cleared").
 */
export function stepPursuit(
  ctx: PursuitContext,
  s: PursuitState,
  clock: PursuitClock,
  p: PursuitParams,
  see: PursuitSighting,
): void {
  const t = clock.ticks;
  if (s.state === 'none') {
    if (!see.seen || see.wanted <= 0) return;
    s.state = 'chasing';
    recentre(s, p, see);
    t[0] = 0;
    t[1] = 0;
    ctx.emit('pursuit.spotted', { police: see.seer, x: see.x, y: see.y, wanted: see.wanted, resumed: false });
    ctx.emit('pursuit.started', { wanted: see.wanted });
    return;
  }
  if (see.wanted <= 0) {
    s.state = 'none';
    ctx.emit('pursuit.lost', { reason: 'cleared', wanted: see.wanted });
    return;
  }
  if (see.seen) {
    const wasSearching = s.state === 'searching';
    if (wasSearching) s.state = 'chasing';
    recentre(s, p, see);
    t[0] = 0;
    t[1] = 0;
    if (wasSearching)
      ctx.emit('pursuit.spotted', { police: see.seer, x: see.x, y: see.y, wanted: see.wanted, resumed: true });
    return;
  }
  const unseen = i32(t, 0) + 1;
  t[0] = unseen;
  const r = searchRadius(p, see.wanted);
  if (s.radius !== r) s.radius = r;
  if (s.state === 'chasing') {
    if (unseen >= p.loseSightTicks) {
      s.state = 'searching';
      ctx.emit('pursuit.searching', { x: s.x, y: s.y, radius: s.radius });
    }
    return;
  }
  const escaping = see.hidden || !insideCircle(s, see.x, see.y) ? i32(t, 1) + 1 : 0;
  t[1] = escaping;
  if (escaping >= p.escapeTicks || unseen >= p.giveUpTicks) {
    s.state = 'none';
    ctx.emit('pursuit.lost', { reason: 'escaped', wanted: see.wanted });
  }
}
