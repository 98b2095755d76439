import { describe, expect, it } from 'vitest';
import { f32, f64, i32, u8 } from '../../src/game';

describe('checked typed-array reads', () => {
  it('return the element at an index in range, as the bare read does', () => {
    expect(f64(Float64Array.of(1.5, -0.25), 1)).toBe(-0.25);
    expect(f32(Float32Array.of(0.5, 2), 0)).toBe(0.5);
    expect(i32(Int32Array.of(7, -3, 9), 1)).toBe(-3);
    expect(u8(Uint8Array.of(0, 255), 1)).toBe(255);
    expect(Object.is(f64(Float64Array.of(-0), 0), -0)).toBe(true);
    expect(f64(Float64Array.of(NaN), 0)).toBeNaN();
  });

  it('throw a RangeError naming the index and the range instead of yielding undefined', () => {
    const a = new Float64Array(3);
    expect(() => f64(a, 3)).toThrow(new RangeError('read from Float64Array(3): expected an index 0 … 2, found 3'));
    expect(() => i32(new Int32Array(4), -1)).toThrow(
      new RangeError('read from Int32Array(4): expected an index 0 … 3, found -1'),
    );
    expect(() => u8(new Uint8Array(2), 0.5)).toThrow(
      new RangeError('read from Uint8Array(2): expected an index 0 … 1, found 0.5'),
    );
    expect(() => f32(new Float32Array(0), 0)).toThrow(
      new RangeError('read from an empty Float32Array: expected no index, found 0'),
    );
    expect(() => f64(a, NaN)).toThrow(RangeError);
  });
});
