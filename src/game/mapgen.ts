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

/** What the generator builds up as it goes through the blocks. */
interface Draft {
  readonly o: CityMapOptions;
  /** Tiles per block and street together; the map's width in tiles. */
  readonly period: number;
  readonly cols: number;
  readonly tiles: Uint8Array;
  readonly zones: Zone[];
  readonly garages: Spot[];
  readonly parking: Spot[];
  readonly alleyBlocks: { bx: number; by: number; vertical: boolean }[];
}

/** One block being built: its top-left tile, its corner and side in metres. */
interface Block {
  readonly bx: number;
  readonly by: number;
  readonly tx0: number;
  readonly ty0: number;
  readonly x0: number;
  readonly y0: number;
  readonly size: number;
}

function addZone(d: Draft, kind: ZoneKind, x: number, y: number, w: number, h: number): void {
  const n = d.zones.filter((z) => z.kind === kind).length + 1;
  d.zones.push({ id: d.zones.length, name: `${kind}-${n}`, kind, x, y, w, h });
}

/** Sets a w × h rectangle of tiles at (dx0, dy0) inside the block to `k`. */
function fill(d: Draft, b: Block, k: TileKind, dx0: number, dy0: number, w: number, h: number): void {
  for (let dy = dy0; dy < dy0 + h; dy++)
    for (let dx = dx0; dx < dx0 + w; dx++) d.tiles[(b.ty0 + dy) * d.cols + b.tx0 + dx] = k;
}

/** Maybe an alley straight through the middle of the block, across or down. */
function maybeAlley(d: Draft, rng: Rng, b: Block): void {
  if (rng.next() >= d.o.alleyChance) return;
  const { blockTiles: bt, tileSize: ts } = d.o;
  const mid = Math.floor(bt / 2);
  const vertical = rng.chance(0.5);
  if (vertical) fill(d, b, TileKind.Alley, mid, 0, 1, bt);
  else fill(d, b, TileKind.Alley, 0, mid, bt, 1);
  if (vertical) addZone(d, 'alley', b.x0 + mid * ts, b.y0, ts, b.size);
  else addZone(d, 'alley', b.x0, b.y0 + mid * ts, b.size, ts);
  d.alleyBlocks.push({ bx: b.bx, by: b.by, vertical });
}

/** Headings out of a garage on each side: 0 = north, 1 = south, 2 = west, 3 = east. */
const GARAGE_HEADING = [-Math.PI / 2, Math.PI / 2, Math.PI, 0] as const;

/** Maybe a 2 × 2 garage on one side of the block; the side (see GARAGE_HEADING), or -1 when there is none. */
function maybeGarage(d: Draft, rng: Rng, b: Block): number {
  if (rng.next() >= d.o.garageChance) return -1;
  const { blockTiles: bt, tileSize: ts } = d.o;
  const side = rng.int(0, 3);
  const gx = side === 2 ? 0 : side === 3 ? bt - 2 : 1;
  const gy = side === 0 ? 0 : side === 1 ? bt - 2 : 1;
  fill(d, b, TileKind.Garage, gx, gy, 2, 2);
  addZone(d, 'garage', (b.tx0 + gx) * ts, (b.ty0 + gy) * ts, 2 * ts, 2 * ts);
  d.garages.push({ x: (b.tx0 + gx + 1) * ts, y: (b.ty0 + gy + 1) * ts, heading: GARAGE_HEADING[side] ?? 0 });
  return side;
}

/** Maybe a parked car along each side of the block but the garage's. */
function maybeParking(d: Draft, rng: Rng, b: Block, garageSide: number): void {
  const { blockTiles: bt, tileSize: ts } = d.o;
  const { x0, y0, size } = b;
  for (let side = 0; side < 4; side++) {
    if (side === garageSide || !rng.chance(d.o.parkingChance)) continue;
    const along = (rng.int(1, bt - 2) + 0.5) * ts;
    if (side === 0) d.parking.push({ x: x0 + along, y: y0 - ts / 2, heading: 0 });
    else if (side === 1) d.parking.push({ x: x0 + along, y: y0 + size + ts / 2, heading: Math.PI });
    else if (side === 2) d.parking.push({ x: x0 - ts / 2, y: y0 + along, heading: Math.PI / 2 });
    else d.parking.push({ x: x0 + size + ts / 2, y: y0 + along, heading: -Math.PI / 2 });
  }
}

