import { formatError, formatWarning, loadRules, RulesError } from '../engine';
import type { Catalogue, CompiledRules } from '../engine';
import bundled from 'virtual:siren-bundled-rules';

/** The bundled default rules text of a scenario. */
export function bundledRules(scenario: string): string {
  const text = Object.hasOwn(bundled, scenario) ? bundled[scenario] : undefined;
  if (text === undefined) throw new Error(`no bundled rules for scenario "${scenario}"`);
  return text;
}

/** Loads the rules to start with: the served file (or ?rules=), else the bundled defaults with the errors explained. */
export async function loadStartRules(
  scenario: string,
  catalogue: Catalogue,
  url: string | null,
): Promise<{ rules: CompiledRules; errors: string[]; warnings?: string[] }> {
  const path = url ?? `rules/${scenario}.json`;
  const label = url ? new URL(url).pathname.replace(/^\//, '') : `public/rules/${scenario}.json`;
  const fallback = () => {
    const r = loadRules(bundledRules(scenario), catalogue, `public/rules/${scenario}.json (bundled)`);
    if (!r.ok) throw new RulesError(r.errors);
    return r.rules;
  };
  let text: string;
  try {
    const res = await fetch(path, { cache: 'no-store' });
    if (!res.ok)
      return {
        rules: fallback(),
        errors: [`${label}: could not load it (HTTP ${res.status}); running the bundled default rules`],
      };
    // A server that answers every path with the page itself has no such file.
    if ((res.headers.get('content-type') ?? '').includes('text/html'))
      return {
        rules: fallback(),
        errors: [`${label}: not found (the server sent a web page instead of JSON); running the bundled default rules`],
      };
    text = await res.text();
  } catch (e) {
    return {
      rules: fallback(),
      errors: [`${label}: could not load it (${(e as Error).message}); running the bundled default rules`],
    };
  }
  const r = loadRules(text, catalogue, label);
  if (r.ok) return { rules: r.rules, errors: [], warnings: r.warnings.map(formatWarning) };
  return { rules: fallback(), errors: r.errors.map(formatError) };
}
