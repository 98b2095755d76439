import { formatError, loadRules } from '../../../engine';
import type { Catalogue, CompiledRules, RuleError } from '../../../engine';

/** One loader error placed in the text: a range to underline and the message the CLI prints. */
export interface Problem {
  readonly from: number;
  readonly to: number;
  /** `path  message`, as the CLI prints it after `file:line:col`. */
  readonly message: string;
  /** The whole CLI line: `file:line:col  path  message`. */
  readonly line: string;
  readonly error: RuleError;
}

/** What the loader says about a draft: its compiled rules with any warnings (loops), or its problems, placed in the text. */
export type DraftCheck =
  | { readonly rules: CompiledRules; readonly problems: readonly []; readonly warnings: readonly Problem[] }
  | { readonly rules: null; readonly problems: readonly Problem[]; readonly warnings: readonly [] };

/** The offset of a 1-based line and column (UTF-16 units, as the loader counts), clamped into the text. */
export function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  const eol = text.indexOf('\n', offset);
  const lineEnd = eol < 0 ? text.length : eol;
  return Math.min(offset + Math.max(0, column - 1), lineEnd);
}

/** Where the token starting at `from` ends: a whole string, number or word; the rest of the line for an object or array; else one character. */
export function tokenEnd(text: string, from: number): number {
  const c = text[from];
  if (c === undefined) return from;
  const eol = text.indexOf('\n', from);
  const lineEnd = eol < 0 ? text.length : eol;
  if (c === '"') {
    for (let i = from + 1; i < lineEnd; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return i + 1;
    }
    return lineEnd;
  }
  if (/[-\w.+]/.test(c)) {
    let i = from;
    while (i < lineEnd && /[-\w.+]/.test(text[i] as string)) i++;
    return i;
  }
  if (c === '{' || c === '[') return Math.max(from + 1, lineEnd);
  return Math.min(from + 1, text.length);
}

/** Places one loader error in the text. */
export function placeError(text: string, e: RuleError): Problem {
  const from = offsetAt(text, e.line, e.column);
  return {
    from,
    to: tokenEnd(text, from),
    message: `${e.path || '(file)'}  ${e.message}`,
    line: formatError(e),
    error: e,
  };
}

/** Runs the engine's own loader on a draft (exactly what Apply and the CLI run) and places each error in the text. */
export function checkDraft(text: string, catalogue: Catalogue, file: string): DraftCheck {
  const r = loadRules(text, catalogue, file);
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = src === text ? 0 : 1;
  const place = (e: RuleError): Problem => {
    const p = placeError(src, e);
    return { ...p, from: p.from + shift, to: p.to + shift };
  };
  if (r.ok) return { rules: r.rules, problems: [], warnings: r.warnings.map(place) };
  return { rules: null, problems: r.errors.map(place), warnings: [] };
}

/** `checkDraft` remembering its last answer, so the linter, the status line and the tester compile each text once. */
export function memoCheck(catalogue: Catalogue, file: string): (text: string) => DraftCheck {
  let lastText: string | null = null;
  let last: DraftCheck | null = null;
  return (text) => {
    if (text !== lastText || !last) {
      last = checkDraft(text, catalogue, file);
      lastText = text;
    }
    return last;
  };
}