/** Goon turf: some alley blocks; the goons stand at the alley's street end. */
function placeTurfs(d: Draft, rng: Rng): Spot[] {
  const { blockTiles: bt, tileSize: ts, streetTiles } = d.o;
  const turfs: Spot[] = [];
  const pool = d.alleyBlocks.slice();
  for (let k = 0; k < d.o.turfs && pool.length; k++) {
    const [b] = pool.splice(rng.int(0, pool.length - 1), 1);
    if (!b) break;
    const x0 = (b.bx * d.period + streetTiles) * ts;
    const y0 = (b.by * d.period + streetTiles) * ts;
    const size = bt * ts;
    const c = (Math.floor(bt / 2) + 0.5) * ts;
    const end = rng.chance(0.5);
    turfs.push(
      b.vertical
        ? { x: x0 + c, y: end ? y0 - ts / 2 : y0 + size + ts / 2, heading: end ? -Math.PI / 2 : Math.PI / 2 }
        : { x: end ? x0 - ts / 2 : x0 + size + ts / 2, y: y0 + c, heading: end ? Math.PI : 0 },
    );
    addZone(d, 'turf', x0 - ts * 1.5, y0 - ts * 1.5, size + ts * 3, size + ts * 3);
  }
  return turfs;
}

/** Generates a grid city from a seeded RNG: same RNG state, same city. */
export function generateCity(rng: Rng, options: Partial<CityMapOptions> = {}): CityMap {
  const o = { ...defaultMapOptions, ...options };
  const period = o.blockTiles + o.streetTiles;
  const cols = o.blocksX * period + o.streetTiles;
  const rows = o.blocksY * period + o.streetTiles;
  const ts = o.tileSize;
  const base = createTileMap(cols, rows, ts, TileKind.Building);
  const d: Draft = { o, period, cols, tiles: base.tiles, zones: [], garages: [], parking: [], alleyBlocks: [] };
  // Streets: every row and column strip between blocks.
  for (let ty = 0; ty < rows; ty++)
    for (let tx = 0; tx < cols; tx++)
      if (ty % period < o.streetTiles || tx % period < o.streetTiles) base.tiles[ty * cols + tx] = TileKind.Street;

  const bt = o.blockTiles;
  const hbx = rng.int(Math.floor(o.blocksX / 4), Math.max(0, Math.ceil((3 * o.blocksX) / 4) - 1));
  const hby = rng.int(Math.floor(o.blocksY / 4), Math.max(0, Math.ceil((3 * o.blocksY) / 4) - 1));
  let hospital: CityMap['hospital'] = { x: 0, y: 0, w: 0, h: 0, doorX: 0, doorY: 0 };

  for (let by = 0; by < o.blocksY; by++)
    for (let bx = 0; bx < o.blocksX; bx++) {
      const tx0 = bx * period + o.streetTiles;
      const ty0 = by * period + o.streetTiles;
      const b: Block = { bx, by, tx0, ty0, x0: tx0 * ts, y0: ty0 * ts, size: bt * ts };
      const { x0, y0, size } = b;
      if (bx === hbx && by === hby) {
        fill(d, b, TileKind.Hospital, 0, 0, bt, bt);
        hospital = { x: x0, y: y0, w: size, h: size, doorX: x0 + size / 2, doorY: y0 + size + ts / 2 };
        addZone(d, 'hospital', x0, y0 + size, size, ts * 1.5);
        continue;
      }
      if (rng.chance(o.parkChance)) {
        fill(d, b, TileKind.Park, 0, 0, bt, bt);
        addZone(d, 'park', x0, y0, size, size);
        continue;
      }
      maybeAlley(d, rng, b);
      maybeParking(d, rng, b, maybeGarage(d, rng, b));
    }

  const turfs = placeTurfs(d, rng);
  const streets: StreetGrid = {
    nodesX: o.blocksX + 1,
    nodesY: o.blocksY + 1,
    origin: (o.streetTiles / 2) * ts,
    spacing: period * ts,
    halfWidth: (o.streetTiles / 2) * ts,
  };
  const { zones, garages, parking } = d;
  return { ...base, ...indexZones(base, zones), streets, hospital, garages, parking, turfs };
}
