import { u8 } from './typed';

/** Kinds of map tile, one byte each in `TileMap.tiles`. */
export const TileKind = {
  /** Road and pavement: walkable, drivable, see-through. */
  Street: 0,
  /** A building: blocks movement and sight. */
  Building: 1,
  /** A narrow alley through a block: walkable (not drivable), see-through but dark (short sight range). */
  Alley: 2,
  /** A garage opening onto a street: walkable and drivable; whoever is inside is hidden from sight. */
  Garage: 3,
  /** The hospital building: blocks movement and sight; the respawn point is on the street in front. */
  Hospital: 4,
  /** A park: walkable, drivable, see-through. */
  Park: 5,
} as const;

/** A tile kind value. */
export type TileKind = (typeof TileKind)[keyof typeof TileKind];

/** Names of the tile kinds, indexed by value. */
export const tileNames = ['street', 'building', 'alley', 'garage', 'hospital', 'park'] as const;

/** 1 where people on foot may stand, by tile kind. */
export const WALKABLE: Readonly<Uint8Array> = Uint8Array.of(1, 0, 1, 1, 0, 1);
/** 1 where cars may drive, by tile kind. */
export const DRIVABLE: Readonly<Uint8Array> = Uint8Array.of(1, 0, 0, 1, 0, 1);
/** 1 where tiles stop sight lines, by tile kind. */
export const OPAQUE: Readonly<Uint8Array> = Uint8Array.of(0, 1, 0, 1, 1, 0);

/** Whether tile `t` of a row-major tile array stops sight lines (false past its end). */
export function isOpaque(tiles: Uint8Array, t: number): boolean {
  const kind = tiles[t];
  return kind !== undefined && OPAQUE[kind] === 1;
}

/** A grid of square tiles; positions are in metres, x to the right, y down, tile (0,0) at the origin. */
export interface TileMap {
  /** Tiles across and down. */
  readonly cols: number;
  readonly rows: number;
  /** Edge of one tile in metres. */
  readonly tileSize: number;
  /** Size of the whole map in metres (cols × tileSize, rows × tileSize). */
  readonly width: number;
  readonly height: number;
  /** Tile kinds, row-major: tiles[ty * cols + tx]. */
  readonly tiles: Uint8Array;
}

/** Creates an empty map filled with one kind. */
export function createTileMap(
  cols: number,
  rows: number,
  tileSize: number,
  fill: TileKind = TileKind.Building,
): TileMap {
  const tiles = new Uint8Array(cols * rows).fill(fill);
  return { cols, rows, tileSize, width: cols * tileSize, height: rows * tileSize, tiles };
}

/** The tile kind at a position in metres; outside the map counts as a building. */
export function tileAt(map: TileMap, x: number, y: number): number {
  const tx = Math.floor(x / map.tileSize);
  const ty = Math.floor(y / map.tileSize);
  if (tx < 0 || ty < 0 || tx >= map.cols || ty >= map.rows) return TileKind.Building;
  return u8(map.tiles, ty * map.cols + tx);
}

/** True when a square of half-size r centred on (x, y) lies wholly on tiles that `pass` allows. */
export function isClear(map: TileMap, pass: Readonly<Uint8Array>, x: number, y: number, r: number): boolean {
  return (
    pass[tileAt(map, x - r, y - r)] === 1 &&
    pass[tileAt(map, x + r, y - r)] === 1 &&
    pass[tileAt(map, x - r, y + r)] === 1 &&
    pass[tileAt(map, x + r, y + r)] === 1
  );
}
