import { describe, expect, it } from 'vitest';
import { createHasher } from '../../src/engine';

/** An independent FNV-1a 64 over a byte list, with BigInt. */
function fnv1a64(bytes: Iterable<number>): string {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** The bytes the hasher feeds for a string: ASCII as itself, other UTF-16 code units as two bytes, high first. */
function bytesOf(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out.push(c);
    else out.push(c >>> 8, c & 0xff);
  }
  return out;
}

/** JSON with object keys sorted at every level. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );
}

const digestOf = (...values: unknown[]) => {
  const h = createHasher();
  for (const v of values) h.update(v);
  return h.digest();
};

describe('FNV-1a 64 hash', () => {
  it('the reference implementation matches the published FNV-1a 64 vectors', () => {
    expect(fnv1a64([])).toBe('cbf29ce484222325');
    expect(fnv1a64(bytesOf('a'))).toBe('af63dc4c8601ec8c');
    expect(fnv1a64(bytesOf('foobar'))).toBe('85944171f73967e8');
  });

  it('starts at the FNV offset basis', () => {
    expect(createHasher().digest()).toBe('cbf29ce484222325');
  });

  it('hashes a number as its JSON text (so 1 hashes like the bytes "1")', () => {
    expect(digestOf(1)).toBe(fnv1a64(bytesOf('1')));
    expect(digestOf(-2.5e-7)).toBe(fnv1a64(bytesOf(JSON.stringify(-2.5e-7))));
  });

  it('hashes a value as FNV-1a 64 of its canonical (sorted-key) JSON', () => {
    const value = { type: 'demo.hit', seq: 12, tick: 3, payload: { target: 2, amount: 17, tags: ['a', 'b'], ok: true, none: null } };
    const text = canonical(value);
    expect(text).toBe('{"payload":{"amount":17,"none":null,"ok":true,"tags":["a","b"],"target":2},"seq":12,"tick":3,"type":"demo.hit"}');
    expect(digestOf(value)).toBe(fnv1a64(bytesOf(text)));
  });

  it('hashes a stream of values as the concatenation of their canonical JSON', () => {
    const values = [{ b: 1, a: 2 }, 'x', [1, 2, 3], false];
    expect(digestOf(...values)).toBe(fnv1a64(bytesOf(values.map(canonical).join(''))));
  });

  it('hashes non-ASCII text by UTF-16 code unit, the same on every machine', () => {
    const value = { name: 'héllo ✓ 🚓' };
    expect(digestOf(value)).toBe(fnv1a64(bytesOf(canonical(value))));
  });

  it('skips undefined object fields like JSON, and writes non-finite numbers as null', () => {
    expect(digestOf({ a: 1, b: undefined })).toBe(digestOf({ a: 1 }));
    expect(digestOf([NaN, Infinity])).toBe(fnv1a64(bytesOf('[null,null]')));
  });

  it('save and restore resume the hash exactly', () => {
    const h = createHasher();
    h.update({ a: 1 });
    const state = h.save();
    const mid = h.digest();
    h.update('more');
    const full = h.digest();
    h.restore(state);
    expect(h.digest()).toBe(mid);
    h.update('more');
    expect(h.digest()).toBe(full);
  });
});
