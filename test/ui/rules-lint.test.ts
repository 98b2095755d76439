import { describe, expect, it } from 'vitest';
import { formatError, loadRules, scenarioCatalogue } from '../../src/engine';
import { demoScenario } from '../../src/scenarios/demo';
import { formatRulesText, formatValue } from '../../src/ui/panels/rules/format';
import { checkDraft, memoCheck, offsetAt, tokenEnd } from '../../src/ui/panels/rules/lint';

const catalogue = scenarioCatalogue(demoScenario);
const FILE = 'demo.json (editor)';

/** A small demo rules file, written the way the shipped ones are. */
const GOOD = `{
  "version": 1,
  "scenario": "demo",
  "triggers": [
    {
      "id": "hit-hurts",
      "on": "demo.hit",
      "do": [{ "behaviour": "changeHp", "entity": { "fact": "event.target" }, "amount": { "fact": "event.amount", "times": -1 } }]
    }
  ]
}
`;

describe('the editor linter (the engine loader, placed in the text)', () => {
  it('reports nothing and hands back the compiled rules for a good file', () => {
    const check = checkDraft(GOOD, catalogue, FILE);
    expect(check.problems).toEqual([]);
    expect(check.rules?.byId.has('hit-hurts')).toBe(true);
  });

  it('places a loop warning on the looping trigger, and still hands back the rules', () => {
    const text = GOOD.replace('"on": "demo.hit"', '"on": "demo.hp.changed"')
      .replace('"event.target"', '"event.entity"')
      .replace('"event.amount", "times": -1', '"event.to", "times": -1');
    const check = checkDraft(text, catalogue, FILE);
    expect(check.problems).toEqual([]);
    expect(check.rules?.byId.has('hit-hurts')).toBe(true);
    expect(check.warnings.map((w) => w.line)).toEqual([
      `${FILE}:5:5  triggers[0]  trigger "hit-hurts" (5:5) emits "demo.hp.changed", which fires it again; it has no "once", "cooldown" or "delay", so one event re-fires it until the cascade limit cuts the tick short`,
    ]);
    expect(text.slice(check.warnings[0]?.from, check.warnings[0]?.to)).toBe('{');
  });

  it('gives the same messages as the CLI, did-you-mean included, and underlines the misspelled name', () => {
    const bad = GOOD.replace('"changeHp"', '"changeHP"');
    const check = checkDraft(bad, catalogue, FILE);
    const loaded = loadRules(bad, catalogue, FILE);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(check.problems.map((p) => p.line)).toEqual(loaded.errors.map(formatError));
    const [p] = check.problems;
    expect(p?.message).toBe('triggers[0].do[0].behaviour  unknown behaviour "changeHP"; did you mean "changeHp"?');
    expect(bad.slice(p?.from, p?.to)).toBe('"changeHP"');
  });

  it('places a JSON syntax error where the loader says it is', () => {
    const bad = GOOD.replace('"on": "demo.hit",', '"on": "demo.hit"');
    const [p] = checkDraft(bad, catalogue, FILE).problems;
    expect(p?.message).toMatch(/JSON syntax/);
    const { line, column } = p?.error ?? { line: 0, column: 0 };
    expect(offsetAt(bad, line, column)).toBe(p?.from);
    expect(bad.slice(p?.from, p?.to)).toBe('"do"');
  });

  it('keeps ranges right after a byte-order mark', () => {
    const bad = '\ufeff' + GOOD.replace('"demo.hit"', '"demo.hitt"');
    const [p] = checkDraft(bad, catalogue, FILE).problems;
    expect(p?.message).toContain('did you mean "demo.hit"?');
    expect(bad.slice(p?.from, p?.to)).toBe('"demo.hitt"');
  });

  it('compiles each text once however often it is asked', () => {
    const check = memoCheck(catalogue, FILE);
    const a = check(GOOD);
    expect(check(GOOD)).toBe(a);
    expect(check(GOOD + ' ')).not.toBe(a);
  });
});

describe('offsets and tokens', () => {
  it('turns 1-based line:column into an offset, clamped to the line and the text', () => {
    const text = 'ab\ncde\nf';
    expect(offsetAt(text, 1, 1)).toBe(0);
    expect(offsetAt(text, 2, 2)).toBe(4);
    expect(offsetAt(text, 2, 99)).toBe(6);
    expect(offsetAt(text, 9, 1)).toBe(text.length);
  });

  it('spans a whole string (escapes included), a number or word, or the rest of the line for an object', () => {
    const text = '{ "a\\"b": -12.5e3, "x": true, "o": { "k": 1 }\n}';
    expect(text.slice(2, tokenEnd(text, 2))).toBe('"a\\"b"');
    expect(text.slice(10, tokenEnd(text, 10))).toBe('-12.5e3');
    expect(text.slice(text.indexOf('true'), tokenEnd(text, text.indexOf('true')))).toBe('true');
    const brace = text.indexOf('{ "k"');
    expect(text.slice(brace, tokenEnd(text, brace))).toBe('{ "k": 1 }');
    expect(tokenEnd(text, text.length)).toBe(text.length);
  });
});

describe('Format', () => {
  it('lays a file out like the shipped rules: lists and triggers spread, small values on one line', () => {
    const r = formatRulesText(JSON.stringify(JSON.parse(GOOD)));
    expect(r).toEqual({ ok: true, text: GOOD });
  });

  it('spreads a list of several actions one per line, and anything too wide', () => {
    const text = formatValue(
      {
        triggers: [
          {
            id: 'a',
            every: 1,
            do: [
              { behaviour: 'addScore', amount: 1 },
              { behaviour: 'setAlarm', on: false },
            ],
          },
          { id: 'b', every: 1, description: 'x'.repeat(250), do: [{ behaviour: 'addScore', amount: 1 }] },
        ],
      },
      120,
    );
    expect(text).toContain(
      '"do": [\n        { "behaviour": "addScore", "amount": 1 },\n        { "behaviour": "setAlarm", "on": false }\n      ]',
    );
    expect(text).toContain(`"description": "${'x'.repeat(250)}"`);
    expect(text).toContain('"do": [{ "behaviour": "addScore", "amount": 1 }]');
  });

  it('keeps key order and empty containers, and is idempotent', () => {
    const once = formatValue({ z: 1, triggers: [{ id: 'a', when: { y: [], x: {} }, do: [] }], events: [] });
    expect(once).toBe(
      '{\n  "z": 1,\n  "triggers": [\n    {\n      "id": "a",\n      "when": { "y": [], "x": {} },\n      "do": []\n    }\n  ],\n  "events": []\n}',
    );
    const again = formatRulesText(once);
    expect(again.ok && again.text).toBe(once + '\n');
  });

  it("refuses a file that does not parse, with the loader's located error", () => {
    const r = formatRulesText('{ "version": 1, }', 'x.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/^x\.json:1:15 {2}\(file\) {2}JSON syntax: trailing comma/);
  });
});
