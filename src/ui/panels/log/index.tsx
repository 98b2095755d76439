import { render } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentChildren, RefObject } from 'preact';
import type { EventLog } from '../../../engine';
import type { MountPanel, PanelContext } from '../context';
import { Detail } from './detail';
import { createLogIndex, offsetAtRow, rowOfOffset, visibleRange } from './model';
import type { LogIndex } from './model';
import { Row, ROW_HEIGHT } from './row';
import { TypeFilter } from './typeFilter';
import type { TypeChoice } from './typeFilter';
import './style.css';

/** Where the list is scrolled when it does not follow: the event at the top row, and how far into the list. */
interface Anchor {
  offset: number;
  delta: number;
}

/** The event log: a virtual list of every retained event, filterable, following the newest unless scrolled away. */
function LogPanel({ ctx }: { ctx: PanelContext }) {
  void ctx.version.value; // re-read the engine when the page says so (≤ 4 Hz), never per event
  const engine = ctx.engine.value;
  const selected = ctx.selected.value;
  const log = engine.log;
  const filter = useLogFilter();
  const { index, text, types, newestFirst } = filter;
  const list = useListState();
  const { viewport, listRef, follow } = list;

  const f = index.filter;
  if (f.text !== text || f.hidden !== types.hidden || f.only !== types.only) index.setFilter({ text, ...types });
  index.update(log);
  const total = index.size;
  const maxTop = Math.max(0, total * ROW_HEIGHT - viewport);
  const scroll: ListControl = { ...list, index, newestFirst };

  // Scroll the selection into view when it was chosen elsewhere (the detail's cause link, the trace, on mount).
  if (selected !== null && selected !== list.revealed.current) {
    list.revealed.current = selected;
    revealSelection(scroll, selected, listRef.current?.scrollTop ?? -1);
  }
  const top = scrollTopOf(scroll, maxTop);
  const { first, last } = visibleRange(top, viewport, ROW_HEIGHT, total);

  useLayoutEffect(() => {
    const el = listRef.current;
    if (el && Math.abs(el.scrollTop - top) > 1) el.scrollTop = top;
  });
  useViewportHeight(listRef, list.setViewport);

  const on = listHandlers(scroll, ctx, selected);
  const rows = [];
  for (let r = first; r < last; r++) {
    const offset = offsetAtRow(index, r, newestFirst);
    const ev = offset === undefined ? undefined : log.at(offset);
    if (ev)
      rows.push(<Row key={offset} ev={ev} top={r * ROW_HEIGHT} selected={offset === selected} onSelect={on.select} />);
  }

  return (
    <div class="log-panel">
      <LogToolbar filter={filter} counts={index.counts} />
      <LogHead log={log} shown={total} />
      <div class="log-list-wrap">
        <LogList listRef={listRef} onScroll={on.scroll} onKeyDown={on.keyDown} total={total} log={log}>
          {rows}
        </LogList>
        {!follow.current && total > 0 && <JumpToLatest newestFirst={newestFirst} onJump={on.jumpToLatest} />}
      </div>
      {selected !== null && <Detail ctx={ctx} log={log} offset={selected} />}
    </div>
  );
}

/** The filter's state: the filtered index, what is typed and what is applied, the types shown, and the order. */
function useLogFilter() {
  const index = useMemo(() => createLogIndex(), []);
  const [draft, setDraft] = useState(''); // what is typed; applied after a short pause (re-filtering reads the whole log)
  const text = useSettled(draft, 150);
  const [types, setTypes] = useState<TypeChoice>(() => ({ hidden: new Set() }));
  const [newestFirst, setNewestFirst] = useState(false);
  return { index, draft, setDraft, text, types, setTypes, newestFirst, setNewestFirst };
}

/** The filter state as `useLogFilter` gives it. */
type LogFilter = ReturnType<typeof useLogFilter>;

