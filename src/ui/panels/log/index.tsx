import { render } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MountPanel, PanelContext } from '../context';
import { Detail } from './detail';
import { createLogIndex, offsetAtRow, rowOfOffset, visibleRange } from './model';
import { Row, ROW_HEIGHT } from './row';
import { TypeFilter } from './typeFilter';
import './style.css';

/** Where the list is scrolled when it does not follow: the event at the top row, and how far into the list. */
interface Anchor {
  offset: number;
  delta: number;
}

function LogPanel({ ctx }: { ctx: PanelContext }) {
  void ctx.version.value; // re-read the engine when the page says so (≤ 4 Hz), never per event
  const engine = ctx.engine.value;
  const selected = ctx.selected.value;
  const log = engine.log;
  const index = useMemo(() => createLogIndex(), []);
  const [draft, setDraft] = useState(''); // what is typed; applied after a short pause (re-filtering reads the whole log)
  const [text, setText] = useState('');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [newestFirst, setNewestFirst] = useState(false);
  const [viewport, setViewport] = useState(400);
  const [, setBump] = useState(0);
  const bump = () => setBump((n) => n + 1);
  const follow = useRef(true);
  const listRef = useRef<HTMLDivElement>(null);
  const anchor = useRef<Anchor | null>(null);
  const revealed = useRef<number | null>(null);

  if (index.filter.text !== text || index.filter.hidden !== hidden) index.setFilter({ text, hidden });
  index.update(log);
  const total = index.size;
  const maxTop = Math.max(0, total * ROW_HEIGHT - viewport);

  // Scroll the selection into view when it was chosen elsewhere (the detail's cause link, the trace, on mount).
  if (selected !== null && selected !== revealed.current) {
    revealed.current = selected;
    const row = rowOfOffset(index, selected, newestFirst);
    const top = row * ROW_HEIGHT;
    const current = listRef.current?.scrollTop ?? -1;
    if (row >= 0 && (top < current || top + ROW_HEIGHT > current + viewport)) {
      anchor.current = { offset: selected, delta: -Math.floor(viewport / 2 - ROW_HEIGHT / 2) };
      follow.current = false;
    }
  }

  let top: number;
  if (follow.current || !anchor.current) top = newestFirst ? 0 : maxTop;
  else {
    const row = rowOfOffset(index, anchor.current.offset, newestFirst);
    top = row < 0 ? (newestFirst ? 0 : maxTop) : row * ROW_HEIGHT + anchor.current.delta;
  }
  top = Math.max(0, Math.min(maxTop, top));
  const { first, last } = visibleRange(top, viewport, ROW_HEIGHT, total);

  useEffect(() => {
    if (draft === text) return;
    const t = setTimeout(() => setText(draft), 150);
    return () => clearTimeout(t);
  }, [draft, text]);

  useLayoutEffect(() => {
    const el = listRef.current;
    if (el && Math.abs(el.scrollTop - top) > 1) el.scrollTop = top;
  });

  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight || 400));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  function onScroll(e: Event): void {
    const el = e.currentTarget as HTMLDivElement;
    const atEdge = newestFirst
      ? el.scrollTop < ROW_HEIGHT / 2
      : el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT / 2;
    const row = Math.floor(el.scrollTop / ROW_HEIGHT);
    const offset = offsetAtRow(index, row, newestFirst);
    anchor.current = offset === undefined ? null : { offset, delta: el.scrollTop - row * ROW_HEIGHT };
    follow.current = atEdge;
    bump();
  }

  /** Selects an event; a click also stops following so the row stays where it is. */
  function select(offset: number): void {
    const el = listRef.current;
    if (el) {
      const row = Math.floor(el.scrollTop / ROW_HEIGHT);
      const at = offsetAtRow(index, row, newestFirst);
      if (at !== undefined) anchor.current = { offset: at, delta: el.scrollTop - row * ROW_HEIGHT };
      follow.current = false;
    }
    revealed.current = offset;
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
      <div class="log-toolbar">
        <input
          type="search"
          class="log-search"
          placeholder="Filter: type or payload (kind=hospital)"
          aria-label="Filter events by type or payload text"
          value={draft}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <TypeFilter counts={index.counts} hidden={hidden} onChange={setHidden} />
        <label class="log-order" title="Show the newest event at the top">
          <input
            type="checkbox"
            checked={newestFirst}
            onChange={(e) => setNewestFirst((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          newest first
        </label>
      </div>
      <p class="log-summary">
        {total.toLocaleString('en')} of {(log.end - log.start).toLocaleString('en')} retained events · offsets{' '}
        {log.start.toLocaleString('en')}–{log.end.toLocaleString('en')}
        {log.start > 0 ? ' (older ones evicted)' : ''}
      </p>
      <div class="log-head" aria-hidden="true">
        <span class="log-offset" title="The event's offset in the log">
          offset
        </span>
        <span class="log-tick" title="The tick it happened in, and the game time in seconds">
          tick <small>s</small>
        </span>
        <span class="log-type">type</span>
        <span class="log-payload">payload</span>
      </div>
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
        {!follow.current && total > 0 && (
          <button
            type="button"
            class={`log-jump ${newestFirst ? 'top' : 'bottom'}`}
            onClick={() => {
              follow.current = true;
              bump();
            }}
          >
            {newestFirst ? '↑' : '↓'} jump to latest
          </button>
        )}
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
