import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, ViewPlugin } from '@codemirror/view';
import type { DecorationSet, EditorView, ViewUpdate } from '@codemirror/view';

/** How much further than its own indentation a wrapped line's continuation starts (characters). */
const HANG = 4;

const cache = new Map<number, Decoration>();
function lineDeco(indent: number): Decoration {
  let d = cache.get(indent);
  if (!d) {
    const w = indent + HANG;
    d = Decoration.line({ attributes: { style: `padding-left: calc(${w}ch + 6px); text-indent: -${w}ch` } });
    cache.set(indent, d);
  }
  return d;
}

function build(view: EditorView): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos);
      const indent = /^ */.exec(line.text)?.[0].length ?? 0;
      b.add(line.from, line.from, lineDeco(indent));
      pos = line.to + 1;
    }
  }
  return b.finish();
}

/** With line wrapping on, continuation lines hang under their line's indentation instead of the left edge. */
export const wrapIndent = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view);
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.viewportChanged) this.decorations = build(u.view);
    }
  },
  { decorations: (v) => v.decorations },
);
