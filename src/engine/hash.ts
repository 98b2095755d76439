/**
 * The log's fingerprint: a 64-bit hash of a canonical token stream of each value, the same on every machine.
 *
 * A value becomes 32-bit words: a tag word (with a length where there is one), then the content — integers below
 * 2^28 in magnitude in the tag word itself, other numbers as the two halves of their IEEE-754 bits, strings as UTF-16 code units two per word,
 * arrays item by item, objects with their own keys in sorted (code unit) order, skipping undefined values as JSON
 * does; non-finite numbers count as null, as in JSON. Each word goes into two independent 32-bit lanes with
 * murmur3's block step (different seeds and rotations), and the digest applies murmur3's finaliser to both.
 * Events (the log's hot path) go in as the tuple (seq, tick, type, payload, cause) without the envelope's keys, and
 * object keys, event types and trigger ids as one cached word per name.
 *
 * Why not FNV-1a 64 over the JSON text, as before: that is one 64-bit multiply (four 32-bit ones in JavaScript) per
 * character, about 6 ns a character, which made hashing the largest single cost of an event. Words instead of
 * characters, and object keys hashed once and cached, make it several times cheaper; the digest is as stable.
 */
export interface Hasher {
  /** Feeds one value. */
  update(value: unknown): void;
  /** Feeds one event: the tuple (seq, tick, type, payload, cause), the log's hot path. */
  event(ev: SirenEvent): void;
  /** The digest so far as 16 hex digits. */
  digest(): string;
  /** The internal state, to resume hashing later (time travel). */
  save(): readonly number[];
  restore(state: readonly number[]): void;
}

import type { SirenEvent } from './events';

/** Tags: the low 3 bits of a tag word; lengths and counts sit above them. */
export const TAG = { null: 1, false: 2, true: 3, int: 4, float: 5, string: 6, array: 7, object: 0 } as const;

/** Tag words that open an event (with and without a cause); no value's tag word equals them. */
const TAG_EVENT = 0x0e7e0001 << 3;
const TAG_EVENT_CAUSED = 0x0e7e0002 << 3;

/** Integers in [-2^28, 2^28) fit in one word beside their tag; others go in as float64 bits. */
const SMALL_INT = 0x10000000;

const SEED_A = 0x9747b28c | 0;
const SEED_B = 0x2545f491 | 0;
const C1 = 0xcc9e2d51 | 0;
const C2 = 0x1b873593 | 0;

/** murmur3's finaliser: every input bit reaches every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A standalone 32-bit hash of a string (the key cache's entries). */
function keyWord(s: string): number {
  let h = 0x3c6ef372 ^ s.length;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h) | 0;
}

/** Object keys come from a small vocabulary: each is hashed once into one word. Bounded, so odd data cannot grow it. */
const keyCache = new Map<string, number>();
const KEY_CACHE_LIMIT = 4096;

function keyOf(k: string): number {
  let w = keyCache.get(k);
  if (w === undefined) {
    w = keyWord(k);
    if (keyCache.size < KEY_CACHE_LIMIT) keyCache.set(k, w);
  }
  return w;
}

/** Creates a hasher. */
export function createHasher(): Hasher {
  const lanes = createLanes();
  const word = lanes.word;
  const { value, num } = createWalker(word);
  return {
    update: value,
    event(ev) {
      // The envelope's fields are fixed, so they go in without keys; the type and the cause's trigger are names from
      // a small vocabulary, one cached word each.
      const cause = ev.cause;
      word(cause ? TAG_EVENT_CAUSED : TAG_EVENT);
      num(ev.seq);
      num(ev.tick);
      word(keyOf(ev.type));
      value(ev.payload);
      if (cause) {
        num(cause.seq);
        word(keyOf(cause.trigger));
      }
    },
    digest: lanes.digest,
    save: lanes.save,
    restore: lanes.restore,
  };
}

/** The hash state: two 32-bit lanes, fed one word at a time. */
interface Lanes extends Pick<Hasher, 'digest' | 'save' | 'restore'> {
  word(w: number): void;
}

/** Two fresh lanes. */
function createLanes(): Lanes {
  let a = SEED_A;
  let b = SEED_B;
  return {
    /** One word into both lanes (murmur3's block step, with a different rotation and constant in lane b). */
    word(w: number): void {
      let k = Math.imul(w, C1);
      k = (k << 15) | (k >>> 17);
      k = Math.imul(k, C2);
      a ^= k;
      a = (a << 13) | (a >>> 19);
      a = (Math.imul(a, 5) + 0xe6546b64) | 0;
      b ^= k;
      b = (b << 17) | (b >>> 15);
      b = (Math.imul(b, 9) + 0x38b34ae5) | 0;
    },
    digest() {
      const ha = fmix32(a ^ b);
      const hb = fmix32(b + Math.imul(a, 0x27d4eb2d));
      const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
      return hex(ha) + hex(hb);
    },
    // The state as four 16-bit limbs (the format snapshots hold).
    save: () => [a & 0xffff, a >>> 16, b & 0xffff, b >>> 16],
    restore(state) {
      const [a0, a1, b0, b1] = state as [number, number, number, number];
      a = (a1 << 16) | a0;
      b = (b1 << 16) | b0;
    },
  };
}

/** Walks JSON-like values into words, in a canonical order (object keys sorted). */
function createWalker(word: (w: number) => void): { value(v: unknown): void; num(n: number): void } {
  // Keys and values of the objects being walked, one frame per nesting level on a reused stack: no allocation.
  const keys: string[] = [];
  const vals: unknown[] = [];
  let top = 0;
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  const hasOwn = Object.prototype.hasOwnProperty;

  function str(s: string): void {
    const n = s.length;
    word((n << 3) | TAG.string);
    let i = 0;
    for (; i + 1 < n; i += 2) word(s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
    if (i < n) word(s.charCodeAt(i));
  }

  function num(n: number): void {
    if ((n | 0) === n && n >= -SMALL_INT && n < SMALL_INT) word((n << 3) | TAG.int);
    else if (Number.isFinite(n)) {
      f64[0] = n;
      word(TAG.float);
      word(u32[0] as number);
      word(u32[1] as number);
    } else word(TAG.null);
  }

  /** Objects with their own keys in sorted order, skipping undefined values; an insertion sort on the stack frame. */
  function obj(o: Record<string, unknown>): void {
    const base = top;
    for (const k in o) {
      if (!hasOwn.call(o, k)) continue;
      const v = o[k];
      if (v === undefined) continue;
      let j = top++ - 1;
      for (; j >= base && (keys[j] as string) > k; j--) {
        keys[j + 1] = keys[j] as string;
        vals[j + 1] = vals[j];
      }
      keys[j + 1] = k;
      vals[j + 1] = v;
    }
    const end = top;
    word(((end - base) << 3) | TAG.object);
    for (let i = base; i < end; i++) {
      word(keyOf(keys[i] as string));
      value(vals[i]);
    }
    for (let i = base; i < end; i++) vals[i] = undefined;
    top = base;
  }

  function value(v: unknown): void {
    switch (typeof v) {
      case 'number':
        return num(v);
      case 'string':
        return str(v);
      case 'boolean':
        return word(v ? TAG.true : TAG.false);
      case 'object': {
        if (v === null) return word(TAG.null);
        if (Array.isArray(v)) {
          word((v.length << 3) | TAG.array);
          for (let i = 0; i < v.length; i++) value(v[i]);
          return;
        }
        return obj(v as Record<string, unknown>);
      }
      default:
        // undefined (in an array), functions and symbols: null, as JSON writes them.
        return word(TAG.null);
    }
  }

  return { value, num };
}
