import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError, parseCondition } from '../../../src/engine';
import { compile, demoCatalogue } from '../helpers';

const demoRules = compile(readFileSync('public/rules/demo.json', 'utf8'), demoCatalogue, 'public/rules/demo.json');

/** The formatted errors of a breakpoint condition on an event type ([] when it is fine). */
function errorsOf(when: string, eventType = 'demo.hit', rules = demoRules): string[] {
  const c = parseCondition(when, demoCatalogue, rules, eventType, 'breakpoint');
  return c.ok ? [] : c.errors.map(formatError);
}

describe('a breakpoint condition', () => {
  it("in the shorthand is checked like a trigger's `when`, located at the column of the bad part", () => {
    expect(errorsOf('event.amount gtt 20')).toEqual([
      'breakpoint:1:14  when.op  unknown operator "gtt"; did you mean "gt"?',
    ]);
    expect(errorsOf('event.amout gt 20')[0]).toMatch(
      /^breakpoint:1:1 {2}when\.fact {2}unknown field "amout".*did you mean "amount"\?$/,
    );
    expect(errorsOf('event.amount gt 20')).toEqual([]);
  });

  it('in JSON is located in its own text', () => {
    const when = '{ "all": [\n  { "fact": "event.amount", "op": "between", "value": 3 }\n] }';
    const errors = errorsOf(when);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^breakpoint:2:55 {2}when\.all\[0\]\.value {2}/);
  });

  it('reads the value as JSON, or a bare word as a string', () => {
    expect(parseCondition('event.amount in [1, 2]', demoCatalogue, demoRules, 'demo.hit', 'b')).toEqual({
      ok: true,
      condition: { fact: 'event.amount', op: 'in', value: [1, 2] },
    });
    expect(parseCondition('  meta.type eq demo.hit ', demoCatalogue, demoRules, 'demo.hit', 'b')).toEqual({
      ok: true,
      condition: { fact: 'meta.type', op: 'eq', value: 'demo.hit' },
    });
    expect(errorsOf('  event.amount gt "x"')[0]).toMatch(/^breakpoint:1:19 {2}when\.value {2}/);
  });

  it('that is neither shorthand nor JSON says what is expected', () => {
    expect(errorsOf('event.amount')).toEqual([
      'breakpoint:1:1  when  expected a condition: "fact op value" (e.g. "event.amount gt 20") or a JSON condition, found "event.amount"',
    ]);
    expect(errorsOf('{ "fact": ')[0]).toMatch(/^breakpoint:1:\d+ {2}\(file\) {2}/);
  });

  it("sees the events the rules declare, and only the condition's own errors", () => {
    const rules = compile(
      JSON.stringify({
        version: 1,
        scenario: 'demo',
        events: [{ type: 'my.event', fields: { n: 'number' } }],
        triggers: [{ id: 't', on: 'my.event', do: [{ behaviour: 'addScore', amount: 1 }] }],
      }),
      demoCatalogue,
    );
    expect(errorsOf('event.n gte 2', 'my.event', rules)).toEqual([]);
    expect(errorsOf('event.m gte 2', 'my.event', rules)).toEqual([
      'breakpoint:1:1  when.fact  unknown field "m" of "my.event" events; did you mean "n"?',
    ]);
    expect(errorsOf('event.__proto__ eq 1')[0]).toMatch(/^breakpoint:1:1 {2}when\.fact {2}unknown field "__proto__"/);
  });
});
