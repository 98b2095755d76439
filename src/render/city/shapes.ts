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
  const free = (tx: number, ty: number) => used[ty * cols + tx] === 0 && match(tiles[ty * cols + tx]);
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

/** Runs of matching tiles along each row (for flat fills where outlines do not matter). */
export function tileRuns(map: TileMap, match: (kind: number) => boolean): TileRect[] {
  const { cols, rows, tiles } = map;
  const out: TileRect[] = [];
  for (let ty = 0; ty < rows; ty++) {
    let tx = 0;
    while (tx < cols) {
      if (!match(tiles[ty * cols + tx])) {
        tx++;
        continue;
      }
      const start = tx;
      while (tx < cols && match(tiles[ty * cols + tx])) tx++;
      out.push({ tx: start, ty, tw: tx - start, th: 1 });
    }
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
