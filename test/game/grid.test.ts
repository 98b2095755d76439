import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine';
import { buildGrid, createGrid, queryRadius, scanRadius } from '../../src/game';

function brute(x: Float64Array, y: Float64Array, inc: Uint8Array, px: number, py: number, r: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) if (inc[i] && (x[i]! - px) ** 2 + (y[i]! - py) ** 2 <= r * r) out.push(i);
  return out;
}

describe('spatial grid', () => {
  it('finds exactly the items within a radius (against brute force)', () => {
    const rng = createRng(7);
    const n = 500;
    const x = Float64Array.from({ length: n }, () => rng.range(0, 200));
    const y = Float64Array.from({ length: n }, () => rng.range(0, 120));
    const inc = Uint8Array.from({ length: n }, () => (rng.chance(0.9) ? 1 : 0));
    const g = createGrid(200, 120, 8, n);
    buildGrid(g, x, y, inc, n);
    expect(g.count).toBe(inc.reduce((a, b) => a + b, 0));
    const out = new Int32Array(n);
    for (let q = 0; q < 50; q++) {
      const px = rng.range(-10, 210);
      const py = rng.range(-10, 130);
      const r = rng.range(0, 40);
      const k = queryRadius(g, x, y, px, py, r, out);
      expect([...out.subarray(0, k)].sort((a, b) => a - b)).toEqual(brute(x, y, inc, px, py, r));
    }
  });

  it('leaves out excluded items and follows items after a rebuild', () => {
    const x = Float64Array.of(5, 5, 50);
    const y = Float64Array.of(5, 6, 50);
    const inc = Uint8Array.of(1, 0, 1);
    const g = createGrid(100, 100, 10, 3);
    const out = new Int32Array(3);
    buildGrid(g, x, y, inc, 3);
    expect([...out.subarray(0, queryRadius(g, x, y, 5, 5, 3, out))]).toEqual([0]);
    x[2] = 6;
    y[2] = 5;
    buildGrid(g, x, y, inc, 3);
    expect([...out.subarray(0, queryRadius(g, x, y, 5, 5, 3, out))].sort()).toEqual([0, 2]);
  });

  it('clamps positions outside the covered area into the edge cells', () => {
    const x = Float64Array.of(-5, 105);
    const y = Float64Array.of(-5, 50);
    const g = createGrid(100, 100, 10, 2);
    const out = new Int32Array(2);
    buildGrid(g, x, y, Uint8Array.of(1, 1), 2);
    expect(queryRadius(g, x, y, 0, 0, 8, out)).toBe(1);
    expect(out[0]).toBe(0);
  });

  it('stops at the size of the output buffer', () => {
    const n = 20;
    const x = new Float64Array(n).fill(1);
    const y = new Float64Array(n).fill(1);
    const g = createGrid(10, 10, 5, n);
    buildGrid(g, x, y, new Uint8Array(n).fill(1), n);
    expect(queryRadius(g, x, y, 1, 1, 1, new Int32Array(4))).toBe(4);
  });

  it('finds by a scan, without building, the same ids in the same order as a query of the built grid', () => {
    const rng = createRng(11);
    const n = 400;
    // Clustered, with some outside the covered area, so many share a cell and the edge cells are exercised.
    const x = Float64Array.from({ length: n }, () => (rng.chance(0.3) ? rng.range(40, 44) : rng.range(-10, 110)));
    const y = Float64Array.from({ length: n }, () => (rng.chance(0.3) ? rng.range(40, 44) : rng.range(-10, 70)));
    const inc = Uint8Array.from({ length: n }, () => (rng.chance(0.9) ? 1 : 0));
    const g = createGrid(100, 60, 4, n);
    const built = createGrid(100, 60, 4, n);
    buildGrid(built, x, y, inc, n);
    const a = new Int32Array(n);
    const b = new Int32Array(n);
    for (let q = 0; q < 100; q++) {
      const px = rng.range(-10, 110);
      const py = rng.range(-10, 70);
      const r = rng.range(0, 30);
      const k = queryRadius(built, x, y, px, py, r, a);
      expect([...b.subarray(0, scanRadius(g, x, y, inc, n, px, py, r, b))]).toEqual([...a.subarray(0, k)]);
    }
    // The scan never touched the grid's arrays.
    expect(g.count).toBe(0);
    expect(g.cellStart.every((v) => v === 0)).toBe(true);
  });
});
