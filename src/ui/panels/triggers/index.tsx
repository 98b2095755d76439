import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AnyEngine, SirenEvent } from '../../../engine';
import { BreakToggle } from './BreakToggle';
import type { MountPanel, PanelContext } from '../context';
import { EventChip } from '../log/common';
import { tickSeconds } from '../log/model';
import type { InspectorIndex, TriggerRow } from './model';
import { createInspectorIndex, triggerRows } from './model';
import { Why } from './Why';
import type { Select } from './Why';
import './style.css';

/** A trigger's badges (disabled, once, cooldown, delay, priority) and when it last fired. */
function Status({ r, tick }: { r: TriggerRow; tick: number }) {
  return (
    <span class="insp-badges">
      {!r.enabled && <span class="insp-badge off">disabled</span>}
      {r.once && <span class={`insp-badge${r.spent ? ' off' : ''}`}>{r.spent ? 'once · spent' : 'once'}</span>}
      {r.cooldown > 0 && (
        <span class={`insp-badge${r.coolingLeft > 0 ? ' warn' : ''}`}>
          {r.coolingLeft > 0 ? `cooling down · ${r.coolingLeft.toFixed(1)} s left` : `cooldown ${r.cooldown} s`}
        </span>
      )}
      {r.delay > 0 && <span class="insp-badge">delay {r.delay} s</span>}
      {r.priority !== 0 && <span class="insp-badge">priority {r.priority}</span>}
      <span class="insp-fires" title={r.lastFiredTick === null ? undefined : `last fired at tick ${r.lastFiredTick}`}>
        {r.fires === 0
          ? 'never fired'
          : `fired ${r.fires}× · last tick ${r.lastFiredTick} (${tickSeconds(r.lastFiredTick ?? 0)}, ${tickSeconds(tick - (r.lastFiredTick ?? 0))} ago)`}
      </span>
    </span>
  );
}

/**
 * Which triggers are open, and a toggle. Selecting an event opens the triggers listening to its type, so they
 * explain it at once.
 */
function useOpenTriggers(engine: AnyEngine, selected: number | null, selType: string | null) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    const ids = selType ? (engine.rules.byType.get(selType) ?? []).map((t) => t.id) : [];
    if (ids.length) setOpen((o) => new Set([...o, ...ids]));
  }, [selected, selType, engine]);
  const toggleOpen = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  return { open, toggleOpen };
}

/** How many triggers there are and are enabled, and which ones explain the selected event. */
function Intro({ rows, selEv, select }: { rows: readonly TriggerRow[]; selEv?: SirenEvent; select: Select }) {
  return (
    <p class="panel-note insp-intro">
      {rows.length} triggers in file order, {rows.filter((r) => r.enabled).length} enabled. Untick one to switch it off
      live; open one to see <em>why it did or did not fire</em>.
      {selEv && (
        <>
          {' '}
          Triggers on <code>{selEv.type}</code> (marked ●) explain the selected event{' '}
          <EventChip offset={selEv.seq} ev={selEv} onSelect={select} />.
        </>
      )}
    </p>
  );
}

interface TriggerItemProps {
  ctx: PanelContext;
  engine: AnyEngine;
  index: InspectorIndex;
  r: TriggerRow;
  selected: number | null;
  listens: boolean;
  isOpen: boolean;
  onToggle: () => void;
  select: Select;
}

/** One trigger: its enable box, open button, breakpoint toggle and status; open, its behaviours and the why. */
function TriggerItem({ ctx, engine, index, r, selected, listens, isOpen, onToggle, select }: TriggerItemProps) {
  const setEnabled = (on: boolean) => {
    engine.setTriggerEnabled(r.id, on);
    ctx.touch();
  };
  return (
    <li class={`insp-item status-${r.status}${isOpen ? ' open' : ''}`} data-trigger={r.id}>
      <div class="insp-head">
        <input
          type="checkbox"
          class="insp-toggle"
          checked={r.enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
          aria-label={`${r.enabled ? 'Disable' : 'Enable'} trigger ${r.id}`}
          title={r.enabled ? 'Enabled: untick to disable it now' : 'Disabled: tick to enable it now'}
        />
        <button type="button" class="insp-expand" aria-expanded={isOpen} onClick={onToggle}>
          <span class="insp-caret">{isOpen ? '▾' : '▸'}</span>
          <code class="insp-id">{r.id}</code>
          {listens && (
            <span class="insp-listens" title="Listens to the selected event's type">
              ●
            </span>
          )}
          <span class="insp-mode">{r.mode}</span>
        </button>
        {ctx.debug && <BreakToggle debug={ctx.debug} id={r.id} />}
      </div>
      <div class="insp-sub">
        <Status r={r} tick={engine.tick} />
      </div>
      {isOpen && (
        <div class="insp-body">
          {r.description && <p class="insp-desc">{r.description}</p>}
          <p class="insp-small">
            do:{' '}
            {r.behaviours.map((b, i) => (
              <span key={i} class="insp-behaviour">
                {b}
              </span>
            ))}
          </p>
          <Why engine={engine} index={index} id={r.id} selected={selected} onSelect={select} />
        </div>
      )}
    </li>
  );
}

function InspectorPanel({ ctx }: { ctx: PanelContext }) {
  void ctx.version.value; // re-read on the page's refresh (≤ 4 Hz)
  const engine = ctx.engine.value;
  const selected = ctx.selected.value;
  const selEv = selected === null ? undefined : engine.log.at(selected);
  const { open, toggleOpen } = useOpenTriggers(engine, selected, selEv?.type ?? null);
  const index = useMemo(() => createInspectorIndex(), []);
  index.update(engine.log);
  const rows = triggerRows(engine);
  const select: Select = (o) => (ctx.selected.value = o);
  return (
    <div class="insp-panel">
      <Intro rows={rows} selEv={selEv} select={select} />
      <ul class="insp-list">
        {rows.map((r) => (
          <TriggerItem
            key={r.id}
            ctx={ctx}
            engine={engine}
            index={index}
            r={r}
            selected={selected}
            listens={!!selEv && r.on === selEv.type}
            isOpen={open.has(r.id)}
            onToggle={() => toggleOpen(r.id)}
            select={select}
          />
        ))}
      </ul>
    </div>
  );
}

/** Mounts the trigger inspector panel. */
export const mount: MountPanel = (host, ctx) => {
  render(<InspectorPanel ctx={ctx} />, host);
  return () => render(null, host);
};
