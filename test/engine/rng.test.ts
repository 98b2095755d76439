import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine';

const take = (n: number, f: () => number) => Array.from({ length: n }, f);

describe('seeded rng', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(take(100, a.next)).toEqual(take(100, b.next));
  });

  it('gives different sequences for different seeds (0 and 2^32-1 included)', () => {
    const seqs = [0, 1, 2, 0xffffffff].map((s) => take(8, createRng(s).next).join());
    expect(new Set(seqs).size).toBe(4);
  });

  it('is the same on every machine: a fixed seed gives fixed numbers', () => {
    const r = createRng(1);
    const first = take(3, r.next);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    // sfc32 works in 32-bit integers, so the values are exact multiples of 2^-32.
    expect(first.every((x) => Number.isInteger(x * 2 ** 32))).toBe(true);
  });

  it('save and restore replay the sequence from that point', () => {
    const r = createRng(7);
    take(13, r.next);
    const state = r.save();
    const after = take(50, r.next);
    r.restore(state);
    expect(take(50, r.next)).toEqual(after);
    const other = createRng(999);
    other.restore(state);
    expect(take(50, other.next)).toEqual(after);
  });

  it('a saved state is a copy: drawing more does not change it', () => {
    const r = createRng(3);
    const state = r.save();
    const copy = [...state];
    take(10, r.next);
    expect([...state]).toEqual(copy);
  });

  it('int, range, pick and chance stay in their bounds', () => {
    const r = createRng(5);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(1, 3);
      expect(n >= 1 && n <= 3 && Number.isInteger(n)).toBe(true);
      const x = r.range(-2, 2);
      expect(x >= -2 && x < 2).toBe(true);
      expect(['a', 'b']).toContain(r.pick(['a', 'b']));
    }
    expect(take(1000, () => (r.chance(0) ? 1 : 0)).every((x) => x === 0)).toBe(true);
    expect(take(1000, () => (r.chance(1) ? 1 : 0)).every((x) => x === 1)).toBe(true);
    const ints = new Set(take(300, () => r.int(1, 3)));
    expect([...ints].sort()).toEqual([1, 2, 3]);
  });
});
