import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operators } from '../../../src/engine';
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
const actual = fc.oneof(primitive, fc.constant(undefined), fc.constant([1]), fc.constant({ a: 1 }));
const constant = fc.oneof(primitive, fc.array(primitive, { minLength: 1, maxLength: 7 }));

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

  it('read a missing event as undefined, like the generic path', () => {
    const test = compileCondition(scope, { fact: 'event.x', op: 'ne', value: 1 } as Condition).test;
    expect(test(null, { world: {}, entity: () => undefined })).toBe(operators.ne.test(undefined, 1));
  });
});
