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
