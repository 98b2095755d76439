import { triggerOf } from '../../../engine';
import type { EventLog } from '../../../engine';
import type { PanelContext } from '../context';
import { EventChip } from './common';
import { eventDetail } from './model';

/** The selected event in full: payload, offset, tick, its cause (selectable) and a way into the trace. */
export function Detail(props: { ctx: PanelContext; log: EventLog; offset: number }) {
  const { ctx, log, offset } = props;
  const d = eventDetail(log, offset);
  const select = (o: number) => (ctx.selected.value = o);
  const from = d.event ? triggerOf(d.event) : null;
  return (
    <section class="log-detail" aria-label="Selected event">
      <header class="log-detail-head">
        <EventChip offset={offset} ev={d.event} />
        {d.event && (
          <span class="log-detail-when">
            tick {d.event.tick} · {d.seconds}
          </span>
        )}
        <span class="log-detail-actions">
          <button type="button" class="mini-btn" onClick={() => ctx.open('trace')} disabled={!d.event}>
            show in trace
          </button>
          {from && ctx.debug && (
            <button
              type="button"
              class="mini-btn"
              data-action="where-from"
              title={`Show trigger "${from}" in the Rules editor`}
              onClick={() => ctx.debug?.whereFrom(from, 'log', offset)}
            >
              where from?
            </button>
          )}
          <button
            type="button"
            class="mini-btn"
            onClick={() => (ctx.selected.value = null)}
            aria-label="Close the detail"
          >
            ✕
          </button>
        </span>
      </header>
      {!d.event && (
        <p class="panel-note">Event #{offset} is no longer retained: the log is a bounded ring and evicted it.</p>
      )}
      {d.event && (
        <p class="log-detail-cause">
          {d.cause ? (
            <>
              caused by{' '}
              <EventChip offset={d.cause.seq} ev={log.at(d.cause.seq)} type={d.cause.type} onSelect={select} /> via
              trigger <code>{d.cause.trigger}</code>
            </>
          ) : (
            <>no cause: a game system (or the engine) stated this fact</>
          )}
        </p>
      )}
      {d.payloadJson !== null && <pre class="log-detail-payload">{d.payloadJson}</pre>}
    </section>
  );
}
