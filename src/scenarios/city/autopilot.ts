import { createRng } from '../../engine';
import type { Rng } from '../../engine';
import {
  createPathField,
  len,
  descend,
  DRIVABLE,
  f64,
  fillPathField,
  lineOfSight,
  tileIndex,
  WALKABLE,
} from '../../game';
import type { PathField } from '../../game';
import { tuning } from './config';
import type { CityInput, CityRuntime, CityWorld } from './types';

/** The autopilot's script, in order: it loops back to `wander` after laying low or dying. */
type Phase = 'wander' | 'crime' | 'seek' | 'hurt' | 'car' | 'flee' | 'hide';

interface Pilot {
  rng: Rng;
  /** Scratch direction written by `route`. */
  v: Float64Array;
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

/** What every phase step reads. */
interface Step {
  w: CityWorld;
  rt: CityRuntime;
  tick: number;
  /** Ticks since the phase began. */
  age: number;
  px: number;
  py: number;
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
  const input = INPUTS[b];
  if (input === undefined) throw new RangeError(`autopilot: expected key bits 0 … 63, found ${b}`);
  return input;
}

const idle = keys(0, 0);

function enter(p: Pilot, phase: Phase, tick: number): void {
  p.phase = phase;
  p.since = tick;
  p.fieldTick = -999;
  p.stuckTicks = 0;
  p.fresh = true;
}

/** Direction towards (gx, gy) along walkable (or drivable) tiles into p.v; refreshes the path field when needed. */
function route(p: Pilot, rt: CityRuntime, tick: number, gx: number, gy: number, pass: Readonly<Uint8Array>, ahead = 1) {
  const map = rt.map;
  const v = p.v;
  p.field ??= createPathField(map);
  const goal = tileIndex(map, gx, gy);
  // Refill when the way of moving changes, when the goal tile moved (at most every 20 ticks), or every second.
  const age = tick - p.fieldTick;
  if (p.fieldPass !== pass || (p.field.goal !== goal && age >= 20) || age >= 60) {
    fillPathField(map, p.field, pass, gx, gy);
    p.fieldPass = pass;
    p.fieldTick = tick;
  }
  const x = f64(rt.agents.x, 0);
  const y = f64(rt.agents.y, 0);
  const d = descend(map, p.field, x, y, ahead, v);
  if (d === 0 || (d < 0 && len(gx - x, gy - y) < 30)) {
    // On the goal tile (or no route but close): head straight for the point.
    const dx = gx - x;
    const dy = gy - y;
    const length = len(dx, dy);
    v[0] = length > 0.3 ? dx / length : 0;
    v[1] = length > 0.3 ? dy / length : 0;
  }
}

/** Walks along the path to (gx, gy) on foot. */
function walkTo(p: Pilot, s: Step, gx: number, gy: number): CityInput {
  route(p, s.rt, s.tick, gx, gy, WALKABLE);
  return keys(f64(p.v, 0), f64(p.v, 1));
}

/** The nearest present, living agent with an id in [from, to), or -1. */
function nearest(rt: CityRuntime, from: number, to: number): number {
  const a = rt.agents;
  let best = -1;
  let bestD = Infinity;
  for (let i = from; i < to; i++) {
    if (a.present[i] === 0 || a.alive[i] === 0) continue;
    const d = len(f64(a.x, i) - f64(a.x, 0), f64(a.y, i) - f64(a.y, 0));
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** The nearest empty car and its distance. */
function nearestCar(rt: CityRuntime, px: number, py: number): { car: number; d: number } {
  const cars = rt.cars;
  let car = -1;
  let d = Infinity;
  for (let c = 0; c < cars.count; c++) {
    if (cars.present[c] === 0 || cars.driver[c] !== -1) continue;
    const dc = len(f64(cars.x, c) - px, f64(cars.y, c) - py);
    if (dc < d) {
      d = dc;
      car = c;
    }
  }
  return { car, d };
}

/** Picks a garage away from the search centre (and not too far) as the goal. */
function pickHideout(p: Pilot, w: CityWorld, rt: CityRuntime): void {
  const a = rt.agents;
  const px = f64(a.x, 0);
  const py = f64(a.y, 0);
  const cx = w.pursuit.state === 'none' ? px : w.pursuit.x;
  const cy = w.pursuit.state === 'none' ? py : w.pursuit.y;
  let best = -Infinity;
  for (const g of rt.map.garages) {
    const fromPlayer = len(g.x - px, g.y - py);
    const fromCentre = len(g.x - cx, g.y - cy);
    const score = Math.min(fromCentre, 160) - 0.5 * fromPlayer + p.rng.range(0, 10);
    if (score > best) {
      best = score;
      // Aim a little inside the door, at the garage's centre.
      p.goalX = g.x;
      p.goalY = g.y;
    }
  }
}

function wander(p: Pilot, s: Step): CityInput {
  if (p.fresh) {
    p.fresh = false;
    const st = s.rt.map.streets;
    p.goalX = st.origin + p.rng.int(0, st.nodesX - 1) * st.spacing;
    p.goalY = st.origin + p.rng.int(0, st.nodesY - 1) * st.spacing;
  }
  if (s.age >= 6 * 60 && !s.w.player.inCar) enter(p, 'crime', s.tick);
  if (s.w.player.inCar) return keys(0, 0, (s.age & 1) === 0);
  return walkTo(p, s, p.goalX, p.goalY);
}

function crime(p: Pilot, s: Step): CityInput {
  if (s.w.wanted >= 2 || s.age > 30 * 60) {
    enter(p, 'seek', s.tick);
    return idle;
  }
  const a = s.rt.agents;
  const t = nearest(s.rt, s.rt.ranges.civilians[0], s.rt.ranges.civilians[1]);
  if (t < 0) return keys(0, 0, false, (s.age & 31) === 0);
  const tx = f64(a.x, t);
  const ty = f64(a.y, t);
  const d = len(tx - s.px, ty - s.py);
  // Close and in the open: walk at them firing (the gun auto-aims within a cone).
  if (d < 14 && lineOfSight(s.rt.map, s.px, s.py, tx, ty)) return keys((tx - s.px) / d, (ty - s.py) / d, false, true);
  return walkTo(p, s, tx, ty);
}

function seek(p: Pilot, s: Step): CityInput {
  if (s.w.pursuit.state !== 'none') {
    enter(p, 'hurt', s.tick);
    return idle;
  }
  // The wanted level decayed before anyone saw us: another crime.
  if (s.w.wanted < 2) {
    enter(p, 'crime', s.tick);
    return idle;
  }
  // Walk towards the nearest patrol until one of them sees us.
  const u = nearest(s.rt, s.rt.ranges.police[0], s.rt.ranges.police[1]);
  if (u < 0) return idle;
  return walkTo(p, s, f64(s.rt.agents.x, u), f64(s.rt.agents.y, u));
}

/** Stands in the open until a police bullet lands (at most 10 s), so the car that follows has something to heal. */
function hurt(p: Pilot, s: Step): CityInput {
  if (s.w.player.health < s.w.player.maxHealth || s.age > 10 * 60 || s.w.pursuit.state === 'none') {
    enter(p, 'car', s.tick);
    return idle;
  }
  const u = nearest(s.rt, s.rt.ranges.police[0], s.rt.ranges.police[1]);
  if (u < 0) return idle;
  const a = s.rt.agents;
  const ux = f64(a.x, u);
  const uy = f64(a.y, u);
  // In their sight and range already: wait for the shot; else close in.
  if (len(ux - s.px, uy - s.py) < 12 && lineOfSight(s.rt.map, s.px, s.py, ux, uy)) return idle;
  return walkTo(p, s, ux, uy);
}

function car(p: Pilot, s: Step): CityInput {
  if (s.w.player.inCar) {
    pickHideout(p, s.w, s.rt);
    enter(p, 'flee', s.tick);
    return idle;
  }
  const { car: best, d } = nearestCar(s.rt, s.px, s.py);
  if (best < 0) return idle;
  if (d < tuning.enterCarRange - 0.5) {
    p.pressedLast = !p.pressedLast;
    return keys(0, 0, p.pressedLast);
  }
  return walkTo(p, s, f64(s.rt.cars.x, best), f64(s.rt.cars.y, best));
}

function flee(p: Pilot, s: Step): CityInput {
  // Lost the car (got out or died): hide on foot.
  if (!s.w.player.inCar) route(p, s.rt, s.tick, p.goalX, p.goalY, WALKABLE);
  else route(p, s.rt, s.tick, p.goalX, p.goalY, DRIVABLE, 2);
  if (len(p.goalX - s.px, p.goalY - s.py) < 2.5) {
    enter(p, 'hide', s.tick);
    return idle;
  }
  // Stuck against something for 3 s: get out and go on foot.
  p.stuckTicks = f64(s.rt.agents.speed, 0) < 1 ? p.stuckTicks + 1 : 0;
  if (p.stuckTicks > 180 && s.w.player.inCar) {
    p.stuckTicks = 0;
    return keys(0, 0, true);
  }
  return keys(f64(p.v, 0), f64(p.v, 1));
}

function hide(p: Pilot, s: Step): CityInput {
  // Stay put until the pursuit is over and the wanted level has decayed; then start again.
  if (s.w.pursuit.state === 'none' && s.w.wanted === 0 && s.age > 2 * 60) {
    enter(p, 'wander', s.tick);
    return s.w.player.inCar ? keys(0, 0, true) : idle;
  }
  if (s.age > 50 * 60 && s.w.pursuit.state !== 'none') {
    pickHideout(p, s.w, s.rt);
    enter(p, 'flee', s.tick);
  }
  return idle;
}

const PHASES: Readonly<Record<Phase, (p: Pilot, s: Step) => CityInput>> = {
  wander,
  crime,
  seek,
  hurt,
  car,
  flee,
  hide,
};

/**
 * A deterministic scripted player: it wanders, commits a crime (shoots at a passer-by), lets the police see it,
 * takes a hit, runs for a parked car (which heals it), drives to a far garage, hides until the police give up, lays
 * low until the wanted level has decayed, and starts again. It reads the committed world and runtime and keeps its
 * own seeded state.
 */
export function createCityAutopilot(seed: number): (world: CityWorld, runtime: CityRuntime, tick: number) => CityInput {
  const p: Pilot = {
    rng: createRng((seed ^ 0x5eed) >>> 0),
    v: new Float64Array(2),
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
  return (w, rt, tick) => {
    if (!w.player.alive) {
      p.wasAlive = false;
      return idle;
    }
    if (!p.wasAlive) {
      p.wasAlive = true;
      enter(p, 'wander', tick);
    }
    const s: Step = { w, rt, tick, age: tick - p.since, px: f64(rt.agents.x, 0), py: f64(rt.agents.y, 0) };
    return PHASES[p.phase](p, s);
  };
}
