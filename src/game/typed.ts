/**
 * Checked reads from typed arrays, for indices the caller knows are in range (an agent below `count`, the player at
 * 0, a named slot of a register array, a 2-element scratch vector). `a[i]` is typed `number | undefined`; casting it
 * to number would let a wrong index become NaN far from the mistake, so these throw a RangeError at the read instead.
 * One function per element type, and never a generic one: each stays monomorphic in V8, so in a per-agent loop it
 * costs what the bare read does (a single reader fed every kind of array runs many times slower).
 */

/** Element i of a Float64Array; throws a RangeError when i is not an index of it. */
export function f64(a: Float64Array, i: number): number {
  const v = a[i];
  if (v === undefined) throw outOfRange('Float64Array', a.length, i);
  return v;
}

/** Element i of a Float32Array; throws a RangeError when i is not an index of it. */
export function f32(a: Float32Array, i: number): number {
  const v = a[i];
  if (v === undefined) throw outOfRange('Float32Array', a.length, i);
  return v;
}

/** Element i of an Int32Array; throws a RangeError when i is not an index of it. */
export function i32(a: Int32Array, i: number): number {
  const v = a[i];
  if (v === undefined) throw outOfRange('Int32Array', a.length, i);
  return v;
}

/** Element i of a Uint8Array; throws a RangeError when i is not an index of it. */
export function u8(a: Uint8Array, i: number): number {
  const v = a[i];
  if (v === undefined) throw outOfRange('Uint8Array', a.length, i);
  return v;
}

function outOfRange(kind: string, length: number, i: number): RangeError {
  const found = `found ${String(i)}`;
  if (length === 0) return new RangeError(`read from an empty ${kind}: expected no index, ${found}`);
  return new RangeError(`read from ${kind}(${length}): expected an index 0 … ${length - 1}, ${found}`);
}
