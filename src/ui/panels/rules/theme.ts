import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/** The editor's dark look, matching the page's colours (GitHub dark). */
const look = EditorView.theme(
  {
    '&': { color: '#e6edf3', backgroundColor: '#0d1117', fontSize: '12.5px', height: '100%' },
    '.cm-scroller': { fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, monospace", lineHeight: '1.5' },
    '.cm-content': { caretColor: '#58a6ff' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: '#58a6ff' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
      backgroundColor: '#264f78',
    },
    '.cm-gutters': { backgroundColor: '#0d1117', color: '#6e7681', border: 'none', borderRight: '1px solid #21262d' },
    '.cm-activeLine': { backgroundColor: '#161b2288' },
    '.cm-activeLineGutter': { backgroundColor: '#161b22', color: '#c9d1d9' },
    '.cm-foldPlaceholder': { backgroundColor: '#21262d', border: 'none', color: '#9da7b3' },
    '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
      backgroundColor: '#3fb95033',
      outline: '1px solid #3fb95088',
    },
    '.cm-tooltip': { backgroundColor: '#161b22', border: '1px solid #30363d', color: '#e6edf3', maxWidth: '420px' },
    '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: '#1f6feb', color: '#fff' },
    '.cm-tooltip.cm-completionInfo': { padding: '4px 8px', maxWidth: '300px' },
    '.cm-completionDetail': { color: '#9da7b3', fontStyle: 'normal', marginLeft: '0.8em' },
    '.cm-completionMatchedText': { textDecoration: 'none', color: '#79c0ff', fontWeight: '600' },
    '.cm-diagnostic': {
      padding: '4px 8px',
      fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, monospace",
      whiteSpace: 'pre-wrap',
    },
    '.cm-diagnostic-error': { borderLeft: '4px solid #ff6b6b' },
    '.cm-lintRange-error': {
      backgroundImage: 'none',
      textDecoration: 'underline wavy #ff6b6b',
      textDecorationSkipInk: 'none',
      textUnderlineOffset: '3px',
    },
    '.cm-panels': { backgroundColor: '#161b22', color: '#e6edf3' },
    '.cm-panels.cm-panels-bottom': { borderTop: '1px solid #30363d' },
    '.cm-searchMatch': { backgroundColor: '#f2cc6044' },
    '.cm-textfield, .cm-button': {
      backgroundColor: '#0d1117',
      color: '#e6edf3',
      border: '1px solid #30363d',
      backgroundImage: 'none',
    },
  },
  { dark: true },
);

/** JSON colours. */
const colours = HighlightStyle.define([
  { tag: tags.propertyName, color: '#79c0ff' },
  { tag: tags.string, color: '#a5d6ff' },
  { tag: tags.number, color: '#f2cc60' },
  { tag: [tags.bool, tags.null], color: '#ff7b72' },
  { tag: [tags.separator, tags.brace, tags.squareBracket], color: '#8b949e' },
]);

/** The editor theme: layout and colours. */
export const editorTheme = [look, syntaxHighlighting(colours)];
