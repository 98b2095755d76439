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
import type { CitySize } from './config';
import { mapOptionsFor, tuning } from './config';
import type { CityRuntime, CityWorld } from './types';

/** Puts police slot k (agent id, car c) at a random intersection, facing along a street. */
export function placePoliceUnit(rt: CityRuntime, id: number, rng: Rng): void {
  const s = rt.map.streets;
  const c = rt.policeCar[id - rt.ranges.police[0]] as number;
  const { cars, agents } = rt;
  cars.x[c] = cars.prevX[c] = agents.x[id] = agents.prevX[id] = agents.goalX[id] = lineAt(s, rng.int(0, s.nodesX - 1));
  cars.y[c] = cars.prevY[c] = agents.y[id] = agents.prevY[id] = agents.goalY[id] = lineAt(s, rng.int(0, s.nodesY - 1));
  cars.heading[c] = agents.heading[id] = (rng.int(0, 3) * Math.PI) / 2;
  cars.speed[c] = agents.speed[id] = 0;
}

/** Builds a fresh city (map, everyone in place) and its rule-driven world from the seeded RNG. */
export function createCity(rng: Rng, size: CitySize): { world: CityWorld; runtime: CityRuntime } {
  const map = generateCity(rng, mapOptionsFor(size));
  const policeSlots = size.police + size.reserve;
  const civ0 = 1;
  const goon0 = civ0 + size.civilians;
  const pol0 = goon0 + size.goons;
  const n = pol0 + policeSlots;
  const agents = createAgents(n);
  const parked = map.parking.length;
  const cars = createCars(parked + policeSlots);
  const policeCar = new Int32Array(policeSlots);
  const counters = new Int32Array(8);
  const tracers = createTracers(64);
  // prevX/prevY are rewritten at the start of every tick before anything reads them: snapshots leave them out.
  const moving = { skip: ['prevX', 'prevY'] };
  const runtime: CityRuntime = {
    map,
    agents,
    cars,
    ranges: { civilians: [civ0, goon0], goons: [goon0, pol0], police: [pol0, n] },
    policeCar,
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
  runtime.counters[5] = -1;
  const health = new Array<number>(n).fill(0);

  // The player starts outside the hospital.
  agents.kind[0] = AgentKind.Player;
  agents.x[0] = agents.prevX[0] = map.hospital.doorX;
  agents.y[0] = agents.prevY[0] = map.hospital.doorY;
  agents.heading[0] = Math.PI / 2;
  agents.alive[0] = agents.present[0] = 1;

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
  for (let c = 0; c < parked; c++) {
    const p = map.parking[c] as (typeof map.parking)[number];
    cars.x[c] = cars.prevX[c] = p.x;
    cars.y[c] = cars.prevY[c] = p.y;
    cars.heading[c] = p.heading;
    cars.kind[c] = CarKind.Civilian;
    cars.present[c] = 1;
    cars.colour[c] = rng.int(0, 7);
  }
  for (let k = 0; k < policeSlots; k++) {
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
    placePoliceUnit(runtime, id, rng);
    health[id] = tuning.health.police;
  }

  const world: CityWorld = {
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
    police: { units: size.police, base: size.police, max: policeSlots, weaponsFree: false },
    crimes: 0,
  };
  return { world, runtime };
}
