import { useSignalEffect } from '@preact/signals';
import { triggerLocation } from '../../../engine';
import type { Jump } from '../../debug/session';
import type { PanelContext } from '../context';
import type { CodeEditor } from './codeEditor';

/** Where a jump landed in the editor's text: the trigger's line and column, or null when the text has no such trigger. */
function landing(ed: CodeEditor, jump: Jump): { line: number; column: number } | null {
  const at = triggerLocation(ed.text(), jump.trigger);
  if (!at) return null;
  const doc = ed.view.state.doc;
  ed.goTo(doc.line(Math.min(at.line, doc.lines)).from + at.column - 1);
  return at;
}

/**
 * "Where did this come from": moves the cursor to the trigger a jump names, and offers the way back to the panel
 * (and event) it came from.
 */
export function JumpBar({
  ctx,
  editor,
  onShow,
}: {
  ctx: PanelContext;
  editor: () => CodeEditor | null;
  onShow(): void;
}) {
  const debug = ctx.debug;
  useSignalEffect(() => {
    const jump = debug?.jump.value;
    if (!jump) return;
    // The editor is created by the panel's own effect, which runs after this one on the first mount.
    const timer = setTimeout(() => {
      const ed = editor();
      if (!ed) return;
      onShow();
      const at = landing(ed, jump);
      ed.view.dom.dataset.jump = at ? `${jump.trigger}@${at.line}:${at.column}` : `${jump.trigger}@missing`;
    }, 0);
    return () => clearTimeout(timer);
  });
  const jump = debug?.jump.value;
  if (!debug || !jump) return null;
  const ed = editor();
  const at = ed ? triggerLocation(ed.text(), jump.trigger) : null;
  const back = () => {
    debug.jump.value = null;
    if (jump.seq !== null) ctx.selected.value = jump.seq;
    if (jump.back) ctx.open(jump.back);
  };
  return (
    <div class="re-jump" role="status" data-trigger={jump.trigger}>
      <span>
        trigger <code>{jump.trigger}</code>{' '}
        {at ? `at line ${at.line}, column ${at.column}` : 'is not in the text being edited'}
      </span>
      {jump.back && (
        <button type="button" class="re-btn" data-action="jump-back" onClick={back}>
          ← back to {jump.back === 'log' ? 'the event' : jump.back}
        </button>
      )}
      <button type="button" class="re-btn" aria-label="Close" onClick={() => (debug.jump.value = null)}>
        ✕
      </button>
    </div>
  );
}
