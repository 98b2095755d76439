/**
 * 64-bit FNV-1a over the canonical JSON (sorted keys) of values, fed character by character so no string is built.
 * Kept as four 16-bit limbs so it is exact in plain JS numbers.
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
  // offset basis 0xcbf29ce484222325 as 16-bit limbs, least significant first
  let h0 = 0x2325,
    h1 = 0x8422,
    h2 = 0x9ce4,
    h3 = 0xcbf2;

  function byte(b: number): void {
    h0 ^= b;
    // multiply by the FNV prime 0x00000100000001b3 = 2^40 + 0x1b3
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3;
    const t2 = h2 * 0x1b3;
    const t3 = h3 * 0x1b3;
    // 2^40 = limb 2 shifted by 8 bits
    let c = t0;
    const n0 = c & 0xffff;
    c = t1 + (c >>> 16);
    const n1 = c & 0xffff;
    c = t2 + (h0 << 8) + Math.floor(c / 65536);
    const n2 = c & 0xffff;
    c = t3 + (h1 << 8) + Math.floor(c / 65536);
    const n3 = c & 0xffff;
    h0 = n0;
    h1 = n1;
    h2 = n2;
    h3 = n3;
  }

  function str(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) byte(c);
      else {
        // UTF-16 code unit in two bytes; stable across machines, which is all the digest needs
        byte(c >>> 8);
        byte(c & 0xff);
      }
    }
  }

  function quoted(s: string): void {
    byte(34);
    str(s);
    byte(34);
  }

  function value(v: unknown): void {
    if (v === null || v === undefined) return str('null');
    switch (typeof v) {
      case 'number':
        return str(Number.isFinite(v) ? String(v) : 'null');
      case 'string':
        return quoted(v);
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
        const o = v as Record<string, unknown>;
        const keys = Object.keys(o).sort();
        byte(123);
        let first = true;
        for (const k of keys) {
          if (o[k] === undefined) continue;
          if (!first) byte(44);
          first = false;
          quoted(k);
          byte(58);
          value(o[k]);
        }
        return byte(125);
      }
      default:
        return str('null');
    }
  }

  return {
    update: value,
    digest() {
      const hex = (n: number) => n.toString(16).padStart(4, '0');
      return hex(h3) + hex(h2) + hex(h1) + hex(h0);
    },
    save: () => [h0, h1, h2, h3],
    restore(state) {
      [h0, h1, h2, h3] = state as [number, number, number, number];
    },
  };
}
