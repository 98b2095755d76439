import { render } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { MountPanel, PanelContext } from '../context';
import { Detail } from './detail';
import type { EventLog } from '../../../engine';
import { createLogIndex, offsetAtRow, rowOfOffset, visibleRange } from './model';
import { Row, ROW_HEIGHT } from './row';
import { Toolbar } from './toolbar';
import { useSettled } from './hooks';
import { useLogScroll } from './scroll';
import './style.css';

/** How many of the retained events show, and the offsets the log holds. */
function Summary({ total, log }: { total: number; log: EventLog }) {
  return (
    <p class="log-summary">
      {total.toLocaleString('en')} of {(log.end - log.start).toLocaleString('en')} retained events · offsets{' '}
      {log.start.toLocaleString('en')}–{log.end.toLocaleString('en')}
      {log.start > 0 ? ' (older ones evicted)' : ''}
    </p>
  );
}

/** Shown while the list does not follow: back to the newest events. */
function JumpToLatest({ newestFirst, onClick }: { newestFirst: boolean; onClick: () => void }) {
  return (
    <button type="button" class={`log-jump ${newestFirst ? 'top' : 'bottom'}`} onClick={onClick}>
      {newestFirst ? '↑' : '↓'} jump to latest
    </button>
  );
}

function LogPanel({ ctx }: { ctx: PanelContext }) {
  void ctx.version.value; // re-read the engine when the page says so (≤ 4 Hz), never per event
  const engine = ctx.engine.value;
  const selected = ctx.selected.value;
  const log = engine.log;
  const index = useMemo(() => createLogIndex(), []);
  const [draft, setDraft] = useState(''); // what is typed; applied after a short pause (re-filtering reads the whole log)
  const text = useSettled(draft, 150);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [newestFirst, setNewestFirst] = useState(false);

  if (index.filter.text !== text || index.filter.hidden !== hidden) index.setFilter({ text, hidden });
  index.update(log);
  const total = index.size;
  const { listRef, viewport, top, following, onScroll, holdHere, jumpToLatest } = useLogScroll(
    index,
    selected,
    newestFirst,
  );
  const { first, last } = visibleRange(top, viewport, ROW_HEIGHT, total);

  /** Selects an event; a click also stops following so the row stays where it is. */
  function select(offset: number): void {
    holdHere(offset);
    ctx.selected.value = offset;
  }

  function onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    e.stopPropagation(); // arrows here move the selection, not the player
    const row = selected === null ? -1 : rowOfOffset(index, selected, newestFirst);
    const next = row < 0 ? (e.key === 'ArrowUp' ? total - 1 : 0) : row + (e.key === 'ArrowUp' ? -1 : 1);
    const offset = offsetAtRow(index, Math.max(0, Math.min(total - 1, next)), newestFirst);
    if (offset !== undefined) ctx.selected.value = offset;
  }

  const rows = [];
  for (let r = first; r < last; r++) {
    const offset = offsetAtRow(index, r, newestFirst) as number;
    const ev = log.at(offset);
    if (ev)
      rows.push(<Row key={offset} ev={ev} top={r * ROW_HEIGHT} selected={offset === selected} onSelect={select} />);
  }

  return (
    <div class="log-panel">
      <Toolbar
        draft={draft}
        onDraft={setDraft}
        counts={index.counts}
        hidden={hidden}
        onHidden={setHidden}
        newestFirst={newestFirst}
        onOrder={setNewestFirst}
      />
      <Summary total={total} log={log} />
      <div class="log-list-wrap">
        <div
          class="log-list"
          ref={listRef}
          onScroll={onScroll}
          onKeyDown={onKeyDown}
          tabIndex={0}
          role="listbox"
          aria-label="Events, one per row; arrow keys move the selection"
        >
          <div class="log-spacer" style={{ height: `${total * ROW_HEIGHT}px` }}>
            {rows}
          </div>
          {total === 0 && (
            <p class="panel-empty">
              {log.end === log.start ? 'No events yet: the game has not emitted any.' : 'No event matches the filter.'}
            </p>
          )}
        </div>
        {!following && total > 0 && <JumpToLatest newestFirst={newestFirst} onClick={jumpToLatest} />}
      </div>
      {selected !== null && <Detail ctx={ctx} log={log} offset={selected} />}
    </div>
  );
}

/** Mounts the event log panel. */
export const mount: MountPanel = (host, ctx) => {
  render(<LogPanel ctx={ctx} />, host);
  return () => render(null, host);
};
