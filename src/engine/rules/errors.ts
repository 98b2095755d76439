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

/** Damerau-free Levenshtein distance, small and allocation-light. */
function distance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min(tmp + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

/** The closest known name to `name`, if one is close enough to be a likely typo. */
export function didYouMean(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const lower = name.toLowerCase();
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** `unknown <what> "x" [of <owner>]; did you mean "y"?` or, with no close match, a list of what is allowed. */
export function unknownName(what: string, name: string, known: readonly string[], owner?: string): string {
  const unknown = `unknown ${what} ${JSON.stringify(name)}${owner ? ` of ${owner}` : ''}`;
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
