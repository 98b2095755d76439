import type { Rng } from '../../engine';
import {
  AgentKind,
  CarKind,
  createAgents,
  createArrayHistory,
  createCars,
  createGrid,
  createTracers,
  generateCity,
  lineAt,
  placePedestrian,
} from '../../game';
import type { CityMap } from '../../game';
import type { CitySize } from './config';
import { mapOptionsFor, tuning, ZONE } from './config';
import type { CityRuntime, CityWorld } from './types';

/** Puts police slot k (agent id, car c) at a random intersection, facing along a street. */
export function placePoliceUnit(rt: CityRuntime, id: number, rng: Rng): void {
  const s = rt.map.streets;
  const c = rt.policeCar[id - rt.ranges.police[0]];
  if (c === undefined) return;
  const { cars, agents } = rt;
  cars.x[c] = cars.prevX[c] = agents.x[id] = agents.prevX[id] = agents.goalX[id] = lineAt(s, rng.int(0, s.nodesX - 1));
  cars.y[c] = cars.prevY[c] = agents.y[id] = agents.prevY[id] = agents.goalY[id] = lineAt(s, rng.int(0, s.nodesY - 1));
  cars.heading[c] = agents.heading[id] = (rng.int(0, 3) * Math.PI) / 2;
  cars.speed[c] = agents.speed[id] = 0;
}

/** The runtime for a new map: every slot empty, counters and history ready. */
function createRuntime(map: CityMap, size: CitySize): CityRuntime {
  const policeSlots = size.police + size.reserve;
  const civ0 = 1;
  const goon0 = civ0 + size.civilians;
  const pol0 = goon0 + size.goons;
  const n = pol0 + policeSlots;
  const agents = createAgents(n);
  const cars = createCars(map.parking.length + policeSlots);
  const counters = new Int32Array(8);
  const tracers = createTracers(64);
  // prevX/prevY are rewritten at the start of every tick before anything reads them: snapshots leave them out.
  const moving = { skip: ['prevX', 'prevY'] };
  const runtime: CityRuntime = {
    map,
    agents,
    cars,
    ranges: { civilians: [civ0, goon0], goons: [goon0, pol0], police: [pol0, n] },
    policeCar: new Int32Array(policeSlots),
    sight: tuning.sight,
    tracers,
    grid: createGrid(map.width, map.height, 12, n),
    counters,
    history: {
      agents: createArrayHistory(agents, moving),
      cars: createArrayHistory(cars, moving),
      tracers: createArrayHistory(tracers),
    },
    pursuitClock: { ticks: counters.subarray(0, 2) },
    scratch: {
      v: new Float64Array(4),
      ids: new Int32Array(n),
      sighting: { seen: false, seer: -1, x: 0, y: 0, hidden: false, wanted: 0, tick: 0 },
    },
  };
  runtime.counters[ZONE] = -1;
  return runtime;
}

/** The player starts outside the hospital. */
function placePlayer(rt: CityRuntime): void {
  const { agents, map } = rt;
  agents.kind[0] = AgentKind.Player;
  agents.x[0] = agents.prevX[0] = map.hospital.doorX;
  agents.y[0] = agents.prevY[0] = map.hospital.doorY;
  agents.heading[0] = Math.PI / 2;
  agents.alive[0] = agents.present[0] = 1;
}

/** Civilians walk the pavements from random places; goons stand around their turf (absent on a city without one). */
function placeWalkers(rt: CityRuntime, rng: Rng, health: number[]): void {
  const { agents, map } = rt;
  const [civ0, goon0] = rt.ranges.civilians;
  const [, pol0] = rt.ranges.goons;
  for (let i = civ0; i < goon0; i++) {
    agents.kind[i] = AgentKind.Civilian;
    agents.alive[i] = agents.present[i] = 1;
    placePedestrian(map.streets, agents, i, rng);
    health[i] = tuning.health.civilian;
  }
  for (let i = goon0; i < pol0; i++) {
    const t = map.turfs[(i - goon0) % Math.max(1, map.turfs.length)];
    agents.kind[i] = AgentKind.Goon;
    agents.alive[i] = agents.present[i] = t ? 1 : 0;
    const hx = (t?.x ?? 0) + rng.range(-2, 2);
    const hy = (t?.y ?? 0) + rng.range(-2, 2);
    agents.homeX[i] = agents.goalX[i] = agents.x[i] = agents.prevX[i] = hx;
    agents.homeY[i] = agents.goalY[i] = agents.y[i] = agents.prevY[i] = hy;
    agents.heading[i] = rng.range(-Math.PI, Math.PI);
    health[i] = tuning.health.goon;
  }
}

/** A civilian car of a random colour on each parking spot (car slots 0 … spots − 1). */
function parkCars(rt: CityRuntime, rng: Rng): void {
  const { cars } = rt;
  rt.map.parking.forEach((p, c) => {
    cars.x[c] = cars.prevX[c] = p.x;
    cars.y[c] = cars.prevY[c] = p.y;
    cars.heading[c] = p.heading;
    cars.kind[c] = CarKind.Civilian;
    cars.present[c] = 1;
    cars.colour[c] = rng.int(0, 7);
  });
}

/** Each police slot gets its own car after the parked ones; the first `size.police` are on the streets. */
function placePolice(rt: CityRuntime, rng: Rng, size: CitySize, health: number[]): void {
  const { agents, cars, policeCar } = rt;
  const [pol0] = rt.ranges.police;
  const parked = rt.map.parking.length;
  for (let k = 0; k < policeCar.length; k++) {
    const id = pol0 + k;
    const c = parked + k;
    policeCar[k] = c;
    agents.kind[id] = AgentKind.Police;
    agents.alive[id] = 1;
    agents.car[id] = c;
    cars.kind[c] = CarKind.Police;
    cars.driver[c] = id;
    cars.owner[c] = id;
    const on = k < size.police ? 1 : 0;
    agents.present[id] = cars.present[c] = on;
    placePoliceUnit(rt, id, rng);
    health[id] = tuning.health.police;
  }
}

/** The rule-driven world at the start: no one wanted, every police unit at base. */
function initialWorld(size: CitySize, health: number[]): CityWorld {
  return {
    player: {
      health: tuning.health.player,
      maxHealth: tuning.health.player,
      alive: true,
      car: -1,
      inCar: false,
      hidden: false,
      zone: '',
      deaths: 0,
    },
    health,
    wanted: 0,
    pursuit: { state: 'none', x: 0, y: 0, radius: 0, lastSeenTick: -1 },
    siren: false,
    radio: { line: '', tick: -1 },
    civilians: { present: size.civilians, total: size.civilians },
    police: { units: size.police, base: size.police, max: size.police + size.reserve, weaponsFree: false },
    crimes: 0,
  };
}

/** Builds a fresh city (map, everyone in place) and its rule-driven world from the seeded RNG. */
export function createCity(rng: Rng, size: CitySize): { world: CityWorld; runtime: CityRuntime } {
  const map = generateCity(rng, mapOptionsFor(size));
  const runtime = createRuntime(map, size);
  const health = new Array<number>(runtime.agents.count).fill(0);
  placePlayer(runtime);
  placeWalkers(runtime, rng, health);
  parkCars(runtime, rng);
  placePolice(runtime, rng, size, health);
  return { world: initialWorld(size, health), runtime };
}
