import type { Rng } from '../engine';
import type { StreetGrid } from './streets';
import { createTileMap, TileKind } from './tiles';
import type { TileMap } from './tiles';
import { indexZones } from './zones';
import type { Zone, ZoneIndex, ZoneKind } from './zones';

/** How to lay out a city. */
export interface CityMapOptions {
  /** Blocks across and down. */
  blocksX: number;
  blocksY: number;
  /** Tiles along a block's side, and across a street. */
  blockTiles: number;
  streetTiles: number;
  /** Metres per tile. */
  tileSize: number;
  /** Chance that a block is a park, has an alley, has a garage. */
  parkChance: number;
  alleyChance: number;
  garageChance: number;
  /** Chance of a parked car along each side of a block. */
  parkingChance: number;
  /** How many blocks with an alley become goon turf. */
  turfs: number;
}

/** A point with a heading (radians, 0 = +x, π/2 = +y i.e. down). */
export interface Spot {
  readonly x: number;
  readonly y: number;
  readonly heading: number;
}

/** A generated city: tiles, streets, zones and the places systems need. */
export interface CityMap extends TileMap, ZoneIndex {
  readonly streets: StreetGrid;
  /** The hospital building rectangle (metres) and its door on the street in front, where the player respawns. */
  readonly hospital: { x: number; y: number; w: number; h: number; doorX: number; doorY: number };
  /** Centres of the garages (hiding places for people and cars). */
  readonly garages: readonly Spot[];
  /** Kerbside spots for parked cars. */
  readonly parking: readonly Spot[];
  /** Where goons hang out: the street end of an alley on their turf. */
  readonly turfs: readonly Spot[];
}

/** A normal-sized city: 8 × 8 blocks of 7 tiles, streets 3 tiles wide, 4 m tiles (332 m across). */
export const defaultMapOptions: CityMapOptions = {
  blocksX: 8,
  blocksY: 8,
  blockTiles: 7,
  streetTiles: 3,
  tileSize: 4,
  parkChance: 0.08,
  alleyChance: 0.55,
  garageChance: 0.5,
  parkingChance: 0.45,
  turfs: 3,
};

