import { useState } from 'preact/hooks';
import { describeBreakpoint } from '../../../engine';
import type { BreakpointSpec } from '../../../engine';
import type { DebugSession } from '../../debug/session';
import type { PanelContext } from '../context';

type Kind = BreakpointSpec['kind'];
const KINDS: readonly [Kind, string, string][] = [
  ['trigger', 'a trigger fires', 'trigger id, e.g. hit-hurts'],
  ['event', 'an event', 'event type, e.g. damage'],
  ['fact', 'a fact changes', 'e.g. world.wanted or window.busy.avg'],
];

/** Names the form's datalist offers for a kind: trigger ids, event types or world facts. */
function suggestions(ctx: PanelContext, kind: Kind): string[] {
  const rules = ctx.engine.value.rules;
  if (kind === 'trigger') return [...rules.byId.keys()];
  if (kind === 'event') return [...Object.keys(ctx.catalogue.events), ...rules.declared.keys()];
  return [
    ...Object.keys(ctx.catalogue.worldFacts).map((f) => `world.${f}`),
    ...rules.windows.map((w) => `window.${w.id}.avg`),
  ];
}

function AddBreakpoint({ ctx, debug }: { ctx: PanelContext; debug: DebugSession }) {
  const [kind, setKind] = useState<Kind>('trigger');
  const [target, setTarget] = useState('');
  const [when, setWhen] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const add = (e: Event) => {
    e.preventDefault();
    const name = target.trim();
    const spec: BreakpointSpec =
      kind === 'trigger'
        ? { kind, trigger: name, enabled: true }
        : kind === 'event'
          ? { kind, event: name, ...(when.trim() ? { when: when.trim() } : {}), enabled: true }
          : { kind, fact: name, enabled: true };
    const errs = debug.add(spec);
    setErrors(errs);
    if (!errs.length) {
      setTarget('');
      setWhen('');
    }
  };
  return (
    <form class="bp-add" onSubmit={add}>
      <select
        class="mini-field"
        aria-label="Break when"
        value={kind}
        onChange={(e) => setKind((e.target as HTMLSelectElement).value as Kind)}
      >
        {KINDS.map(([k, label]) => (
          <option value={k}>{label}</option>
        ))}
      </select>
      <input
        class="mini-field bp-target"
        aria-label="What"
        list="bp-names"
        placeholder={KINDS.find((k) => k[0] === kind)?.[2]}
        value={target}
        onInput={(e) => setTarget((e.target as HTMLInputElement).value)}
      />
      <datalist id="bp-names">
        {suggestions(ctx, kind).map((n) => (
          <option value={n} />
        ))}
      </datalist>
      {kind === 'event' && (
        <input
          class="mini-field bp-when"
          aria-label="Where (optional condition)"
          placeholder="where… e.g. event.amount gt 20"
          value={when}
          onInput={(e) => setWhen((e.target as HTMLInputElement).value)}
        />
      )}
      <button type="submit" class="time-btn" data-action="add-breakpoint">
        Add
      </button>
      {errors.length > 0 && (
        <ul class="bp-errors" role="alert">
          {errors.map((m) => (
            <li>{m}</li>
          ))}
        </ul>
      )}
    </form>
  );
}

/** The Time panel's debugger section: the stop, continue / step controls, and the breakpoint list. */
export function Breakpoints({ ctx, debug }: { ctx: PanelContext; debug: DebugSession }) {
  void ctx.version.value;
  const stop = debug.stop.value;
  const entries = debug.debugger().entries;
  return (
    <section class="time-debug" aria-label="Breakpoints">
      <h3>Breakpoints</h3>
      {stop && <p class="bp-stop">⏸ {stop.reason}</p>}
      <div class="time-controls">
        <button type="button" class="time-btn" data-action="continue" onClick={() => debug.resume()}>
          Continue (F8)
        </button>
        <button type="button" class="time-btn" data-action="step-event" onClick={() => debug.stepEvent()}>
          Next event (F10)
        </button>
        <button type="button" class="time-btn" data-action="step-tick" onClick={() => debug.stepTick()}>
          Next tick (F9)
        </button>
      </div>
      <ul class="bp-list">
        {debug.breakpoints.value.map((b, i) => {
          const errs = entries[i]?.errors ?? [];
          return (
            <li class={`bp${b.enabled ? '' : ' off'}${errs.length ? ' bad' : ''}`} data-bp={i}>
              <label>
                <input
                  type="checkbox"
                  checked={b.enabled}
                  onChange={(e) => debug.setEnabled(i, (e.target as HTMLInputElement).checked)}
                />{' '}
                {describeBreakpoint(b)}
              </label>
              <button type="button" class="bp-remove" title="Remove" onClick={() => debug.remove(i)}>
                ×
              </button>
              {errs.map((e) => (
                <div class="bp-error">{e.message}</div>
              ))}
            </li>
          );
        })}
      </ul>
      <AddBreakpoint ctx={ctx} debug={debug} />
    </section>
  );
}
