import { createRng } from '../../engine';
import { createPathField, len, descend, DRIVABLE, fillPathField, lineOfSight, tileIndex, WALKABLE } from '../../game';
import type { PathField } from '../../game';
import { tuning } from './config';
import type { CityInput, CityRuntime, CityWorld } from './types';

/** The autopilot's script, in order: it loops back to `wander` after laying low or dying. */
type Phase = 'wander' | 'crime' | 'seek' | 'car' | 'flee' | 'hide';

interface Pilot {
  phase: Phase;
  since: number;
  field: PathField | null;
  fieldPass: Readonly<Uint8Array> | null;
  fieldTick: number;
  goalX: number;
  goalY: number;
  pressedLast: boolean;
  stuckTicks: number;
  wasAlive: boolean;
  /** The phase has just begun (pick its goal). */
  fresh: boolean;
}

const DIAG = 0.38; // sin 22.5°: beyond this a component becomes a key press

/** All 64 inputs, built once and frozen, so steering allocates nothing. */
const INPUTS: readonly CityInput[] = Array.from({ length: 64 }, (_, b) =>
  Object.freeze({
    up: (b & 1) !== 0,
    down: (b & 2) !== 0,
    left: (b & 4) !== 0,
    right: (b & 8) !== 0,
    action: (b & 16) !== 0,
    shoot: (b & 32) !== 0,
  }),
);

function keys(dx: number, dy: number, action = false, shoot = false): CityInput {
  const b =
    (dy < -DIAG ? 1 : 0) |
    (dy > DIAG ? 2 : 0) |
    (dx < -DIAG ? 4 : 0) |
    (dx > DIAG ? 8 : 0) |
    (action ? 16 : 0) |
    (shoot ? 32 : 0);
  return INPUTS[b] as CityInput;
}

const idle = INPUTS[0] as CityInput;

/**
 * A deterministic scripted player: it wanders, commits a crime (shoots at a passer-by), lets the police see it,
 * runs for a parked car, drives to a far garage, hides until the police give up, lays low until the wanted level has
 * decayed, and starts again. It reads the committed world and runtime and keeps its own seeded state.
 */
