import { len } from '../../../game';
import { driveStreets, f64, i32, lineAt, snapToStreet } from '../../../game';
import type { Rng } from '../../../engine';
import { tuning } from '../config';
import { placePoliceUnit } from '../init';
import type { CityRuntime } from '../types';
import type { CityContext } from './context';

/** Brings police slots on or off duty to match `world.police.units`; new units arrive at an intersection far from the player. */
function syncUnits(rt: CityRuntime, units: number, rng: Rng): void {
  const { agents: a, cars, ranges } = rt;
  for (let id = ranges.police[0]; id < ranges.police[1]; id++) {
    const k = id - ranges.police[0];
    const want = k < units ? 1 : 0;
    if (a.present[id] === want) continue;
    const c = i32(rt.policeCar, k);
    if (want) {
      // Up to 4 tries for a spot at least 100 m from the player.
      for (let t = 0; t < 4; t++) {
        placePoliceUnit(rt, id, rng);
        if (len(f64(a.x, id) - f64(a.x, 0), f64(a.y, id) - f64(a.y, 0)) >= 100) break;
      }
    }
    a.present[id] = cars.present[c] = want;
    a.sees[id] = 0;
  }
}

/** Picks a random point of the street network inside a circle (or anywhere when r ≤ 0) as unit id's goal. */
function pickGoal(rt: CityRuntime, id: number, cx: number, cy: number, r: number, rng: Rng): void {
  const s = rt.map.streets;
  const a = rt.agents;
  if (r <= 0) {
    a.goalX[id] = lineAt(s, rng.int(0, s.nodesX - 1));
    a.goalY[id] = lineAt(s, rng.int(0, s.nodesY - 1));
    return;
  }
  const ang = rng.range(-Math.PI, Math.PI);
  const d = Math.sqrt(rng.next()) * r;
  snapToStreet(s, cx + Math.cos(ang) * d, cy + Math.sin(ang) * d, rt.scratch.v);
  a.goalX[id] = f64(rt.scratch.v, 0);
  a.goalY[id] = f64(rt.scratch.v, 1);
}

/**
 * Drives every police unit along the streets: patrolling random intersections when there is no pursuit, converging
 * on the last-seen point while chasing, and visiting random points of the search circle while searching.
 */
export function stepPolice(ctx: CityContext): void {
  const { runtime: rt, world: w, rng, tick } = ctx;
  const { agents: a, cars, ranges, map } = rt;
  const units = w.police.units;
  syncUnits(rt, units, rng);
  const p = w.pursuit;
  const state = p.state;
  const px = p.x;
  const py = p.y;
  const radius = p.radius;
  if (state === 'chasing') snapToStreet(map.streets, px, py, rt.scratch.v);
  const chaseX = f64(rt.scratch.v, 0);
  const chaseY = f64(rt.scratch.v, 1);
  const speedScale = w.tunes?.policeSpeed ?? 1;
  for (let id = ranges.police[0]; id < ranges.police[1]; id++) {
    if (a.present[id] === 0 || a.alive[id] === 0) continue;
    const c = i32(a.car, id);
    let speed: number = tuning.policeSpeed.patrol * speedScale;
    if (state === 'chasing') {
      a.goalX[id] = chaseX;
      a.goalY[id] = chaseY;
      a.replanAt[id] = 0;
      speed = tuning.policeSpeed.chase * speedScale;
    } else if (state === 'searching') {
      speed = tuning.policeSpeed.search * speedScale;
      const replanAt = i32(a.replanAt, id);
      if (replanAt !== 0 && tick >= replanAt) {
        pickGoal(rt, id, px, py, radius, rng);
        a.replanAt[id] = tick + 8 * 60;
      }
    }
    const arrived = driveStreets(
      map.streets,
      cars,
      c,
      f64(a.goalX, id),
      f64(a.goalY, id),
      speed,
      tuning.policeAccel,
      tuning.dt,
      rt.scratch.v,
    );
    if (arrived && state !== 'chasing') {
      pickGoal(rt, id, px, py, state === 'searching' ? radius : 0, rng);
      a.replanAt[id] = tick + 8 * 60;
    }
    a.x[id] = f64(cars.x, c);
    a.y[id] = f64(cars.y, c);
    a.heading[id] = f64(cars.heading, c);
    a.speed[id] = f64(cars.speed, c);
  }
}
