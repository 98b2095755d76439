import { len } from './math';
import { slide, turnTowards } from './movement';
import { angleDiff } from './sight';
import { nextWaypoint } from './streets';
import type { StreetGrid } from './streets';
import { DRIVABLE, isClear, WALKABLE } from './tiles';
import type { TileMap } from './tiles';
import type { Cars } from './motion';
import { f64 } from './typed';

/** Half-size of a car's collision square, in metres. */
export const CAR_RADIUS = 1.2;

/** How a driven car handles. */
export interface CarHandling {
  /** Top speed, m/s. */
  readonly maxSpeed: number;
  /** Acceleration and braking, m/s². */
  readonly accel: number;
  readonly brake: number;
  /** Steering, radians per second at speed. */
  readonly turnRate: number;
}

/**
 * Drives car c for dt seconds towards direction (dirX, dirY) (screen-relative controls; zero = brake):
 * steers towards it, slows in sharp turns, slides along walls and loses speed on impact.
 */
export function driveCar(
  map: TileMap,
  cars: Cars,
  c: number,
  dirX: number,
  dirY: number,
  h: CarHandling,
  dt: number,
  scratch: Float64Array,
): void {
  let heading = f64(cars.heading, c);
  let speed = f64(cars.speed, c);
  if (dirX !== 0 || dirY !== 0) {
    const want = Math.atan2(dirY, dirX);
    heading = turnTowards(heading, want, h.turnRate * dt * (0.5 + 0.5 * Math.min(1, speed / 6)));
    const align = Math.cos(angleDiff(heading, want));
    const target = h.maxSpeed * Math.max(0.3, align);
    speed = speed < target ? Math.min(target, speed + h.accel * dt) : Math.max(target, speed - h.brake * dt);
  } else speed = Math.max(0, speed - h.brake * dt);
  const step = speed * dt;
  const x = f64(cars.x, c);
  const y = f64(cars.y, c);
  const blocked = slide(map, DRIVABLE, x, y, Math.cos(heading) * step, Math.sin(heading) * step, CAR_RADIUS, scratch);
  if (blocked) speed *= scratch[0] === x && scratch[1] === y ? 0 : 0.85;
  cars.x[c] = f64(scratch, 0);
  cars.y[c] = f64(scratch, 1);
  cars.heading[c] = heading;
  cars.speed[c] = speed;
}

/**
 * Drives car c along the street network towards (tx, ty) — a point on a centreline — at up to `speed` m/s,
 * turning at intersections. Returns true when it has arrived.
 */
export function driveStreets(
  s: StreetGrid,
  cars: Cars,
  c: number,
  tx: number,
  ty: number,
  speed: number,
  accel: number,
  dt: number,
  scratch: Float64Array,
): boolean {
  const v = Math.min(speed, f64(cars.speed, c) + accel * dt);
  let remaining = v * dt;
  let x = f64(cars.x, c);
  let y = f64(cars.y, c);
  let dirX = 0;
  let dirY = 0;
  let arrived = false;
  for (let k = 0; k < 4 && remaining > 1e-9; k++) {
    nextWaypoint(s, x, y, tx, ty, scratch);
    const dx = f64(scratch, 0) - x;
    const dy = f64(scratch, 1) - y;
    const d = len(dx, dy);
    if (d < 1e-9) {
      arrived = Math.abs(x - tx) < 1e-6 && Math.abs(y - ty) < 1e-6;
      break;
    }
    const m = Math.min(remaining, d);
    x += (dx / d) * m;
    y += (dy / d) * m;
    if (m === d) {
      x = f64(scratch, 0);
      y = f64(scratch, 1);
    }
    remaining -= m;
    dirX = dx;
    dirY = dy;
  }
  if (!arrived && Math.abs(x - tx) < 1e-6 && Math.abs(y - ty) < 1e-6) arrived = true;
  cars.x[c] = x;
  cars.y[c] = y;
  cars.speed[c] = arrived ? 0 : v;
  if (dirX !== 0 || dirY !== 0) cars.heading[c] = turnTowards(f64(cars.heading, c), Math.atan2(dirY, dirX), 9 * dt);
  return arrived;
}

/** The nearest present car without a driver within `maxDist` metres of (x, y), or -1. */
export function nearestFreeCar(cars: Cars, x: number, y: number, maxDist: number): number {
  let best = -1;
  let bestD = maxDist * maxDist;
  for (let c = 0; c < cars.count; c++) {
    if (cars.present[c] === 0 || cars.driver[c] !== -1) continue;
    const dx = f64(cars.x, c) - x;
    const dy = f64(cars.y, c) - y;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Where someone getting out of car c stands: beside the driver's door if free, else the other side, else in place. */
export function exitSpot(map: TileMap, cars: Cars, c: number, out: Float64Array): void {
  const x = f64(cars.x, c);
  const y = f64(cars.y, c);
  const h = f64(cars.heading, c);
  for (const side of [-1, 1, 0]) {
    const a = h + (side * Math.PI) / 2;
    const d = side === 0 ? 0 : 2.2;
    const px = x + Math.cos(a) * d;
    const py = y + Math.sin(a) * d;
    if (isClear(map, WALKABLE, px, py, 0.4) || side === 0) {
      out[0] = px;
      out[1] = py;
      return;
    }
  }
}