export function createCityAutopilot(seed: number): (world: CityWorld, runtime: CityRuntime, tick: number) => CityInput {
  const rng = createRng((seed ^ 0x5eed) >>> 0);
  const p: Pilot = {
    phase: 'wander',
    since: 0,
    field: null,
    fieldPass: null,
    fieldTick: -999,
    goalX: 0,
    goalY: 0,
    pressedLast: false,
    stuckTicks: 0,
    wasAlive: true,
    fresh: true,
  };
  const v = new Float64Array(2);

  function enter(phase: Phase, tick: number): void {
    p.phase = phase;
    p.since = tick;
    p.fieldTick = -999;
    p.stuckTicks = 0;
    p.fresh = true;
  }

  /** Direction towards (gx, gy) along walkable (or drivable) tiles; refreshes the path field when the goal moves or every second. */
  function route(
    rt: CityRuntime,
    tick: number,
    gx: number,
    gy: number,
    pass: Readonly<Uint8Array>,
    lookahead: number,
  ): number {
    const map = rt.map;
    p.field ??= createPathField(map);
    const goal = tileIndex(map, gx, gy);
    // Refill when the way of moving changes, when the goal tile moved (at most every 20 ticks), or every second.
    const age = tick - p.fieldTick;
    if (p.fieldPass !== pass || (p.field.goal !== goal && age >= 20) || age >= 60) {
      fillPathField(map, p.field, pass, gx, gy);
      p.fieldPass = pass;
      p.fieldTick = tick;
    }
    const x = rt.agents.x[0] as number;
    const y = rt.agents.y[0] as number;
    const d = descend(map, p.field, x, y, lookahead, v);
    if (d === 0 || (d < 0 && len(gx - x, gy - y) < 30)) {
      // On the goal tile (or no route but close): head straight for the point.
      const dx = gx - x;
      const dy = gy - y;
      const length = len(dx, dy);
      v[0] = length > 0.3 ? dx / length : 0;
      v[1] = length > 0.3 ? dy / length : 0;
    }
    return d;
  }

  function nearest(rt: CityRuntime, from: number, to: number): number {
    const a = rt.agents;
    let best = -1;
    let bestD = Infinity;
    for (let i = from; i < to; i++) {
      if (a.present[i] === 0 || a.alive[i] === 0) continue;
      const d = len((a.x[i] as number) - (a.x[0] as number), (a.y[i] as number) - (a.y[0] as number));
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }

  function pickHideout(w: CityWorld, rt: CityRuntime): void {
    const a = rt.agents;
    const px = a.x[0] as number;
    const py = a.y[0] as number;
    const cx = w.pursuit.state === 'none' ? px : w.pursuit.x;
    const cy = w.pursuit.state === 'none' ? py : w.pursuit.y;
    let best = -Infinity;
    for (const g of rt.map.garages) {
      const fromPlayer = len(g.x - px, g.y - py);
      const fromCentre = len(g.x - cx, g.y - cy);
      const score = Math.min(fromCentre, 160) - 0.5 * fromPlayer + rng.range(0, 10);
      if (score > best) {
        best = score;
        // Aim a little inside the door, at the garage's centre.
        p.goalX = g.x;
        p.goalY = g.y;
      }
    }
  }

  return (w, rt, tick) => {
    const a = rt.agents;
    if (!w.player.alive) {
      p.wasAlive = false;
      return idle;
    }
    if (!p.wasAlive) {
      p.wasAlive = true;
      enter('wander', tick);
    }
    const px = a.x[0] as number;
    const py = a.y[0] as number;
    const age = tick - p.since;
    switch (p.phase) {
      case 'wander': {
        if (p.fresh) {
          p.fresh = false;
          const s = rt.map.streets;
          p.goalX = s.origin + rng.int(0, s.nodesX - 1) * s.spacing;
          p.goalY = s.origin + rng.int(0, s.nodesY - 1) * s.spacing;
        }
        if (age >= 6 * 60 && !w.player.inCar) enter('crime', tick);
        if (w.player.inCar) return keys(0, 0, (age & 1) === 0);
        route(rt, tick, p.goalX, p.goalY, WALKABLE, 1);
        return keys(v[0] as number, v[1] as number);
      }
      case 'crime': {
        if (w.wanted >= 2 || age > 30 * 60) {
          enter('seek', tick);
          return idle;
        }
        const t = nearest(rt, rt.ranges.civilians[0], rt.ranges.civilians[1]);
        if (t < 0) return keys(0, 0, false, (age & 31) === 0);
        const tx = a.x[t] as number;
        const ty = a.y[t] as number;
        const d = len(tx - px, ty - py);
        // Close and in the open: walk at them firing (the gun auto-aims within a cone).
        if (d < 14 && lineOfSight(rt.map, px, py, tx, ty)) return keys((tx - px) / d, (ty - py) / d, false, true);
        route(rt, tick, tx, ty, WALKABLE, 1);
        return keys(v[0] as number, v[1] as number);
      }
      case 'seek': {
        if (w.pursuit.state !== 'none') {
          enter('car', tick);
          return idle;
        }
        // The wanted level decayed before anyone saw us: another crime.
        if (w.wanted < 2) {
          enter('crime', tick);
          return idle;
        }
        // Walk to where a patrol is heading (they look ahead, so meet them head on).
        let best = -1;
        let bestD = Infinity;
        for (let u = rt.ranges.police[0]; u < rt.ranges.police[1]; u++) {
          if (a.present[u] === 0) continue;
          const d = len((a.goalX[u] as number) - px, (a.goalY[u] as number) - py);
          if (d < bestD) {
            bestD = d;
            best = u;
          }
        }
        if (best < 0) return idle;
        route(rt, tick, a.goalX[best] as number, a.goalY[best] as number, WALKABLE, 1);
        return keys(v[0] as number, v[1] as number);
      }
      case 'car': {
        if (w.player.inCar) {
          pickHideout(w, rt);
          enter('flee', tick);
          return idle;
        }
        const cars = rt.cars;
        let best = -1;
        let bestD = Infinity;
        for (let c = 0; c < cars.count; c++) {
          if (cars.present[c] === 0 || cars.driver[c] !== -1) continue;
          const d = len((cars.x[c] as number) - px, (cars.y[c] as number) - py);
          if (d < bestD) {
            bestD = d;
            best = c;
          }
        }
        if (best < 0) return idle;
        if (bestD < tuning.enterCarRange - 0.5) {
          p.pressedLast = !p.pressedLast;
          return keys(0, 0, p.pressedLast);
        }
        route(rt, tick, cars.x[best] as number, cars.y[best] as number, WALKABLE, 1);
        return keys(v[0] as number, v[1] as number);
      }
      case 'flee': {
        if (!w.player.inCar) {
          // Lost the car (got out or died): hide on foot.
          route(rt, tick, p.goalX, p.goalY, WALKABLE, 1);
        } else route(rt, tick, p.goalX, p.goalY, DRIVABLE, 2);
        const close = len(p.goalX - px, p.goalY - py) < 2.5;
        if (close) {
          enter('hide', tick);
          return idle;
        }
        // Stuck against something for 3 s: get out and go on foot.
        p.stuckTicks = (a.speed[0] as number) < 1 ? p.stuckTicks + 1 : 0;
        if (p.stuckTicks > 180 && w.player.inCar) {
          p.stuckTicks = 0;
          return keys(0, 0, true);
        }
        return keys(v[0] as number, v[1] as number);
      }
      case 'hide': {
        // Stay put until the pursuit is over and the wanted level has decayed; then start again.
        if (w.pursuit.state === 'none' && w.wanted === 0 && age > 2 * 60) {
          enter('wander', tick);
          return w.player.inCar ? keys(0, 0, true) : idle;
        }
        if (age > 50 * 60 && w.pursuit.state !== 'none') {
          pickHideout(w, rt);
          enter('flee', tick);
        }
        return idle;
      }
    }
  };
}
