import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine';
import { createArrayHistory, heldBytes } from '../../src/game';
import type { SavedArrays } from '../../src/game';

function soa(n: number) {
  return {
    count: n,
    x: new Float64Array(n),
    kind: new Uint8Array(n),
    car: new Int32Array(n).fill(-1),
    prevX: new Float64Array(n),
  };
}

type Soa = ReturnType<typeof soa>;

function copy(s: Soa): number[][] {
  return [[...s.x], [...s.kind], [...s.car]];
}

describe('array history', () => {
  it('restores every save exactly, through deltas and fresh full copies, in any order', () => {
    const rng = createRng(3);
    const s = soa(300);
    const h = createArrayHistory(s, { skip: ['prevX'], keyEvery: 4 });
    const saves: SavedArrays[] = [];
    const expected: number[][][] = [];
    for (let t = 0; t < 25; t++) {
      // A few elements change each time, sometimes many.
      const changes = t % 7 === 3 ? 250 : 5;
      for (let k = 0; k < changes; k++) {
        const i = rng.int(0, 299);
        s.x[i] = rng.range(-100, 100);
        if (k % 3 === 0) s.car[i] = rng.int(-1, 50);
      }
      if (t === 5) s.kind[7] = 3;
      saves.push(h.save());
      expected.push(copy(s));
    }
    for (const t of [24, 0, 13, 3, 22, 9, 9, 17]) {
      h.restore(saves[t] as SavedArrays);
      expect(copy(s)).toEqual(expected[t]);
    }
    // After a restore, later saves are told from it and restore as well.
    h.restore(saves[10] as SavedArrays);
    s.x[1] = 42;
    const branch = h.save();
    h.restore(saves[20] as SavedArrays);
    h.restore(branch);
    expect(s.x[1]).toBe(42);
    expect(copy(s).slice(1)).toEqual((expected[10] as number[][]).slice(1));
  });

  it('shares unchanged arrays and stores only what changed', () => {
    const s = soa(1000);
    const h = createArrayHistory(s, { skip: ['prevX'] });
    const first = h.save();
    const full = heldBytes([first]);
    expect(full).toBe(1000 * (8 + 1 + 4));
    // Nothing changed: the next save holds nothing new.
    expect(heldBytes([first, h.save()])).toBe(full);
    // One element changed: a bitmap of 1000 bits and one value.
    s.x[500] = 1;
    expect(heldBytes([first, h.save()])).toBe(full + 125 + 8);
    // Skipped fields are not saved and not restored.
    s.prevX[0] = 9;
    h.restore(first);
    expect(s.prevX[0]).toBe(9);
    expect(s.x[500]).toBe(0);
  });

  it('tells -0 from 0 and keeps NaN', () => {
    const s = soa(4);
    const h = createArrayHistory(s);
    const zero = h.save();
    s.x[0] = -0;
    s.x[1] = NaN;
    const signed = h.save();
    h.restore(zero);
    expect(Object.is(s.x[0], 0)).toBe(true);
    h.restore(signed);
    expect(Object.is(s.x[0], -0)).toBe(true);
    expect(s.x[1]).toBeNaN();
  });

  it('refuses a save of another struct, before writing anything', () => {
    const s = soa(4);
    const h = createArrayHistory(s, { skip: ['prevX'] });
    const other = createArrayHistory({ x: new Float64Array(4) }).save();
    s.x[2] = 5;
    expect(() => h.restore(other)).toThrow(new RangeError('restore: expected a save of 3 arrays, found 1'));
    expect([...s.x]).toEqual([0, 0, 5, 0]);
  });
});
