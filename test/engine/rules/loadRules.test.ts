import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  formatError,
  loadRules,
  loadRulesBytes,
  parseLimits,
  RulesError,
  scenarioCatalogue,
} from '../../../src/engine';
import type { LoadResult } from '../../../src/engine';
import { cityScenario } from '../../../src/scenarios/city';
import { demoCatalogue } from '../helpers';

const DIR = 'test/fixtures/bad-rules';
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const demoText = readFileSync('public/rules/demo.json', 'utf8');
const encode = (s: string) => new TextEncoder().encode(s);
const formatted = (r: LoadResult) => (r.ok ? [] : r.errors.map(formatError));
const cityCatalogue = scenarioCatalogue(cityScenario);
/** The corpus is written for the demo scenario; files named NN-city-… test the city's own behaviours, in the city. */
const catalogueOf = (file: string) => (/^\d+-city-/.test(file) ? cityCatalogue : demoCatalogue);

describe('the bad-rules corpus', () => {
  it('has at least 60 files, each with its expected errors', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
    const expected = new Set(readdirSync(DIR).filter((f) => f.endsWith('.expected.txt')));
    for (const f of fixtures)
      expect(expected.has(f.replace(/\.json$/, '.expected.txt')), `${f} has no .expected.txt`).toBe(true);
    expect(expected.size).toBe(fixtures.length);
  });

  for (const f of fixtures) {
    it(`rejects ${f} with exactly the expected errors`, () => {
      const path = `${DIR}/${f}`;
      const result = loadRulesBytes(readFileSync(path), catalogueOf(f), path);
      expect(result.ok).toBe(false);
      const want = readFileSync(path.replace(/\.json$/, '.expected.txt'), 'utf8')
        .trimEnd()
        .split('\n');
      expect(formatted(result)).toEqual(want);
    });
  }
});

