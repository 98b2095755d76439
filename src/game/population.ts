import { len } from './math';
import type { Rng } from '../engine';
import { AgentKind } from './motion';
import type { Agents } from './motion';
import { angleDiff } from './sight';
import { lineAt, nearestLine } from './streets';
import type { StreetGrid } from './streets';
import { f64 } from './typed';

/** Metres from a street's centreline to the pavement people walk on. */
export function pavementOffset(s: StreetGrid): number {
  return s.halfWidth - 0.6;
}

/**
 * Puts pedestrian i on a random pavement corner: homeX/homeY hold its pavement offset (± on each axis),
 * goal is the same corner so it picks a direction on its first step.
 */
export function placePedestrian(s: StreetGrid, agents: Agents, i: number, rng: Rng): void {
  const off = pavementOffset(s);
  const ox = rng.chance(0.5) ? off : -off;
  const oy = rng.chance(0.5) ? off : -off;
  const x = lineAt(s, rng.int(0, s.nodesX - 1)) + ox;
  const y = lineAt(s, rng.int(0, s.nodesY - 1)) + oy;
  agents.homeX[i] = ox;
  agents.homeY[i] = oy;
  agents.x[i] = agents.prevX[i] = agents.goalX[i] = x;
  agents.y[i] = agents.prevY[i] = agents.goalY[i] = y;
  agents.heading[i] = rng.range(-Math.PI, Math.PI);
}

/** Picks the next pavement corner for pedestrian i: a random neighbouring corner, not straight back if avoidable. */
function pickNextCorner(s: StreetGrid, agents: Agents, i: number, rng: Rng): void {
  const ox = f64(agents.homeX, i);
  const oy = f64(agents.homeY, i);
  const ci = nearestLine(s, f64(agents.x, i) - ox, s.nodesX);
  const cj = nearestLine(s, f64(agents.y, i) - oy, s.nodesY);
  const h = f64(agents.heading, i);
  // Try a random rotation of the four directions; skip off-grid and reversing ones.
  const start = rng.int(0, 3);
  for (let pass = 0; pass < 2; pass++)
    for (let k = 0; k < 4; k++) {
      const d = (start + k) & 3;
      const ni = ci + (d === 0 ? 1 : d === 2 ? -1 : 0);
      const nj = cj + (d === 1 ? 1 : d === 3 ? -1 : 0);
      if (ni < 0 || nj < 0 || ni >= s.nodesX || nj >= s.nodesY) continue;
      if (pass === 0 && Math.abs(angleDiff(h, (d * Math.PI) / 2)) > 2.5) continue;
      agents.goalX[i] = lineAt(s, ni) + ox;
      agents.goalY[i] = lineAt(s, nj) + oy;
      return;
    }
}

/**
 * Walks every present, living pedestrian of `kind` in [from, to) along the pavements for dt seconds,
 * turning at random corners. Pavements are straight, so no collision tests are needed.
 */
export function wanderPavements(s: StreetGrid, agents: Agents, from: number, to: number, dt: number, rng: Rng): void {
  const { x, y, goalX, goalY, heading, speed, present, alive } = agents;
  for (let i = from; i < to; i++) {
    if (present[i] === 0 || alive[i] === 0) continue;
    const v = 1.2 + (i % 5) * 0.12;
    const dx = f64(goalX, i) - f64(x, i);
    const dy = f64(goalY, i) - f64(y, i);
    const d = Math.abs(dx) + Math.abs(dy);
    const step = v * dt;
    if (d <= step) {
      x[i] = f64(goalX, i);
      y[i] = f64(goalY, i);
      pickNextCorner(s, agents, i, rng);
      speed[i] = v;
      continue;
    }
    // Pavement legs are axis-aligned: dx or dy is zero (except on the first leg after a respawn). Along an axis,
    // the general formula below reduces exactly to ±step and a right-angle heading, so skip its sqrt and atan2.
    if (dy === 0) {
      x[i] = f64(x, i) + (dx > 0 ? step : -step);
      heading[i] = dx > 0 ? 0 : Math.PI;
    } else if (dx === 0) {
      y[i] = f64(y, i) + (dy > 0 ? step : -step);
      heading[i] = dy > 0 ? HALF_PI : -HALF_PI;
    } else {
      const length = len(dx, dy);
      x[i] = f64(x, i) + (dx / length) * step;
      y[i] = f64(y, i) + (dy / length) * step;
      heading[i] = Math.atan2(dy, dx);
    }
    speed[i] = v;
  }
}

