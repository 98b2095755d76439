import type { SirenEvent } from '../events';
import type { FactContext, FactGetter, FactScope, Test } from './ruleTypes';
import { compileFact } from './facts';
import type { Comparison, Condition, FactRef } from './format';
import { isFactRef } from './format';
import { operators } from './operators';
import type { Op } from './operators';

/** One condition's verdict with the values it compared: the answer to "why didn't it fire?". */
export interface ExplainNode {
  readonly kind: 'all' | 'any' | 'not' | 'compare';
  readonly pass: boolean;
  /** Human-readable, e.g. `event.source = "goon", expected in ["police"]`. */
  readonly text: string;
  readonly fact?: string;
  readonly op?: string;
  readonly actual?: unknown;
  readonly expected?: unknown;
  readonly children?: readonly ExplainNode[];
}

/** Explains a condition for one event. */
export type Explain = (ev: SirenEvent | null, fc: FactContext) => ExplainNode;

/** Compiles a literal or fact reference into a getter (applying `times` then `plus` to numbers). */
export function compileValue(scope: FactScope, v: unknown): FactGetter {
  if (!isFactRef(v)) return () => v;
  const ref = v;
  const get = compileFact(scope, ref.fact);
  if (ref.times === undefined && ref.plus === undefined) return get;
  const times = ref.times ?? 1;
  const plus = ref.plus ?? 0;
  return (ev, fc) => {
    const x = get(ev, fc);
    return typeof x === 'number' ? x * times + plus : x;
  };
}

const show = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v));
const OP_TEXT: Partial<Record<Op, string>> = { eq: '=', ne: '≠', lt: '<', lte: '≤', gt: '>', gte: '≥' };

/** A condition compiled: its test and its explanation. */
type Compiled = { test: Test; explain: Explain };

/** Compiles a (validated) condition into a test closure and an explain closure. */
export function compileCondition(scope: FactScope, c: Condition): Compiled {
  if ('all' in c) return compileAll(scope, c.all);
  if ('any' in c) return compileAny(scope, c.any);
  if ('not' in c) return compileNot(scope, c.not);
  return compileComparison(scope, c);
}

/** `all`: every part holds (one and two parts get closures of their own, the common cases). */
function compileAll(scope: FactScope, all: readonly Condition[]): Compiled {
  const parts = all.map((x) => compileCondition(scope, x));
  const tests = parts.map((p) => p.test);
  const test: Test =
    tests.length === 1
      ? (tests[0] as Test)
      : tests.length === 2
        ? (
            (a: Test, b: Test): Test =>
            (ev, fc) =>
              a(ev, fc) && b(ev, fc)
          )(tests[0] as Test, tests[1] as Test)
        : (ev, fc) => {
            for (let i = 0; i < tests.length; i++) if (!(tests[i] as Test)(ev, fc)) return false;
            return true;
          };
  return {
    test,
    explain(ev, fc) {
      const children = parts.map((p) => p.explain(ev, fc));
      const pass = children.every((ch) => ch.pass);
      return {
        kind: 'all',
        pass,
        children,
        text: pass
          ? 'all of these hold'
          : `${children.filter((ch) => !ch.pass).length} of ${children.length} do not hold`,
      };
    },
  };
}

/** `any`: at least one part holds. */
function compileAny(scope: FactScope, any: readonly Condition[]): Compiled {
  const parts = any.map((x) => compileCondition(scope, x));
  const tests = parts.map((p) => p.test);
  return {
    test: (ev, fc) => {
      for (let i = 0; i < tests.length; i++) if ((tests[i] as Test)(ev, fc)) return true;
      return false;
    },
    explain(ev, fc) {
      const children = parts.map((p) => p.explain(ev, fc));
      const pass = children.some((ch) => ch.pass);
      return { kind: 'any', pass, children, text: pass ? 'at least one holds' : `none of ${children.length} holds` };
    },
  };
}

/** `not`: the inner condition does not hold. */
function compileNot(scope: FactScope, not: Condition): Compiled {
  const inner = compileCondition(scope, not);
  const t = inner.test;
  return {
    test: (ev, fc) => !t(ev, fc),
    explain(ev, fc) {
      const child = inner.explain(ev, fc);
      return {
        kind: 'not',
        pass: !child.pass,
        children: [child],
        text: child.pass
          ? 'the inner condition holds, so "not" fails'
          : 'the inner condition does not hold, so "not" passes',
      };
    },
  };
}

