import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson, parseLimits } from '../../../src/engine';

// parseJson takes a fast path (JSON.parse, then key and depth checks on the value and the text) and falls back to
// the jsonc-parser tree walk for anything doubtful. These properties hold both to one answer: a file is accepted
// exactly when it has no duplicate key, no forbidden key and is not nested too deeply.

type Raw = { kind: 'obj'; entries: [string, Raw][] } | { kind: 'arr'; items: Raw[] } | { kind: 'leaf'; value: unknown };

// Keys that are hard on a scanner: quotes, backslashes, colons and braces inside them, and look-alikes.
const KEYS = [
  'a',
  'b',
  'a"',
  'a\\',
  '\\',
  '"',
  ':',
  'a:b',
  '{',
  '}"',
  ' a',
  'é',
  '😀',
  '\u2028',
  'constructor',
  '__proto__',
  'prototype',
  'proto',
];
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const leafValue = fc.oneof(
  fc.constantFrom('x', '":', '\\', '\\"', 'a\\":{', '', 'é😀'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const raw: fc.Arbitrary<Raw> = fc.letrec<{ node: Raw }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafValue.map((value): Raw => ({ kind: 'leaf', value })),
    fc
      .array(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { maxLength: 4 })
      .map((entries): Raw => ({ kind: 'obj', entries })),
    fc.array(tie('node'), { maxLength: 3 }).map((items): Raw => ({ kind: 'arr', items })),
  ),
})).node;

const ws = fc.constantFrom('', ' ', '\n', '\t', '\r\n  ');
function print(r: Raw, space: string): string {
  if (r.kind === 'leaf') return JSON.stringify(r.value);
  if (r.kind === 'arr') return `[${space}${r.items.map((x) => print(x, space)).join(`,${space}`)}${space}]`;
  return `{${space}${r.entries.map(([k, v]) => `${JSON.stringify(k)}${space}:${space}${print(v, space)}`).join(`,${space}`)}${space}}`;
}
function facts(r: Raw, depth = 1): { dup: boolean; forbidden: boolean; deep: boolean } {
  const out = { dup: false, forbidden: false, deep: depth > parseLimits.maxDepth };
  const children = r.kind === 'obj' ? r.entries.map((e) => e[1]) : r.kind === 'arr' ? r.items : [];
  if (r.kind === 'obj') {
    const keys = r.entries.map((e) => e[0]);
    out.dup = new Set(keys).size !== keys.length;
    out.forbidden = keys.some((k) => FORBIDDEN.has(k));
  }
  for (const c of children) {
    const f = facts(c, depth + 1);
    out.dup ||= f.dup;
    out.forbidden ||= f.forbidden;
    out.deep ||= f.deep;
  }
  return out;
}
const nest = (r: Raw, n: number): Raw => (n === 0 ? r : { kind: 'arr', items: [nest(r, n - 1)] });

describe('parseJson', () => {
  it('accepts a file exactly when it has no duplicate or forbidden key and is not too deep, and then gives JSON.parse’s value', () => {
    fc.assert(
      fc.property(raw, ws, fc.integer({ min: 0, max: 45 }), (r, space, extra) => {
        const root: Raw = { kind: 'obj', entries: [['root', nest(r, extra)]] };
        const text = print(root, space);
        const { doc, errors } = parseJson(text, 'p.json');
        const f = facts(root);
        if (f.dup || f.forbidden || f.deep) {
          expect(errors.length).toBeGreaterThan(0);
          if (f.dup && !f.forbidden && !f.deep)
            expect(errors.some((e) => e.message.startsWith('duplicate key'))).toBe(true);
        } else {
          expect(errors).toEqual([]);
          expect(doc.value).toEqual(JSON.parse(text));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a duplicate key whose name is all escapes, at the second occurrence', () => {
    const text = '{\n  "a\\\\\\"": 1,\n  "b": "\\\\",\n  "a\\\\\\"": 2\n}';
    expect(JSON.parse(text)).toEqual({ 'a\\"': 2, b: '\\' });
    expect(parseJson(text, 'd.json').errors).toEqual([
      {
        file: 'd.json',
        line: 4,
        column: 3,
        path: '["a\\\\\\""]',
        message: 'duplicate key "a\\\\\\""; each key may appear once',
      },
    ]);
  });

  it('locates paths in a valid file on demand', () => {
    const text = '{\n  "version": 1,\n  "triggers": [\n    { "id": "x", "do": [] }\n  ]\n}\n';
    const { doc, errors } = parseJson(text, 'v.json');
    expect(errors).toEqual([]);
    expect(doc.locate(['triggers', 0, 'do'])).toEqual({ line: 4, column: 24 });
    expect(doc.locate(['triggers', 0, 'do'], true)).toEqual({ line: 4, column: 18 });
    expect(doc.locate(['triggers', 0, 'nothing', 3])).toEqual({ line: 4, column: 5 });
    expect(doc.locate([])).toEqual({ line: 1, column: 1 });
  });
});
