import { describe, expect, it } from 'vitest';
import { createEngine, formatError, loadRules } from '../../src/engine';
import { emit, idle, labCatalogue, labScenario, ofType, ping } from './helpers';

const vars = {
  coins: { type: 'number', initial: 0, description: 'Coins picked up.' },
  label: { type: 'string', initial: 'none' },
  lit: { type: 'boolean', initial: false },
};
const file = (triggers: unknown[], v: unknown = vars) =>
  JSON.stringify({ version: 1, scenario: 'lab', events: ['x.any'], vars: v, triggers });
const engineWith = (triggers: unknown[]) => {
  const r = loadRules(file(triggers), labCatalogue, 'v.json');
  if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
  return createEngine({ scenario: labScenario, rules: r.rules, seed: 1 });
};
const errorsOf = (triggers: unknown[], v: unknown = vars) => {
  const r = loadRules(file(triggers, v), labCatalogue, 'v.json');
  return r.ok ? [] : r.errors.map((e) => `${e.path}  ${e.message}`);
};
const onPing = (...actions: unknown[]) => ({ id: 'act', on: 'lab.ping', do: actions });
const changes = (engine: Parameters<typeof ofType>[0]) => ofType(engine, 'var.changed').map((e) => e.payload);

describe('rules variables', () => {
  it('start at their initial values and read as var.<name> facts', () => {
    const engine = engineWith([
      {
        id: 'check',
        on: 'lab.ping',
        when: {
          all: [
            { fact: 'var.coins', op: 'eq', value: 0 },
            { fact: 'var.label', op: 'eq', value: 'none' },
          ],
        },
        do: [{ behaviour: 'note', value: { fact: 'var.lit' } }],
      },
    ]);
    engine.step(emit(ping()));
    expect(engine.world.notes).toEqual(['check@0=false']);
  });

  it('setVar sets a value and emits var.changed {name, from, to}; the same value emits nothing', () => {
    const engine = engineWith([onPing({ behaviour: 'setVar', var: 'label', value: 'gold' })]);
    engine.step(emit(ping()));
    engine.step(emit(ping()));
    expect(changes(engine)).toEqual([{ name: 'label', from: 'none', to: 'gold' }]);
  });

  it('changeVar adds and clamps to min/max', () => {
    const engine = engineWith([onPing({ behaviour: 'changeVar', var: 'coins', by: 2, max: 5 })]);
    for (let i = 0; i < 4; i++) engine.step(emit(ping()));
    expect(changes(engine).map((p) => (p as { to: number }).to)).toEqual([2, 4, 5]);
    const down = engineWith([onPing({ behaviour: 'changeVar', var: 'coins', by: -3, min: -4 })]);
    for (let i = 0; i < 3; i++) down.step(emit(ping()));
    expect(changes(down).map((p) => (p as { to: number }).to)).toEqual([-3, -4]);
  });

  it('toggleVar flips a boolean', () => {
    const engine = engineWith([onPing({ behaviour: 'toggleVar', var: 'lit' })]);
    engine.step(emit(ping()));
    engine.step(emit(ping()));
    expect(changes(engine)).toEqual([
      { name: 'lit', from: false, to: true },
      { name: 'lit', from: true, to: false },
    ]);
  });

  it('lets a trigger listen to var.changed, with the changed value as event.to', () => {
    const engine = engineWith([
      onPing({ behaviour: 'changeVar', var: 'coins', by: 1 }),
      {
        id: 'rich',
        on: 'var.changed',
        when: {
          all: [
            { fact: 'event.name', op: 'eq', value: 'coins' },
            { fact: 'event.to', op: 'gte', value: 3 },
          ],
        },
        do: [{ behaviour: 'note', value: { fact: 'event.to' } }],
      },
    ]);
    for (let i = 0; i < 3; i++) engine.step(emit(ping()));
    expect(engine.world.notes).toEqual(['rich@2=3']);
  });

  it('sets a value read from a fact, and turns a value of the wrong type into engine.error, changing nothing', () => {
    const engine = engineWith([
      onPing({ behaviour: 'setVar', var: 'coins', value: { fact: 'event.n' } }),
      { id: 'bad', on: 'x.any', do: [{ behaviour: 'setVar', var: 'label', value: { fact: 'event.v' } }] },
    ]);
    engine.step(emit(ping({ n: 7 })));
    expect(changes(engine)).toEqual([{ name: 'coins', from: 0, to: 7 }]);
    engine.step(emit(['x.any', { v: 100 }]));
    const err = ofType(engine, 'engine.error').map((e) => (e.payload as { message: string }).message);
    expect(err).toEqual(['behaviour "setVar" failed: variable "label" is a string, found 100']);
    expect(changes(engine)).toHaveLength(1);
  });

  it('are in snapshots: rewinding brings back the value they had', () => {
    const engine = engineWith([onPing({ behaviour: 'changeVar', var: 'coins', by: 1 })]);
    for (let i = 0; i < 60; i++) engine.step(emit(ping()));
    idle(engine, 60);
    engine.rewind(30);
    engine.step(emit(ping()));
    expect(changes(engine).at(-1)).toEqual({ name: 'coins', from: 30, to: 31 });
  });

  it('keep their values across a rules reload when name and type are unchanged', () => {
    const engine = engineWith([onPing({ behaviour: 'changeVar', var: 'coins', by: 1 })]);
    engine.step(emit(ping()));
    const next = loadRules(file([onPing({ behaviour: 'changeVar', var: 'coins', by: 10 })]), labCatalogue, 'v.json');
    if (!next.ok) throw new Error('reload');
    engine.applyRules(next.rules);
    engine.step(emit(ping()));
    expect(changes(engine).at(-1)).toEqual({ name: 'coins', from: 1, to: 11 });
  });
});

