import { len } from './math';
import type { Rng } from '../engine';
import type { Agents } from './motion';
import { angleDiff, lineOfSight } from './sight';
import type { TileMap } from './tiles';
import { f64, i32 } from './typed';

/** Recent shots as a fixed ring of tracer lines (what the renderer draws as bullet streaks). */
export interface Tracers {
  readonly capacity: number;
  /** From the muzzle to where the bullet stopped, in metres. */
  readonly fromX: Float64Array;
  readonly fromY: Float64Array;
  readonly toX: Float64Array;
  readonly toY: Float64Array;
  /** Tick the shot was fired (-1 = empty slot); age = now − tick. */
  readonly tick: Int32Array;
  /** AgentKind of the shooter. */
  readonly shooter: Uint8Array;
  /** 1 when it hit someone. */
  readonly hit: Uint8Array;
  /** Index of the next slot to write (the ring wraps). Stored in an array so snapshots copy it. */
  readonly head: Int32Array;
}

/** How many ticks a tracer stays visible. */
export const TRACER_TICKS = 12;

/** Creates an empty tracer ring. */
export function createTracers(capacity = 64): Tracers {
  const f = () => new Float64Array(capacity);
  return {
    capacity,
    fromX: f(),
    fromY: f(),
    toX: f(),
    toY: f(),
    tick: new Int32Array(capacity).fill(-1),
    shooter: new Uint8Array(capacity),
    hit: new Uint8Array(capacity),
    head: new Int32Array(1),
  };
}

/** Records a shot's tracer. */
export function addTracer(
  t: Tracers,
  tick: number,
  shooter: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  hit: boolean,
): void {
  const k = i32(t.head, 0);
  t.fromX[k] = x0;
  t.fromY[k] = y0;
  t.toX[k] = x1;
  t.toY[k] = y1;
  t.tick[k] = tick;
  t.shooter[k] = shooter;
  t.hit[k] = hit ? 1 : 0;
  t.head[0] = (k + 1) % t.capacity;
}

/** Chance to hit at a distance: `base` up close, falling linearly to a third of it at `range`. */
export function hitChance(base: number, distance: number, range: number): number {
  return base * (1 - (2 / 3) * Math.min(1, distance / range));
}

/** Rolls a shot: true for a hit. */
export function rollHit(rng: Rng, base: number, distance: number, range: number): boolean {
  return rng.next() < hitChance(base, distance, range);
}

/**
 * Auto-aim: of the candidates ids[0 … n) (agents near the shooter, e.g. from a radius query), the one within
 * `range` and `halfAngle` of the shooter's heading with a clear line, preferring the smallest angle off the heading
 * (then the nearest; the first candidate on a tie). Returns -1 if none.
 */
export function findTarget(
  map: TileMap,
  agents: Agents,
  shooter: number,
  range: number,
  halfAngle: number,
  ids: Int32Array,
  n: number,
): number {
  const x = f64(agents.x, shooter);
  const y = f64(agents.y, shooter);
  const h = f64(agents.heading, shooter);
  let best = -1;
  let bestScore = Infinity;
  for (let k = 0; k < n; k++) {
    const i = i32(ids, k);
    if (i === shooter || agents.alive[i] === 0 || i32(agents.car, i) >= 0) continue;
    const dx = f64(agents.x, i) - x;
    const dy = f64(agents.y, i) - y;
    if (dx * dx + dy * dy > range * range) continue;
    const off = Math.abs(angleDiff(h, Math.atan2(dy, dx)));
    if (off > halfAngle) continue;
    const score = off * 10 + len(dx, dy) / range;
    if (score < bestScore && lineOfSight(map, x, y, f64(agents.x, i), f64(agents.y, i))) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}