describe('loadRules', () => {
  it('loads the bundled demo rules', () => {
    const r = loadRules(demoText, demoCatalogue, 'public/rules/demo.json');
    expect(formatted(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.rules.triggers.map((t) => t.id)).toEqual(JSON.parse(demoText).triggers.map((t: { id: string }) => t.id));
    expect(r.rules.source).toBe('public/rules/demo.json');
    expect(r.rules.text).toBe(demoText);
  });

  it('accepts a UTF-8 byte order mark, as bytes and as text', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(demoText)]);
    expect(loadRulesBytes(bom, demoCatalogue).ok).toBe(true);
    expect(loadRules('\ufeff' + demoText, demoCatalogue).ok).toBe(true);
  });

  it('after a BOM, errors still point at the right line and column', () => {
    const text = '\ufeff{\n  "version": 2,\n  "scenario": "demo",\n  "triggers": []\n}\n';
    expect(formatted(loadRulesBytes(encode(text), demoCatalogue, 'bom.json'))).toEqual([
      'bom.json:2:14  version  expected 1, found 2',
    ]);
  });

  it('rejects bytes that are not UTF-8, at the first bad byte', () => {
    const cases: [number[], string][] = [
      [
        [0x7b, 0x0a, 0x20, 0xff],
        'x.json:2:2  (file)  file is not valid UTF-8 (byte 0xff at offset 3); save it as UTF-8',
      ],
      [[0x7b, 0xc3], 'x.json:1:2  (file)  file is not valid UTF-8 (byte 0xc3 at offset 1); save it as UTF-8'], // truncated sequence
      [[0x7b, 0xc0, 0xaf], 'x.json:1:2  (file)  file is not valid UTF-8 (byte 0xc0 at offset 1); save it as UTF-8'], // overlong
      [
        [0x7b, 0xed, 0xa0, 0x80],
        'x.json:1:2  (file)  file is not valid UTF-8 (byte 0xed at offset 1); save it as UTF-8',
      ], // a surrogate
    ];
    for (const [bytes, message] of cases)
      expect(formatted(loadRulesBytes(new Uint8Array(bytes), demoCatalogue, 'x.json'))).toEqual([message]);
  });

  it('rejects an oversize file without parsing it', () => {
    // Also broken JSON (the string never ends): the size error alone shows the parser never ran.
    const big = `{"version": 1, "scenario": "demo", "description": "${'x'.repeat(parseLimits.maxBytes)}`;
    expect(formatted(loadRules(big, demoCatalogue, 'big.json'))).toEqual([
      `big.json:1:1  (file)  file is too large: ${big.length} characters, the limit is ${parseLimits.maxBytes}`,
    ]);
    expect(formatted(loadRulesBytes(encode(big), demoCatalogue, 'big.json'))).toHaveLength(1);
  });

  it('rejects a bad file whole: one bad trigger among good ones gives errors and no rules', () => {
    const file = JSON.parse(demoText);
    file.triggers[3].do[0].behaviour = 'changeHP';
    const r = loadRules(JSON.stringify(file, null, 2), demoCatalogue);
    expect(r.ok).toBe(false);
    expect('rules' in r).toBe(false);
  });

  it('reports every error of a file that has several, in file order', () => {
    const text = readFileSync(`${DIR}/85-several-errors.json`, 'utf8');
    const r = loadRules(text, demoCatalogue, 'several.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(7);
    const positions = r.errors.map((e) => e.line * 1000 + e.column);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new RulesError(r.errors).message.split('\n')).toHaveLength(7);
  });

  it('gives the location of the token at fault, with its JSON path', () => {
    const r = loadRules(readFileSync(`${DIR}/73-unknown-behaviour.json`, 'utf8'), demoCatalogue, 'f.json');
    if (r.ok) throw new Error('loaded');
    const [e] = r.errors;
    const line = readFileSync(`${DIR}/73-unknown-behaviour.json`, 'utf8').split('\n')[e!.line - 1]!;
    expect(line.slice(e!.column - 1).startsWith('"addScor"')).toBe(true);
    expect(e!.path).toBe('triggers[0].do[0].behaviour');
  });

  it('never changes a prototype, whatever the keys', () => {
    const text = '{"version": 1, "scenario": "demo", "triggers": [], "__proto__": {"polluted": true}}';
    expect(loadRules(text, demoCatalogue).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not throw on event types named like Object.prototype members (toString, constructor, …)', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty']) {
      const file = {
        version: 1,
        scenario: 'demo',
        triggers: [
          {
            id: 'a',
            on: name,
            when: { fact: 'event.x', op: 'eq', value: 1 },
            do: [{ behaviour: 'emit', event: name, payload: { x: 1 } }],
          },
        ],
      };
      expect(() => loadRules(JSON.stringify(file), demoCatalogue)).not.toThrow();
    }
  });

  it('accepts every operator, trigger option and fact kind that the corpus rejects when misspelled', () => {
    const file = {
      version: 1,
      scenario: 'demo',
      events: [
        'demo.alert',
        { type: 'demo.level', description: 'A level.', fields: { level: 'number', who: 'string' } },
      ],
      triggers: [
        {
          id: 'all-options',
          description: 'Everything at once.',
          on: 'demo.hit',
          enabled: true,
          once: false,
          cooldown: 0.5,
          priority: 3,
          delay: 0,
          when: {
            all: [
              { fact: 'event.amount', op: 'between', value: [1, 20] },
              { fact: 'entity.hp', op: 'gt', value: { fact: 'world.score', times: 2, plus: -1 } },
              {
                any: [
                  { fact: 'meta.type', op: 'startsWith', value: 'demo.' },
                  { not: { fact: 'world.alarm', op: 'eq', value: true } },
                ],
              },
              { fact: 'event.target', op: 'in', value: [1, 2, 3] },
            ],
          },
          do: [
            { behaviour: 'emit', event: 'demo.level', payload: { level: { fact: 'event.amount' }, who: 'x' } },
            { behaviour: 'emit', event: 'demo.alert', payload: { anything: 1 } },
            { behaviour: 'enableTrigger', trigger: 'state' },
          ],
        },
        {
          id: 'state',
          while: { fact: 'world.score', op: 'gte', value: 10 },
          for: 1,
          do: [{ behaviour: 'setAlarm', on: true }],
        },
        { id: 'timer', every: 2, do: [{ behaviour: 'addScore', amount: 1 }] },
        {
          id: 'custom',
          on: 'demo.alert',
          when: { fact: 'event.anything', op: 'exists' },
          do: [{ behaviour: 'disableTrigger', trigger: 'timer' }],
        },
      ],
    };
    expect(formatted(loadRules(JSON.stringify(file), demoCatalogue))).toEqual([]);
  });
});
