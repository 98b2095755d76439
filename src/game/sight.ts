import { isOpaque } from './tiles';
import type { TileMap } from './tiles';

/** A sight cone: how far and how wide someone sees. */
export interface SightCone {
  /** Metres. */
  readonly range: number;
  /** Half the cone's opening, in radians (π = all round). */
  readonly halfAngle: number;
}

/**
 * True when no opaque tile lies between (x0, y0) and (x1, y1). The tiles the two ends stand on do not count,
 * so someone in a doorway can still be seen from the street; hiding is decided by the caller.
 */
export function lineOfSight(map: TileMap, x0: number, y0: number, x1: number, y1: number): boolean {
  const ts = map.tileSize;
  let tx = Math.floor(x0 / ts);
  let ty = Math.floor(y0 / ts);
  const ex = Math.floor(x1 / ts);
  const ey = Math.floor(y1 / ts);
  const dx = x1 - x0;
  const dy = y1 - y0;
  const sx = dx > 0 ? 1 : -1;
  const sy = dy > 0 ? 1 : -1;
  const adx = Math.abs(dx);
  const ady = Math.abs(dy);
  // Amanatides–Woo: parametric distance to the next vertical / horizontal tile edge, and per tile step.
  let tMaxX = adx < 1e-12 ? Infinity : (sx > 0 ? (tx + 1) * ts - x0 : x0 - tx * ts) / adx;
  let tMaxY = ady < 1e-12 ? Infinity : (sy > 0 ? (ty + 1) * ts - y0 : y0 - ty * ts) / ady;
  const tDeltaX = adx < 1e-12 ? Infinity : ts / adx;
  const tDeltaY = ady < 1e-12 ? Infinity : ts / ady;
  const { tiles, cols, rows } = map;
  // Exactly |Δtx| + |Δty| steps reach the end tile; check every tile on the way.
  const steps = Math.abs(ex - tx) + Math.abs(ey - ty);
  for (let k = 0; k < steps; k++) {
    if (tMaxX < tMaxY) {
      tMaxX += tDeltaX;
      tx += sx;
    } else {
      tMaxY += tDeltaY;
      ty += sy;
    }
    if (tx === ex && ty === ey) return true;
    if (tx < 0 || ty < 0 || tx >= cols || ty >= rows) return false;
    if (isOpaque(tiles, ty * cols + tx)) return false;
  }
  return true;
}

/** The smallest signed difference b − a between two angles, in (−π, π]. */
export function angleDiff(a: number, b: number): number {
  let d = (b - a) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d <= -Math.PI) d += 2 * Math.PI;
  return d;
}

/** True when (tx, ty) is within the cone of someone at (x, y) facing `heading` (ignores walls). */
export function inCone(cone: SightCone, x: number, y: number, heading: number, tx: number, ty: number): boolean {
  const dx = tx - x;
  const dy = ty - y;
  const d2 = dx * dx + dy * dy;
  if (d2 > cone.range * cone.range) return false;
  if (cone.halfAngle >= Math.PI || d2 < 1e-9) return true;
  return Math.abs(angleDiff(heading, Math.atan2(dy, dx))) <= cone.halfAngle;
}

/** True when someone at (x, y) facing `heading` sees (tx, ty): inside the cone and not blocked by buildings. */
export function canSee(
  map: TileMap,
  cone: SightCone,
  x: number,
  y: number,
  heading: number,
  tx: number,
  ty: number,
): boolean {
  return inCone(cone, x, y, heading, tx, ty) && lineOfSight(map, x, y, tx, ty);
}
