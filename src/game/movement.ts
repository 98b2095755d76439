import { len } from './math';
import { angleDiff } from './sight';
import { isClear, WALKABLE } from './tiles';
import type { TileMap } from './tiles';
import type { Agents } from './motion';
import { f64 } from './typed';

/** Half-size of a person's collision square, in metres. */
export const PERSON_RADIUS = 0.4;

/**
 * Moves a square of half-size r by (dx, dy) metres, sliding along walls: x first, then y, each only if the square
 * stays on tiles `pass` allows. When an axis is blocked only by a corner (shifting sideways by r would clear it),
 * the square is nudged sideways instead, so movers round corners rather than sticking on them.
 * Writes the result into out[0..1]; returns true if any axis was blocked.
 */
export function slide(
  map: TileMap,
  pass: Readonly<Uint8Array>,
  x: number,
  y: number,
  dx: number,
  dy: number,
  r: number,
  out: Float64Array,
): boolean {
  let blocked = false;
  let nx = x;
  let ny = y;
  const adx = Math.abs(dx);
  const ady = Math.abs(dy);
  if (adx > 0) {
    if (isClear(map, pass, x + dx, y, r)) nx = x + dx;
    else {
      blocked = true;
      // Mostly along x and stopped by a corner: nudge along y towards the gap.
      if (ady <= adx * 0.3) {
        const step = Math.min(adx, r);
        for (const s of SIDES)
          if (isClear(map, pass, x + dx, y + s * r, r) && isClear(map, pass, x, y + s * step, r)) {
            ny = y + s * step;
            break;
          }
      }
    }
  }
  if (ady > 0) {
    if (isClear(map, pass, nx, ny + dy, r)) ny += dy;
    else {
      blocked = true;
      if (adx <= ady * 0.3 && nx === x) {
        const step = Math.min(ady, r);
        for (const s of SIDES)
          if (isClear(map, pass, x + s * r, y + dy, r) && isClear(map, pass, x + s * step, y, r)) {
            nx = x + s * step;
            break;
          }
      }
    }
  }
  out[0] = nx;
  out[1] = ny;
  return blocked;
}

const SIDES = [1, -1] as const;

/** Turns an angle towards a target angle by at most `maxStep` radians. */
export function turnTowards(from: number, to: number, maxStep: number): number {
  const d = angleDiff(from, to);
  if (Math.abs(d) <= maxStep) return to;
  return from + Math.sign(d) * maxStep;
}

/**
 * Walks agent i on foot in direction (dirX, dirY) (any length; zero means stand still) at `speed` m/s for dt seconds,
 * sliding along walls. Faces the way it walks. `scratch` is a 2-element buffer.
 */
export function walk(
  map: TileMap,
  agents: Agents,
  i: number,
  dirX: number,
  dirY: number,
  speed: number,
  dt: number,
  scratch: Float64Array,
): boolean {
  const length = len(dirX, dirY);
  if (length < 1e-9) {
    agents.speed[i] = 0;
    return false;
  }
  const step = speed * dt;
  const x = f64(agents.x, i);
  const y = f64(agents.y, i);
  const blocked = slide(map, WALKABLE, x, y, (dirX / length) * step, (dirY / length) * step, PERSON_RADIUS, scratch);
  agents.x[i] = f64(scratch, 0);
  agents.y[i] = f64(scratch, 1);
  agents.heading[i] = Math.atan2(dirY, dirX);
  agents.speed[i] = speed;
  return blocked;
}

/**
 * Walks agent i straight towards its goal (goalX/goalY); returns true once it is within `arrive` metres,
 * or when a wall stops it dead (so the caller picks another goal).
 */
export function walkToGoal(
  map: TileMap,
  agents: Agents,
  i: number,
  speed: number,
  dt: number,
  arrive: number,
  scratch: Float64Array,
): boolean {
  const dx = f64(agents.goalX, i) - f64(agents.x, i);
  const dy = f64(agents.goalY, i) - f64(agents.y, i);
  const d = len(dx, dy);
  if (d <= arrive) {
    agents.speed[i] = 0;
    return true;
  }
  const s = Math.min(speed, d / dt);
  const x = agents.x[i];
  const y = agents.y[i];
  walk(map, agents, i, dx, dy, s, dt, scratch);
  return agents.x[i] === x && agents.y[i] === y;
}
