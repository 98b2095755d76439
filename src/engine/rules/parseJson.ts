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

/** Parses strict JSON with positions; returns every syntax and key error, or the located document. */
export function parseJson(text: string, file: string): { doc: LocatedJson; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0,
      hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
  };
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

  const syntax: ParseError[] = [];
  const tree = parseTree(text, syntax, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // Only the first syntax error: after it the parser is guessing, and later "errors" are mostly echoes of the first.
  const first = syntax[0];
  if (first) {
    const { offset, message } = syntaxMessage(text, first);
    at(offset, [], `JSON syntax: ${message}`);
  }
  if (syntax.length || !tree) return { doc: empty, errors };

  // Walk the tree: forbidden and duplicate keys, depth.
  const walk = (node: Node, path: (string | number)[], depth: number): void => {
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
        if (FORBIDDEN_KEYS.has(key)) {
          at(keyNode.offset, [...path, key], `the key ${JSON.stringify(key)} is not allowed (it could change object prototypes)`);
          continue;
        }
        if (seen.has(key)) at(keyNode.offset, [...path, key], `duplicate key ${JSON.stringify(key)}; each key may appear once`);
        seen.add(key);
        if (valueNode) walk(valueNode, [...path, key], depth + 1);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => walk(child, [...path, i], depth + 1));
    }
  };
  walk(tree, [], 1);
  if (errors.length) return { doc: empty, errors };

  const doc: LocatedJson = {
    value: getNodeValue(tree),
    locate(path, key = false) {
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
  return { doc, errors };
}

/** Source text as shown in a message: one line, control characters escaped, in backticks. */
function excerpt(raw: string): string {
  const line = raw.split('\n')[0] as string;
  return `\`${line.replace(/[^\x20-\uffff]/g, (c) => JSON.stringify(c).slice(1, -1))}\``;
}

/** A syntax error in plain words, with the usual slips (trailing comma, single quotes, bare words, .5, 01) named. */
function syntaxMessage(text: string, e: ParseError): { offset: number; message: string } {
  const code = printParseErrorCode(e.error);
  const raw = text.slice(e.offset, e.offset + Math.max(1, Math.min(e.length, 40)));
  const before = text.slice(0, e.offset).trimEnd();
  if ((code === 'ValueExpected' || code === 'PropertyNameExpected') && (raw === '}' || raw === ']') && before.endsWith(','))
    return { offset: before.length - 1, message: `trailing comma: remove the "," before "${raw}"` };
  if (code === 'InvalidSymbol' && raw.startsWith("'")) return { offset: e.offset, message: `strings and property names need double quotes ("), found ${excerpt(raw)}` };
  if (code === 'InvalidSymbol' && /^[A-Za-z_$][\w$]*$/.test(raw))
    return { offset: e.offset, message: `unquoted text ${excerpt(raw)}; strings and property names need double quotes, and the only bare words are true, false and null` };
  if (code === 'InvalidSymbol' && /^[-+]?\.\d/.test(raw)) return { offset: e.offset, message: `invalid number ${excerpt(raw)}; write a digit before the decimal point (0.5, not .5)` };
  if (code === 'CommaExpected' && /\d/.test(raw[0] ?? '') && /(^|[^\d.eE+-])-?0$/.test(before))
    return { offset: e.offset - 1, message: `invalid number ${excerpt('0' + raw)}; numbers must not start with 0` };
  const hint = SYNTAX_HINTS[code] ?? code;
  return { offset: e.offset, message: raw ? `${hint}, found ${excerpt(raw)}` : `${hint} at the end of the file` };
}
