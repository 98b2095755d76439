import { formatError, parseJson } from '../../../engine';

/** How wide a formatted line may get before a value is spread over several lines (the shipped rules files' widest). */
export const FORMAT_WIDTH = 200;

/** The outcome of formatting: the new text, or why it could not be formatted (the text is left alone). */
export type FormatResult = { ok: true; text: string } | { ok: false; errors: string[] };

/**
 * Pretty-prints a rules file the way public/rules/*.json are written: the file, its top-level lists, each trigger and
 * a `do` list of several actions are spread one item per line; anything else stays on one line
 * (`{ "fact": "event.amount", "times": -1 }`) while it fits.
 * Key order is kept. A file that does not parse is refused with the loader's syntax errors.
 */
export function formatRulesText(text: string, file = 'rules.json', width = FORMAT_WIDTH): FormatResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { doc, errors } = parseJson(src, file);
  if (errors.length) return { ok: false, errors: errors.map(formatError) };
  return { ok: true, text: formatValue(doc.value, width) + '\n' };
}

/** Formats any JSON value with the rules-file layout. */
export function formatValue(value: unknown, width = FORMAT_WIDTH): string {
  return print(value, '', 0, 0, width, '');
}

const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** One line, with spaces inside braces: `{ "a": 1, "b": [1, 2] }`. */
function inline(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (isContainer(v)) {
    const entries = Object.entries(v);
    return entries.length ? `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(v) ?? 'null';
}

/** `used`: columns the line already has before this value (indent and key); `key`: its key, or for a list item, the list's key. */
function print(v: unknown, indent: string, depth: number, used: number, width: number, key: string): string {
  if (!isContainer(v)) return JSON.stringify(v) ?? 'null';
  const one = inline(v);
  // The file, its lists, each trigger and a list of several actions always spread out; the rest only when too wide.
  const spread =
    depth < 2 ||
    (depth === 2 && key === 'triggers') ||
    (depth === 3 && key === 'do' && Array.isArray(v) && v.length > 1);
  if (!spread && used + one.length + 1 <= width) return one;
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    return `[\n${v.map((x) => inner + print(x, inner, depth + 1, inner.length, width, key)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v);
  if (!entries.length) return '{}';
  return `{\n${entries
    .map(([k, x]) => {
      const head = `${inner}${JSON.stringify(k)}: `;
      return head + print(x, inner, depth + 1, head.length, width, k);
    })
    .join(',\n')}\n${indent}}`;
}
