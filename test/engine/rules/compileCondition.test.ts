import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, operatorNames, operators } from '../../../src/engine';
import { compileCondition, compileValue } from '../../../src/engine/rules/compileCondition';
import type { Condition } from '../../../src/engine/rules/format';
import type { FactContext, FactScope } from '../../../src/engine/rules/ruleTypes';
import type { Op } from '../../../src/engine/rules/operators';

// compileCondition folds common comparisons into one closure. These properties hold every folded test to exactly
// what the operator table says, for facts read from the event and from the world.
const scope: FactScope = { eventType: 'lab.ping', spec: undefined, anyFields: true };
const SPECIALISED: Op[] = ['lt', 'lte', 'gt', 'gte', 'eq', 'ne', 'in', 'notIn'];

const primitive = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.constantFrom('a', 'b', 'red', '', '3'),
  fc.boolean(),
  fc.constant(null),
);
const actual = fc.oneof(
  primitive,
  fc.string({ unit: 'binary', maxLength: 3 }),
  fc.constant(undefined),
  fc.constant([]),
  fc.constant([1]),
  fc.constant({ a: 1 }),
);
const constant = fc.oneof(primitive, fc.array(primitive, { minLength: 1, maxLength: 7 }));
// Every operator, with the values it takes: the generic path is held to the table as well as the folded one.
const anyConstant = fc.oneof(
  constant,
  fc.string({ unit: 'binary', maxLength: 3 }),
  fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })),
  fc.tuple(fc.constantFrom('a', 'b', 'é'), fc.constantFrom('b', 'z', '\u{1F600}')),
  fc.record({ startsWith: fc.constantFrom('a', 'r', '') }),
  fc.record({ endsWith: fc.constantFrom('d', 'e', '') }),
);