/** Generates a grid city from a seeded RNG: same RNG state, same city. */
export function generateCity(rng: Rng, options: Partial<CityMapOptions> = {}): CityMap {
  const o = { ...defaultMapOptions, ...options };
  const period = o.blockTiles + o.streetTiles;
  const cols = o.blocksX * period + o.streetTiles;
  const rows = o.blocksY * period + o.streetTiles;
  const ts = o.tileSize;
  const base = createTileMap(cols, rows, ts, TileKind.Building);
  const { tiles } = base;
  const set = (tx: number, ty: number, k: TileKind) => {
    tiles[ty * cols + tx] = k;
  };
  // Streets: every row and column strip between blocks.
  for (let ty = 0; ty < rows; ty++)
    for (let tx = 0; tx < cols; tx++)
      if (ty % period < o.streetTiles || tx % period < o.streetTiles) set(tx, ty, TileKind.Street);

  const zones: Zone[] = [];
  const addZone = (kind: ZoneKind, x: number, y: number, w: number, h: number) => {
    zones.push({
      id: zones.length,
      name: `${kind}-${zones.filter((z) => z.kind === kind).length + 1}`,
      kind,
      x,
      y,
      w,
      h,
    });
  };
  const garages: Spot[] = [];
  const parking: Spot[] = [];
  const alleyBlocks: { bx: number; by: number; vertical: boolean }[] = [];
  const bt = o.blockTiles;
  const mid = Math.floor(bt / 2);
  const hbx = rng.int(Math.floor(o.blocksX / 4), Math.max(0, Math.ceil((3 * o.blocksX) / 4) - 1));
  const hby = rng.int(Math.floor(o.blocksY / 4), Math.max(0, Math.ceil((3 * o.blocksY) / 4) - 1));
  let hospital: CityMap['hospital'] = { x: 0, y: 0, w: 0, h: 0, doorX: 0, doorY: 0 };

  for (let by = 0; by < o.blocksY; by++)
    for (let bx = 0; bx < o.blocksX; bx++) {
      const tx0 = bx * period + o.streetTiles;
      const ty0 = by * period + o.streetTiles;
      const x0 = tx0 * ts;
      const y0 = ty0 * ts;
      const size = bt * ts;
      const fill = (k: TileKind, dx0: number, dy0: number, w: number, h: number) => {
        for (let dy = dy0; dy < dy0 + h; dy++) for (let dx = dx0; dx < dx0 + w; dx++) set(tx0 + dx, ty0 + dy, k);
      };
      if (bx === hbx && by === hby) {
        fill(TileKind.Hospital, 0, 0, bt, bt);
        hospital = { x: x0, y: y0, w: size, h: size, doorX: x0 + size / 2, doorY: y0 + size + ts / 2 };
        addZone('hospital', x0, y0 + size, size, ts * 1.5);
        continue;
      }
      if (rng.chance(o.parkChance)) {
        fill(TileKind.Park, 0, 0, bt, bt);
        addZone('park', x0, y0, size, size);
        continue;
      }
      // Sides: 0 = north, 1 = south, 2 = west, 3 = east.
      let garageSide = -1;
      if (rng.next() < o.alleyChance) {
        const vertical = rng.chance(0.5);
        if (vertical) fill(TileKind.Alley, mid, 0, 1, bt);
        else fill(TileKind.Alley, 0, mid, bt, 1);
        if (vertical) addZone('alley', x0 + mid * ts, y0, ts, size);
        else addZone('alley', x0, y0 + mid * ts, size, ts);
        alleyBlocks.push({ bx, by, vertical });
      }
      if (rng.next() < o.garageChance) {
        garageSide = rng.int(0, 3);
        const gx = garageSide === 2 ? 0 : garageSide === 3 ? bt - 2 : 1;
        const gy = garageSide === 0 ? 0 : garageSide === 1 ? bt - 2 : 1;
        fill(TileKind.Garage, gx, gy, 2, 2);
        addZone('garage', (tx0 + gx) * ts, (ty0 + gy) * ts, 2 * ts, 2 * ts);
        garages.push({
          x: (tx0 + gx + 1) * ts,
          y: (ty0 + gy + 1) * ts,
          heading: [-Math.PI / 2, Math.PI / 2, Math.PI, 0][garageSide] as number,
        });
      }
      for (let side = 0; side < 4; side++) {
        if (side === garageSide || !rng.chance(o.parkingChance)) continue;
        const along = (rng.int(1, bt - 2) + 0.5) * ts;
        if (side === 0) parking.push({ x: x0 + along, y: y0 - ts / 2, heading: 0 });
        else if (side === 1) parking.push({ x: x0 + along, y: y0 + size + ts / 2, heading: Math.PI });
        else if (side === 2) parking.push({ x: x0 - ts / 2, y: y0 + along, heading: Math.PI / 2 });
        else parking.push({ x: x0 + size + ts / 2, y: y0 + along, heading: -Math.PI / 2 });
      }
    }

  // Goon turf: some alley blocks; the goons stand at the alley's street end.
  const turfs: Spot[] = [];
  const pool = alleyBlocks.slice();
  for (let k = 0; k < o.turfs && pool.length; k++) {
    const b = pool.splice(rng.int(0, pool.length - 1), 1)[0] as (typeof pool)[number];
    const x0 = (b.bx * period + o.streetTiles) * ts;
    const y0 = (b.by * period + o.streetTiles) * ts;
    const size = bt * ts;
    const c = (mid + 0.5) * ts;
    const end = rng.chance(0.5);
    turfs.push(
      b.vertical
        ? { x: x0 + c, y: end ? y0 - ts / 2 : y0 + size + ts / 2, heading: end ? -Math.PI / 2 : Math.PI / 2 }
        : { x: end ? x0 - ts / 2 : x0 + size + ts / 2, y: y0 + c, heading: end ? Math.PI : 0 },
    );
    addZone('turf', x0 - ts * 1.5, y0 - ts * 1.5, size + ts * 3, size + ts * 3);
  }

  const streets: StreetGrid = {
    nodesX: o.blocksX + 1,
    nodesY: o.blocksY + 1,
    origin: (o.streetTiles / 2) * ts,
    spacing: period * ts,
    halfWidth: (o.streetTiles / 2) * ts,
  };
  return { ...base, ...indexZones(base, zones), streets, hospital, garages, parking, turfs };
}
