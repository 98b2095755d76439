import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, operatorNames, operators } from '../../../src/engine';
import { compileCondition } from '../../../src/engine/rules/compileCondition';
import type { Condition } from '../../../src/engine/rules/format';
import type { FactContext, FactScope } from '../../../src/engine/rules/facts';
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
