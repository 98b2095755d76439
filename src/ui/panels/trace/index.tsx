import { render } from 'preact';
import type { SirenEvent } from '../../../engine';
import type { MountPanel, PanelContext } from '../context';
import { EventChip } from '../log/common';
import { compactPayload, tickSeconds } from '../log/model';
import type { EffectGroup, Trace, TraceTrigger } from './model';
import { buildTrace, countEffects, silentListeners } from './model';
import './style.css';

type Select = (offset: number) => void;

function EventLine({ ev, selected, onSelect }: { ev: SirenEvent; selected: boolean; onSelect: Select }) {
  return (
    <div class={`trace-event${selected ? ' current' : ''}`}>
      <EventChip offset={ev.seq} ev={ev} selected={selected} onSelect={onSelect} />
      <span class="trace-payload">{compactPayload(ev.payload)}</span>
      <span class="trace-when">{tickSeconds(ev.tick)}</span>
    </div>
  );
}

function TriggerLine({ t, fired, onSelect }: { t: TraceTrigger; fired?: SirenEvent | null; onSelect: Select }) {
  return (
    <div class="trace-trigger">
      <div class="trace-trigger-head">
        <span class="trace-kind">trigger</span> <code class="trace-id">{t.id}</code>
        {fired && (
          <span class="trace-fired">
            fired <EventChip offset={fired.seq} ev={fired} onSelect={onSelect} />
          </span>
        )}
      </div>
      {t.description && <div class="trace-desc">{t.description}</div>}
      {t.known ? (
        <div class="trace-do">
          do:{' '}
          {t.behaviours.map((b, i) => (
            <span key={i} class="trace-behaviour">
              {b}
            </span>
          ))}
        </div>
      ) : (
        <div class="trace-desc">(not in the rules running now: they were edited since)</div>
      )}
    </div>
  );
}

function Effects({
  groups,
  onSelect,
  selected,
}: {
  groups: readonly EffectGroup[];
  onSelect: Select;
  selected: number;
}) {
  return (
    <ul class="trace-tree">
      {groups.map((g) => (
        <li key={g.trigger.id}>
          <TriggerLine t={g.trigger} fired={g.fired} onSelect={onSelect} />
          {g.events.length === 0 ? (
            <p class="trace-none">
              its behaviours emitted no event (they changed the world quietly, or are delayed past the search)
            </p>
          ) : (
            <ul class="trace-tree">
              {g.events.map((n) => (
                <li key={n.event.seq}>
                  <EventLine ev={n.event} selected={n.event.seq === selected} onSelect={onSelect} />
                  {n.effects.length > 0 && <Effects groups={n.effects} onSelect={onSelect} selected={selected} />}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

const LIMIT_TEXT = {
  scan: 'stopped looking after 5,000 later events',
  nodes: 'showing the first 200 events only',
  depth: 'deeper links are left out',
} as const;

/** The causal trace of the selected event: the chain that led to it, and what it led to in turn. */
function TracePanel({ ctx }: { ctx: PanelContext }) {
  void ctx.version.value; // re-read on the page's refresh (≤ 4 Hz)
  const engine = ctx.engine.value;
  const offset = ctx.selected.value;
  const select: Select = (o) => (ctx.selected.value = o);
  if (offset === null) return <NothingSelected onOpenLog={() => ctx.open('log')} />;
  const trace = buildTrace(engine.log, engine.rules, offset);
  const ev = engine.log.at(offset);
  if (!trace || !ev)
    return (
      <div class="panel-empty">
        <p>
          Event #{offset} is no longer in the log: it is a bounded ring buffer and has evicted it. Select a newer event
          in the log.
        </p>
      </div>
    );
  return (
    <div class="trace-panel">
      <CauseSection trace={trace} ev={ev} offset={offset} onSelect={select} />
      <EffectsSection
        trace={trace}
        ev={ev}
        offset={offset}
        silent={silentListeners(engine.rules, ev, trace.effects)}
        later={engine.log.end > offset + 1}
        onSelect={select}
        onAskWhy={() => ctx.open('triggers')}
      />
    </div>
  );
}

/** What the panel says before an event is selected, with a way to the log. */
function NothingSelected({ onOpenLog }: { onOpenLog: () => void }) {
  return (
    <div class="panel-empty">
      <p>
        <strong>Select an event in the log</strong> to see its causal chain: the event that started it, each trigger
        that turned one event into the next (with the behaviours it ran), and what the selected event led to in turn.
      </p>
      <button type="button" class="mini-btn" onClick={onOpenLog}>
        open the event log
      </button>
    </div>
  );
}

/** "How it came to be": from the root event down to the selected one, with the trigger behind each step. */
function CauseSection(props: { trace: Trace; ev: SirenEvent; offset: number; onSelect: Select }) {
  const { trace, ev, offset, onSelect } = props;
  return (
    <section>
      <h3 class="trace-h">How it came to be</h3>
      {trace.rootEvicted && <p class="panel-note">The chain goes back further, to an event the ring has evicted.</p>}
      <ol class="trace-chain">
        {trace.chain.map((link) => (
          <li key={link.offset}>
            {link.event ? (
              <EventLine ev={link.event} selected={link.offset === offset} onSelect={onSelect} />
            ) : (
              <div class="trace-event">
                <EventChip offset={link.offset} ev={null} />
              </div>
            )}
            {link.via && (
              <div class="trace-arrow">
                <TriggerLine t={link.via} fired={link.fired} onSelect={onSelect} />
              </div>
            )}
          </li>
        ))}
      </ol>
      {trace.chain.length === 1 && (
        <p class="panel-note">
          {ev.type === 'trigger.fired'
            ? 'A timer or state trigger fired on its own (no event caused it): it is the root.'
            : 'No cause: a game system stated this fact, so it is the root of its chain.'}
        </p>
      )}
    </section>
  );
}

/** "What it led to": the triggers it fired and their events, and the listeners that did not fire. */
function EffectsSection(props: {
  trace: Trace;
  ev: SirenEvent;
  offset: number;
  /** Triggers listening to its type that did not fire on it. */
  silent: readonly string[];
  /** The log has events after it (else nothing has fired on it "yet"). */
  later: boolean;
  onSelect: Select;
  onAskWhy: () => void;
}) {
  const { trace, ev, offset, silent, onSelect } = props;
  const caused = countEffects(trace.effects);
  return (
    <section>
      <h3 class="trace-h">
        What it led to{' '}
        <span class="trace-count">{caused === 0 ? '' : `${caused} event${caused === 1 ? '' : 's'}`}</span>
      </h3>
      {trace.effects.length === 0 ? (
        <p class="trace-none">No trigger has fired on it{props.later ? '' : ' yet'}.</p>
      ) : (
        <Effects groups={trace.effects} onSelect={onSelect} selected={offset} />
      )}
      {trace.limited && <p class="panel-note">({LIMIT_TEXT[trace.limited]})</p>}
      {silent.length > 0 && (
        <p class="panel-note trace-silent">
          Listening to <code>{ev.type}</code> but did not fire:{' '}
          {silent.map((id) => (
            <code key={id}>{id} </code>
          ))}
          <button type="button" class="mini-btn" onClick={props.onAskWhy}>
            ask the inspector why
          </button>
        </p>
      )}
    </section>
  );
}

/** Mounts the causal trace panel. */
export const mount: MountPanel = (host, ctx) => {
  render(<TracePanel ctx={ctx} />, host);
  return () => render(null, host);
};
