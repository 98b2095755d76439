import { untracked, useSignal, useSignalEffect } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { PanelContext } from '../context';
import type { CodeEditor } from './codeEditor';
import { createCodeEditor } from './codeEditor';
import { editorGoto, gotoOffset } from './goto';
import { JumpBar } from './JumpBar';
import type { EditorModel, Notice } from './model';
import { ReferenceView } from './ReferenceView';
import { TestView } from './TestView';

type Tab = 'edit' | 'test' | 'reference';
const TABS: readonly [Tab, string, string][] = [
  ['edit', 'Edit', 'Edit the rules file: Apply runs it, Save keeps it'],
  ['test', 'Test', 'Test a trigger of the draft against a sample event, without running it'],
  ['reference', 'Reference', 'Every event, fact, operator and behaviour the rules can use'],
];

/** The panel: an editor with Apply / Revert / Format / Save, a trigger tester, and the rules reference. */
export function EditorPanel({ ctx, model }: { ctx: PanelContext; model: EditorModel }) {
  const tab = useSignal<Tab>('edit');
  const editor = useRef<CodeEditor | null>(null);
  const mountAt = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!mountAt.current) return;
    const ed = createCodeEditor(mountAt.current, {
      doc: model.draft.peek(),
      catalogue: ctx.catalogue,
      file: model.file,
      check: model.checker,
      onChange: (text) => model.edited(text),
      onCursorTrigger: (id) => (model.cursorTrigger.value = id),
      onCheck: (check) => (model.check.value = check),
      onApply: () => model.apply(),
      onSave: () => void model.save(),
    });
    editor.current = ed;
    model.bindEditor((text) => ed.setText(text));
    const pending = editorGoto.peek();
    if (pending) {
      editorGoto.value = null;
      ed.goTo(gotoOffset(ed.text(), pending));
    }
    return () => {
      model.bindEditor(() => undefined);
      ed.destroy();
      editor.current = null;
    };
  }, [ctx, model]);

  // Rules applied elsewhere (the dev server, a replay) show up here; the page bumps `version` when they do.
  useSignalEffect(() => {
    void ctx.version.value;
    untracked(() => model.sync());
  });

  // Another panel (the rule graph) asked to show a trigger: go to its line:col in the Edit tab.
  useSignalEffect(() => {
    const req = editorGoto.value;
    const ed = editor.current;
    if (!req || !ed) return;
    editorGoto.value = null;
    tab.value = 'edit';
    ed.view.requestMeasure();
    ed.goTo(gotoOffset(ed.text(), req));
  });

  // CodeMirror measures itself only while visible: re-measure when the Edit tab comes back.
  useSignalEffect(() => {
    if (tab.value === 'edit') editor.current?.view.requestMeasure();
  });

  const dirty = model.dirty.value;
  const check = model.check.value;
  const problems = check?.problems ?? [];
  // Ctrl/Cmd+S saves and Ctrl/Cmd+Enter applies from anywhere in the panel (inside the editor its keymap does it first).
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    if (e.key === 's') {
      e.preventDefault();
      void model.save();
    } else if (e.key === 'Enter' && model.dirty.peek()) {
      e.preventDefault();
      model.apply();
    }
  };
  return (
    <div class="rules-editor" onKeyDown={onKeyDown}>
      <nav class="re-tabs" role="tablist" aria-label="Rules editor">
        {TABS.map(([id, title, hint]) => (
          <button
            type="button"
            role="tab"
            class={`re-tab${tab.value === id ? ' active' : ''}`}
            data-tab={id}
            title={hint}
            aria-selected={tab.value === id}
            onClick={() => (tab.value = id)}
          >
            {title}
          </button>
        ))}
        <span
          class={`re-state${dirty ? ' dirty' : ''}`}
          data-state={dirty ? 'draft' : 'running'}
          title={
            dirty
              ? 'The editor differs from the rules the game is running'
              : 'The editor shows the rules the game is running'
          }
        >
          {dirty ? 'draft — not applied' : 'running'}
        </span>
      </nav>
      <JumpBar ctx={ctx} editor={() => editor.current} />
      <section class="re-edit" role="tabpanel" aria-label="Edit" hidden={tab.value !== 'edit'}>
        <div class="re-toolbar">
          <button
            type="button"
            class="re-btn primary"
            data-action="apply"
            disabled={!dirty}
            onClick={() => model.apply()}
            title="Compile the draft and run it now (Ctrl+Enter)"
          >
            Apply
          </button>
          <button
            type="button"
            class="re-btn"
            data-action="revert"
            disabled={!dirty}
            onClick={() => model.revert()}
            title="Discard the draft: back to the rules running now"
          >
            Revert
          </button>
          <button
            type="button"
            class="re-btn"
            data-action="format"
            onClick={() => model.format()}
            title="Lay the JSON out the way the shipped rules files are"
          >
            Format
          </button>
          <button
            type="button"
            class="re-btn"
            data-action="save"
            onClick={() => void model.save()}
            title={
              ctx.dev
                ? `Download ${ctx.scenario}.json and write public/rules/${ctx.scenario}.json (Ctrl+S)`
                : `Download ${ctx.scenario}.json (Ctrl+S)`
            }
          >
            Save
          </button>
          <span class={`re-check${problems.length ? ' bad' : check ? ' good' : ''}`} data-problems={problems.length}>
            {!check
              ? 'checking…'
              : problems.length
                ? `✗ ${problems.length} error${problems.length === 1 ? '' : 's'}`
                : check.warnings.length
                  ? `✓ valid, ⚠ ${check.warnings.length} loop warning${check.warnings.length === 1 ? '' : 's'}`
                  : '✓ valid'}
          </span>
        </div>
        <NoticeLine
          notice={model.notice.value}
          listed={problems.map((p) => p.line)}
          onClose={() => (model.notice.value = null)}
        />
        <div class="re-cm" ref={mountAt} />
        {problems.length > 0 && (
          <ul class="re-problems" aria-label="Errors in the draft">
            {problems.map((p) => (
              <li key={`${p.from}:${p.message}`}>
                <button type="button" onClick={() => editor.current?.goTo(p.from)} title="Show it in the editor">
                  {p.line}
                </button>
              </li>
            ))}
          </ul>
        )}
        {check && check.warnings.length > 0 && (
          <ul class="re-problems re-warnings" aria-label="Warnings about the draft">
            {check.warnings.map((p) => (
              <li key={`${p.from}:${p.message}`}>
                <button type="button" onClick={() => editor.current?.goTo(p.from)} title="Show it in the editor">
                  ⚠ {p.line}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {tab.value === 'test' && <TestView ctx={ctx} model={model} />}
      {tab.value === 'reference' && <ReferenceView catalogue={ctx.catalogue} />}
    </div>
  );
}

/** The outcome of the last action, with its error lines (unless the error list under the editor already shows them). */
function NoticeLine({
  notice,
  listed,
  onClose,
}: {
  notice: Notice | null;
  listed: readonly string[];
  onClose: () => void;
}) {
  if (!notice) return null;
  const lines = notice.lines && !notice.lines.every((l) => listed.includes(l)) ? notice.lines : [];
  return (
    <div class={`re-notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <button type="button" class="re-notice-close" aria-label="Dismiss" onClick={onClose}>
        ×
      </button>
      <p>{notice.text}</p>
      {lines.length > 0 && (
        <ul>
          {lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
