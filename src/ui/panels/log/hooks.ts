import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';

/** `value` once it has stayed the same for `ms` (typing settles before the log is filtered again). */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value === settled) return;
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, settled, ms]);
  return settled;
}

/** The element's height, kept up to date as it resizes (`initial` until it is measured). */
export function useHeight(ref: RefObject<HTMLElement>, initial: number): number {
  const [height, setHeight] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || initial));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, initial]);
  return height;
}
