/** One problem in a rules file, located by line:column and JSON path. */
export interface RuleError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** JSON path like `triggers[3].do[0].behaviour` ("" for the whole file). */
  readonly path: string;
  readonly message: string;
}

/** Formats an error as `file:line:col  path  message`. */
export function formatError(e: RuleError): string {
  return `${e.file}:${e.line}:${e.column}  ${e.path || '(file)'}  ${e.message}`;
}

/** Thrown (or returned) when a rules file is rejected: carries every error. */
export class RulesError extends Error {
  constructor(readonly errors: readonly RuleError[]) {
    super(errors.map(formatError).join('\n'));
    this.name = 'RulesError';
  }
}

/** Renders a JSON path from its segments. */
export function pathToString(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Names longer than this get no did-you-mean (a typo of a known name is never this long). */
export const MAX_SUGGEST_NAME = 64;
/** At most this many known names are compared with an unknown one. */
export const MAX_SUGGEST_CANDIDATES = 1000;
/** Names in messages are cut to this many characters. */
export const MAX_SHOWN_NAME = 80;

/** Levenshtein distance if it is at most `k`, else k + 1: only a band of 2k + 1 cells a row, stopping early. */
function distanceAtMost(a: string, b: string, k: number): number {
  if (Math.abs(a.length - b.length) > k) return k + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - k);
    const to = Math.min(b.length, i + k);
    cur[from - 1] = from === 1 ? i : k + 1;
    let rowMin = cur[from - 1] as number;
    for (let j = from; j <= to; j++) {
      const up = j <= i - 1 + k ? (prev[j] as number) : k + 1;
      const d = Math.min(up + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (to < b.length) cur[to + 1] = k + 1;
    if (rowMin > k) return k + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length] as number, k + 1);
}

/**
 * The closest known name to `name`, if one is close enough to be a likely typo. Bounded work: names longer than
 * MAX_SUGGEST_NAME get none, at most MAX_SUGGEST_CANDIDATES names are compared, each only within the allowed distance.
 */
export function didYouMean(name: string, known: Iterable<string>): string | undefined {
  if (name.length > MAX_SUGGEST_NAME) return undefined;
  const lower = name.toLowerCase();
  let k = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let seen = 0;
  for (const cand of known) {
    if (++seen > MAX_SUGGEST_CANDIDATES) break;
    const d = distanceAtMost(lower, cand.toLowerCase(), k);
    if (d > k) continue;
    best = cand;
    if (d === 0) break;
    k = d - 1;
  }
  return best;
}

/** A name as a message quotes it: JSON-quoted, cut to MAX_SHOWN_NAME characters with its length said. */
export function quoteName(name: string): string {
  if (name.length <= MAX_SHOWN_NAME) return JSON.stringify(name);
  return `${JSON.stringify(name.slice(0, MAX_SHOWN_NAME))}… (${name.length.toLocaleString('en')} characters)`;
}

/** `unknown <what> "x" [of <owner>]; did you mean "y"?` or, with no close match, a list of what is allowed. */
export function unknownName(what: string, name: string, known: readonly string[], owner?: string): string {
  const unknown = `unknown ${what} ${quoteName(name)}${owner ? ` of ${owner}` : ''}`;
  const guess = didYouMean(name, known);
  if (guess) return `${unknown}; did you mean ${JSON.stringify(guess)}?`;
  if (!known.length) return `${unknown}; there are none`;
  const list =
    known.length <= 16
      ? known.map((k) => JSON.stringify(k)).join(', ')
      : `${known.length} known names (see the reference)`;
  return `${unknown}; expected one of ${list}`;
}

/** Describes a JSON value's type for "expected X, found Y" messages. */
export function describeFound(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length ? 'an array' : 'an empty array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return String(v);
}
