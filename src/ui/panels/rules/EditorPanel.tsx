import { untracked, useSignal, useSignalEffect } from '@preact/signals';
import type { Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { PanelContext } from '../context';
import type { CodeEditor } from './codeEditor';
import { createCodeEditor } from './codeEditor';
import { editorGoto, gotoOffset } from './goto';
import { JumpBar } from './JumpBar';
import type { DraftCheck } from './lint';
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
  useCodeEditor(ctx, model, editor, mountAt);
  useEditorRequests(ctx, model, editor, tab);

  const dirty = model.dirty.value;
  const check = model.check.value;
  const problems = check?.problems ?? [];
  const goTo = (from: number) => editor.current?.goTo(from);
  return (
    <div class="rules-editor" onKeyDown={panelKeys(model)}>
      <TabBar tab={tab} dirty={dirty} />
      <JumpBar ctx={ctx} editor={() => editor.current} />
      <section class="re-edit" role="tabpanel" aria-label="Edit" hidden={tab.value !== 'edit'}>
        <EditToolbar ctx={ctx} model={model} dirty={dirty} check={check} />
        <NoticeLine
          notice={model.notice.value}
          listed={problems.map((p) => p.line)}
          onClose={() => (model.notice.value = null)}
        />
        <div class="re-cm" ref={mountAt} />
        <DraftIssues check={check} goTo={goTo} />
      </section>
      {tab.value === 'test' && <TestView ctx={ctx} model={model} />}
      {tab.value === 'reference' && <ReferenceView catalogue={ctx.catalogue} />}
    </div>
  );
}

/** Mounts CodeMirror on `mountAt` wired to the model, going to a line another panel asked for before it existed. */
function useCodeEditor(
  ctx: PanelContext,
  model: EditorModel,
  editor: RefObject<CodeEditor | null>,
  mountAt: RefObject<HTMLDivElement>,
): void {
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
}

/** Follows the page: rules applied elsewhere, go-to requests from other panels, and re-measuring on the Edit tab. */
function useEditorRequests(
  ctx: PanelContext,
  model: EditorModel,
  editor: RefObject<CodeEditor | null>,
  tab: Signal<Tab>,
): void {
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
}

/** Ctrl/Cmd+S saves and Ctrl/Cmd+Enter applies from anywhere in the panel (inside the editor its keymap does it first). */
function panelKeys(model: EditorModel): (e: KeyboardEvent) => void {
  return (e) => {
    if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    if (e.key === 's') {
      e.preventDefault();
      void model.save();
    } else if (e.key === 'Enter' && model.dirty.peek()) {
      e.preventDefault();
      model.apply();
    }
  };
}

/** The Edit / Test / Reference tabs and whether the editor holds a draft or the running rules. */
function TabBar({ tab, dirty }: { tab: Signal<Tab>; dirty: boolean }) {
  return (
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
  );
}

/** Apply, Revert, Format and Save, and the check's verdict on the draft. */
function EditToolbar(props: { ctx: PanelContext; model: EditorModel; dirty: boolean; check: DraftCheck | null }) {
  const { ctx, model, dirty, check } = props;
  const problems = check?.problems ?? [];
  return (
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
        {checkText(check)}
      </span>
    </div>
  );
}

/** The toolbar's one-line verdict: checking, the error count, or valid with its loop warnings. */
function checkText(check: DraftCheck | null): string {
  if (!check) return 'checking…';
  const errors = check.problems.length;
  if (errors) return `✗ ${errors} error${errors === 1 ? '' : 's'}`;
  const warnings = check.warnings.length;
  return warnings ? `✓ valid, ⚠ ${warnings} loop warning${warnings === 1 ? '' : 's'}` : '✓ valid';
}

/** The draft's errors and warnings under the editor; each one goes to its place in the text. */
function DraftIssues({ check, goTo }: { check: DraftCheck | null; goTo: (from: number) => void }) {
  const problems = check?.problems ?? [];
  return (
    <>
      {problems.length > 0 && (
        <ul class="re-problems" aria-label="Errors in the draft">
          {problems.map((p) => (
            <li key={`${p.from}:${p.message}`}>
              <button type="button" onClick={() => goTo(p.from)} title="Show it in the editor">
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
              <button type="button" onClick={() => goTo(p.from)} title="Show it in the editor">
                ⚠ {p.line}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
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
