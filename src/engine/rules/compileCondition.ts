import type { SirenEvent } from '../events';
import type { FactContext, FactGetter, FactScope } from './facts';
import { compileFact } from './facts';
import type { Condition, FactRef } from './format';
import { isFactRef } from './format';
import { operators } from './operators';
import type { Op } from './operators';

/** A compiled condition: a fast test. */
export type Test = (ev: SirenEvent | null, fc: FactContext) => boolean;

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
  const ref = v as FactRef;
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

/** Compiles a (validated) condition into a test closure and an explain closure. */
export function compileCondition(scope: FactScope, c: Condition): { test: Test; explain: Explain } {
  if ('all' in c) {
    const parts = c.all.map((x) => compileCondition(scope, x));
    const tests = parts.map((p) => p.test);
    const test: Test =
      tests.length === 1
        ? (tests[0] as Test)
        : tests.length === 2
          ? ((a: Test, b: Test): Test => (ev, fc) => a(ev, fc) && b(ev, fc))(tests[0] as Test, tests[1] as Test)
          : (ev, fc) => {
              for (let i = 0; i < tests.length; i++) if (!(tests[i] as Test)(ev, fc)) return false;
              return true;
            };
    return {
      test,
      explain(ev, fc) {
        const children = parts.map((p) => p.explain(ev, fc));
        const pass = children.every((ch) => ch.pass);
        return { kind: 'all', pass, children, text: pass ? 'all of these hold' : `${children.filter((ch) => !ch.pass).length} of ${children.length} do not hold` };
      },
    };
  }
  if ('any' in c) {
    const parts = c.any.map((x) => compileCondition(scope, x));
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
  if ('not' in c) {
    const inner = compileCondition(scope, c.not);
    const t = inner.test;
    return {
      test: (ev, fc) => !t(ev, fc),
      explain(ev, fc) {
        const child = inner.explain(ev, fc);
        return { kind: 'not', pass: !child.pass, children: [child], text: child.pass ? 'the inner condition holds, so "not" fails' : 'the inner condition does not hold, so "not" passes' };
      },
    };
  }
  const get = compileFact(scope, c.fact);
  const opTest = operators[c.op].test;
  const valueIsFact = isFactRef(c.value);
  const expected = compileValue(scope, c.value);
  const constant = c.value;
  const test: Test = valueIsFact ? (ev, fc) => opTest(get(ev, fc), expected(ev, fc)) : (ev, fc) => opTest(get(ev, fc), constant);
  const op = c.op;
  return {
    test,
    explain(ev, fc) {
      const actual = get(ev, fc);
      const exp = expected(ev, fc);
      const pass = opTest(actual, exp);
      const rel = OP_TEXT[op] ? `expected ${OP_TEXT[op]} ${show(exp)}` : op === 'exists' ? `expected ${exp === false ? 'absent' : 'present'}` : `expected ${op} ${show(exp)}`;
      const via = valueIsFact ? ` (${(c.value as FactRef).fact})` : '';
      return { kind: 'compare', pass, fact: c.fact, op, actual, expected: exp, text: `${c.fact} = ${show(actual)}, ${rel}${via}` };
    },
  };
}
