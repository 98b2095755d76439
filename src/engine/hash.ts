/**
 * 64-bit FNV-1a over the canonical JSON (sorted keys) of values, fed character by character so no string is built.
 * Kept as two 32-bit halves updated with exact integer arithmetic (Math.imul and 16-bit partial products).
 */
export interface Hasher {
  /** Feeds one value's canonical JSON. */
  update(value: unknown): void;
  /** The digest so far as 16 hex digits. */
  digest(): string;
  /** The internal state, to resume hashing later (time travel). */
  save(): readonly number[];
  restore(state: readonly number[]): void;
}

/** Creates an FNV-1a 64 hasher. */
export function createHasher(): Hasher {
  // offset basis 0xcbf29ce484222325 as two 32-bit halves (int32)
  let hi = 0xcbf29ce4 | 0;
  let lo = 0x84222325 | 0;
  // Keys and values of the objects being walked, one frame per nesting level on a reused stack: no allocation.
  const keys: string[] = [];
  const vals: unknown[] = [];
  let top = 0;
  const digits = new Uint8Array(10);
  const hasOwn = Object.prototype.hasOwnProperty;

  // One step is h = (h ^ b) × prime mod 2^64, prime = 2^40 + 0x1b3. With x = lo ^ b: the new low half is
  // x × 0x1b3 mod 2^32, and the new high half is hi × 0x1b3 + carry(x) + (x << 8) mod 2^32 (the 2^40 term).
  function byte(b: number): void {
    const x = lo ^ b;
    hi = (Math.imul(hi, 0x1b3) + carry(x) + (x << 8)) | 0;
    lo = Math.imul(x, 0x1b3);
  }

  /**
   * Strings, one step per UTF-16 code unit below 0x80 and two (high byte, low byte) above, between `open` and `close`
   * when they are bytes (≥ 0). The state lives in locals for the loop: the chain of steps is the hash's whole cost.
   */
  function str(s: string, open = -1, close = -1): void {
    let h = hi;
    let l = lo;
    if (open >= 0) {
      const x = l ^ open;
      h = (Math.imul(h, 0x1b3) + carry(x) + (x << 8)) | 0;
      l = Math.imul(x, 0x1b3);
    }
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        hi = h;
        lo = l;
        byte(c >>> 8);
        byte(c & 0xff);
        h = hi;
        l = lo;
        continue;
      }
      const x = l ^ c;
      h = (Math.imul(h, 0x1b3) + carry(x) + (x << 8)) | 0;
      l = Math.imul(x, 0x1b3);
    }
    if (close >= 0) {
      const x = l ^ close;
      h = (Math.imul(h, 0x1b3) + carry(x) + (x << 8)) | 0;
      l = Math.imul(x, 0x1b3);
    }
    hi = h;
    lo = l;
  }

  /** Numbers as String(n) would write them; non-negative int32s digit by digit, without building the string. */
  function num(n: number): void {
    if ((n | 0) !== n || n < 0) return str(Number.isFinite(n) ? String(n) : 'null');
    let count = 0;
    do {
      digits[count++] = 48 + (n % 10);
      n = (n / 10) | 0;
    } while (n > 0);
    let h = hi;
    let l = lo;
    while (count > 0) {
      const x = l ^ (digits[--count] as number);
      h = (Math.imul(h, 0x1b3) + carry(x) + (x << 8)) | 0;
      l = Math.imul(x, 0x1b3);
    }
    hi = h;
    lo = l;
  }

  /** Objects with their own keys in sorted order, skipping undefined values; an insertion sort on the stack frame. */
  function obj(o: Record<string, unknown>): void {
    const base = top;
    for (const k in o) {
      if (!hasOwn.call(o, k)) continue;
      const v = o[k];
      let j = top++ - 1;
      for (; j >= base && (keys[j] as string) > k; j--) {
        keys[j + 1] = keys[j] as string;
        vals[j + 1] = vals[j];
      }
      keys[j + 1] = k;
      vals[j + 1] = v;
    }
    const end = top;
    byte(123);
    let first = true;
    for (let i = base; i < end; i++) {
      const v = vals[i];
      if (v === undefined) continue;
      if (!first) byte(44);
      first = false;
      str(keys[i] as string, 34, 34);
      byte(58);
      value(v);
    }
    for (let i = base; i < end; i++) vals[i] = undefined;
    top = base;
    byte(125);
  }

  function value(v: unknown): void {
    if (v === null || v === undefined) return str('null');
    switch (typeof v) {
      case 'number':
        return num(v);
      case 'string':
        return str(v, 34, 34);
      case 'boolean':
        return str(v ? 'true' : 'false');
      case 'object': {
        if (Array.isArray(v)) {
          byte(91);
          for (let i = 0; i < v.length; i++) {
            if (i) byte(44);
            value(v[i]);
          }
          return byte(93);
        }
        return obj(v as Record<string, unknown>);
      }
      default:
        return str('null');
    }
  }

  return {
    update: value,
    digest() {
      const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
      return hex(hi) + hex(lo);
    },
    // The state as four 16-bit limbs, least significant first (the format snapshots have always held).
    save: () => [lo & 0xffff, lo >>> 16, hi & 0xffff, hi >>> 16],
    restore(state) {
      const [h0, h1, h2, h3] = state as [number, number, number, number];
      lo = (h1 << 16) | h0;
      hi = (h3 << 16) | h2;
    },
  };
}

/** High 32 bits of x (as an unsigned 32-bit number) × 0x1b3, in 16-bit halves so every step stays exact. */
function carry(x: number): number {
  return ((x >>> 16) * 0x1b3 + (((x & 0xffff) * 0x1b3) >>> 16)) >>> 16;
}