const HALF_PI = Math.PI / 2;

/**
 * Despawns up to `max` present pedestrians of kind Civilian in [from, to) within `radius` metres of (x, y)
 * (radius ≤ 0: anywhere). Calls `each` with every id removed; returns how many.
 */
export function despawnPedestrians(
  agents: Agents,
  from: number,
  to: number,
  x: number,
  y: number,
  radius: number,
  max: number,
  each: (id: number) => void,
): number {
  let n = 0;
  const r2 = radius * radius;
  for (let i = from; i < to && n < max; i++) {
    if (agents.present[i] === 0 || agents.alive[i] === 0 || agents.kind[i] !== AgentKind.Civilian) continue;
    if (radius > 0) {
      const dx = f64(agents.x, i) - x;
      const dy = f64(agents.y, i) - y;
      if (dx * dx + dy * dy > r2) continue;
    }
    agents.present[i] = 0;
    agents.speed[i] = 0;
    n++;
    each(i);
  }
  return n;
}

/** Brings back up to `max` absent (or dead) civilians in [from, to) on random pavements; calls `each`; returns how many. */
export function spawnPedestrians(
  s: StreetGrid,
  agents: Agents,
  from: number,
  to: number,
  max: number,
  rng: Rng,
  each: (id: number) => void,
): number {
  let n = 0;
  for (let i = from; i < to && n < max; i++) {
    if (agents.kind[i] !== AgentKind.Civilian || (agents.present[i] === 1 && agents.alive[i] === 1)) continue;
    placePedestrian(s, agents, i, rng);
    agents.present[i] = 1;
    agents.alive[i] = 1;
    n++;
    each(i);
  }
  return n;
}

/** Writes into out[0..1] the point of a pavement nearest to (x, y). */
export function nearestPavement(s: StreetGrid, x: number, y: number, out: Float64Array): void {
  const off = pavementOffset(s);
  const lx = lineAt(s, nearestLine(s, x, s.nodesX));
  const ly = lineAt(s, nearestLine(s, y, s.nodesY));
  const px = lx + (x >= lx ? off : -off);
  const py = ly + (y >= ly ? off : -off);
  // On the pavement along the vertical street (x = px) or along the horizontal one (y = py): the nearer.
  if (Math.abs(x - px) <= Math.abs(y - py)) {
    out[0] = px;
    out[1] = Math.max(s.origin - off, Math.min(lineAt(s, s.nodesY - 1) + off, y));
  } else {
    out[0] = Math.max(s.origin - off, Math.min(lineAt(s, s.nodesX - 1) + off, x));
    out[1] = py;
  }
}

/**
 * Puts pedestrian i on the pavement nearest to (x, y), heading for a corner along that same pavement (so its first
 * leg, like every other, follows the pavement).
 */
export function placePedestrianNear(
  s: StreetGrid,
  agents: Agents,
  i: number,
  x: number,
  y: number,
  out: Float64Array,
): void {
  nearestPavement(s, x, y, out);
  const px = f64(out, 0);
  const py = f64(out, 1);
  const lx = lineAt(s, nearestLine(s, px, s.nodesX));
  const ly = lineAt(s, nearestLine(s, py, s.nodesY));
  const ox = px >= lx ? pavementOffset(s) : -pavementOffset(s);
  const oy = py >= ly ? pavementOffset(s) : -pavementOffset(s);
  agents.homeX[i] = ox;
  agents.homeY[i] = oy;
  agents.x[i] = agents.prevX[i] = px;
  agents.y[i] = agents.prevY[i] = py;
  agents.goalX[i] = lx + ox;
  agents.goalY[i] = ly + oy;
  agents.heading[i] = Math.atan2(ly + oy - py, lx + ox - px);
}
