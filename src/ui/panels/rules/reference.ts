/** A run of inline text: plain, `code`, or a line break (`<br>` in a table cell). */
export type Inline = { readonly kind: 'text' | 'code'; readonly text: string } | { readonly kind: 'br' };

/** A block of the generated rules reference. */
export type RefBlock =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string; readonly id: string }
  | { readonly kind: 'para'; readonly inline: readonly Inline[]; readonly note: boolean }
  | {
      readonly kind: 'table';
      readonly head: readonly (readonly Inline[])[];
      readonly rows: readonly (readonly (readonly Inline[])[])[];
    };

/** Splits Markdown inline text into plain text, code spans and `<br>` breaks (nothing else is interpreted: no HTML). */
export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  const push = (kind: 'text' | 'code', text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.kind === kind) out[out.length - 1] = { kind, text: last.text + text };
    else out.push({ kind, text });
  };
  let i = 0;
  let text = '';
  while (i < s.length) {
    if (s[i] === '`') {
      const close = s.indexOf('`', i + 1);
      if (close > i) {
        push('text', text);
        text = '';
        push('code', s.slice(i + 1, close));
        i = close + 1;
        continue;
      }
    }
    if (s.startsWith('<br>', i)) {
      push('text', text);
      text = '';
      out.push({ kind: 'br' });
      i += 4;
      continue;
    }
    if (s[i] === '\\' && i + 1 < s.length && '|\\`*_'.includes(s[i + 1] as string)) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    text += s[i];
    i++;
  }
  push('text', text);
  return out;
}

/** The cells of a table row `| a | b \| c |` (escaped pipes stay in their cell). */
export function splitRow(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (body[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += body[i];
  }
  cells.push(cell.trim());
  return cells;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Parses the Markdown `rulesReference()` produces: headings, paragraphs and pipe tables. */
export function parseReference(md: string): RefBlock[] {
  const blocks: RefBlock[] = [];
  const lines = md.split('\n');
  let para: string[] = [];
  const flush = () => {
    if (!para.length) return;
    const text = para.join(' ');
    const note = /^_.*_$/.test(text);
    blocks.push({ kind: 'para', inline: parseInline(note ? text.slice(1, -1) : text), note });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      const text = (h[2] as string).replace(/`/g, '');
      blocks.push({ kind: 'heading', level: (h[1] as string).length, text, id: slug(text) });
      continue;
    }
    if (line.trim().startsWith('|') && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) {
      flush();
      const head = splitRow(line).map(parseInline);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && (lines[i] as string).trim().startsWith('|'))
        rows.push(splitRow(lines[i++] as string).map(parseInline));
      i--;
      blocks.push({ kind: 'table', head, rows });
      continue;
    }
    if (!line.trim()) flush();
    else para.push(line.trim());
  }
  flush();
  return blocks;
}

/** The plain text of inline runs (for searching). */
export function inlineText(runs: readonly Inline[]): string {
  return runs.map((r) => (r.kind === 'br' ? ' ' : r.text)).join('');
}

/**
 * Keeps only the table rows that mention every word of the query (case-insensitive), the headings above them and
 * nothing else; an empty query keeps everything.
 */
export function filterReference(blocks: readonly RefBlock[], query: string): RefBlock[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...blocks];
  const out: RefBlock[] = [];
  let headings: RefBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      // A heading replaces any pending heading of the same or a deeper level.
      headings = headings.filter((x) => x.kind === 'heading' && x.level < b.level);
      headings.push(b);
      continue;
    }
    if (b.kind !== 'table') continue;
    const rows = b.rows.filter((r) => {
      const text = r.map(inlineText).join(' ').toLowerCase();
      return words.every((w) => text.includes(w));
    });
    if (!rows.length) continue;
    out.push(...headings);
    headings = [];
    out.push({ ...b, rows });
  }
  return out;
}
