import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput } from '@codemirror/language';
import { lintGutter, linter, lintKeymap } from '@codemirror/lint';
import type { Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorSelection, EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { rulesJsonSchema } from '../../../engine';
import type { Catalogue } from '../../../engine';
import { rulesCompletion } from './completions';
import { triggerIdAt } from './jsonSpot';
import { hoverAt } from './hover';
import type { HoverInfo } from './hover';
import type { DraftCheck, Problem } from './lint';
import type { JsonSchema } from './schemaWalk';
import { editorTheme } from './theme';
import { wrapIndent } from './wrapIndent';

/** How long typing must pause before the loader checks the draft (ms). */
export const LINT_DELAY_MS = 300;

/** The rules editor: CodeMirror completing and explaining from the scenario's JSON Schema and catalogue, linted by the engine's own loader. */
export interface CodeEditor {
  readonly view: EditorView;
  text(): string;
  /** Replaces the whole text (one undoable change). */
  setText(text: string): void;
  /** Moves the cursor to an offset, scrolls it into view and focuses the editor. */
  goTo(offset: number): void;
  destroy(): void;
}

/** Options: the catalogue the schema completes from, the file's name, the loader check, and callbacks. */
export interface CodeEditorOptions {
  readonly doc: string;
  readonly catalogue: Catalogue;
  readonly file: string;
  /** Runs the engine's loader on a text (the panel memoizes it, so the linter and the tester share one compile). */
  check(text: string): DraftCheck;
  onChange(text: string): void;
  /** The trigger the cursor is in changed (its id, or null outside triggers). */
  onCursorTrigger(id: string | null): void;
  /** Each time the linter has checked the text (debounced while typing). */
  onCheck(check: DraftCheck, text: string): void;
  /** Ctrl/Cmd+Enter. */
  onApply(): void;
  /** Ctrl/Cmd+S. */
  onSave(): void;
}

/** A hover box, written as text (never HTML). */
function hoverBox(info: HoverInfo): HTMLElement {
  const box = document.createElement('div');
  box.className = 'rules-hover';
  const head = document.createElement('div');
  head.className = 'rules-hover-head';
  const name = document.createElement('code');
  name.textContent = info.title;
  const kind = document.createElement('span');
  kind.className = 'rules-hover-kind';
  kind.textContent = info.kind;
  head.append(name, ' ', kind);
  box.append(head);
  if (info.text) {
    const p = document.createElement('div');
    p.className = 'rules-hover-text';
    p.textContent = info.text;
    box.append(p);
  }
  return box;
}

/** Creates the editor in `parent`. */
export function createCodeEditor(parent: HTMLElement, opts: CodeEditorOptions): CodeEditor {
  const { catalogue, file } = opts;
  const schema = rulesJsonSchema([catalogue]) as JsonSchema;
  let cursorTrigger: string | null = null;
  const loaderLint = (view: EditorView): Diagnostic[] => {
    const text = view.state.doc.toString();
    const check = opts.check(text);
    opts.onCheck(check, text);
    const diagnostic =
      (severity: 'error' | 'warning') =>
      (p: Problem): Diagnostic => ({ from: p.from, to: p.to, severity, message: p.message, source: 'rules loader' });
    return [...check.problems.map(diagnostic('error')), ...check.warnings.map(diagnostic('warning'))];
  };
  const state = EditorState.create({
    doc: opts.doc,
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      foldGutter(),
      lintGutter(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      closeBrackets(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      EditorView.lineWrapping,
      wrapIndent,
      EditorState.tabSize.of(2),
      json(),
      autocompletion({ override: [rulesCompletion(catalogue, schema)], icons: false }),
      hoverTooltip((view, pos) => {
        const info = hoverAt(view.state, pos, catalogue, schema);
        return info ? { pos: info.from, end: info.to, above: true, create: () => ({ dom: hoverBox(info) }) } : null;
      }),
      linter(loaderLint, { delay: LINT_DELAY_MS }),
      keymap.of([
        { key: 'Mod-Enter', run: () => (opts.onApply(), true), preventDefault: true },
        { key: 'Mod-s', run: () => (opts.onSave(), true), preventDefault: true },
        ...closeBracketsKeymap,
        ...defaultKeymap,
        ...searchKeymap,
        ...historyKeymap,
        ...foldKeymap,
        ...completionKeymap,
        ...lintKeymap,
      ]),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) opts.onChange(u.state.doc.toString());
        if (u.docChanged || u.selectionSet) {
          const id = triggerIdAt(u.state, u.state.selection.main.head);
          if (id !== cursorTrigger) opts.onCursorTrigger((cursorTrigger = id));
        }
      }),
      EditorView.contentAttributes.of({ 'aria-label': `Rules file ${file}`, spellcheck: 'false' }),
      editorTheme,
    ],
  });
  const view = new EditorView({ state, parent });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    goTo(offset) {
      const at = Math.max(0, Math.min(offset, view.state.doc.length));
      view.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      view.focus();
    },
    destroy: () => view.destroy(),
  };
}
