import { len } from './math';
import type { TileMap } from './tiles';
import { i32, u8 } from './typed';

/** Steps from every tile to a goal tile over passable tiles (breadth-first, 4-neighbour). */
export interface PathField {
  /** dist[ty * cols + tx]: steps to the goal, -1 where unreachable or impassable. */
  readonly dist: Int32Array;
  /** BFS work queue (reused). */
  readonly queue: Int32Array;
  /** Goal tile index of the last fill (-1 none). */
  goal: number;
}

/** Creates a path field for a map. */
export function createPathField(map: TileMap): PathField {
  const n = map.cols * map.rows;
  return { dist: new Int32Array(n).fill(-1), queue: new Int32Array(n), goal: -1 };
}

/** Tile index of a position (clamped to the map). */
export function tileIndex(map: TileMap, x: number, y: number): number {
  const tx = Math.min(map.cols - 1, Math.max(0, Math.floor(x / map.tileSize)));
  const ty = Math.min(map.rows - 1, Math.max(0, Math.floor(y / map.tileSize)));
  return ty * map.cols + tx;
}

/** Fills the field with distances to the tile at (gx, gy) over tiles `pass` allows. */
export function fillPathField(map: TileMap, f: PathField, pass: Readonly<Uint8Array>, gx: number, gy: number): void {
  const { dist, queue } = f;
  const { cols, tiles } = map;
  const n = dist.length;
  dist.fill(-1);
  const goal = tileIndex(map, gx, gy);
  f.goal = goal;
  let head = 0;
  let tail = 0;
  dist[goal] = 0;
  queue[tail++] = goal;
  while (head < tail) {
    const k = i32(queue, head++);
    const d = i32(dist, k) + 1;
    const tx = k % cols;
    let nk = k + 1;
    if (tx + 1 < cols && dist[nk] === -1 && pass[u8(tiles, nk)] === 1) {
      dist[nk] = d;
      queue[tail++] = nk;
    }
    nk = k - 1;
    if (tx > 0 && dist[nk] === -1 && pass[u8(tiles, nk)] === 1) {
      dist[nk] = d;
      queue[tail++] = nk;
    }
    nk = k + cols;
    if (nk < n && dist[nk] === -1 && pass[u8(tiles, nk)] === 1) {
      dist[nk] = d;
      queue[tail++] = nk;
    }
    nk = k - cols;
    if (nk >= 0 && dist[nk] === -1 && pass[u8(tiles, nk)] === 1) {
      dist[nk] = d;
      queue[tail++] = nk;
    }
  }
}

/**
 * The direction to walk from (x, y) down the field: towards the centre of the best tile `lookahead` steps ahead
 * (greedy descent). Writes a unit vector into out[0..1] (0, 0 at the goal or when unreachable); returns the distance.
 */
export function descend(
  map: TileMap,
  f: PathField,
  x: number,
  y: number,
  lookahead: number,
  out: Float64Array,
): number {
  const cols = map.cols;
  const start = tileIndex(map, x, y);
  const d0 = i32(f.dist, start);
  out[0] = 0;
  out[1] = 0;
  if (d0 <= 0) return d0;
  let k = start;
  for (let step = 0; step < lookahead; step++) {
    const d = i32(f.dist, k);
    if (d === 0) break;
    const tx = k % cols;
    let next = -1;
    for (let s = 0; s < 4; s++) {
      const nk =
        s === 0 ? (tx + 1 < cols ? k + 1 : -1) : s === 1 ? (tx > 0 ? k - 1 : -1) : s === 2 ? k + cols : k - cols;
      if (nk < 0 || nk >= f.dist.length) continue;
      const nd = i32(f.dist, nk);
      if (nd >= 0 && nd < d && (next < 0 || nd < i32(f.dist, next))) next = nk;
    }
    if (next < 0) break;
    k = next;
  }
  const cx = ((k % cols) + 0.5) * map.tileSize;
  const cy = (Math.floor(k / cols) + 0.5) * map.tileSize;
  const dx = cx - x;
  const dy = cy - y;
  const length = len(dx, dy);
  if (length > 1e-9) {
    out[0] = dx / length;
    out[1] = dy / length;
  }
  return d0;
}
