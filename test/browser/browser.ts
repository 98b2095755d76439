import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

/** The flags this machine needs for headless Chromium with software WebGL. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Debian's Chromium. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page that collects console errors and warnings, page errors, failed requests, HTTP errors and CSP violations; resolves once the page is running. */
export async function openPage(
  browser: Browser,
  url: string,
  size = { width: 1280, height: 800 },
  options: { initScript?: string; hasTouch?: boolean } = {},
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: size, hasTouch: options.hasTouch ?? false });
  if (options.initScript) await page.addInitScript(options.initScript);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  // CSP violations are reported to the page as events (Chromium also logs most of them as console errors).
  await page.exposeFunction('__sirenProblem', (line: string) => problems.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __sirenProblem(line: string): void }).__sirenProblem;
      void report(
        `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
  return { page, problems };
}

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
