import { describe, expect, it } from 'vitest';
import { MAX_WINDOW_EVENTS } from '../../../src/engine';
import type { CompiledTrigger, FactContext } from '../../../src/engine';
import { compile, labRules } from '../helpers';

const does = [{ behaviour: 'note' }];
const ids = (list: readonly CompiledTrigger[] | undefined) => list?.map((t) => t.id);
const fc: FactContext = { world: { level: 4 }, entity: () => undefined };
const ping = { seq: 0, type: 'lab.ping', tick: 0, payload: { n: 3, name: 'alpha' } };

describe('compileRules', () => {
  it('indexes event triggers by type in firing order: priority first, then file order', () => {
    const rules = labRules([
      { id: 'a', on: 'lab.ping', do: does },
      { id: 'b', on: 'lab.hit', do: does },
      { id: 'c', on: 'lab.ping', priority: 5, do: does },
      { id: 'd', on: 'lab.ping', priority: -1, do: does },
      { id: 'e', on: 'lab.ping', do: does },
    ]);
    expect(ids(rules.byType.get('lab.ping'))).toEqual(['c', 'a', 'e', 'd']);
    expect(ids(rules.byType.get('lab.hit'))).toEqual(['b']);
    expect(ids(rules.triggers)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(rules.byId.get('d')?.index).toBe(3);
    expect(rules.byType.has('trigger.fired')).toBe(false);
  });

  it('keeps state and timer triggers apart from event triggers, each in firing order', () => {
    const rules = labRules([
      { id: 's1', while: { fact: 'world.flag', op: 'eq', value: true }, do: does },
      { id: 't1', every: 2, do: does },
      { id: 's2', while: { fact: 'world.level', op: 'gt', value: 1 }, for: 1.5, priority: 2, do: does },
      { id: 'p', on: 'lab.ping', do: does },
    ]);
    expect(ids(rules.stateTriggers)).toEqual(['s2', 's1']);
    expect(ids(rules.timerTriggers)).toEqual(['t1']);
    expect([...rules.byType.keys()]).toEqual(['lab.ping']);
    expect(rules.byId.get('s1')).toMatchObject({ mode: 'while', on: null, forTicks: 0 });
    expect(rules.byId.get('s2')?.forTicks).toBe(90);
    expect(rules.byId.get('t1')).toMatchObject({ mode: 'every', on: null, everyTicks: 120 });
  });

  it('fills in defaults and turns seconds into whole ticks, rounding up', () => {
    const [plain, timed] = labRules([
      { id: 'plain', on: 'lab.ping', do: does },
      { id: 'timed', on: 'lab.ping', cooldown: 0.5, delay: 0.01, once: true, enabled: false, do: does },
    ]).triggers;
    expect(plain).toMatchObject({
      mode: 'on',
      on: 'lab.ping',
      priority: 0,
      once: false,
      enabled: true,
      cooldownTicks: 0,
      delayTicks: 0,
      forTicks: 0,
      everyTicks: 1,
      test: null,
      explain: null,
      cost: 0,
    });
    expect(timed).toMatchObject({ once: true, enabled: false, cooldownTicks: 30, delayTicks: 1 });
  });

  it('counts the comparisons of a condition as its cost, and compiles its test', () => {
    const gt = (v: number) => ({ fact: 'event.n', op: 'gt', value: v });
    const [t] = labRules([
      { id: 't', on: 'lab.ping', when: { all: [gt(1), { any: [gt(2), { not: gt(9) }] }] }, do: does },
    ]).triggers;
    expect(t?.cost).toBe(3);
    expect(t?.test?.(ping, fc)).toBe(true);
    expect(t?.test?.({ ...ping, payload: { n: 0 } }, fc)).toBe(false);
  });

  it('records the event types the file declares, a bare name taking any fields', () => {
    const rules = labRules(
      [{ id: 't', on: 'my.free', do: does }],
      ['my.free', { type: 'my.typed', description: 'typed', fields: { n: 'number' } }],
    );
    expect(rules.declared.get('my.free')).toEqual({
      description: 'declared in the rules file',
      producer: 'rules',
      fields: {},
      anyFields: true,
    });
    expect(rules.declared.get('my.typed')).toMatchObject({
      description: 'typed',
      fields: { n: 'number' },
      anyFields: false,
    });
  });

  it('compiles windows with their capacity, span in ticks, value reader and filter', () => {
    const rules = compile(
      JSON.stringify({
        version: 1,
        scenario: 'lab',
        windows: [
          { id: 'recent', on: 'lab.ping', last: 5, value: 'event.n' },
          { id: 'span', on: 'lab.hit', seconds: 2.5, where: { fact: 'event.amount', op: 'gt', value: 3 } },
        ],
        triggers: [{ id: 't', on: 'lab.ping', do: does }],
      }),
    );
    const [recent, span] = rules.windows;
    expect(recent).toMatchObject({ id: 'recent', on: 'lab.ping', capacity: 5, spanTicks: 0, where: null });
    expect(recent?.value?.(ping, fc)).toBe(3);
    expect(span).toMatchObject({ id: 'span', capacity: MAX_WINDOW_EVENTS, spanTicks: 150, value: null });
    const hit = (amount: number) => ({ seq: 1, type: 'lab.hit', tick: 0, payload: { target: 1, amount } });
    expect(span?.where?.(hit(4), fc)).toBe(true);
    expect(span?.where?.(hit(3), fc)).toBe(false);
    expect(labRules([{ id: 't', on: 'lab.ping', do: does }]).windows).toEqual([]);
  });
});

describe('compiled action parameters', () => {
  it('all-literal parameters are one frozen object, without the behaviour name', () => {
    const [t] = labRules([{ id: 't', on: 'lab.ping', do: [{ behaviour: 'note', value: { a: 1 } }] }]).triggers;
    const params = t?.actions[0]?.params;
    const first = params?.(ping, fc);
    expect(first).toEqual({ value: { a: 1 } });
    expect(Object.isFrozen(first)).toBe(true);
    expect(params?.(null, fc)).toBe(first);
    expect(t?.actions[0]?.behaviour.name).toBe('note');
  });

  it('fact references are read at each firing, inside a payload object too', () => {
    const [t] = labRules([
      {
        id: 't',
        on: 'lab.ping',
        do: [
          { behaviour: 'setLevel', to: { fact: 'event.n', times: 2 } },
          { behaviour: 'note', value: { n: { fact: 'event.n' }, level: { fact: 'world.level' }, k: 'x' } },
        ],
      },
    ]).triggers;
    expect(t?.actions[0]?.params(ping, fc)).toEqual({ to: 6 });
    expect(t?.actions[1]?.params(ping, fc)).toEqual({ value: { n: 3, level: 4, k: 'x' } });
  });

  it('a value read from a fact that the parameter does not take throws, naming the fact', () => {
    const [t] = labRules(
      [{ id: 't', on: 'lab.free', do: [{ behaviour: 'setLevel', to: { fact: 'event.n' } }] }],
      ['lab.free'],
    ).triggers;
    const params = (payload: object) => t?.actions[0]?.params({ ...ping, type: 'lab.free', payload }, fc);
    expect(params({ n: 2 })).toEqual({ to: 2 });
    expect(() => params({ n: 'abc' })).toThrow(
      'parameter "to" read the string "abc" from "event.n", which it does not take',
    );
    expect(() => params({})).toThrow('parameter "to" read nothing from "event.n", which it does not take');
  });

  it('a payload object whose fact reads a number that is not finite throws', () => {
    const [t] = labRules(
      [{ id: 't', on: 'lab.free', do: [{ behaviour: 'note', value: { x: { fact: 'event.n', times: 10 } } }] }],
      ['lab.free'],
    ).triggers;
    expect(() => t?.actions[0]?.params({ ...ping, type: 'lab.free', payload: { n: 1e308 } }, fc)).toThrow(
      'parameter "value" field "x" read Infinity, not a finite number',
    );
  });
});
