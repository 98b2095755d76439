/** A comparison operator: how it reads, what `value` it expects, and the test itself. */
export interface OperatorDef {
  readonly description: string;
  /** What `value` must be: any JSON value, a number, a [min, max] pair, a non-empty array, a string, a boolean, or nothing. */
  readonly value: 'any' | 'number' | 'range' | 'array' | 'string' | 'boolean?';
  readonly test: (actual: unknown, expected: unknown) => boolean;
}

const num = (v: unknown): v is number => typeof v === 'number';
const cmp = (f: (a: number, b: number) => boolean) => (a: unknown, b: unknown) =>
  (num(a) && num(b) && f(a, b)) || (typeof a === 'string' && typeof b === 'string' && f(a.localeCompare(b), 0));

/** Every operator a comparison may use, keyed by name. */
export const operators = {
  eq: { description: 'equal to value', value: 'any', test: (a, b) => a === b },
  ne: { description: 'not equal to value', value: 'any', test: (a, b) => a !== b },
  lt: { description: 'less than value', value: 'number', test: cmp((a, b) => a < b) },
  lte: { description: 'less than or equal to value', value: 'number', test: cmp((a, b) => a <= b) },
  gt: { description: 'greater than value', value: 'number', test: cmp((a, b) => a > b) },
  gte: { description: 'greater than or equal to value', value: 'number', test: cmp((a, b) => a >= b) },
  between: {
    description: 'within [min, max], inclusive',
    value: 'range',
    test: (a, b) => num(a) && Array.isArray(b) && a >= (b[0] as number) && a <= (b[1] as number),
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
    description: 'present and not equal to the value (or to any value of an array), like EventBridge',
    value: 'any',
    test: (a, b) => a !== undefined && a !== null && (Array.isArray(b) ? !b.includes(a) : a !== b),
  },
  exists: {
    description: 'the fact is present (value true, the default) or absent (value false)',
    value: 'boolean?',
    test: (a, b) => (a !== undefined && a !== null) === (b !== false),
  },
  startsWith: {
    description: 'a string that starts with value',
    value: 'string',
    test: (a, b) => typeof a === 'string' && typeof b === 'string' && a.startsWith(b),
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
