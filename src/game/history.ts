/**
 * Snapshots of a struct of typed arrays for time travel, stored as deltas: each save keeps only the elements that
 * changed since the previous save (a bitmap and their new values), an array that did not change shares the previous
 * version outright, and every `keyEvery` deltas an array is copied whole so a restore replays a bounded chain.
 * A city where most things stand still or move along one axis keeps a fraction of what full copies would.
 */

import { u8 } from './typed';

/** A typed array a struct of arrays may hold. */
export type NumberArray =
  Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

/** One saved version of one array: a full copy, or what changed since an earlier version. Never modified once made. */
interface Version {
  /** The version this one changes; null when `values` is a full copy. */
  readonly base: Version | null;
  /** Deltas between this version and its full copy (0 for a full copy). */
  readonly depth: number;
  /** Bit i is set when element i changed since `base` (empty for a full copy). */
  readonly changed: Uint8Array;
  /** The full copy, or the new values of the changed elements in index order. */
  readonly values: NumberArray;
}

/** What `save` returns: opaque, immutable, safe to keep for as long as one likes. */
export interface SavedArrays {
  readonly versions: readonly Version[];
}

/** Saves and restores the typed arrays of one struct of arrays. */
export interface ArrayHistory {
  /** Saves every tracked array's current contents. */
  save(): SavedArrays;
  /** Writes a save back into the live arrays, in place; later saves are told as changes from it. */
  restore(saved: SavedArrays): void;
}

/** Options: which fields to leave out (derived ones, rewritten every tick before they are read) and the longest delta chain. */
export interface ArrayHistoryOptions {
  readonly skip?: readonly string[];
  readonly keyEvery?: number;
}

type Ctor = new (n: number) => NumberArray;

const EMPTY = new Uint8Array(0);

/** One tracked array, what its last save (or restore) holds element for element, and that save's version. */
interface Tracked {
  readonly live: NumberArray;
  readonly shadow: NumberArray;
  last: Version | null;
  /** Scratch for one delta: its bitmap and values, sliced to size when done. */
  readonly changed: Uint8Array;
  readonly values: NumberArray;
}

function track(a: NumberArray): Tracked {
  const values = new (a.constructor as Ctor)(a.length);
  return { live: a, shadow: a.slice(), last: null, changed: new Uint8Array((a.length + 7) >> 3), values };
}

/** Tracks every typed array of `soa` (its fields that are ArrayBuffer views, except `skip`). */
export function createArrayHistory(soa: object, options: ArrayHistoryOptions = {}): ArrayHistory {
  const skip = new Set(options.skip ?? []);
  const keyEvery = options.keyEvery ?? 32;
  const tracked: Tracked[] = [];
  for (const [k, v] of Object.entries(soa))
    if (ArrayBuffer.isView(v) && !skip.has(k)) tracked.push(track(v as NumberArray));
  return {
    save: () => ({ versions: tracked.map((t) => saveOne(t, keyEvery)) }),
    restore(saved) {
      const found = saved.versions.length;
      const wrong = () => new RangeError(`restore: expected a save of ${tracked.length} arrays, found ${found}`);
      if (found !== tracked.length) throw wrong();
      for (const [k, t] of tracked.entries()) {
        const v = saved.versions[k];
        if (v === undefined) throw wrong();
        materialise(v, t.live);
        t.shadow.set(t.live);
        t.last = v;
      }
    },
  };
}

/** Saves one tracked array: its previous version when nothing changed, else a delta or a fresh full copy. */
function saveOne(t: Tracked, keyEvery: number): Version {
  const { live: a, last: prev, changed, values } = t;
  let v: Version;
  if (prev === null) v = fullCopy(a);
  else {
    const count = diff(a, t.shadow, changed, values);
    if (count === 0) return prev;
    // A chain at its longest, or a delta bigger than a full copy, starts afresh.
    if (prev.depth + 1 >= keyEvery || count + changed.length / a.BYTES_PER_ELEMENT >= a.length) v = fullCopy(a);
    else v = { base: prev, depth: prev.depth + 1, changed: changed.slice(), values: values.slice(0, count) };
  }
  t.shadow.set(a);
  t.last = v;
  return v;
}

function fullCopy(a: NumberArray): Version {
  return { base: null, depth: 0, changed: EMPTY, values: a.slice() };
}

/**
 * Marks in `changed` the elements of `a` that differ from `was` and writes their values, in index order, into
 * `values`; returns how many. Exact: -0 and +0 differ (1/x tells them apart) and NaN always counts as changed.
 */
function diff(a: NumberArray, was: NumberArray, changed: Uint8Array, values: NumberArray): number {
  changed.fill(0);
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = was[i];
    if (x === undefined || y === undefined)
      throw new RangeError(`save: expected a copy of ${a.length} elements, found ${was.length}`);
    if (x === y && (x !== 0 || 1 / x === 1 / y)) continue;
    changed[i >> 3] = u8(changed, i >> 3) | (1 << (i & 7));
    values[count++] = x;
  }
  return count;
}

/** Bytes held by the distinct versions the saves reach (deltas, the full copies they build on, shared ones once). */
export function heldBytes(saves: Iterable<SavedArrays>): number {
  const seen = new Set<Version>();
  let bytes = 0;
  for (const s of saves)
    for (const top of s.versions)
      for (let v: Version | null = top; v !== null && !seen.has(v); v = v.base) {
        seen.add(v);
        bytes += v.values.byteLength + v.changed.byteLength;
      }
  return bytes;
}

/** Writes version v into `out`: its full copy, then each delta after it, oldest first. */
function materialise(v: Version, out: NumberArray): void {
  const chain: Version[] = []; // the deltas, newest first
  let key = v;
  while (key.base !== null) {
    chain.push(key);
    key = key.base;
  }
  out.set(key.values);
  for (const { changed, values } of chain.reverse()) {
    let j = 0;
    for (let b = 0; b < changed.length; b++) {
      let m = u8(changed, b);
      while (m !== 0) {
        const low = m & -m;
        const value = values[j++];
        if (value === undefined)
          throw new RangeError(`restore: a delta's bitmap marks more than its ${values.length} values`);
        out[(b << 3) + 31 - Math.clz32(low)] = value;
        m ^= low;
      }
    }
  }
}
