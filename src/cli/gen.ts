import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesJsonSchema, rulesReference, scenarioCatalogue } from '../engine';
import { scenarios } from '../scenarios';
import { parseFlags, runCli } from './args';

const USAGE = 'npm run -s gen [-- --check]';

/** The project root (two levels above this file), where the generated paths are anchored. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A file `npm run gen` owns: its path from the project root and the text it must have. */
export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

/** Builds the JSON Schema and the Markdown reference from every registered scenario, in registry order. */
export function generatedFiles(): GeneratedFile[] {
  const catalogues = Object.values(scenarios).map(scenarioCatalogue);
  const reference = rulesReference(catalogues);
  return [
    { path: 'public/rules/rules.schema.json', text: JSON.stringify(rulesJsonSchema(catalogues), null, 2) + '\n' },
    { path: 'public/rules/reference.md', text: reference.endsWith('\n') ? reference : reference + '\n' },
  ];
}

/** The generated files whose committed copy (under `root`) is missing or differs from what the generators produce now. */
export function staleFiles(root = ROOT): GeneratedFile[] {
  return generatedFiles().filter((f) => {
    const full = resolve(root, f.path);
    return !existsSync(full) || readFileSync(full, 'utf8') !== f.text;
  });
}

function main(): number {
  const { values } = parseFlags(process.argv.slice(2), { check: { type: 'boolean' } }, USAGE);
  const stale = staleFiles();
  if (values.check) {
    for (const f of stale)
      process.stderr.write(`${f.path} is stale (it differs from what the registries generate); run npm run gen\n`);
    return stale.length ? 2 : 0;
  }
  const stalePaths = new Set(stale.map((f) => f.path));
  for (const f of generatedFiles()) {
    const changed = stalePaths.has(f.path);
    if (changed) writeFileSync(resolve(ROOT, f.path), f.text);
    process.stdout.write(`${changed ? 'wrote' : 'unchanged'} ${f.path}\n`);
  }
  return 0;
}

// Run only as a script (tests import the functions above).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void runCli(main);
