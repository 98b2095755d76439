import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useHeight } from './hooks';
import { offsetAtRow, rowOfOffset } from './model';
import type { LogIndex } from './model';
import { ROW_HEIGHT } from './row';

/** Where the list is scrolled when it does not follow: the event at the top row, and how far into the list. */
interface Anchor {
  offset: number;
  delta: number;
}

/** Where the list scrolls to: its newest end when following (or the anchor is gone), else the anchored row. */
function scrollTopOf(index: LogIndex, anchor: Anchor | null, newestFirst: boolean, maxTop: number): number {
  const row = anchor ? rowOfOffset(index, anchor.offset, newestFirst) : -1;
  const top = anchor && row >= 0 ? row * ROW_HEIGHT + anchor.delta : newestFirst ? 0 : maxTop;
  return Math.max(0, Math.min(maxTop, top));
}

/** The anchor of the list scrolled to `scrollTop`: the event at its top row. */
function anchorAt(index: LogIndex, scrollTop: number, newestFirst: boolean): Anchor | null {
  const row = Math.floor(scrollTop / ROW_HEIGHT);
  const offset = offsetAtRow(index, row, newestFirst);
  return offset === undefined ? null : { offset, delta: scrollTop - row * ROW_HEIGHT };
}

/**
 * The log list's scrolling: it follows the newest events until the reader scrolls away, then stays on the event it
 * showed while the log grows and the ring evicts; a selection made elsewhere is scrolled into view.
 */
export function useLogScroll(index: LogIndex, selected: number | null, newestFirst: boolean) {
  const [, setBump] = useState(0);
  const bump = () => setBump((n) => n + 1);
  const follow = useRef(true);
  const listRef = useRef<HTMLDivElement>(null);
  const viewport = useHeight(listRef, 400);
  const anchor = useRef<Anchor | null>(null);
  const revealed = useRef<number | null>(null);
  const maxTop = Math.max(0, index.size * ROW_HEIGHT - viewport);

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

  const top = scrollTopOf(index, follow.current ? null : anchor.current, newestFirst, maxTop);

  useLayoutEffect(() => {
    const el = listRef.current;
    if (el && Math.abs(el.scrollTop - top) > 1) el.scrollTop = top;
  });

  function onScroll(e: Event): void {
    const el = e.currentTarget as HTMLDivElement;
    const atEdge = newestFirst
      ? el.scrollTop < ROW_HEIGHT / 2
      : el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT / 2;
    anchor.current = anchorAt(index, el.scrollTop, newestFirst);
    follow.current = atEdge;
    bump();
  }

  /** Stops following where the list is now (a click selected `offset`, which is already in view). */
  function holdHere(offset: number): void {
    const el = listRef.current;
    if (el) {
      anchor.current = anchorAt(index, el.scrollTop, newestFirst) ?? anchor.current;
      follow.current = false;
    }
    revealed.current = offset;
  }

  function jumpToLatest(): void {
    follow.current = true;
    bump();
  }

  return { listRef, viewport, top, following: follow.current, onScroll, holdHere, jumpToLatest };
}
