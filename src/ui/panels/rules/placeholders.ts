import type { Completion, CompletionResult } from '@codemirror/autocomplete';
import type { EditorState } from '@codemirror/state';
import type { Catalogue } from '../../../engine';
import { factOptions, paramOf, scopeOf } from './factOptions';
import type { JsonSpot } from './jsonSpot';
import { fileNames } from './ruleNames';

/** True when the cursor is in a text parameter that takes `{fact}` placeholders (say's "text"). */
export function inTemplate(catalogue: Catalogue, spot: JsonSpot): boolean {
  return spot.kind === 'value' && spot.quoted && paramOf(catalogue, spot)?.kind === 'template';
}

/** Where the placeholder being typed before `pos` starts (just after its `{`), or -1 outside one. */
export function openPlaceholder(state: EditorState, spot: JsonSpot, pos: number): number {
  const before = state.sliceDoc(spot.from, pos);
  const open = before.lastIndexOf('{');
  return open >= 0 && !before.includes('}', open) && /^[\w.\s]*$/.test(before.slice(open + 1))
    ? spot.from + open + 1
    : -1;
}

/** Inserts a placeholder's fact and, unless one is there already, its closing brace. */
function withClosingBrace(o: Completion): Completion {
  return {
    ...o,
    apply: (view, _completion, from, to) => {
      const text = view.state.sliceDoc(to, to + 1) === '}' ? o.label : `${o.label}}`;
      view.dispatch({
        changes: { from, to, insert: text },
        selection: { anchor: from + text.length },
        userEvent: 'input.complete',
      });
    },
  };
}

/**
 * Completion inside a `say` text after `{`: the facts a placeholder may read there (the trigger's event fields, meta,
 * entity, world, the file's variables, timers, windows and alarms), each closed with `}`. Null when the cursor is not
 * in a placeholder.
 */
export function placeholderCompletion(
  catalogue: Catalogue,
  spot: JsonSpot,
  state: EditorState,
  pos: number,
): CompletionResult | null {
  const from = openPlaceholder(state, spot, pos);
  if (from < 0) return null;
  const word = /^[\w.]*/.exec(state.sliceDoc(pos, spot.to))?.[0] ?? '';
  const options = factOptions(catalogue, scopeOf(catalogue, spot.doc, spot.path), fileNames(spot.doc));
  return { from, to: pos + word.length, options: options.map(withClosingBrace), validFor: /^[\w.]*$/ };
}

/** The `{fact}` placeholder around a position of a template string: its fact and its range (braces included). */
export function placeholderAt(
  state: EditorState,
  spot: JsonSpot,
  pos: number,
): { fact: string; from: number; to: number } | null {
  const text = state.sliceDoc(spot.from, spot.to);
  for (const m of text.matchAll(/\{([^{}]*)\}/g)) {
    const from = spot.from + m.index;
    const to = from + m[0].length;
    if (from <= pos && pos <= to) return { fact: (m[1] as string).trim(), from, to };
  }
  return null;
}
