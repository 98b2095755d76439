import type { Page } from 'playwright-core';

/**
 * For `openPage(…, { initScript })`: records, in `window.__benchMarks`, when body[data-ready] appears (ms since
 * navigation) and when the next animation frame starts (the first frame drawn after it). Also defines the `__name`
 * helper that tsx (esbuild keepNames) adds to functions passed to page.evaluate.
 */
export const TIMING_SCRIPT = `(() => {
  globalThis.__name ??= (f) => f;
  const marks = { ready: -1, firstFrame: -1 };
  Object.defineProperty(globalThis, '__benchMarks', { value: marks });
  const observer = new MutationObserver(() => {
    if (marks.ready >= 0 || document.body?.dataset.ready !== 'true') return;
    marks.ready = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => { marks.firstFrame = performance.now(); });
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
})();`;

/** Navigation timings of a page opened with TIMING_SCRIPT, in ms since navigation start. */
export interface PageTimings {
  /** The HTML arrived. */
  responseEnd: number;
  domContentLoaded: number;
  load: number;
  /** body[data-ready] was set: the page is running. */
  ready: number;
  /** The animation frame after ready started (or the page's own `performance.mark('siren:first-frame')`, if any). */
  firstFrame: number;
  /** Which of the two firstFrame is. */
  firstFrameFrom: 'mark' | 'ready+rAF';
}

/** Waits for the first frame after ready and reads the page's timings. */
export async function readTimings(page: Page, timeout = 60_000): Promise<PageTimings> {
  await page.waitForFunction(
    () => (window as unknown as { __benchMarks: { firstFrame: number } }).__benchMarks.firstFrame >= 0,
    undefined,
    { timeout },
  );
  return page.evaluate(() => {
    const marks = (window as unknown as { __benchMarks: { ready: number; firstFrame: number } }).__benchMarks;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const mark = performance.getEntriesByName('siren:first-frame')[0];
    return {
      responseEnd: nav?.responseEnd ?? -1,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? -1,
      load: nav?.loadEventEnd ?? -1,
      ready: marks.ready,
      firstFrame: mark ? mark.startTime : marks.firstFrame,
      firstFrameFrom: mark ? ('mark' as const) : ('ready+rAF' as const),
    };
  });
}

/** Frames the page drew over a window: how many, over how long, and the spread of the intervals between them. */
export interface FrameWindow {
  frames: number;
  ms: number;
  fps: number;
  intervalP50: number;
  intervalP95: number;
}

/** Counts animation frames for `ms` milliseconds (at least two frames, so a very slow page still gives a rate). */
export function measureFrames(page: Page, ms: number): Promise<FrameWindow> {
  return page.evaluate(
    (windowMs) =>
      new Promise<FrameWindow>((resolve) => {
        const stamps: number[] = [];
        const tick = (t: number) => {
          stamps.push(t);
          const span = t - (stamps[0] as number);
          if (span < windowMs || stamps.length < 3) return requestAnimationFrame(tick);
          const gaps = stamps.slice(1).map((s, i) => s - (stamps[i] as number));
          gaps.sort((a, b) => a - b);
          const q = (p: number) => gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))] as number;
          resolve({
            frames: gaps.length,
            ms: span,
            fps: (gaps.length * 1000) / span,
            intervalP50: q(0.5),
            intervalP95: q(0.95),
          });
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}
