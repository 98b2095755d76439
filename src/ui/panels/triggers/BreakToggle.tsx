import type { DebugSession } from '../../debug/session';

/** A trigger's breakpoint switch: on adds (or enables) a breakpoint on it firing, off disables it. */
export function BreakToggle({ debug, id }: { debug: DebugSession; id: string }) {
  const list = debug.breakpoints.value;
  const i = list.findIndex((b) => b.kind === 'trigger' && b.trigger === id);
  const on = i >= 0 && (list[i] as (typeof list)[number]).enabled;
  return (
    <button
      type="button"
      class={`insp-break${on ? ' on' : ''}`}
      data-action="break"
      aria-pressed={on}
      title={on ? 'Pausing the game when this trigger fires: click to stop' : 'Pause the game when this trigger fires'}
      onClick={() => (i < 0 ? debug.add({ kind: 'trigger', trigger: id, enabled: true }) : debug.setEnabled(i, !on))}
    >
      ⏸
    </button>
  );
}
