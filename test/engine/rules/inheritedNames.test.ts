import { describe, expect, it } from 'vitest';
import { formatError, loadRules, parseRun, unknownName } from '../../../src/engine';
import { scenarios } from '../../../src/scenarios';
import { emit, labCatalogue, labEngine, rulesFile } from '../helpers';

const INHERITED = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf'];
const errorsOf = (doc: unknown) => {
  const r = loadRules(JSON.stringify(doc), labCatalogue, 'x.json');
  return r.ok ? [] : r.errors.map(formatError);
};

describe('names every object inherits are unknown names', () => {
  for (const name of INHERITED) {
    it(`"${name}" as an event type, behaviour, world/entity/meta fact and scenario is rejected with a located error`, () => {
      const does = [{ behaviour: 'note' }];
      const found = [
        errorsOf(rulesFile('lab', [{ id: 't', on: name, do: does }])),
        errorsOf(rulesFile('lab', [{ id: 't', on: 'lab.ping', do: [{ behaviour: name }] }])),
        ...['world', 'entity', 'meta'].map((root) =>
          errorsOf(
            rulesFile('lab', [
              { id: 't', on: 'lab.hit', when: { fact: `${root}.${name}`, op: 'eq', value: 1 }, do: does },
            ]),
          ),
        ),
      ];
      for (const lines of found) {
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^x\\.json:\\d+:\\d+  \\S+  unknown .*${name.replace(/_/g, '_')}`));
      }
      const run = parseRun(
        JSON.stringify({
          format: 'siren-run',
          version: 1,
          scenario: name,
          seed: 1,
          ticks: 0,
          rulesSource: 'r',
          rules: '{}',
          records: [],
          hash: '0000000000000000',
        }),
        scenarios,
        'run.json',
      );
      expect(run).toEqual({
        ok: false,
        errors: [`run.json: scenario: ${unknownName('scenario', name, Object.keys(scenarios))}`],
      });
    });
  }

  it('a field of an event declared without a field list reads only the payload’s own properties, never a function', () => {
    const engine = labEngine(
      [
        {
          id: 'echo',
          on: 'lab.free',
          do: [{ behaviour: 'note', value: { fact: 'event.toString' } }],
        },
      ],
      ['lab.free'],
    );
    engine.step(emit(['lab.free', {}], ['lab.free', { toString: 7 }]));
    expect(engine.world.notes).toEqual(['echo@0', 'echo@0=7']);
  });
});

describe('error reports are bounded', () => {
  it('a file with thousands of unknown names reports the first 200 errors and says more may follow', () => {
    const triggers = Array.from({ length: 3000 }, (_, i) => ({
      id: `t${i}`,
      on: `lab.${'q'.repeat(60)}${i}`,
      do: [{ behaviour: `${'n'.repeat(60)}${i}` }],
    }));
    const lines = errorsOf(rulesFile('lab', triggers));
    expect(lines).toHaveLength(201);
    expect(lines[200]).toMatch(/ {2}\(file\) {2}more errors may follow, not checked: fix these 200 first$/);
  });
});

describe('line endings', () => {
  it('locates errors by line with CR-only, CRLF and LF line endings alike', () => {
    const doc = JSON.stringify(rulesFile('lab', [{ id: 't', on: 'lab.pnig', do: [{ behaviour: 'note' }] }]), null, 2);
    const at = (text: string) => {
      const r = loadRules(text, labCatalogue, 'x.json');
      return r.ok ? '' : formatError(r.errors[0]!).split('  ')[0];
    };
    const lf = at(doc);
    expect(lf).toBe('x.json:7:13');
    expect(at(doc.replace(/\n/g, '\r'))).toBe(lf);
    expect(at(doc.replace(/\n/g, '\r\n'))).toBe(lf);
  });
});