/** The list's own state: its height, a re-render, following, the list element, the anchor and the last revealed event. */
function useListState() {
  const [viewport, setViewport] = useState(400);
  const [, setBump] = useState(0);
  return {
    viewport,
    setViewport,
    bump: () => setBump((n) => n + 1),
    follow: useRef(true),
    listRef: useRef<HTMLDivElement>(null),
    anchor: useRef<Anchor | null>(null),
    revealed: useRef<number | null>(null),
  };
}

/** What the list's handlers read and move: its scroll state, its element, the last revealed event and a re-render. */
interface ListControl extends ScrollState {
  readonly listRef: RefObject<HTMLDivElement>;
  readonly revealed: { current: number | null };
  bump(): void;
}

/** What the list does on scroll, on a click on a row, on the arrow keys and on "jump to latest". */
function listHandlers(s: ListControl, ctx: PanelContext, selected: number | null) {
  return {
    scroll(e: Event): void {
      const el = e.currentTarget as HTMLDivElement;
      s.anchor.current = anchorAt(s, el.scrollTop);
      s.follow.current = atNewestEnd(el, s.newestFirst);
      s.bump();
    },
    /** Selects an event; a click also stops following so the row stays where it is. */
    select(offset: number): void {
      const el = s.listRef.current;
      if (el) {
        s.anchor.current = anchorAt(s, el.scrollTop) ?? s.anchor.current;
        s.follow.current = false;
      }
      s.revealed.current = offset;
      ctx.selected.value = offset;
    },
    keyDown: onArrows((by) => {
      const offset = stepSelection(s.index, selected, s.newestFirst, by);
      if (offset !== undefined) ctx.selected.value = offset;
    }),
    jumpToLatest(): void {
      s.follow.current = true;
      s.bump();
    },
  };
}

/** What placing the list's scroll position reads: the filtered index, the order, the height, following and anchor. */
interface ScrollState {
  readonly index: LogIndex;
  readonly newestFirst: boolean;
  readonly viewport: number;
  readonly follow: { current: boolean };
  readonly anchor: { current: Anchor | null };
}

/** Anchors the list on a selection made elsewhere when its row is out of view (centred; following stops). */
function revealSelection(s: ScrollState, selected: number, current: number): void {
  const row = rowOfOffset(s.index, selected, s.newestFirst);
  const top = row * ROW_HEIGHT;
  if (row >= 0 && (top < current || top + ROW_HEIGHT > current + s.viewport)) {
    s.anchor.current = { offset: selected, delta: -Math.floor(s.viewport / 2 - ROW_HEIGHT / 2) };
    s.follow.current = false;
  }
}

/** Where the list is scrolled: at the newest end while following, else where the anchor event is now. */
function scrollTopOf(s: ScrollState, maxTop: number): number {
  const edge = s.newestFirst ? 0 : maxTop;
  let top = edge;
  if (!s.follow.current && s.anchor.current) {
    const row = rowOfOffset(s.index, s.anchor.current.offset, s.newestFirst);
    top = row < 0 ? edge : row * ROW_HEIGHT + s.anchor.current.delta;
  }
  return Math.max(0, Math.min(maxTop, top));
}

/** The anchor for a scroll position: the event at its top row and how far into that row; null past the end. */
function anchorAt(s: ScrollState, scrollTop: number): Anchor | null {
  const row = Math.floor(scrollTop / ROW_HEIGHT);
  const offset = offsetAtRow(s.index, row, s.newestFirst);
  return offset === undefined ? null : { offset, delta: scrollTop - row * ROW_HEIGHT };
}

/** True when the list is scrolled to its newest end (the top when newest come first, else the bottom). */
function atNewestEnd(el: HTMLElement, newestFirst: boolean): boolean {
  return newestFirst
    ? el.scrollTop < ROW_HEIGHT / 2
    : el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT / 2;
}

