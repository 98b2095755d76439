import { describe, expect, it } from 'vitest';
import { formatError, loadRules } from '../../../src/engine';
import { emit, labCatalogue, labEngine, ofType, rulesFile } from '../helpers';

describe('facts passed as behaviour parameters', () => {
  it('a fact whose type is known at load and does not fit the parameter is a located load error', () => {
    const doc = rulesFile('lab', [
      { id: 't', on: 'lab.ping', do: [{ behaviour: 'setLevel', to: { fact: 'event.name' } }] },
    ]);
    const r = loadRules(JSON.stringify(doc, null, 2), labCatalogue, 'x.json');
    expect(r.ok ? [] : r.errors.map(formatError)).toEqual([
      'x.json:12:21  triggers[0].do[0].to.fact  "setLevel" parameter "to" needs a number, but "event.name" is a string',
    ]);
  });

  it('a fact of unknown type that does not fit becomes engine.error at run time, and the world is unchanged', () => {
    const engine = labEngine(
      [{ id: 'level', on: 'lab.free', do: [{ behaviour: 'setLevel', to: { fact: 'event.n', times: 10 } }] }],
      ['lab.free'],
    );
    engine.step(emit(['lab.free', { n: 'abc' }], ['lab.free', { n: 1e308 }], ['lab.free', {}], ['lab.free', { n: 4 }]));
    expect(engine.world.level).toBe(40);
    expect(ofType(engine, 'engine.error').map((e) => e.payload)).toEqual([
      {
        trigger: 'level',
        message:
          'behaviour "setLevel" failed: parameter "to" read the string "abc" from "event.n", which it does not take',
      },
      {
        trigger: 'level',
        message: 'behaviour "setLevel" failed: parameter "to" read Infinity from "event.n", which it does not take',
      },
      {
        trigger: 'level',
        message: 'behaviour "setLevel" failed: parameter "to" read nothing from "event.n", which it does not take',
      },
    ]);
  });
});
