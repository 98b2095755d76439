import type { TunableName } from './tunables';
/**
 * The city chase's state, as the renderer and the rules see it.
 *
 * Units: metres, x to the right, y DOWN the screen; headings in radians, 0 = +x (east), π/2 = +y (south).
 * One tick = 1/60 s. Agents and cars are indices into structure-of-arrays (typed arrays) in the runtime R;
 * rule-driven state (health, wanted, siren, radio, pursuit, civilians present) is plain data in the immer world W.
 *
 * To draw a frame:
 * - map: `runtime.map.tiles` (Uint8Array, row-major, `cols` × `rows`, `tileSize` metres each), values are TileKind
 *   (0 street, 1 building, 2 alley, 3 garage, 4 hospital, 5 park). It never changes during a run; draw it once.
 *   `map.zones` are named rectangles (garage/alley/hospital/turf/park) for labels; `map.hospital` is the hospital
 *   rectangle and its door (respawn point).
 * - agents: for i < agents.count with `present[i] === 1`, at lerp(prevX[i], x[i], α), lerp(prevY[i], y[i], α),
 *   facing heading[i], drawn by kind[i] (AgentKind: 0 player, 1 civilian, 2 goon, 3 police). `alive[i] === 0` is a
 *   body. Agents with `car[i] >= 0` sit in that car: draw the car, not the person (police always sit in their car).
 * - cars: for c < cars.count with `present[c] === 1`, same interpolation; kind 0 civilian car (colour[c] is a paint
 *   index 0–7), 1 police car (flash its light bar when `world.siren`). `driver[c]` is who drives it (-1 parked).
 * - police sight cones: for police agents (kind 3, present), a cone of `runtime.sight.range` metres and half-angle
 *   `runtime.sight.halfAngle` around heading[i]; `agents.sees[i] === 1` when that unit sees the player now.
 * - search circle: `world.pursuit` {state, x, y, radius}; draw it while state !== 'none'.
 * - tracers: `runtime.tracers`, a ring; a slot is live while 0 ≤ tick − tracers.tick[k] < TRACER_TICKS.
 * - HUD: world.player.health / maxHealth, world.wanted (0–5 stars), world.radio {line, tick} (caption), world.siren,
 *   world.pursuit.state, world.civilians.present / total. The player is always agent 0 (camera target: x[0], y[0]).
 * Read-only for renderers: the engine replaces W every tick and mutates R in place during `step`.
 */
import type {
  Agents,
  ArrayHistory,
  Cars,
  CityMap,
  PursuitClock,
  PursuitSighting,
  PursuitState,
  SightCone,
  SpatialGrid,
  Tracers,
} from '../../game';

/** A type with its readonly fields made writable. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export type { Agents, Cars, CityMap, PursuitState, SightCone, SpatialGrid, Tracers };
export { AgentKind, CarKind, TileKind, TRACER_TICKS, agentKindNames, tileNames } from '../../game';

/** The player's controls for one tick (what the keyboard or the autopilot produces). */
export interface CityInput {
  /** Arrow keys / WASD: screen-relative directions (on foot and driving). */
  up: boolean;
  down: boolean;
  left: boolean;
  right: boolean;
  /** E / Enter: get into the nearest free car, or out of the one you drive (acts on the press, not while held). */
  action: boolean;
  /** Space: fire at whoever is roughly in front (on foot only; auto-aims within a cone). */
  shoot: boolean;
}

/** The player, as rules see it (`world.player.*`, and `entity.*` for events naming agent 0). */
export interface PlayerState {
  /** Hit points, 0 … maxHealth. */
  health: number;
  maxHealth: number;
  /** False from `player.died` until `player.respawned`. */
  alive: boolean;
  /** Index of the car driven (-1 on foot), and the same as a flag. */
  car: number;
  inCar: boolean;
  /** On a garage tile or in an alley (police see into alleys only from close by, never into garages). */
  hidden: boolean;
  /** Kind of zone the player is in ('garage', 'alley', 'hospital', 'turf', 'park'), '' for none. */
  zone: string;
  /** Times died. */
  deaths: number;
}

/** Rule-driven state of the city: the immer world W. Plain data; replaced (structurally shared) every tick. */
export interface CityWorld {
  player: PlayerState;
  /** Health of every other agent by id (civilians 50, goons 60, police 100); index 0 is unused (see player.health). */
  health: number[];
  /** Wanted level, 0 … 5 (stars). */
  wanted: number;
  /** The pursuit: state 'none' | 'chasing' | 'searching', and the search circle (x, y, radius). */
  pursuit: PursuitState;
  /** Police sirens on. */
  siren: boolean;
  /** Last radio line and the tick it was said (-1: nothing yet); captions show it for a few seconds. */
  radio: { line: string; tick: number };
  /** Civilians in the streets now (present and alive), and how many there are in all. */
  civilians: { present: number; total: number };
  /** Police: units on duty (some slots are reserves until backup is called), base strength, maximum, weapons free. */
  police: { units: number; base: number; max: number; weaponsFree: boolean };
  /** Crimes committed so far. */
  crimes: number;
  /** Tunables the rules changed with `tune` (absent: the default of src/scenarios/city/tunables.ts). */
  tunes?: Partial<Record<TunableName, number>>;
}

/** Id ranges of each kind of agent: [start, end). The player is always agent 0. */
export interface AgentRanges {
  readonly civilians: readonly [number, number];
  readonly goons: readonly [number, number];
  readonly police: readonly [number, number];
}

/** Mutable per-tick state of the city: the runtime R. Bulk motion in typed arrays, rebuilt or advanced every tick. */
export interface CityRuntime {
  /** The generated city (static during a run). */
  readonly map: CityMap;
  /** Everyone: the player (id 0), civilians, goons, police (see `ranges`). */
  readonly agents: Agents;
  /** Parked cars first, then one police car per police slot (`policeCar[k]` for police id ranges.police[0] + k). */
  readonly cars: Cars;
  readonly ranges: AgentRanges;
  /** Car index of each police slot. */
  readonly policeCar: Int32Array;
  /** Police sight: range (m) and half-angle (rad) of every unit's cone. */
  readonly sight: SightCone;
  /** Recent shots, for drawing bullet streaks. */
  readonly tracers: Tracers;
  /**
   * Spatial grid over the map (derived, not saved): agentsNear gives ids in its cell order without building it; a
   * system making many proximity queries in a tick would build it (buildGrid, stamp builtAt) and query it.
   */
  readonly grid: SpatialGrid;
  /**
   * Small counters, saved with snapshots: [0] ticks unseen, [1] ticks escaping (pursuit clock),
   * [2] action key held last tick (edge detection), [3] tick the player may shoot again,
   * [4] tick of the player's last shot, [5] zone id the player is in (-1 none).
   */
  readonly counters: Int32Array;
  /** The pursuit's clock: a view of counters[0..1]. */
  readonly pursuitClock: PursuitClock;
  /** What the last snapshot saved of the moving arrays, so the next one stores only what changed (derived, not saved). */
  readonly history: { readonly agents: ArrayHistory; readonly cars: ArrayHistory; readonly tracers: ArrayHistory };
  /** Scratch buffers for the systems (derived, not saved): vectors and query results. */
  readonly scratch: { readonly v: Float64Array; readonly ids: Int32Array; readonly sighting: Mutable<PursuitSighting> };
}
