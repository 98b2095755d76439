import type { AnyEngine, Explanation } from '../../../engine';
import { EventChip } from '../log/common';
import type { ExplainTarget, InspectorIndex, WhyAnswer } from './model';
import { whyAnswer } from './model';

/** Selects an event by its log offset. */
export type Select = (offset: number) => void;

/** What the answer is checked against: the world, no event yet, or the selected or newest event. */
function WhyTarget({ target, onSelect }: { target: ExplainTarget; onSelect: Select }) {
  return (
    <p class="insp-target">
      {target.kind === 'world' && <>Checked against the world now (it reads the world, not events).</>}
      {target.kind === 'none' && (
        <>
          No <code>{target.type}</code> event in the retained log yet: nothing to explain against.
        </>
      )}
      {(target.kind === 'selected' || target.kind === 'latest') && (
        <>
          Explaining <EventChip offset={target.event.seq} ev={target.event} onSelect={onSelect} />{' '}
          <span class="insp-muted">
            {target.kind === 'selected' ? '(the event selected in the log)' : '(the newest of its type)'}
          </span>
        </>
      )}
    </p>
  );
}

/** Whether it fired on the event, and if not what the log says blocked it then. */
function EventVerdict({ answer, onSelect }: { answer: WhyAnswer; onSelect: Select }) {
  const { firedAs, then } = answer;
  if (firedAs)
    return (
      <p class="insp-verdict pass">
        ✓ It fired on this event <EventChip offset={firedAs.seq} ev={firedAs} onSelect={onSelect} />
      </p>
    );
  return (
    <>
      <p class="insp-verdict fail">✗ It did not fire on this event{then.length ? ':' : '.'}</p>
      {then.length > 0 && (
        <ul class="insp-blockers">
          {then.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Whether it would fire if checked now (unless it fired on the event), and what blocks it now. */
function NowVerdict({ x, fired }: { x: Explanation; fired: boolean }) {
  return (
    <>
      {!fired && (
        <p class={`insp-now ${x.wouldFire ? 'pass' : 'fail'}`}>
          {x.wouldFire ? '✓ Checked now, it would fire.' : '✗ Checked now, it would not fire:'}
        </p>
      )}
      {x.blockers.length > 0 && (
        <ul class="insp-blockers">
          {x.blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The condition, one line per part with its verdict, or what having no condition means. */
function ConditionLines({ answer }: { answer: WhyAnswer }) {
  const { lines, target, explanation } = answer;
  if (lines.length > 0)
    return (
      <ul class="insp-cond" aria-label="Condition, with each part's verdict">
        {lines.map((l, i) => (
          <li key={i} class={l.pass ? 'pass' : 'fail'} style={{ paddingLeft: `${l.depth * 16}px` }}>
            <span class="insp-mark">{l.pass ? '✓' : '✗'}</span>{' '}
            <span class={l.kind === 'compare' ? 'insp-compare' : 'insp-group'}>{l.text}</span>
          </li>
        ))}
      </ul>
    );
  if (!explanation || target.kind === 'none') return null;
  return (
    <p class="insp-muted insp-small">
      No condition: it applies to every {target.kind === 'world' ? 'check' : 'event of its type'}.
    </p>
  );
}

interface WhyProps {
  engine: AnyEngine;
  index: InspectorIndex;
  id: string;
  selected: number | null;
  onSelect: Select;
}

/** Why the trigger did or did not fire on the selected (or newest) event, and whether it would fire now. */
export function Why({ engine, index, id, selected, onSelect }: WhyProps) {
  const a = whyAnswer(engine, id, selected, index);
  if (!a) return null;
  const x = a.explanation;
  return (
    <div class="insp-why">
      <WhyTarget target={a.target} onSelect={onSelect} />
      {(a.target.kind === 'selected' || a.target.kind === 'latest') && <EventVerdict answer={a} onSelect={onSelect} />}
      {x && <NowVerdict x={x} fired={!!a.firedAs} />}
      {a.notes.map((n) => (
        <p key={n} class="insp-muted insp-small">
          {n}
        </p>
      ))}
      <ConditionLines answer={a} />
      {x && (
        <p class="insp-muted insp-small">Blockers and world or entity facts are read from the game as it is now.</p>
      )}
    </div>
  );
}
