import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { rulesJsonSchema, rulesReference, scenarioCatalogue } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { generatedFiles, staleFiles } from '../../src/cli/gen';

const read = (path: string) => readFileSync(path, 'utf8');
const catalogues = () => Object.values(scenarios).map(scenarioCatalogue);
const schema = JSON.parse(read('public/rules/rules.schema.json')) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const demo = JSON.parse(read('public/rules/demo.json')) as { triggers: { do: Record<string, unknown>[] }[] };

describe('npm run gen', () => {
  it('the committed schema is what the generator produces now', () => {
    const fresh = JSON.stringify(rulesJsonSchema(catalogues()), null, 2) + '\n';
    expect(
      read('public/rules/rules.schema.json') === fresh,
      'public/rules/rules.schema.json is stale: run npm run gen',
    ).toBe(true);
  });

  it('the committed reference is what the generator produces now', () => {
    const fresh = rulesReference(catalogues());
    expect(
      read('public/rules/reference.md').trimEnd() === fresh.trimEnd(),
      'public/rules/reference.md is stale: run npm run gen',
    ).toBe(true);
  });

  it("gen.ts writes exactly the generators' output, and --check finds nothing stale", () => {
    const files = generatedFiles();
    expect(files.map((f) => f.path)).toEqual(['public/rules/rules.schema.json', 'public/rules/reference.md']);
    expect(
      staleFiles().map((f) => f.path),
      'stale generated files: run npm run gen',
    ).toEqual([]);
  });

  it('--check names each generated file that is missing or differs', () => {
    const root = mkdtempSync(join(tmpdir(), 'siren-gen-'));
    try {
      mkdirSync(join(root, 'public/rules'), { recursive: true });
      const [schemaFile, referenceFile] = generatedFiles();
      writeFileSync(join(root, schemaFile!.path), schemaFile!.text);
      expect(staleFiles(root).map((f) => f.path)).toEqual(['public/rules/reference.md']);
      writeFileSync(
        join(root, referenceFile!.path),
        referenceFile!.text.replace('Operators', 'Operators (edited by hand)'),
      );
      expect(staleFiles(root).map((f) => f.path)).toEqual(['public/rules/reference.md']);
      writeFileSync(join(root, referenceFile!.path), referenceFile!.text);
      expect(staleFiles(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('generates the same text twice (stable output)', () => {
    expect(generatedFiles()).toEqual(generatedFiles());
  });

  it('covers every registered scenario', () => {
    const ref = read('public/rules/reference.md');
    for (const name of Object.keys(scenarios)) expect(ref).toContain(`## Scenario \`${name}\``);
    expect((schema.properties as { scenario: { enum: string[] } }).scenario.enum).toEqual(Object.keys(scenarios));
  });

  it('names only behaviours its scenario has as the producers of events', () => {
    const unknown: string[] = [];
    for (const c of catalogues())
      for (const [type, spec] of Object.entries(c.events)) {
        const named = /^behaviour (.+)$/.exec(spec.producer)?.[1]?.split(' / ') ?? [];
        for (const name of named) if (!c.behaviours.has(name)) unknown.push(`${type}: ${name}`);
      }
    expect(unknown).toEqual([]);
  });
});

describe('the JSON Schema an editor uses', () => {
  it('accepts the bundled demo rules', () => {
    const ok = validate(demo);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('accepts the default rules file of every registered scenario', () => {
    for (const scenario of Object.values(scenarios)) {
      if (!existsSync(scenario.rulesFile)) continue;
      validate(JSON.parse(read(scenario.rulesFile)));
      expect(validate.errors ?? [], `${scenario.rulesFile}: ${JSON.stringify(validate.errors, null, 2)}`).toEqual([]);
    }
  });

  it('rejects a misspelled behaviour name', () => {
    const bad = structuredClone(demo);
    (bad.triggers[0] as { do: Record<string, unknown>[] }).do[0]!.behaviour = 'changeHP';
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath.startsWith('/triggers/0/do/0'))).toBe(true);
  });

  it('rejects an unknown trigger field, a wrong version and a negative cooldown', () => {
    for (const mutate of [
      (f: Record<string, unknown>) => ((f.triggers as Record<string, unknown>[])[0]!.cooldwn = 1),
      (f: Record<string, unknown>) => (f.version = 2),
      (f: Record<string, unknown>) => ((f.triggers as Record<string, unknown>[])[0]!.cooldown = -1),
      (f: Record<string, unknown>) =>
        ((f.triggers as Record<string, unknown>[])[1]!.when = { fact: 'event.amount', op: 'gte', valu: 1 }),
    ]) {
      const bad = structuredClone(demo) as unknown as Record<string, unknown>;
      mutate(bad);
      expect(validate(bad)).toBe(false);
    }
  });
});
