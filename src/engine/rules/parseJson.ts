import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { RuleError } from './errors';
import { pathToString } from './errors';

/** Limits that keep a hostile file from eating memory or the stack. */
export const parseLimits = { maxBytes: 1_000_000, maxDepth: 40 };

/** Keys that could reach an object's prototype; never accepted. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A parsed JSON document that can say where any JSON path is. */
export interface LocatedJson {
  readonly value: unknown;
  /** Line and column (1-based) of the value at a path, or of its nearest existing parent. */
  locate(path: readonly (string | number)[], key?: boolean): { line: number; column: number };
}

const SYNTAX_HINTS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between items',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the array',
  EndOfFileExpected: 'expected the end of the file after the top-level value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character in string',
  InvalidCharacter: 'invalid character in string (control characters must be escaped)',
};

/** jsonc-parser's options: strict JSON, for the tree the slow path and `locate` build. */
const TREE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

/** Offsets where lines start; a line ends with LF, CR LF or a lone CR (old Mac files), as editors count them. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  const re = /\r\n?|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** Line and column (1-based) of offsets in a text; the line table is built on first use. */
function positions(text: string): (offset: number) => { line: number; column: number } {
  let lineStarts: number[] | undefined;
  return (offset) => {
    if (!lineStarts) {
      lineStarts = lineStartsOf(text);
    }
    let lo = 0,
      hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
  };
}

/**
 * A located document whose positions come from a jsonc-parser tree built only when something asks where a path is
 * (a valid file never does), so loading a good file costs little more than JSON.parse.
 */
function lazyLocated(
  text: string,
  value: unknown,
  position: (offset: number) => { line: number; column: number },
  built?: Node,
): LocatedJson {
  let tree = built;
  return {
    value,
    locate(path, key = false) {
      tree ??= parseTree(text, [], TREE_OPTIONS) as Node;
      const p = [...path];
      for (;;) {
        const node = findNodeAtLocation(tree, p);
        if (node) {
          const target = key && node.parent?.type === 'property' ? (node.parent.children?.[0] ?? node) : node;
          return position(target.offset);
        }
        if (!p.length) return position(tree.offset);
        p.pop();
      }
    },
  };
}

/**
 * The fast path: JSON.parse, then the checks the tree walk makes (forbidden keys, depth, duplicate keys) done on the
 * value and the text. Returns undefined when anything is off; the slow path then finds and words every error.
 * JSON.parse accepts exactly the strict JSON jsonc-parser accepts with these options (same whitespace, escapes,
 * numbers and control-character rules), so a file takes the fast path only if the slow path would find no error.
 */
function parseFast(text: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  const keys = countKeys(value, 1);
  // JSON.parse keeps the last of duplicate keys: the keys written in the text outnumber the keys in the objects.
  if (keys < 0 || keys !== keysInText(text)) return undefined;
  return { value };
}

/** Keys in all objects of a parsed value; -1 when one is forbidden or the nesting is too deep. */
function countKeys(v: unknown, depth: number): number {
  if (depth > parseLimits.maxDepth) return -1;
  if (typeof v !== 'object' || v === null) return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const k = countKeys(v[i], depth + 1);
      if (k < 0) return -1;
      n += k;
    }
    return n;
  }
  for (const key in v) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return -1;
    const k = countKeys((v as Record<string, unknown>)[key], depth + 1);
    if (k < 0) return -1;
    n += k + 1;
  }
  return n;
}

/** Nesting the tree parser is never asked to go beyond (far past `maxDepth`, far below the stack's limit). */
const PRESCAN_DEPTH = 500;

