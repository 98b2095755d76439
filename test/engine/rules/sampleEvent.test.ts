import { describe, expect, it } from 'vitest';
import { fitsFieldType, parseSampleEvent } from '../../../src/engine';
import { compile, demoCatalogue as catalogue } from '../helpers';

const DRAFT = compile(
  JSON.stringify({
    version: 1,
    scenario: 'demo',
    triggers: [{ id: 'big-hit', on: 'demo.hit', do: [{ behaviour: 'addScore', amount: 1 }] }],
  }),
  catalogue,
);
const at0 = { tick: 0, seq: 0 };

describe('fitsFieldType', () => {
  it('accepts only finite numbers as numbers, and null only for optional types', () => {
    expect(fitsFieldType(3, 'number')).toBe(true);
    expect(fitsFieldType(Infinity, 'number')).toBe(false);
    expect(fitsFieldType(NaN, 'number?')).toBe(false);
    expect(fitsFieldType(null, 'number')).toBe(false);
    expect(fitsFieldType(null, 'number?')).toBe(true);
    expect(fitsFieldType(null, 'string?')).toBe(true);
    expect(fitsFieldType('3', 'number')).toBe(false);
    expect(fitsFieldType(true, 'boolean')).toBe(true);
    expect(fitsFieldType(0, 'boolean')).toBe(false);
  });

  it('checks every element of a list', () => {
    expect(fitsFieldType([], 'string[]')).toBe(true);
    expect(fitsFieldType(['a', 'b'], 'string[]')).toBe(true);
    expect(fitsFieldType(['a', 1], 'string[]')).toBe(false);
    expect(fitsFieldType([1, 2], 'number[]')).toBe(true);
    expect(fitsFieldType([1, '2'], 'number[]')).toBe(false);
    expect(fitsFieldType('ab', 'string[]')).toBe(false);
  });
});

describe('parseSampleEvent', () => {
  it('accepts a hand-written event, missing fields included, stamped with the tick and next offset', () => {
    const r = parseSampleEvent('{ "type": "demo.hit", "payload": { "amount": 12 } }', catalogue, DRAFT, {
      tick: 50,
      seq: 7,
    });
    expect(r).toEqual({ ok: true, event: { seq: 7, type: 'demo.hit', tick: 50, payload: { amount: 12 } } });
  });

  it('keeps a tick and offset the sample gives, and freezes the event and its payload', () => {
    const r = parseSampleEvent('{ "type": "demo.pulse", "tick": 9, "seq": 3 }', catalogue, null, at0);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.event).toEqual({ seq: 3, type: 'demo.pulse', tick: 9, payload: {} });
    expect(Object.isFrozen(r.event)).toBe(true);
    expect(Object.isFrozen(r.event.payload)).toBe(true);
  });

  it('accepts events the draft declares, any field of one declared without a field list', () => {
    const rules = compile(
      JSON.stringify({
        version: 1,
        scenario: 'demo',
        events: [{ type: 'my.event', fields: { n: 'number' } }, 'my.free'],
        triggers: [{ id: 't', on: 'my.event', do: [{ behaviour: 'addScore', amount: 1 }] }],
      }),
      catalogue,
    );
    expect(parseSampleEvent('{ "type": "my.event", "payload": { "n": 1 } }', catalogue, rules, at0).ok).toBe(true);
    expect(parseSampleEvent('{ "type": "my.free", "payload": { "anything": [1] } }', catalogue, rules, at0).ok).toBe(
      true,
    );
    expect(parseSampleEvent('{ "type": "my.event" }', catalogue, null, at0)).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^unknown event type "my\.event"/)],
    });
  });

  it('rejects a bad sample with every reason, did-you-mean included', () => {
    const r = parseSampleEvent('{ "type": "demo.hitt", "payload": {}, "when": 1 }', catalogue, DRAFT, at0);
    expect(r).toEqual({
      ok: false,
      errors: [
        'unknown key "when"; expected one of "type", "payload", "tick", "seq"',
        'unknown event type "demo.hitt"; did you mean "demo.hit"?',
      ],
    });
    const fields = parseSampleEvent(
      '{ "type": "demo.hit", "payload": { "amout": 1, "target": "one" }, "tick": -1 }',
      catalogue,
      DRAFT,
      at0,
    );
    expect(fields).toEqual({
      ok: false,
      errors: [
        'payload: unknown field "amout" of "demo.hit" events; did you mean "amount"?',
        'payload.target: expected number, found "one"',
        '"tick" must be a whole number ≥ 0',
      ],
    });
    expect(parseSampleEvent('[1]', catalogue, DRAFT, at0)).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('must be a JSON object')],
    });
    expect(parseSampleEvent('{', catalogue, DRAFT, at0)).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('not valid JSON')],
    });
  });

  it('says what is wrong with a missing type, a payload that is not an object and a fractional offset', () => {
    expect(parseSampleEvent('{ "payload": [], "seq": 1.5 }', catalogue, null, at0)).toEqual({
      ok: false,
      errors: [
        '"type" must be an event type, e.g. "damage"',
        '"payload" must be an object of the event\'s fields',
        '"seq" must be a whole number ≥ 0',
      ],
    });
  });

  it('names a field of an event that has none', () => {
    const rules = compile(
      JSON.stringify({
        version: 1,
        scenario: 'demo',
        events: [{ type: 'my.none', fields: {} }],
        triggers: [{ id: 't', on: 'my.none', do: [{ behaviour: 'addScore', amount: 1 }] }],
      }),
      catalogue,
    );
    expect(parseSampleEvent('{ "type": "my.none", "payload": { "x": 1 } }', catalogue, rules, at0)).toEqual({
      ok: false,
      errors: ['payload: "my.none" events have no fields, found "x"'],
    });
  });

  it('"__proto__" as an event type is an unknown event type', () => {
    const r = parseSampleEvent('{ "type": "__proto__" }', catalogue, null, at0);
    expect(r.ok ? [] : r.errors[0]).toMatch(/^unknown event type "__proto__"; expected one of "trigger\.fired"/);
  });

  it('a payload field named like an inherited property is an unknown field', () => {
    const r = parseSampleEvent('{ "type": "demo.hit", "payload": { "toString": 1 } }', catalogue, null, at0);
    expect(r).toEqual({
      ok: false,
      errors: ['payload: unknown field "toString" of "demo.hit" events; expected one of "target", "amount"'],
    });
  });
});
