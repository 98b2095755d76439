import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AnyEngine } from '../../../engine';
import { BreakToggle } from './BreakToggle';
import type { MountPanel, PanelContext } from '../context';
import { EventChip } from '../log/common';
import { tickSeconds } from '../log/model';
import type { InspectorIndex, TriggerRow } from './model';
import { createInspectorIndex, triggerRows, whyAnswer } from './model';
import './style.css';

type Select = (offset: number) => void;

function Why(props: {
  engine: AnyEngine;
  index: InspectorIndex;
  id: string;
  selected: number | null;
  onSelect: Select;
}) {
  const { engine, index, id, selected, onSelect } = props;
  const a = whyAnswer(engine, id, selected, index);
  if (!a) return null;
  const x = a.explanation;
  return (
    <div class="insp-why">
      <p class="insp-target">
        {a.target.kind === 'world' && <>Checked against the world now (it reads the world, not events).</>}
        {a.target.kind === 'none' && (
          <>
            No <code>{a.target.type}</code> event in the retained log yet: nothing to explain against.
          </>
        )}
        {(a.target.kind === 'selected' || a.target.kind === 'latest') && (
          <>
            Explaining <EventChip offset={a.target.event.seq} ev={a.target.event} onSelect={onSelect} />{' '}
            <span class="insp-muted">
              {a.target.kind === 'selected' ? '(the event selected in the log)' : '(the newest of its type)'}
            </span>
          </>
        )}
      </p>
      {(a.target.kind === 'selected' || a.target.kind === 'latest') &&
        (a.firedAs ? (
          <p class="insp-verdict pass">
            ✓ It fired on this event <EventChip offset={a.firedAs.seq} ev={a.firedAs} onSelect={onSelect} />
          </p>
        ) : (
          <>
            <p class="insp-verdict fail">✗ It did not fire on this event{a.then.length ? ':' : '.'}</p>
            {a.then.length > 0 && (
              <ul class="insp-blockers">
                {a.then.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            )}
          </>
        ))}
      {x && !a.firedAs && (
        <p class={`insp-now ${x.wouldFire ? 'pass' : 'fail'}`}>
          {x.wouldFire ? '✓ Checked now, it would fire.' : '✗ Checked now, it would not fire:'}
        </p>
      )}
      {x && x.blockers.length > 0 && (
        <ul class="insp-blockers">
          {x.blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      {a.notes.map((n) => (
        <p key={n} class="insp-muted insp-small">
          {n}
        </p>
      ))}
      {a.lines.length > 0 ? (
        <ul class="insp-cond" aria-label="Condition, with each part's verdict">
          {a.lines.map((l, i) => (
            <li key={i} class={l.pass ? 'pass' : 'fail'} style={{ paddingLeft: `${l.depth * 16}px` }}>
              <span class="insp-mark">{l.pass ? '✓' : '✗'}</span>{' '}
              <span class={l.kind === 'compare' ? 'insp-compare' : 'insp-group'}>{l.text}</span>
            </li>
          ))}
        </ul>
      ) : (
        x &&
        a.target.kind !== 'none' && (
          <p class="insp-muted insp-small">
            No condition: it applies to every {a.target.kind === 'world' ? 'check' : 'event of its type'}.
          </p>
        )
      )}
      {x && (
        <p class="insp-muted insp-small">Blockers and world or entity facts are read from the game as it is now.</p>
      )}
    </div>
  );
}

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

function InspectorPanel({ ctx }: { ctx: PanelContext }) {
  void ctx.version.value; // re-read on the page's refresh (≤ 4 Hz)
  const engine = ctx.engine.value;
  const selected = ctx.selected.value;
  const selEv = selected === null ? undefined : engine.log.at(selected);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  // Selecting an event opens the triggers listening to its type, so they explain it at once.
  const selType = selEv?.type ?? null;
  useEffect(() => {
    const ids = selType ? (engine.rules.byType.get(selType) ?? []).map((t) => t.id) : [];
    if (ids.length) setOpen((o) => new Set([...o, ...ids]));
  }, [selected, selType, engine]);
  const index = useMemo(() => createInspectorIndex(), []);
  index.update(engine.log);
  const rows = triggerRows(engine);
  const select: Select = (o) => (ctx.selected.value = o);
  const toggleOpen = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  const setEnabled = (id: string, on: boolean) => {
    engine.setTriggerEnabled(id, on);
    ctx.touch();
  };
  return (
    <div class="insp-panel">
      <p class="panel-note insp-intro">
        {rows.length} triggers in file order, {rows.filter((r) => r.enabled).length} enabled. Untick one to switch it
        off live; open one to see <em>why it did or did not fire</em>.
        {selEv && (
          <>
            {' '}
            Triggers on <code>{selEv.type}</code> (marked ●) explain the selected event{' '}
            <EventChip offset={selEv.seq} ev={selEv} onSelect={select} />.
          </>
        )}
      </p>
      <ul class="insp-list">
        {rows.map((r) => {
          const isOpen = open.has(r.id);
          const listens = !!selEv && r.on === selEv.type;
          return (
            <li key={r.id} class={`insp-item status-${r.status}${isOpen ? ' open' : ''}`} data-trigger={r.id}>
              <div class="insp-head">
                <input
                  type="checkbox"
                  class="insp-toggle"
                  checked={r.enabled}
                  onChange={(e) => setEnabled(r.id, e.currentTarget.checked)}
                  aria-label={`${r.enabled ? 'Disable' : 'Enable'} trigger ${r.id}`}
                  title={r.enabled ? 'Enabled: untick to disable it now' : 'Disabled: tick to enable it now'}
                />
                <button type="button" class="insp-expand" aria-expanded={isOpen} onClick={() => toggleOpen(r.id)}>
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
        })}
      </ul>
    </div>
  );
}

/** Mounts the trigger inspector panel. */
export const mount: MountPanel = (host, ctx) => {
  render(<InspectorPanel ctx={ctx} />, host);
  return () => render(null, host);
};
