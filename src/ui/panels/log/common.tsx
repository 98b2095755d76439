import type { SirenEvent } from '../../../engine';
import { eventFamily, familyColour } from './model';
import './common.css';

/** A clickable reference to an event: `#offset type`, coloured by family; greyed when the ring has evicted it. */
export function EventChip(props: {
  offset: number;
  ev: SirenEvent | null | undefined;
  type?: string | null;
  selected?: boolean;
  onSelect?: (offset: number) => void;
}) {
  const { offset, ev, onSelect } = props;
  const type = ev?.type ?? props.type ?? null;
  const style = type ? { '--fam': familyColour(eventFamily(type)) } : undefined;
  const label = (
    <>
      <span class="chip-offset">#{offset}</span> <span class="chip-type">{type ?? 'evicted'}</span>
    </>
  );
  if (!ev || !onSelect)
    return (
      <span
        class={`ev-chip${ev ? '' : ' gone'}`}
        style={style}
        title={ev ? undefined : 'No longer in the log: the ring buffer evicted it'}
      >
        {label}
      </span>
    );
  return (
    <button
      type="button"
      class={`ev-chip${props.selected ? ' selected' : ''}`}
      style={style}
      onClick={() => onSelect(offset)}
      title={`Select event #${offset}`}
    >
      {label}
    </button>
  );
}
