import type { CarHandling, CityMapOptions, PursuitParams, SightCone } from '../../game';

/** How big a city to build. */
export interface CitySize {
  /** Civilians walking the pavements. */
  civilians: number;
  /** Police units on duty at the start (each in its own car). */
  police: number;
  /** Extra police slots held in reserve for backup. */
  reserve: number;
  /** Goons hanging around their turf (spread over the turfs). */
  goons: number;
  /** Blocks across and down (the map grows with it). */
  blocks: number;
  /** Goon turfs. */
  turfs: number;
}

/** The normal city: 8 × 8 blocks, 60 civilians, 8 police (+4 reserve), 6 goons on 3 turfs. */
export const defaultSize: CitySize = { civilians: 60, police: 8, reserve: 4, goons: 6, blocks: 8, turfs: 3 };

/** Tuning shared by the city's systems (speeds in m/s, ranges in metres, times in ticks at 60 Hz). */
export const tuning = {
  dt: 1 / 60,
  footSpeed: 5.5,
  goonSpeed: 1.5,
  car: { maxSpeed: 19, accel: 11, brake: 16, turnRate: 4.2 } satisfies CarHandling,
  policeSpeed: { patrol: 8, search: 11, chase: 15 },
  policeAccel: 8,
  sight: { range: 48, halfAngle: (55 * Math.PI) / 180 } satisfies SightCone,
  /** Police notice someone this close whatever way they face. */
  awareness: 6,
  /** Police see into an alley only from this close. */
  alleyRange: 10,
  pursuit: {
    baseRadius: 30,
    radiusPerWanted: 12,
    loseSightTicks: 60,
    escapeTicks: 300,
    giveUpTicks: 45 * 60,
  } satisfies PursuitParams,
  goonShot: { range: 20, hit: 0.45, min: 4, max: 8, every: 70 },
  policeShot: { range: 30, hit: 0.4, min: 5, max: 9, every: 90 },
  playerShot: { range: 26, halfAngle: (30 * Math.PI) / 180, hit: 0.8, damage: 34, every: 24 },
  /** A fresh burst of player gunfire (after this many quiet ticks) counts as a new "shooting" crime. */
  shootingQuietTicks: 180,
  runOver: { minSpeed: 6, radius: 1.8, damagePerMps: 4, immuneTicks: 45 },
  enterCarRange: 3.5,
  health: { player: 100, civilian: 50, goon: 60, police: 100 },
} as const;

/** Indices into runtime.counters (0 and 1 are the pursuit clock). */
export const ACTION_HELD = 2;
/** The tick the player may shoot again, and the tick of the player's last shot. */
export const SHOOT_AFTER = 3;
export const LAST_SHOT = 4;
/** The zone the player is in (-1 none). */
export const ZONE = 5;

/** Map options for a size. */
export function mapOptionsFor(size: CitySize): Partial<CityMapOptions> {
  return { blocksX: size.blocks, blocksY: size.blocks, turfs: size.turfs };
}
