import type { Browser, Page } from 'playwright-core';
import { openPage } from '../browser/chromium';
import { measureFrames, readTimings, TIMING_SCRIPT } from '../browser/measure';
import type { FrameWindow, PageTimings } from '../browser/measure';
import { gzipOf } from './bundle';

/** The viewport every page is measured at. */
export const SIZE = { width: 1280, height: 800 };

/** Milliseconds as the tables print them ('—' when unknown). */
export const fixedMs = (v: number) => (v < 0 ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** Opens the sidebar on the event log, following: the panel that redraws most, as events stream in. */
export async function openPanels(page: Page): Promise<void> {
  await page.click('.panels-toggle');
  await page.click('.panel-tab[data-panel="log"]');
  await page.waitForSelector('.panel-log', { timeout: 30_000 });
}

/** One page measured. */
export interface PageResult {
  name: string;
  url: string;
  timings: PageTimings;
  frames: FrameWindow;
  /** The game's own CPU ms per frame (siren.frameStats), for the city. */
  game: { p50: number; p95: number; frames: number } | null;
  /** Simulated seconds per real second over the window (1 = real time; below 1 the loop dropped ticks). */
  gameSpeed: number | null;
  /** JS files the page fetched, and their gzip size. */
  js: { files: string[]; gzipBytes: number };
  problems: string[];
}

/** Loads a page, waits `warmupMs`, then measures its frames, game speed and the JS it fetched for `windowMs`. */
export async function measurePage(
  browser: Browser,
  name: string,
  url: string,
  warmupMs: number,
  windowMs: number,
  progress: (l: string) => void,
  setup?: (page: Page) => Promise<void>,
): Promise<PageResult> {
  progress(`${name}: loading ${url}`);
  const { page, problems } = await openPage(browser, url, SIZE, { initScript: TIMING_SCRIPT });
  try {
    const timings = await readTimings(page);
    const isCity = await page.evaluate(() => 'siren' in globalThis);
    if (setup) await setup(page);
    progress(`${name}: ready at ${fixedMs(timings.ready)} ms; warming up ${warmupMs / 1000} s`);
    await page.waitForTimeout(warmupMs);
    const tick0 = isCity ? await tickOf(page) : 0;
    progress(`${name}: measuring ${windowMs / 1000} s`);
    const frames = await measureFrames(page, windowMs);
    const tick1 = isCity ? await tickOf(page) : 0;
    const game = isCity
      ? await page.evaluate(() =>
          (
            globalThis as unknown as { siren: { frameStats(): { p50: number; p95: number; frames: number } } }
          ).siren.frameStats(),
        )
      : null;
    // The JS the page fetched, from its resource timings.
    const jsFiles = new Set<string>();
    for (const u of await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name))) {
      const m = /\/assets\/([^/?#]+\.js)(?:[?#]|$)/.exec(u);
      if (m?.[1]) jsFiles.add(m[1]);
    }
    const files = [...jsFiles].sort();
    return {
      name,
      url,
      timings,
      frames,
      game,
      gameSpeed: isCity ? (tick1 - tick0) / 60 / (frames.ms / 1000) : null,
      js: { files, gzipBytes: files.reduce((s, f) => s + gzipOf(f), 0) },
      problems: [...problems],
    };
  } finally {
    await page.close();
  }
}

const tickOf = (page: Page) => page.evaluate(() => (globalThis as unknown as { siren: { tick: number } }).siren.tick);