describe('rules variables: load errors', () => {
  it('an unknown variable, with a did-you-mean', () => {
    expect(errorsOf([onPing({ behaviour: 'changeVar', var: 'coin', by: 1 })])).toEqual([
      'triggers[0].do[0].var  unknown variable "coin"; did you mean "coins"?',
    ]);
    expect(
      errorsOf([
        { id: 'a', on: 'lab.ping', when: { fact: 'var.lable', op: 'eq', value: 'x' }, do: [{ behaviour: 'note' }] },
      ]),
    ).toEqual(['triggers[0].when.fact  unknown variable "lable"; did you mean "label"?']);
  });

  it('a literal of the wrong type for setVar, and a fact of a known wrong type', () => {
    expect(errorsOf([onPing({ behaviour: 'setVar', var: 'label', value: 3 })])).toEqual([
      'triggers[0].do[0].value  variable "label" is a string, found 3',
    ]);
    expect(errorsOf([onPing({ behaviour: 'setVar', var: 'label', value: { fact: 'event.n' } })])).toEqual([
      'triggers[0].do[0].value.fact  variable "label" is a string, but "event.n" is a number',
    ]);
  });

  it('changeVar on a non-number and toggleVar on a non-boolean', () => {
    expect(
      errorsOf([onPing({ behaviour: 'changeVar', var: 'label', by: 1 }, { behaviour: 'toggleVar', var: 'coins' })]),
    ).toEqual([
      'triggers[0].do[0].var  "changeVar" needs a number variable, but "label" is a string',
      'triggers[0].do[1].var  "toggleVar" needs a boolean variable, but "coins" is a number',
    ]);
  });

  it('an initial value of another type, and a bad name', () => {
    expect(
      errorsOf([], { coins: { type: 'number', initial: 'zero' }, 'my-var': { type: 'string', initial: '' } }),
    ).toEqual([
      'vars.coins.initial  expected a number (the variable\'s type), found the string "zero"',
      'vars["my-var"]  a variable name is letters, digits and _ starting with a letter (at most 64); found "my-var"',
    ]);
  });
});
