import { useState } from 'preact/hooks';
import { eventFamily, familyColour, typeShown } from './model';
import type { LogFilter } from './model';

/** The types the log shows: all but `hidden`, or after "none" only those in `only` (types seen later stay hidden). */
export type TypeChoice = Pick<LogFilter, 'hidden' | 'only'>;

/** The choice with one type shown or hidden, in whichever of the two modes it is. */
function withType(choice: TypeChoice, type: string, on: boolean): TypeChoice {
  const set = new Set(choice.only ?? choice.hidden);
  if (on === Boolean(choice.only)) set.add(type);
  else set.delete(type);
  return choice.only ? { hidden: new Set(), only: set } : { hidden: set };
}

/**
 * A drop-down checkbox list of the event types in the log, with counts: unticked types are hidden; after "none",
 * types first seen later stay hidden until ticked. The list is in the page only while it is open (closed, it would
 * still be re-rendered with new counts at every refresh).
 */
export function TypeFilter(props: {
  counts: ReadonlyMap<string, number>;
  choice: TypeChoice;
  onChange: (choice: TypeChoice) => void;
}) {
  const { counts, choice, onChange } = props;
  const [open, setOpen] = useState(false);
  const types = [...new Set([...counts.keys(), ...choice.hidden, ...(choice.only ?? [])])].sort();
  const shown = types.filter((t) => typeShown(choice, t)).length;
  const toggle = (t: string, on: boolean) => onChange(withType(choice, t, on));
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
            <button type="button" class="mini-btn" onClick={() => onChange({ hidden: new Set() })}>
              all
            </button>
            <button type="button" class="mini-btn" onClick={() => onChange({ hidden: new Set(), only: new Set() })}>
              none
            </button>
          </div>
          {types.map((t) => (
            <label key={t} class="log-type-option" style={{ '--fam': familyColour(eventFamily(t)) }}>
              <input
                type="checkbox"
                checked={typeShown(choice, t)}
                onChange={(e) => toggle(t, e.currentTarget.checked)}
              />
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
