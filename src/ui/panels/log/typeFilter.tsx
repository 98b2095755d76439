import { useState } from 'preact/hooks';
import { eventFamily, familyColour } from './model';

/**
 * A drop-down checkbox list of the event types in the log, with counts: unticked types are hidden. The list is in the
 * page only while it is open (closed, it would still be re-rendered with new counts at every refresh).
 */
export function TypeFilter(props: {
  counts: ReadonlyMap<string, number>;
  hidden: ReadonlySet<string>;
  onChange: (hidden: ReadonlySet<string>) => void;
}) {
  const { counts, hidden, onChange } = props;
  const [open, setOpen] = useState(false);
  const types = [...new Set([...counts.keys(), ...hidden])].sort();
  const shown = types.filter((t) => !hidden.has(t)).length;
  const toggle = (t: string, on: boolean) => {
    const next = new Set(hidden);
    if (on) next.delete(t);
    else next.add(t);
    onChange(next);
  };
  return (
    <details class="log-types" open={open}>
      {/* Opened and closed here (not by the browser), so the list renders in the same turn as the click. */}
      <summary
        title="Choose which event types to show"
        onClick={(e) => {
          e.preventDefault();
          setOpen(!open);
        }}
      >
        types {shown}/{types.length}
      </summary>
      {open && (
        <div class="log-types-menu">
          <div class="log-types-actions">
            <button type="button" class="mini-btn" onClick={() => onChange(new Set())}>
              all
            </button>
            <button type="button" class="mini-btn" onClick={() => onChange(new Set(types))}>
              none
            </button>
          </div>
          {types.map((t) => (
            <label key={t} class="log-type-option" style={{ '--fam': familyColour(eventFamily(t)) }}>
              <input type="checkbox" checked={!hidden.has(t)} onChange={(e) => toggle(t, e.currentTarget.checked)} />
              <span class="log-type-name">{t}</span>
              <span class="log-type-count">{(counts.get(t) ?? 0).toLocaleString('en')}</span>
            </label>
          ))}
          {types.length === 0 && <p class="panel-note">No events yet.</p>}
        </div>
      )}
    </details>
  );
}
