import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engineBehaviours, eventDeclSchema, rulesFileSchema, triggerSchema, windowSchema } from '../../../src/engine';
import { fastAccepts } from '../../../src/engine/rules/fastCheck';
import { z } from '../../../src/engine/zod';
import { generateRulesText } from '../../../src/tools/bench/load';

// fastAccepts may only ever say "valid" when zod says so too: the loader then skips zod, and a wrong yes would let a
// bad file through. (A wrong no only costs time: zod runs and words the errors.)
const sound = (schema: z.ZodType, v: unknown) => !fastAccepts(schema, v) || schema.safeParse(v).success;

const edgeNumbers = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  1.5,
  1 / 60,
  0.0166,
  0.016,
  64,
  86_400,
  86_400.5,
  -1000,
  1000,
  1001,
  2 ** 53,
  1e300,
  Infinity,
  -Infinity,
  NaN,
);
const edgeStrings = fc.constantFrom(
  '',
  'a',
  'hit-hurts',
  '9 lives',
  'a'.repeat(64),
  'a'.repeat(65),
  'x'.repeat(1000),
  'x'.repeat(1001),
  '😀'.repeat(600),
  'demo.hit',
  'Demo Alert',
  'number',
  'int',
  'a\u0000b',
);
const leaf = fc.oneof(
  edgeNumbers,
  edgeStrings,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.string(),
  fc.double(),
);
const json = fc.oneof(
  leaf,
  fc.array(leaf, { maxLength: 3 }),
  fc.dictionary(fc.string(), leaf, { maxKeys: 3 }),
  fc.jsonValue(),
);

const TRIGGER_KEYS = [
  'id',
  'description',
  'enabled',
  'once',
  'cooldown',
  'priority',
  'delay',
  'on',
  'while',
  'for',
  'every',
  'when',
  'do',
  'extra',
  'constructor',
];
const trigger = fc.record(
  Object.fromEntries(
    TRIGGER_KEYS.map((k) => [
      k,
      k === 'do' ? fc.oneof(fc.array(json, { maxLength: 70 }), json) : k === 'id' ? fc.oneof(edgeStrings, json) : json,
    ]),
  ),
  { requiredKeys: [] },
);
const validTrigger = fc.record(
  {
    id: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/),
    description: fc.string({ maxLength: 1000 }),
    enabled: fc.boolean(),
    once: fc.boolean(),
    cooldown: fc.double({ min: 0, max: 86_400, noNaN: true }),
    priority: fc.integer({ min: -1000, max: 1000 }),
    on: fc.string(),
    when: json,
    do: fc.array(json, { minLength: 1, maxLength: 64 }),
  },
  { requiredKeys: ['id', 'do'] },
);
const eventDecl = fc.oneof(
  edgeStrings,
  fc.record(
    {
      type: fc.oneof(edgeStrings, json),
      description: fc.oneof(edgeStrings, json),
      fields: fc.oneof(json, fc.dictionary(fc.string(), fc.oneof(edgeStrings, json))),
    },
    { requiredKeys: [] },
  ),
);
const window = fc.record(
  {
    id: edgeStrings,
    on: fc.oneof(edgeStrings, json),
    value: json,
    last: edgeNumbers,
    seconds: edgeNumbers,
    where: json,
    description: json,
  },
  { requiredKeys: [] },
);
const file = fc.record(
  {
    $schema: fc.oneof(fc.string(), json),
    version: fc.oneof(fc.constant(1), json),
    scenario: fc.oneof(fc.string(), json),
    description: fc.oneof(fc.string(), json),
    events: fc.oneof(fc.array(eventDecl, { maxLength: 3 }), json),
    windows: fc.oneof(fc.array(window, { maxLength: 3 }), json),
    triggers: fc.oneof(fc.array(fc.oneof(trigger, validTrigger), { maxLength: 4 }), json),
    extra: json,
  },
  { requiredKeys: [] },
);

describe('fastAccepts (a quick yes for zod schemas)', () => {
  it('never accepts what zod rejects: triggers, windows, event declarations, whole files', () => {
    fc.assert(
      fc.property(fc.oneof(trigger, validTrigger, json), (v) => sound(triggerSchema, v)),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.oneof(window, json), (v) => sound(windowSchema, v)),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(eventDecl, (v) => sound(eventDeclSchema, v)),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(file, (v) => sound(rulesFileSchema, v)),
      { numRuns: 2000 },
    );
  });

  it('never accepts what zod rejects: behaviour parameters and the kinds of schema it knows', () => {
    const schemas: z.ZodType[] = [
      ...engineBehaviours.flatMap((b) => Object.values(b.params).map((p) => p.schema as z.ZodType)),
      z.string().min(1).max(200),
      z.string().min(3),
      z.number().int().min(0).optional(),
      z.number().min(0).max(10),
      z.number().gt(0).lt(1),
      z.enum(['OK', 'ALARM']),
      z.literal(1),
      z.null(),
      z.array(z.number()).max(2),
      z.union([z.string(), z.array(z.boolean())]),
      z.object({ a: z.string() }),
      z.looseObject({ a: z.number().optional() }),
      z.record(z.string(), z.number()),
    ];
    const probe = fc.oneof(
      json,
      fc.array(fc.oneof(fc.boolean(), fc.double()), { maxLength: 3 }),
      fc.record({ a: json, b: json }, { requiredKeys: [] }),
    );
    for (const s of schemas)
      fc.assert(
        fc.property(probe, (v) => sound(s, v)),
        { numRuns: 300 },
      );
  });

  it('says "do not know" for schemas with parts it does not handle, rather than guess', () => {
    expect(fastAccepts(z.string().transform((s) => s.length) as unknown as z.ZodType, 'x')).toBe(false);
    expect(
      fastAccepts(
        z.string().refine((s) => s !== 'x'),
        'x',
      ),
    ).toBe(false);
    expect(fastAccepts(z.email(), 'a@b.co')).toBe(false);
    expect(fastAccepts(z.number().default(1), 1)).toBe(false);
    expect(
      fastAccepts(
        z.object({ a: z.string() }).refine(() => false),
        { a: 'x' },
      ),
    ).toBe(false);
    expect(fastAccepts(z.record(z.enum(['a']), z.string()), { a: 'x' })).toBe(false);
  });

  it('recognises the files it is there for (else loading is slow again, though still right)', () => {
    for (const name of ['demo', 'city', 'cloud'])
      expect(fastAccepts(rulesFileSchema, JSON.parse(readFileSync(`public/rules/${name}.json`, 'utf8'))), name).toBe(
        true,
      );
    expect(fastAccepts(rulesFileSchema, JSON.parse(generateRulesText(300)))).toBe(true);
    for (const b of engineBehaviours)
      for (const p of Object.values(b.params)) {
        const sample = [1, 'x', true, { a: 1 }, 'coin'].find((v) => p.schema.safeParse(v).success);
        expect(fastAccepts(p.schema as z.ZodType, sample), `${b.name} ${String(sample)}`).toBe(true);
      }
  });
});
