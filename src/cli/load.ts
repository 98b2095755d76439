import { formatError, loadRulesBytes, own, parseLimits, scenarioCatalogue, unknownName } from '../engine';
import type { AnyScenario, CompiledRules } from '../engine';
import { scenarios } from '../scenarios';
import { UsageError } from './args';
import { readFileLimited } from './readFile';

/** Looks up a scenario by name, or says which exist. */
export function findScenario(name: string): AnyScenario {
  const s = own(scenarios, name);
  if (!s) throw new UsageError(`--scenario: ${unknownName('scenario', name, Object.keys(scenarios))}`);
  return s;
}

/** Reads and compiles a rules file for a scenario; every error is reported and nothing runs. */
export function loadRulesFile(path: string, scenario: AnyScenario): CompiledRules {
  const bytes = readFileLimited(path, parseLimits.maxBytes, 'the rules file');
  const result = loadRulesBytes(bytes, scenarioCatalogue(scenario), path);
  if (!result.ok) throw new UsageError(result.errors.map(formatError).join('\n'));
  return result.rules;
}
