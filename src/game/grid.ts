import { f64, i32 } from './typed';

/**
 * A uniform spatial grid over point items (agents), rebuilt each tick with a counting sort:
 * no allocation after creation, O(n) to build, queries touch only the cells a circle overlaps.
 */
export interface SpatialGrid {
  readonly cellSize: number;
  readonly cols: number;
  readonly rows: number;
  /** cellStart[c] .. cellStart[c + 1]: the slice of `items` in cell c. */
  readonly cellStart: Int32Array;
  /** Item ids sorted by cell. */
  readonly items: Int32Array;
  /** Cell of each item id (-1 when not in the grid). */
  readonly cellOf: Int32Array;
  /** Items in the grid after the last build. */
  count: number;
  /** A caller's stamp of the last build (e.g. the tick), so it can build lazily, at most once per tick. */
  builtAt: number;
}

/** Creates a grid covering width × height metres for up to `capacity` items. */
export function createGrid(width: number, height: number, cellSize: number, capacity: number): SpatialGrid {
  const cols = Math.max(1, Math.ceil(width / cellSize));
  const rows = Math.max(1, Math.ceil(height / cellSize));
  return {
    cellSize,
    cols,
    rows,
    cellStart: new Int32Array(cols * rows + 1),
    items: new Int32Array(capacity),
    cellOf: new Int32Array(capacity),
    count: 0,
    builtAt: -1,
  };
}

/** The cell of a point; points outside the covered area go to the nearest edge cell. */
function cellIndex(g: SpatialGrid, x: number, y: number): number {
  // Truncation is floor for x ≥ 0, and anything below 0 is clamped to cell 0 either way; it is much cheaper.
  const cx = (x / g.cellSize) | 0;
  const cy = (y / g.cellSize) | 0;
  return (cy < 0 ? 0 : cy >= g.rows ? g.rows - 1 : cy) * g.cols + (cx < 0 ? 0 : cx >= g.cols ? g.cols - 1 : cx);
}

/** Rebuilds the grid from positions; items with include[i] === 0 are left out. */
export function buildGrid(g: SpatialGrid, x: Float64Array, y: Float64Array, include: Uint8Array, n: number): void {
  const { cellStart, items, cellOf } = g;
  const cells = g.cols * g.rows;
  cellStart.fill(0);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (include[i] === 0) {
      cellOf[i] = -1;
      continue;
    }
    const c = cellIndex(g, f64(x, i), f64(y, i));
    cellOf[i] = c;
    cellStart[c + 1] = i32(cellStart, c + 1) + 1;
    count++;
  }
  for (let c = 0; c < cells; c++) cellStart[c + 1] = i32(cellStart, c + 1) + i32(cellStart, c);
  // Place items using a running cursor per cell, kept in `items` order by scanning ids ascending (deterministic).
  const cursor = cellStart; // shift trick: fill then restore
  for (let i = 0; i < n; i++) {
    const c = i32(cellOf, i);
    if (c < 0) continue;
    const at = i32(cursor, c);
    items[at] = i;
    cursor[c] = at + 1;
  }
  // cursor[c] now equals the old cellStart[c + 1]; shift back by one cell.
  for (let c = cells; c > 0; c--) cellStart[c] = i32(cellStart, c - 1);
  cellStart[0] = 0;
  g.count = count;
}

/**
 * The ids `queryRadius` would return from `g` built now over (x, y, include), in the same order (cell by cell,
 * ascending within a cell), found without building it: one pass over the items, which costs several times less than
 * a build, so it wins whenever a tick makes only a query or two. Only `g`'s geometry is used. When more than
 * out.length items match, the lowest ids are the ones kept (queryRadius keeps the first cells').
 */
export function scanRadius(
  g: SpatialGrid,
  x: Float64Array,
  y: Float64Array,
  include: Uint8Array,
  n: number,
  px: number,
  py: number,
  r: number,
  out: Int32Array,
): number {
  const r2 = r * r;
  let k = 0;
  for (let i = 0; i < n && k < out.length; i++) {
    if (include[i] === 0) continue;
    const dx = f64(x, i) - px;
    const dy = f64(y, i) - py;
    if (dx * dx + dy * dy > r2) continue;
    out[k++] = i;
  }
  // Into grid order: a stable insertion sort by cell (ids were found ascending, so they stay ascending within a cell).
  for (let a = 1; a < k; a++) {
    const id = i32(out, a);
    const c = cellIndex(g, f64(x, id), f64(y, id));
    let b = a - 1;
    for (; b >= 0; b--) {
      const other = i32(out, b);
      if (cellIndex(g, f64(x, other), f64(y, other)) <= c) break;
      out[b + 1] = other;
    }
    out[b + 1] = id;
  }
  return k;
}

/**
 * Writes into `out` the ids of items within `r` metres of (px, py) and returns how many (at most out.length).
 * Ids come cell by cell, ascending within a cell.
 */
export function queryRadius(
  g: SpatialGrid,
  x: Float64Array,
  y: Float64Array,
  px: number,
  py: number,
  r: number,
  out: Int32Array,
): number {
  const cs = g.cellSize;
  // Both ends clamped into the grid: items outside the covered area sit in its edge cells, even when the whole
  // circle lies outside it.
  const cx0 = Math.min(g.cols - 1, Math.max(0, Math.floor((px - r) / cs)));
  const cy0 = Math.min(g.rows - 1, Math.max(0, Math.floor((py - r) / cs)));
  const cx1 = Math.min(g.cols - 1, Math.max(0, Math.floor((px + r) / cs)));
  const cy1 = Math.min(g.rows - 1, Math.max(0, Math.floor((py + r) / cs)));
  const r2 = r * r;
  let n = 0;
  for (let cy = cy0; cy <= cy1; cy++)
    for (let cx = cx0; cx <= cx1; cx++) {
      const c = cy * g.cols + cx;
      const end = i32(g.cellStart, c + 1);
      for (let k = i32(g.cellStart, c); k < end; k++) {
        const i = i32(g.items, k);
        const dx = f64(x, i) - px;
        const dy = f64(y, i) - py;
        if (dx * dx + dy * dy > r2) continue;
        if (n >= out.length) return n;
        out[n++] = i;
      }
    }
  return n;
}
