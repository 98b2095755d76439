/** The street network of a grid city: straight streets crossing at regular intersections. */
export interface StreetGrid {
  /** Intersections across (blocks + 1) and down. */
  readonly nodesX: number;
  readonly nodesY: number;
  /** Centreline of the first street, in metres (same on both axes). */
  readonly origin: number;
  /** Metres between neighbouring centrelines. */
  readonly spacing: number;
  /** Half the width of a street (kerb to centreline), in metres. */
  readonly halfWidth: number;
}

const EPS = 1e-6;

/** x (or y) of centreline i. */
export function lineAt(s: StreetGrid, i: number): number {
  return s.origin + i * s.spacing;
}

/** Index of the nearest centreline to a coordinate, clamped to the grid. */
export function nearestLine(s: StreetGrid, v: number, count: number): number {
  return Math.max(0, Math.min(count - 1, Math.round((v - s.origin) / s.spacing)));
}

/** Writes into out[0..1] the nearest point on any street centreline to (x, y). */
export function snapToStreet(s: StreetGrid, x: number, y: number, out: Float64Array): void {
  const lx = lineAt(s, nearestLine(s, x, s.nodesX));
  const ly = lineAt(s, nearestLine(s, y, s.nodesY));
  const maxX = lineAt(s, s.nodesX - 1);
  const maxY = lineAt(s, s.nodesY - 1);
  const cx = Math.max(s.origin, Math.min(maxX, x));
  const cy = Math.max(s.origin, Math.min(maxY, y));
  // Either on vertical line lx at height cy, or on horizontal line ly at cx: take the nearer.
  if (Math.abs(x - lx) + Math.abs(y - cy) <= Math.abs(y - ly) + Math.abs(x - cx)) {
    out[0] = lx;
    out[1] = cy;
  } else {
    out[0] = cx;
    out[1] = ly;
  }
}

function onVertical(s: StreetGrid, x: number): boolean {
  return Math.abs(x - lineAt(s, nearestLine(s, x, s.nodesX))) < EPS;
}

function onHorizontal(s: StreetGrid, y: number): boolean {
  return Math.abs(y - lineAt(s, nearestLine(s, y, s.nodesY))) < EPS;
}

/**
 * Where a vehicle on the network at (x, y) should head next to reach target (tx, ty), itself on the network:
 * straight to it when they share a street, else to the next intersection of an L-shaped shortest route.
 * Writes the waypoint into out[0..1]. A vehicle off the network heads for the nearest centreline first.
 */
export function nextWaypoint(s: StreetGrid, x: number, y: number, tx: number, ty: number, out: Float64Array): void {
  const vx = onVertical(s, x);
  const hy = onHorizontal(s, y);
  if (!vx && !hy) return snapToStreet(s, x, y, out);
  const tvx = onVertical(s, tx);
  const thy = onHorizontal(s, ty);
  // Same street: drive straight there.
  if ((vx && tvx && Math.abs(x - tx) < EPS) || (hy && thy && Math.abs(y - ty) < EPS)) {
    out[0] = tx;
    out[1] = ty;
    return;
  }
  const i = nearestLine(s, x, s.nodesX);
  const j = nearestLine(s, y, s.nodesY);
  if (vx && hy) {
    // At an intersection: move along the axis that brings us onto the target's street.
    const ti = nearestLine(s, tx, s.nodesX);
    const tj = nearestLine(s, ty, s.nodesY);
    const stepX = Math.sign(ti - i);
    const stepY = Math.sign(tj - j);
    // Target on a horizontal street: first get to its row; on a vertical street: first get to its column.
    const goRow = thy && !tvx ? stepY !== 0 : tvx && !thy ? stepX === 0 : Math.abs(ty - y) >= Math.abs(tx - x);
    if (goRow && stepY !== 0) {
      out[0] = x;
      out[1] = lineAt(s, j + stepY);
    } else if (stepX !== 0) {
      out[0] = lineAt(s, i + stepX);
      out[1] = y;
    } else {
      out[0] = x;
      out[1] = lineAt(s, j + stepY);
    }
    return;
  }
  // Mid-block: head for whichever end of the segment is nearer the target.
  if (vx) {
    const a = lineAt(s, Math.floor((y - s.origin) / s.spacing));
    const b = a + s.spacing;
    out[0] = x;
    out[1] = Math.abs(a - ty) + Math.abs(x - tx) <= Math.abs(b - ty) + Math.abs(x - tx) ? a : b;
  } else {
    const a = lineAt(s, Math.floor((x - s.origin) / s.spacing));
    const b = a + s.spacing;
    out[0] = Math.abs(a - tx) <= Math.abs(b - tx) ? a : b;
    out[1] = y;
  }
}
