import type { Catalogue } from '../rules/catalogue';
import type { CompiledRules } from '../rules/compileRules';
import type { RuleError } from '../rules/errors';
import { parseJson } from '../rules/parseJson';
import type { LocatedJson } from '../rules/parseJson';
import { validateRules } from '../rules/validate';

/** `fact op value`, e.g. `event.amount gt 20` or `event.source eq "police"` (the value is JSON, or a bare word). */
const SHORTHAND = /^(\s*)(\S+)(\s+)(\S+)(\s+)(.+?)\s*$/;

/** A one-comparison condition written as `fact op value`, with the column of each part. */
function parseShorthand(text: string): LocatedJson | null {
  const m = SHORTHAND.exec(text);
  if (!m) return null;
  const [, lead = '', fact = '', gap1 = '', op = '', gap2 = '', raw = ''] = m;
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // A bare word is a string.
  }
  const columns: Record<string, number> = {
    fact: lead.length + 1,
    op: lead.length + fact.length + gap1.length + 1,
    value: lead.length + fact.length + gap1.length + op.length + gap2.length + 1,
  };
  return {
    value: { fact, op, value },
    locate: (path) => ({ line: 1, column: columns[String(path[0])] ?? 1 }),
  };
}

/**
 * Parses a breakpoint's condition in the rules' own condition language: a JSON condition (as in a trigger's `when`)
 * or the shorthand `fact op value`. It is checked exactly like a `when` of a trigger on `eventType` in these rules,
 * and its errors are located in the condition's own text (`breakpoint:1:14  when.op  unknown operator …`).
 */
export function parseCondition(
  text: string,
  catalogue: Catalogue,
  rules: CompiledRules,
  eventType: string,
  file: string,
): { ok: true; condition: unknown } | { ok: false; errors: RuleError[] } {
  let doc: LocatedJson;
  if (text.trim().startsWith('{')) {
    const parsed = parseJson(text, file);
    if (parsed.errors.length) return { ok: false, errors: parsed.errors };
    doc = parsed.doc;
  } else {
    const short = parseShorthand(text);
    if (!short)
      return {
        ok: false,
        errors: [
          {
            file,
            line: 1,
            column: 1,
            path: 'when',
            message: `expected a condition: "fact op value" (e.g. "event.amount gt 20") or a JSON condition, found ${JSON.stringify(text)}`,
          },
        ],
      };
    doc = short;
  }
  const WHEN = ['triggers', 0, 'when'];
  const probe = {
    version: 1,
    scenario: catalogue.scenario,
    ...(rules.file.events ? { events: rules.file.events } : {}),
    ...(rules.file.windows ? { windows: rules.file.windows } : {}),
    triggers: [{ id: 'breakpoint', on: eventType, when: doc.value, do: [] }],
  };
  const located: LocatedJson = {
    value: probe,
    locate: (path, key) =>
      path.length >= 3 && WHEN.every((k, i) => path[i] === k) ? doc.locate(path.slice(3), key) : { line: 1, column: 1 },
  };
  const errors = validateRules(located, catalogue, file)
    .errors.filter((e) => e.path.startsWith('triggers[0].when'))
    .map((e) => ({ ...e, path: e.path.replace('triggers[0].', '') }));
  return errors.length ? { ok: false, errors } : { ok: true, condition: doc.value };
}