/** A key handler for the list: the up and down arrows move the selection (not the player); other keys pass. */
function onArrows(move: (by: -1 | 1) => void): (e: KeyboardEvent) => void {
  return (e) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    e.stopPropagation();
    move(e.key === 'ArrowUp' ? -1 : 1);
  };
}

/** The event a row up (-1) or down (+1) from the selection; from no selection, the last row going up, else the first. */
function stepSelection(index: LogIndex, selected: number | null, newestFirst: boolean, by: -1 | 1): number | undefined {
  const total = index.size;
  const row = selected === null ? -1 : rowOfOffset(index, selected, newestFirst);
  const next = row < 0 ? (by < 0 ? total - 1 : 0) : row + by;
  return offsetAtRow(index, Math.max(0, Math.min(total - 1, next)), newestFirst);
}

/** The scrolling list: a spacer as tall as every row, the visible rows placed in it, or what an empty list says. */
function LogList(props: {
  listRef: RefObject<HTMLDivElement>;
  onScroll: (e: Event) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  total: number;
  log: EventLog;
  children: ComponentChildren;
}) {
  return (
    <div
      class="log-list"
      ref={props.listRef}
      onScroll={props.onScroll}
      onKeyDown={props.onKeyDown}
      tabIndex={0}
      role="listbox"
      aria-label="Events, one per row; arrow keys move the selection"
    >
      <div class="log-spacer" style={{ height: `${props.total * ROW_HEIGHT}px` }}>
        {props.children}
      </div>
      {props.total === 0 && <p class="panel-empty">{emptyText(props.log)}</p>}
    </div>
  );
}

/** The text once it has stopped changing for `ms` milliseconds. */
function useSettled(draft: string, ms: number): string {
  const [text, setText] = useState(draft);
  useEffect(() => {
    if (draft === text) return;
    const t = setTimeout(() => setText(draft), ms);
    return () => clearTimeout(t);
  }, [draft, text]);
  return text;
}

/** What the empty list says: nothing emitted yet, or nothing passing the filter. */
function emptyText(log: EventLog): string {
  return log.end === log.start ? 'No events yet: the game has not emitted any.' : 'No event matches the filter.';
}

/** The button that resumes following the newest events. */
function JumpToLatest({ newestFirst, onJump }: { newestFirst: boolean; onJump: () => void }) {
  return (
    <button type="button" class={`log-jump ${newestFirst ? 'top' : 'bottom'}`} onClick={onJump}>
      {newestFirst ? '↑' : '↓'} jump to latest
    </button>
  );
}

/** Keeps `setHeight` told of the list's height as it resizes. */
function useViewportHeight(listRef: RefObject<HTMLDivElement>, setHeight: (h: number) => void): void {
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 400));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
}

/** The filter box, the type filter and the order switch. */
function LogToolbar({ filter, counts }: { filter: LogFilter; counts: LogIndex['counts'] }) {
  return (
    <div class="log-toolbar">
      <input
        type="search"
        class="log-search"
        placeholder="Filter: type or payload (kind=hospital)"
        aria-label="Filter events by type or payload text"
        value={filter.draft}
        onInput={(e) => filter.setDraft(e.currentTarget.value)}
      />
      <TypeFilter counts={counts} choice={filter.types} onChange={filter.setTypes} />
      <label class="log-order" title="Show the newest event at the top">
        <input
          type="checkbox"
          checked={filter.newestFirst}
          onChange={(e) => filter.setNewestFirst(e.currentTarget.checked)}
        />{' '}
        newest first
      </label>
    </div>
  );
}

/** How many events are shown of those the log keeps, and the column heads. */
function LogHead({ log, shown }: { log: EventLog; shown: number }) {
  return (
    <>
      <p class="log-summary">
        {shown.toLocaleString('en')} of {(log.end - log.start).toLocaleString('en')} retained events · offsets{' '}
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
    </>
  );
}

/** Mounts the event log panel. */
export const mount: MountPanel = (host, ctx) => {
  render(<LogPanel ctx={ctx} />, host);
  return () => render(null, host);
};
