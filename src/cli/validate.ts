import {
  didYouMean,
  formatError,
  formatWarning,
  loadRulesBytes,
  own,
  parseJson,
  parseLimits,
  scenarioCatalogue,
  unknownName,
} from '../engine';
import type { AnyScenario, RuleError, RuleWarning } from '../engine';
import { scenarios } from '../scenarios';
import { parseFlags, runCli, UsageError } from './args';
import { readFileLimited } from './readFile';

const USAGE = 'npm run -s validate -- <rules.json>…';

runCli(() => {
  const { positionals } = parseFlags(process.argv.slice(2), {}, USAGE);
  if (!positionals.length) throw new UsageError(`no rules file given\nusage: ${USAGE}`);
  let bad = 0;
  for (const file of positionals) {
    try {
      const verdict = validateFile(file);
      if (verdict === 'schema')
        process.stdout.write(`skip ${file} (the JSON Schema of rules files, not a rules file)\n`);
      else if ('warnings' in verdict) {
        process.stdout.write(`ok ${file}\n`);
        if (verdict.warnings.length) process.stderr.write(verdict.warnings.map(formatWarning).join('\n') + '\n');
      } else {
        bad++;
        process.stderr.write(verdict.map(formatError).join('\n') + '\n');
      }
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      process.stderr.write(`${e.message}\n`);
      bad++;
    }
  }
  return bad ? 2 : 0;
});

/** A file's verdict: loaded (with any loop warnings), the JSON Schema (skipped), or its errors. */
function validateFile(file: string): { warnings: readonly RuleWarning[] } | 'schema' | readonly RuleError[] {
  const bytes = readFileLimited(file, parseLimits.maxBytes);
  const top = topLevel(bytes);
  if (isJsonSchema(top)) return 'schema';
  const named = typeof top?.scenario === 'string' ? top.scenario : undefined;
  const scenario = named === undefined ? undefined : own(scenarios, named);
  if (named === undefined || scenario) {
    const result = loadRulesBytes(bytes, scenarioCatalogue(scenario ?? firstScenario()), file);
    return result.ok ? { warnings: result.warnings } : result.errors;
  }
  // An unknown scenario is one error; the rest of the file is still checked, against the likeliest scenario.
  const names = Object.keys(scenarios);
  const guess = didYouMean(named, names);
  const tries = (guess !== undefined ? [guess] : names).map((name) => {
    const r = loadRulesBytes(bytes, scenarioCatalogue(scenarios[name] as AnyScenario), file);
    return { name, errors: r.ok ? [] : r.errors.filter((e) => e.path !== 'scenario') };
  });
  const best = tries.reduce((a, b) => (b.errors.length < a.errors.length ? b : a));
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const at = parseJson(text, file).doc.locate(['scenario'], true);
  const rest = guess !== undefined ? '' : `; the rest of the file was checked against "${best.name}"`;
  const error: RuleError = { file, ...at, path: 'scenario', message: unknownName('scenario', named, names) + rest };
  return [error, ...best.errors].sort((x, y) => x.line - y.line || x.column - y.column);
}

/** The file's top-level object, when it parses as JSON. */
function topLevel(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** True for a JSON Schema document (such as public/rules/rules.schema.json, which a glob of the rules folder includes). */
function isJsonSchema(top: Record<string, unknown> | undefined): boolean {
  return (
    typeof top?.$schema === 'string' &&
    /^https?:\/\/json-schema\.org\//.test(top.$schema) &&
    !Object.hasOwn(top, 'triggers') &&
    !Object.hasOwn(top, 'version')
  );
}

function firstScenario(): AnyScenario {
  return Object.values(scenarios)[0] as AnyScenario;
}
