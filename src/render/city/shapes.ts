import type { CityMap } from '../../game/mapgen';
import { TileKind } from '../../game/tiles';
import type { TileMap } from '../../game/tiles';

/** A rectangle of tiles: column, row, width and height in tiles. */
export interface TileRect {
  tx: number;
  ty: number;
  tw: number;
  th: number;
}

/**
 * Covers every tile for which `match(kind)` holds with few non-overlapping rectangles (greedy: grow right, then
 * down). A rectangular block comes out as one rectangle; a block with a notch as two or three.
 */
export function tileRects(map: TileMap, match: (kind: number) => boolean): TileRect[] {
  const { cols, rows, tiles } = map;
  const used = new Uint8Array(cols * rows);
  const out: TileRect[] = [];
  const free = (tx: number, ty: number) => {
    const kind = tiles[ty * cols + tx];
    return used[ty * cols + tx] === 0 && kind !== undefined && match(kind);
  };
  for (let ty = 0; ty < rows; ty++)
    for (let tx = 0; tx < cols; tx++) {
      if (!free(tx, ty)) continue;
      let tw = 1;
      while (tx + tw < cols && free(tx + tw, ty)) tw++;
      let th = 1;
      grow: while (ty + th < rows) {
        for (let k = 0; k < tw; k++) if (!free(tx + k, ty + th)) break grow;
        th++;
      }
      for (let dy = 0; dy < th; dy++) used.fill(1, (ty + dy) * cols + tx, (ty + dy) * cols + tx + tw);
      out.push({ tx, ty, tw, th });
    }
  return out;
}

/** A stable pseudo-random number in [0, 1) for integer coordinates (decoration only; never the game's RNG). */
export function hash01(a: number, b: number, salt = 0): number {
  let h = Math.imul(a | 0, 0x27d4eb2d) ^ Math.imul(b | 0, 0x165667b1) ^ Math.imul(salt | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Splits big building rectangles into two lots at a stable position, so blocks read as several buildings. */
function lots(rects: TileRect[]): TileRect[] {
  const out: TileRect[] = [];
  for (const r of rects) {
    const h = hash01(r.tx, r.ty, 1);
    if (r.tw >= 5 && r.tw >= r.th) {
      const cut = 2 + Math.floor(h * (r.tw - 3));
      out.push({ ...r, tw: cut }, { ...r, tx: r.tx + cut, tw: r.tw - cut });
    } else if (r.th >= 5) {
      const cut = 2 + Math.floor(h * (r.th - 3));
      out.push({ ...r, th: cut }, { ...r, ty: r.ty + cut, th: r.th - cut });
    } else out.push(r);
  }
  return out;
}

/** The map's rectangles, worked out once and shared by every region. */
export interface MapShapes {
  blocks: TileRect[];
  lots: TileRect[];
  alleys: TileRect[];
  garages: TileRect[];
  hospital: TileRect[];
  parks: TileRect[];
}

/** Finds the map's blocks, building lots, alleys, garages, hospital and parks as rectangles. */
export function mapShapes(map: CityMap): MapShapes {
  const of = (kind: number) => tileRects(map, (k) => k === kind);
  return {
    blocks: tileRects(map, (k) => k !== TileKind.Street),
    lots: lots(of(TileKind.Building)),
    alleys: of(TileKind.Alley),
    garages: of(TileKind.Garage),
    hospital: of(TileKind.Hospital),
    parks: of(TileKind.Park),
  };
}
