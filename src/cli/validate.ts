import { readFileSync } from 'node:fs';
import { formatError, formatWarning, loadRulesBytes, scenarioCatalogue, unknownName } from '../engine';
import { scenarios } from '../scenarios';
import { parseFlags, runCli, UsageError } from './args';

const USAGE = 'npm run -s validate -- <rules.json>…';

runCli(() => {
  const { positionals } = parseFlags(process.argv.slice(2), {}, USAGE);
  if (!positionals.length) throw new UsageError(`no rules file given\nusage: ${USAGE}`);
  let bad = 0;
  for (const file of positionals) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      process.stderr.write(
        `${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`,
      );
      bad++;
      continue;
    }
    // The scenario comes from the file itself; a file without a readable one is checked against each in turn.
    const named = topLevelScenario(new TextDecoder().decode(bytes));
    const scenario = named !== undefined ? scenarios[named] : undefined;
    if (named !== undefined && !scenario) {
      const at = new TextDecoder()
        .decode(bytes)
        .slice(0, new TextDecoder().decode(bytes).indexOf('"scenario"'))
        .split('\n');
      process.stderr.write(
        `${file}:${at.length}:${(at[at.length - 1] ?? '').length + 1}  scenario  ${unknownName('scenario', named, Object.keys(scenarios))}\n`,
      );
      bad++;
      continue;
    }
    const catalogue = scenarioCatalogue(scenario ?? (Object.values(scenarios)[0] as (typeof scenarios)[string]));
    const result = loadRulesBytes(bytes, catalogue, file);
    if (result.ok) {
      process.stdout.write(`ok ${file}\n`);
      if (result.warnings.length) process.stderr.write(result.warnings.map(formatWarning).join('\n') + '\n');
    } else {
      bad++;
      process.stderr.write(result.errors.map(formatError).join('\n') + '\n');
    }
  }
  return bad ? 2 : 0;
});

/** The file's own top-level "scenario", when the text parses far enough to tell. */
function topLevelScenario(text: string): string | undefined {
  try {
    const v: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    const s = typeof v === 'object' && v !== null ? (v as { scenario?: unknown }).scenario : undefined;
    return typeof s === 'string' ? s : undefined;
  } catch {
    return /"scenario"\s*:\s*"([^"]*)"/.exec(text)?.[1];
  }
}
