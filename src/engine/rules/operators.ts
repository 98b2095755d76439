/** A comparison operator: how it reads, what `value` it expects, and the test itself. */
export interface OperatorDef {
  readonly description: string;
  /** What `value` must be: any JSON value, a number, a [min, max] pair, a non-empty array, a string, a boolean, or nothing. */
  readonly value: 'any' | 'number' | 'range' | 'array' | 'string' | 'boolean?';
  readonly test: (actual: unknown, expected: unknown) => boolean;
}

const num = (v: unknown): v is number => typeof v === 'number';
const str = (v: unknown): v is string => typeof v === 'string';

/**
 * Orders two strings by Unicode code point (never by locale, so every machine agrees): -1, 0 or 1. UTF-16 units are
 * compared with surrogates moved above U+E000–U+FFFF, which is code point order.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800) x += x <= 0xdfff ? 0x2000 : -0x800;
    if (y >= 0xd800) y += y <= 0xdfff ? 0x2000 : -0x800;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Two numbers compared as numbers, or two strings by code point; anything else (a number with a string) never holds. */
const cmp = (f: (a: number, b: number) => boolean) => (a: unknown, b: unknown) =>
  (num(a) && num(b) && f(a, b)) || (str(a) && str(b) && f(compareCodePoints(a, b), 0));

/** Present, in EventBridge's sense: not absent, not null, not an empty array. */
const present = (a: unknown) => a !== undefined && a !== null && !(Array.isArray(a) && a.length === 0);

/** A `{ "startsWith": … }` or `{ "endsWith": … }` pattern, as `anythingBut` takes. */
export type AffixPattern = { readonly startsWith: string } | { readonly endsWith: string };

/** True when `b` is an affix pattern object. */
export function isAffixPattern(b: unknown): b is AffixPattern {
  if (typeof b !== 'object' || b === null || Array.isArray(b)) return false;
  const keys = Object.keys(b);
  return keys.length === 1 && (keys[0] === 'startsWith' || keys[0] === 'endsWith') && str(Object.values(b)[0]);
}

const matchesAffix = (a: string, b: AffixPattern) =>
  'startsWith' in b ? a.startsWith(b.startsWith) : a.endsWith(b.endsWith);

/** `anythingBut`: a present value that is not the value, not in the array, or (a string) not matching the pattern. */
function anythingBut(a: unknown, b: unknown): boolean {
  if (!present(a)) return false;
  if (Array.isArray(b)) return !b.includes(a);
  if (isAffixPattern(b)) return str(a) && !matchesAffix(a, b);
  return a !== b;
}

/** `between`: two numbers, or two strings in code point order, within [min, max] inclusive. */
function between(a: unknown, b: unknown): boolean {
  if (!Array.isArray(b)) return false;
  const [lo, hi] = b as unknown[];
  if (num(a)) return num(lo) && num(hi) && a >= lo && a <= hi;
  return str(a) && str(lo) && str(hi) && compareCodePoints(a, lo) >= 0 && compareCodePoints(a, hi) <= 0;
}

/** Every operator a comparison may use, keyed by name. */
export const operators = {
  eq: { description: 'equal to value', value: 'any', test: (a, b) => a === b },
  ne: { description: 'not equal to value', value: 'any', test: (a, b) => a !== b },
  lt: { description: 'less than value', value: 'number', test: cmp((a, b) => a < b) },
  lte: { description: 'less than or equal to value', value: 'number', test: cmp((a, b) => a <= b) },
  gt: { description: 'greater than value', value: 'number', test: cmp((a, b) => a > b) },
  gte: { description: 'greater than or equal to value', value: 'number', test: cmp((a, b) => a >= b) },
  between: {
    description: 'within [min, max], inclusive: numbers, or strings in code point order',
    value: 'range',
    test: between,
  },
  in: {
    description: 'one of the values in the array',
    value: 'array',
    test: (a, b) => Array.isArray(b) && b.includes(a),
  },
  notIn: {
    description: 'none of the values in the array',
    value: 'array',
    test: (a, b) => Array.isArray(b) && !b.includes(a),
  },
  anythingBut: {
    description:
      'present and not equal to the value (or to any value of an array), or a string not matching {"startsWith": …} or {"endsWith": …}, like EventBridge',
    value: 'any',
    test: anythingBut,
  },
  exists: {
    description:
      'the fact is present (value true, the default) or absent (value false); null and an empty array count as absent',
    value: 'boolean?',
    test: (a, b) => present(a) === (b !== false),
  },
  startsWith: {
    description: 'a string that starts with value',
    value: 'string',
    test: (a, b) => typeof a === 'string' && typeof b === 'string' && a.startsWith(b),
  },
  endsWith: {
    description: 'a string that ends with value',
    value: 'string',
    test: (a, b) => typeof a === 'string' && typeof b === 'string' && a.endsWith(b),
  },
  contains: {
    description: 'a string containing value, or an array containing it',
    value: 'any',
    test: (a, b) =>
      typeof a === 'string' && typeof b === 'string' ? a.includes(b) : Array.isArray(a) && a.includes(b),
  },
} satisfies Record<string, OperatorDef>;

/** An operator name. */
export type Op = keyof typeof operators;

/** The names of all operators. */
export const operatorNames = Object.keys(operators) as Op[];