/** A comparison: the fact against the value by the operator (a literal value gets a specialised closure). */
function compileComparison(scope: FactScope, c: Comparison): Compiled {
  const get = compileFact(scope, c.fact);
  const opTest = operators[c.op].test;
  const valueIsFact = isFactRef(c.value);
  const expected = compileValue(scope, c.value);
  const constant = c.value;
  const test: Test = valueIsFact
    ? (ev, fc) => opTest(get(ev, fc), expected(ev, fc))
    : (specialise(c.fact, c.op, constant, get) ?? ((ev, fc) => opTest(get(ev, fc), constant)));
  const op = c.op;
  return {
    test,
    explain(ev, fc) {
      const actual = get(ev, fc);
      const exp = expected(ev, fc);
      const pass = opTest(actual, exp);
      const rel = OP_TEXT[op]
        ? `expected ${OP_TEXT[op]} ${show(exp)}`
        : op === 'exists'
          ? `expected ${exp === false ? 'absent' : 'present'}`
          : `expected ${op} ${show(exp)}`;
      const via = valueIsFact ? ` (${(c.value as FactRef).fact})` : '';
      return {
        kind: 'compare',
        pass,
        fact: c.fact,
        op,
        actual,
        expected: exp,
        text: `${c.fact} = ${show(actual)}, ${rel}${via}`,
      };
    },
  };
}

type Payload = Record<string, unknown> | undefined;

/**
 * A test with the operator and its constant folded in, for the comparisons rules are mostly made of: numeric
 * comparisons with a number, equality, and membership in a short list. It gives exactly what the generic
 * `operators[op].test(get(…), constant)` gives (a unit test holds it to that), in one closure call instead of three;
 * reading an `event.<field>` is inlined too. Null when there is nothing to gain.
 */
function specialise(fact: string, op: Op, k: unknown, get: FactGetter): Test | null {
  const field = fact.startsWith('event.') ? fact.slice(6) : null;
  if (typeof k === 'number' && (op === 'lt' || op === 'lte' || op === 'gt' || op === 'gte')) {
    // cmp() compares two numbers, or two strings; with a number constant only a number can pass.
    if (field !== null) {
      switch (op) {
        case 'lt':
          return (ev) => {
            const v = (ev?.payload as Payload)?.[field];
            return typeof v === 'number' && v < k;
          };
        case 'lte':
          return (ev) => {
            const v = (ev?.payload as Payload)?.[field];
            return typeof v === 'number' && v <= k;
          };
        case 'gt':
          return (ev) => {
            const v = (ev?.payload as Payload)?.[field];
            return typeof v === 'number' && v > k;
          };
        default:
          return (ev) => {
            const v = (ev?.payload as Payload)?.[field];
            return typeof v === 'number' && v >= k;
          };
      }
    }
    switch (op) {
      case 'lt':
        return (ev, fc) => {
          const v = get(ev, fc);
          return typeof v === 'number' && v < k;
        };
      case 'lte':
        return (ev, fc) => {
          const v = get(ev, fc);
          return typeof v === 'number' && v <= k;
        };
      case 'gt':
        return (ev, fc) => {
          const v = get(ev, fc);
          return typeof v === 'number' && v > k;
        };
      default:
        return (ev, fc) => {
          const v = get(ev, fc);
          return typeof v === 'number' && v >= k;
        };
    }
  }
  if (op === 'eq' || op === 'ne') {
    const eq = op === 'eq';
    if (field !== null) return (ev) => ((ev?.payload as Payload)?.[field] === k) === eq;
    return (ev, fc) => (get(ev, fc) === k) === eq;
  }
  if ((op === 'in' || op === 'notIn') && Array.isArray(k) && k.every((x) => x === null || typeof x !== 'object')) {
    // Array.prototype.includes is SameValueZero; JSON has no NaN, so for these primitives it is ===.
    const yes = op === 'in';
    const list = k as readonly unknown[];
    if (list.length <= 4) {
      const [a, b, c, d] = [list[0], list[1], list[2], list[3]];
      const n = list.length;
      const has = (v: unknown) => v === a || (n > 1 && (v === b || (n > 2 && (v === c || (n > 3 && v === d)))));
      if (field !== null && n === 2)
        return (ev) => {
          const v = (ev?.payload as Payload)?.[field];
          return (v === a || v === b) === yes;
        };
      if (field !== null) return (ev) => has((ev?.payload as Payload)?.[field]) === yes;
      return (ev, fc) => has(get(ev, fc)) === yes;
    }
    const set = new Set(list);
    if (field !== null) return (ev) => set.has((ev?.payload as Payload)?.[field]) === yes;
    return (ev, fc) => set.has(get(ev, fc)) === yes;
  }
  return null;
}