/** Offset of the first "[" or "{" (outside strings) opening a level deeper than `limit`, or -1. */
export function tooDeepAt(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip a string, escapes included (an unterminated one ends the scan: the parser reports it).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/** Property names in a (syntactically valid) JSON text: strings followed by ":". */
function keysInText(text: string): number {
  let n = 0;
  const len = text.length;
  let i = text.indexOf('"');
  while (i >= 0) {
    // Find the closing quote: one not preceded by an odd run of backslashes.
    let end = text.indexOf('"', i + 1);
    for (;;) {
      if (end < 0) return -1;
      let b = end - 1;
      while (text.charCodeAt(b) === 92) b--;
      if ((end - 1 - b) % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    let j = end + 1;
    let c = text.charCodeAt(j);
    while (j < len && (c === 32 || c === 10 || c === 13 || c === 9)) c = text.charCodeAt(++j);
    if (c === 58) n++;
    i = text.indexOf('"', j);
  }
  return n;
}

/** Parses strict JSON with positions; returns every syntax and key error, or the located document. */
export function parseJson(text: string, file: string): { doc: LocatedJson; errors: RuleError[] } {
  const position = positions(text);
  if (text.length <= parseLimits.maxBytes) {
    const fast = parseFast(text);
    if (fast) return { doc: lazyLocated(text, fast.value, position), errors: [] };
  }

  const errors: RuleError[] = [];
  const at = (offset: number, path: readonly (string | number)[], message: string) =>
    errors.push({ file, ...position(offset), path: pathToString(path), message });

  const empty: LocatedJson = { value: undefined, locate: () => ({ line: 1, column: 1 }) };
  if (text.length > parseLimits.maxBytes) {
    at(0, [], `file is too large: ${text.length} characters, the limit is ${parseLimits.maxBytes}`);
    return { doc: empty, errors };
  }
  if (text.trim() === '') {
    at(0, [], 'file is empty; expected a JSON object like {"version": 1, "scenario": "…", "triggers": []}');
    return { doc: empty, errors };
  }

  // jsonc-parser recurses once per level: thousands of levels would overflow the stack before the walk below could
  // report them. Such a file is refused here, at the bracket that goes too deep (the path is not known yet).
  const deep = tooDeepAt(text, PRESCAN_DEPTH);
  if (deep >= 0) {
    at(deep, [], `nesting is too deep: more than ${parseLimits.maxDepth} levels`);
    return { doc: empty, errors };
  }

  const syntax: ParseError[] = [];
  const tree = parseTree(text, syntax, TREE_OPTIONS);
  // Only the first syntax error: after it the parser is guessing, and later "errors" are mostly echoes of the first.
  const first = syntax[0];
  if (first) {
    const { offset, message } = syntaxMessage(text, first);
    at(offset, [], `JSON syntax: ${message}`);
  }
  if (syntax.length || !tree) return { doc: empty, errors };

  // Walk the tree: forbidden and duplicate keys, depth. One path, pushed and popped.
  const path: (string | number)[] = [];
  const walk = (node: Node, depth: number): void => {
    if (depth > parseLimits.maxDepth) {
      at(node.offset, path, `nesting is too deep: more than ${parseLimits.maxDepth} levels`);
      return;
    }
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode) continue;
        const key = keyNode.value as string;
        path.push(key);
        if (FORBIDDEN_KEYS.has(key)) {
          at(keyNode.offset, path, `the key ${JSON.stringify(key)} is not allowed (it could change object prototypes)`);
          path.pop();
          continue;
        }
        if (seen.has(key)) at(keyNode.offset, path, `duplicate key ${JSON.stringify(key)}; each key may appear once`);
        seen.add(key);
        if (valueNode) walk(valueNode, depth + 1);
        path.pop();
      }
    } else if (node.type === 'array') {
      const children = node.children ?? [];
      for (let i = 0; i < children.length; i++) {
        path.push(i);
        walk(children[i] as Node, depth + 1);
        path.pop();
      }
    }
  };
  walk(tree, 1);
  if (errors.length) return { doc: empty, errors };
  return { doc: lazyLocated(text, getNodeValue(tree), position, tree), errors };
}

/** Source text as shown in a message: one line, control characters escaped, in backticks. */
function excerpt(raw: string): string {
  const line = raw.split(/\r\n?|\n/)[0] as string;
  return `\`${line.replace(/[^\x20-\uffff]/g, (c) => JSON.stringify(c).slice(1, -1))}\``;
}

/** A syntax error in plain words, with the usual slips (trailing comma, single quotes, bare words, .5, 01) named. */
function syntaxMessage(text: string, e: ParseError): { offset: number; message: string } {
  const code = printParseErrorCode(e.error);
  const raw = text.slice(e.offset, e.offset + Math.max(1, Math.min(e.length, 40)));
  const before = text.slice(0, e.offset).trimEnd();
  if (
    (code === 'ValueExpected' || code === 'PropertyNameExpected') &&
    (raw === '}' || raw === ']') &&
    before.endsWith(',')
  )
    return { offset: before.length - 1, message: `trailing comma: remove the "," before "${raw}"` };
  if (code === 'InvalidSymbol' && raw.startsWith("'"))
    return { offset: e.offset, message: `strings and property names need double quotes ("), found ${excerpt(raw)}` };
  if (code === 'InvalidSymbol' && /^[A-Za-z_$][\w$]*$/.test(raw))
    return {
      offset: e.offset,
      message: `unquoted text ${excerpt(raw)}; strings and property names need double quotes, and the only bare words are true, false and null`,
    };
  if (code === 'InvalidSymbol' && /^[-+]?\.\d/.test(raw))
    return {
      offset: e.offset,
      message: `invalid number ${excerpt(raw)}; write a digit before the decimal point (0.5, not .5)`,
    };
  if (code === 'CommaExpected' && /\d/.test(raw[0] ?? '') && /(^|[^\d.eE+-])-?0$/.test(before))
    return { offset: e.offset - 1, message: `invalid number ${excerpt('0' + raw)}; numbers must not start with 0` };
  const hint = SYNTAX_HINTS[code] ?? code;
  return { offset: e.offset, message: raw ? `${hint}, found ${excerpt(raw)}` : `${hint} at the end of the file` };
}
