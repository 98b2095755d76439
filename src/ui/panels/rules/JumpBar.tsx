import { useSignalEffect } from '@preact/signals';
import { editorGoto } from './goto';
import { triggerLocation } from '../../../engine';
import type { PanelContext } from '../context';
import type { CodeEditor } from './codeEditor';

/**
 * "Where did this come from": moves the cursor to the trigger a jump names, and offers the way back to the panel
 * (and event) it came from.
 */
export function JumpBar({ ctx, editor }: { ctx: PanelContext; editor: () => CodeEditor | null }) {
  const debug = ctx.debug;
  // The editor goes there (on mount, or at once when open): found by id in the draft, else at the running line:col.
  useSignalEffect(() => {
    const jump = debug?.jump.value;
    if (!jump || jump.sent) return;
    jump.sent = true;
    const at = triggerLocation(ctx.rules().text, jump.trigger) ?? { line: 1, column: 1 };
    editorGoto.value = { trigger: jump.trigger, ...at };
  });
  const jump = debug?.jump.value;
  if (!debug || !jump) return null;
  const ed = editor();
  const at = triggerLocation(ed ? ed.text() : ctx.rules().text, jump.trigger);
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
