import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Chromium start-up and the page that collects problems live in src/tools/browser: the tools use them too. */
export { CHROMIUM_ARGS, launch, openPage } from '../../src/tools/browser/chromium';

/** Saves a screenshot under test-results/ (kept as a CI artifact). */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync('test-results', { recursive: true });
  const path = `test-results/${name}.png`;
  await page.screenshot({ path });
  return path;
}

/**
 * How many distinct colours the game canvas shows (a blank canvas has one or two). Reads the frame just drawn, in an
 * animation frame queued after the game's, at up to 480 px wide.
 */
export function canvasColours(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        requestAnimationFrame(() => {
          const src = document.querySelector('canvas');
          if (!src || !src.width || !src.height) return reject(new Error('no canvas, or an empty one'));
          const scale = Math.min(1, 480 / src.width);
          const c = document.createElement('canvas');
          c.width = Math.max(1, Math.round(src.width * scale));
          c.height = Math.max(1, Math.round(src.height * scale));
          const g = c.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
          g.imageSmoothingEnabled = false;
          g.drawImage(src, 0, 0, c.width, c.height);
          const d = g.getImageData(0, 0, c.width, c.height).data;
          const seen = new Set<number>();
          for (let i = 0; i < d.length; i += 4)
            seen.add(((d[i] as number) << 16) | ((d[i + 1] as number) << 8) | (d[i + 2] as number));
          resolve(seen.size);
        });
      }),
  );
}

/** Resolves after the page has run `n` animation frames (a wait measured in frames, not milliseconds). */
export function frames(page: Page, n: number): Promise<void> {
  return page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );
}