describe('specialised comparisons', () => {
  it('give the same verdict as the operator table, for event and world facts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SPECIALISED), constant, actual, (op, value, v) => {
        const expected = operators[op].test(v, value);
        const onEvent = compileCondition(scope, { fact: 'event.x', op, value } as Condition).test;
        const onWorld = compileCondition(scope, { fact: 'world.x', op, value } as Condition).test;
        const ev = { seq: 0, type: 'lab.ping', tick: 0, payload: v === undefined ? {} : { x: v } };
        const facts: FactContext = { world: v === undefined ? {} : { x: v }, entity: () => undefined };
        expect(onEvent(ev, facts)).toBe(expected);
        expect(onWorld(null, facts)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("every operator, folded or not, gives the operator table's verdict", () => {
    fc.assert(
      fc.property(fc.constantFrom(...operatorNames), anyConstant, actual, (op, value, v) => {
        const expected = operators[op].test(v, value);
        const onEvent = compileCondition(scope, { fact: 'event.x', op, value } as Condition).test;
        const ev = { seq: 0, type: 'lab.ping', tick: 0, payload: v === undefined ? {} : { x: v } };
        expect(onEvent(ev, { world: {}, entity: () => undefined })).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('string ordering agrees with comparing code points one by one', () => {
    const points = (s: string) => Array.from(s, (c) => c.codePointAt(0) as number);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 4 }), (a, b) => {
        const [x, y] = [points(a), points(b)];
        let order = x.length - y.length;
        for (let i = 0; i < Math.min(x.length, y.length); i++)
          if (x[i] !== y[i]) {
            order = (x[i] as number) - (y[i] as number);
            break;
          }
        expect(operators.lt.test(a, b)).toBe(order < 0);
        expect(operators.gte.test(a, b)).toBe(order >= 0);
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(order));
      }),
      { numRuns: 3000 },
    );
  });

  it('read a missing event as undefined, like the generic path', () => {
    const test = compileCondition(scope, { fact: 'event.x', op: 'ne', value: 1 } as Condition).test;
    expect(test(null, { world: {}, entity: () => undefined })).toBe(operators.ne.test(undefined, 1));
  });
});

describe('compileValue', () => {
  const ev = { seq: 4, type: 'lab.ping', tick: 9, payload: { n: 5, name: 'x' } };
  const facts: FactContext = { world: { level: 2 }, entity: () => undefined };

  it('a literal is itself, a fact reference reads the fact', () => {
    expect(compileValue(scope, [1, 2])(ev, facts)).toEqual([1, 2]);
    expect(compileValue(scope, { fact: 'event.n' })(ev, facts)).toBe(5);
    expect(compileValue(scope, { fact: 'world.level' })(null, facts)).toBe(2);
  });

  it('applies times, then plus, to a number only', () => {
    expect(compileValue(scope, { fact: 'event.n', times: -2, plus: 1 })(ev, facts)).toBe(-9);
    expect(compileValue(scope, { fact: 'event.n', plus: 0.5 })(ev, facts)).toBe(5.5);
    expect(compileValue(scope, { fact: 'event.name', times: 3 })(ev, facts)).toBe('x');
    expect(compileValue(scope, { fact: 'event.gone', times: 3 })(ev, facts)).toBeUndefined();
  });
});

describe('explaining a condition', () => {
  const facts: FactContext = { world: { level: 3, name: 'lab' }, entity: () => undefined };
  const ev = { seq: 0, type: 'lab.ping', tick: 0, payload: { n: 20, source: 'goon' } };
  const explain = (c: unknown) => compileCondition(scope, c as Condition).explain(ev, facts);

  it('a comparison shows the actual value, the operator and the expected value', () => {
    expect(explain({ fact: 'event.n', op: 'gte', value: 15 })).toEqual({
      kind: 'compare',
      pass: true,
      fact: 'event.n',
      op: 'gte',
      actual: 20,
      expected: 15,
      text: 'event.n = 20, expected ≥ 15',
    });
    expect(explain({ fact: 'event.source', op: 'in', value: ['police'] }).text).toBe(
      'event.source = "goon", expected in ["police"]',
    );
    expect(explain({ fact: 'event.gone', op: 'eq', value: 1 })).toMatchObject({
      pass: false,
      text: 'event.gone = missing, expected = 1',
    });
  });

  it('says "present" or "absent" for exists, and names a fact the value is read from', () => {
    expect(explain({ fact: 'event.gone', op: 'exists', value: false })).toMatchObject({
      pass: true,
      text: 'event.gone = missing, expected absent',
    });
    expect(explain({ fact: 'event.n', op: 'exists', value: true }).text).toBe('event.n = 20, expected present');
    expect(explain({ fact: 'event.n', op: 'gt', value: { fact: 'world.level', times: 10 } })).toMatchObject({
      pass: false,
      expected: 30,
      text: 'event.n = 20, expected > 30 (world.level)',
    });
  });

  it('all, any and not explain each part and how many failed', () => {
    const yes = { fact: 'world.level', op: 'eq', value: 3 };
    const no = { fact: 'world.name', op: 'ne', value: 'lab' };
    const all = explain({ all: [yes, no, no] });
    expect(all).toMatchObject({ kind: 'all', pass: false, text: '2 of 3 do not hold' });
    expect(all.children?.map((c) => c.pass)).toEqual([true, false, false]);
    expect(explain({ all: [yes] })).toMatchObject({ pass: true, text: 'all of these hold' });
    expect(explain({ any: [no, yes] })).toMatchObject({ kind: 'any', pass: true, text: 'at least one holds' });
    expect(explain({ any: [no, no] })).toMatchObject({ pass: false, text: 'none of 2 holds' });
    expect(explain({ not: yes })).toMatchObject({
      kind: 'not',
      pass: false,
      text: 'the inner condition holds, so "not" fails',
    });
    expect(explain({ not: no })).toMatchObject({
      pass: true,
      text: 'the inner condition does not hold, so "not" passes',
    });
  });

  it('the test and the explanation agree for groups of one, two and many parts', () => {
    const part = (v: number) => ({ fact: 'event.n', op: 'gt', value: v });
    for (const parts of [[part(1)], [part(1), part(30)], [part(1), part(2), part(3)], [part(1), part(2), part(99)]]) {
      for (const c of [{ all: parts }, { any: parts }, { not: { all: parts } }]) {
        const compiled = compileCondition(scope, c as Condition);
        expect(compiled.test(ev, facts)).toBe(compiled.explain(ev, facts).pass);
      }
    }
  });
});
