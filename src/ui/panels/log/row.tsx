import type { SirenEvent } from '../../../engine';
import { compactPayload, eventFamily, familyColour, tickSeconds } from './model';

/** Every row has this height (px): the list renders only the rows in view. */
export const ROW_HEIGHT = 22;

/** One event as a row: offset, tick and seconds, type (coloured by family), compact payload. */
export function Row(props: { ev: SirenEvent; top: number; selected: boolean; onSelect: (offset: number) => void }) {
  const { ev, top, selected, onSelect } = props;
  const fam = eventFamily(ev.type);
  const payload = compactPayload(ev.payload);
  return (
    <div
      class={`log-row${selected ? ' selected' : ''}`}
      role="option"
      aria-selected={selected}
      data-offset={ev.seq}
      style={{ top: `${top}px`, '--fam': familyColour(fam) }}
      onClick={() => onSelect(ev.seq)}
    >
      <span class="log-offset">{ev.seq}</span>
      <span class="log-tick" title={`tick ${ev.tick}`}>
        {ev.tick} <small>{tickSeconds(ev.tick)}</small>
      </span>
      <span class="log-type" title={ev.type}>
        {ev.type}
      </span>
      <span
        class="log-payload"
        title={ev.cause ? `${payload}\ncaused by #${ev.cause.seq} via trigger "${ev.cause.trigger}"` : payload}
      >
        {ev.cause && <span class="log-caused">↳ </span>}
        {payload}
      </span>
    </div>
  );
}
