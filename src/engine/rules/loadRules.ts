import type { Catalogue } from './catalogue';
import { compileRules } from './compileRules';
import type { CompiledRules } from './compileRules';
import type { RuleError } from './errors';
import { loopWarnings } from './loops';
import type { RuleWarning } from './loops';
import { lineStartsOf, parseJson, parseLimits } from './parseJson';
import { validateRules } from './validate';

/** The outcome of loading a rules file: compiled rules with any warnings (loops), or every error found. */
export type LoadResult =
  { ok: true; rules: CompiledRules; warnings: readonly RuleWarning[] } | { ok: false; errors: readonly RuleError[] };

/** Parses, validates and compiles a rules file's text. A bad file is rejected whole, with every error. */
export function loadRules(text: string, catalogue: Catalogue, file = 'rules.json'): LoadResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { doc, errors } = parseJson(src, file);
  if (errors.length) return { ok: false, errors };
  const checked = validateRules(doc, catalogue, file);
  if (!checked.rules) return { ok: false, errors: checked.errors };
  const rules = compileRules(checked.rules, catalogue, file, src);
  const warnings = loopWarnings(rules.triggers, (i) => doc.locate(['triggers', i]), file);
  return { ok: true, rules, warnings };
}

/** Decodes bytes as strict UTF-8 (a BOM is allowed) before loading. */
export function loadRulesBytes(bytes: Uint8Array, catalogue: Catalogue, file = 'rules.json'): LoadResult {
  if (bytes.length > parseLimits.maxBytes) {
    const message = `file is too large: ${bytes.length} bytes, the limit is ${parseLimits.maxBytes}`;
    return { ok: false, errors: [{ file, line: 1, column: 1, path: '', message }] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, bad));
    const starts = lineStartsOf(before);
    const line = starts.length;
    const column = before.length - (starts[starts.length - 1] as number) + 1;
    return {
      ok: false,
      errors: [
        {
          file,
          line,
          column,
          path: '',
          message: `file is not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad}); save it as UTF-8`,
        },
      ],
    };
  }
  return loadRules(text, catalogue, file);
}

/** Offset of the first byte that breaks UTF-8 (bytes.length if none). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too (what TextDecoder rejects).
    const second = b[i + 1] as number;
    if (
      (c === 0xe0 && second < 0xa0) ||
      (c === 0xed && second > 0x9f) ||
      (c === 0xf0 && second < 0x90) ||
      (c === 0xf4 && second > 0x8f)
    )
      return i;
    i += n + 1;
  }
  return b.length;
}
