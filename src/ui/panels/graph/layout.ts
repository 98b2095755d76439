/** A node to place: its id (edges name it) and nothing else the layout needs. */
export interface LayoutEdge {
  readonly from: string;
  readonly to: string;
}

/** Where each node goes, and which edges run backwards (they close a cycle). */
export interface Layout {
  /** Node id → layer (column) and row within it, both from 0. */
  readonly at: ReadonlyMap<string, { readonly layer: number; readonly row: number }>;
  readonly layers: number;
  /** The most nodes in one layer. */
  readonly rows: number;
  /** Indexes (into the edges given) of the edges that go from a later layer back to an earlier or the same one. */
  readonly back: ReadonlySet<number>;
}

/**
 * A layered layout for a small directed graph, deterministic for the same input: edges that close a cycle (found by a
 * depth-first search from the nodes in the order given) are set aside, every node goes one layer right of its
 * furthest predecessor, and each layer is ordered by the mean row of its predecessors (then input order).
 */
export function layoutGraph(nodes: readonly string[], edges: readonly LayoutEdge[]): Layout {
  const out = new Map<string, number[]>();
  for (const n of nodes) out.set(n, []);
  edges.forEach((e, i) => out.get(e.from)?.push(i));
  const back = new Set<number>();
  const state = new Map<string, 1 | 2>();
  const visit = (n: string): void => {
    state.set(n, 1);
    for (const i of out.get(n) ?? []) {
      const to = (edges[i] as LayoutEdge).to;
      if (!out.has(to)) continue;
      const s = state.get(to);
      if (s === 1) back.add(i);
      else if (s === undefined) visit(to);
    }
    state.set(n, 2);
  };
  const hasIn = new Set(edges.map((e) => e.to));
  for (const n of nodes) if (!hasIn.has(n) && !state.has(n)) visit(n);
  for (const n of nodes) if (!state.has(n)) visit(n);
  const layer = longestPathLayers(nodes, edges, back);
  return { ...orderRows(nodes, edges, back, layer), back };
}

/** Each node's layer: one past its furthest predecessor over the forward edges (Kahn's order). */
function longestPathLayers(
  nodes: readonly string[],
  edges: readonly LayoutEdge[],
  back: ReadonlySet<number>,
): Map<string, number> {
  const layer = new Map(nodes.map((n) => [n, 0]));
  const indegree = new Map(nodes.map((n) => [n, 0]));
  const forward = edges.filter((e, i) => !back.has(i) && layer.has(e.from) && layer.has(e.to));
  for (const e of forward) indegree.set(e.to, (indegree.get(e.to) as number) + 1);
  const queue = nodes.filter((n) => indegree.get(n) === 0);
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q] as string;
    for (const e of forward) {
      if (e.from !== n) continue;
      layer.set(e.to, Math.max(layer.get(e.to) as number, (layer.get(n) as number) + 1));
      const d = (indegree.get(e.to) as number) - 1;
      indegree.set(e.to, d);
      if (d === 0) queue.push(e.to);
    }
  }
  return layer;
}

/** Rows within each layer, by the mean row of each node's predecessors (barycentre), then input order. */
function orderRows(
  nodes: readonly string[],
  edges: readonly LayoutEdge[],
  back: ReadonlySet<number>,
  layer: ReadonlyMap<string, number>,
): Omit<Layout, 'back'> {
  const layers = Math.max(0, ...layer.values()) + (nodes.length ? 1 : 0);
  const at = new Map<string, { layer: number; row: number }>();
  const order = new Map(nodes.map((n, i) => [n, i]));
  let rows = 0;
  for (let l = 0; l < layers; l++) {
    const here = nodes.filter((n) => layer.get(n) === l);
    const key = new Map<string, number>();
    for (const n of here) {
      const preds = edges
        .filter((e, i) => !back.has(i) && e.to === n && at.has(e.from))
        .map((e) => (at.get(e.from) as { row: number }).row);
      key.set(n, preds.length ? preds.reduce((a, b) => a + b, 0) / preds.length : (order.get(n) as number));
    }
    here.sort(
      (a, b) => (key.get(a) as number) - (key.get(b) as number) || (order.get(a) as number) - (order.get(b) as number),
    );
    here.forEach((n, row) => at.set(n, { layer: l, row }));
    rows = Math.max(rows, here.length);
  }
  return { at, layers, rows };
}
