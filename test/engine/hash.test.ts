import { describe, expect, it } from 'vitest';
import { createHasher } from '../../src/engine';

/** murmur3's finaliser, written out independently. */
function fmix(h: number): number {
  h = (h ^ (h >>> 16)) >>> 0;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h = (h ^ (h >>> 13)) >>> 0;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 32-bit key word, as the hasher's key cache computes it. */
function keyWord(s: string): number {
  let h = (0x3c6ef372 ^ s.length) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return fmix(h);
}

const T = { object: 0, null: 1, false: 2, true: 3, int: 4, float: 5, string: 6, array: 7 };

/** The word stream of a value, built the slow, obvious way (sorted keys, JSON's treatment of undefined and NaN). */
function tokens(v: unknown, out: number[] = []): number[] {
  if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') out.push(T.null);
  else if (typeof v === 'boolean') out.push(v ? T.true : T.false);
  else if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= -(2 ** 28) && v < 2 ** 28) out.push(((v << 3) | T.int) >>> 0);
    else if (!Number.isFinite(v)) out.push(T.null);
    else {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, v, true);
      out.push(T.float, view.getUint32(0, true), view.getUint32(4, true));
    }
  } else if (typeof v === 'string') {
    out.push((v.length << 3) | T.string);
    for (let i = 0; i < v.length; i += 2)
      out.push(v.charCodeAt(i) | (i + 1 < v.length ? v.charCodeAt(i + 1) << 16 : 0));
  } else if (Array.isArray(v)) {
    out.push((v.length << 3) | T.array);
    for (const x of v) tokens(x, out);
  } else {
    const entries = Object.entries(v as object)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out.push((entries.length << 3) | T.object);
    for (const [k, x] of entries) {
      out.push(keyWord(k));
      tokens(x, out);
    }
  }
  return out;
}

/** The two lanes folded over a word stream, and the digest, written out independently with unsigned arithmetic. */
function reference(words: readonly number[]): string {
  const rotl = (x: number, r: number) => ((x << r) | (x >>> (32 - r))) >>> 0;
  let a = 0x9747b28c;
  let b = 0x2545f491;
  for (const w of words) {
    let k = Math.imul(w, 0xcc9e2d51) >>> 0;
    k = rotl(k, 15);
    k = Math.imul(k, 0x1b873593) >>> 0;
    a = rotl((a ^ k) >>> 0, 13);
    a = (Math.imul(a, 5) + 0xe6546b64) >>> 0;
    b = rotl((b ^ k) >>> 0, 17);
    b = (Math.imul(b, 9) + 0x38b34ae5) >>> 0;
  }
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fmix((a ^ b) >>> 0)) + hex(fmix((b + Math.imul(a, 0x27d4eb2d)) >>> 0));
}

const digestOf = (...values: unknown[]) => {
  const h = createHasher();
  for (const v of values) h.update(v);
  return h.digest();
};

describe('the log hash', () => {
  it('starts from the digest of no words', () => {
    expect(createHasher().digest()).toBe(reference([]));
  });

  it('hashes a value as its canonical word stream: tags, int32s, float bits, strings two code units a word, sorted keys', () => {
    const value = {
      type: 'demo.hit',
      seq: 12,
      tick: 3,
      payload: { target: 2, amount: 17.5, tags: ['a', 'bc'], ok: true, none: null },
    };
    expect(digestOf(value)).toBe(reference(tokens(value)));
    expect(digestOf(1)).toBe(reference([(1 << 3) | T.int]));
    expect(digestOf(-3)).toBe(reference([((-3 << 3) | T.int) >>> 0]));
    expect(digestOf(2 ** 30)).toBe(reference(tokens(2 ** 30)));
    expect(digestOf(-2.5e-7)).toBe(reference(tokens(-2.5e-7)));
    expect(digestOf('abc')).toBe(reference([(3 << 3) | T.string, (0x62 << 16) | 0x61, 0x63]));
  });

  it('hashes a stream of values as the concatenation of their word streams', () => {
    const values = [{ b: 1, a: 2 }, 'x', [1, 2, 3], false, 2 ** 40];
    expect(digestOf(...values)).toBe(reference(values.flatMap((v) => tokens(v))));
  });

  it('is canonical: key order does not matter, content does', () => {
    expect(digestOf({ x: 1, y: { b: 2, a: 1 } })).toBe(digestOf({ y: { a: 1, b: 2 }, x: 1 }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ b: 1 }));
    expect(digestOf(['ab'])).not.toBe(digestOf(['a', 'b']));
    expect(digestOf(1)).not.toBe(digestOf('1'));
    expect(digestOf(1)).not.toBe(digestOf(1.5));
  });

  it('hashes non-ASCII text by UTF-16 code unit, the same on every machine', () => {
    const value = { name: 'héllo ✓ 🚓' };
    expect(digestOf(value)).toBe(reference(tokens(value)));
  });

  it('skips undefined object fields like JSON, and hashes non-finite numbers and holes as null', () => {
    expect(digestOf({ a: 1, b: undefined })).toBe(digestOf({ a: 1 }));
    expect(digestOf([NaN, Infinity, undefined])).toBe(digestOf([null, null, null]));
  });

  it("an event's fast path is the tuple (seq, tick, type, payload, cause), distinct from hashing the object", () => {
    const ev = { seq: 7, tick: 2, type: 'demo.hit', payload: { amount: 3, target: 1 } };
    const caused = { ...ev, cause: { seq: 5, trigger: 'hurt' } };
    const h = createHasher();
    h.event(ev);
    h.event(caused);
    const digest = (v: number[]) => reference(v);
    expect(h.digest()).toBe(
      digest([
        0x0e7e0001 << 3,
        ...tokens(7),
        ...tokens(2),
        keyWord('demo.hit'),
        ...tokens(ev.payload),
        0x0e7e0002 << 3,
        ...tokens(7),
        ...tokens(2),
        keyWord('demo.hit'),
        ...tokens(ev.payload),
        ...tokens(5),
        keyWord('hurt'),
      ]),
    );
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
