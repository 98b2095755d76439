import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError, loadRules, scenarioCatalogue } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { launch, openPage } from './browser';
import { corpusExpected, corpusText } from './corpus';
import type { SirenWindow } from './hook';
import { encodeShareLink } from '../../src/ui/panels/runs/shareLink';
import { startVite } from '../../src/tools/browser/server';

// The dev server serves a temp copy of public/, so editing rules here never touches the real files.
let publicDir: string;
let rulesFile: string;
let original: string;
let server: Awaited<ReturnType<typeof startVite>>;
let browser: Browser;
let page: Page;
let problems: string[];

/** Replaces the rules file in one step (write beside it, then rename), as editors that save atomically do. */
function writeRules(text: string): void {
  const tmp = join(publicDir, 'city.json.next');
  writeFileSync(tmp, text);
  renameSync(tmp, rulesFile);
}

/** city.json with one more trigger appended (as pretty JSON, one trigger per line block). */
function withTrigger(trigger: Record<string, unknown>): string {
  const rules = JSON.parse(original) as { triggers: unknown[] };
  return JSON.stringify({ ...rules, triggers: [...rules.triggers, trigger] }, null, 2) + '\n';
}

const DRAIN = {
  id: 'test-drain',
  description: 'Test: drains the player.',
  every: 0.5,
  do: [{ behaviour: 'changeHealth', entity: 0, amount: -10 }],
};

/**
 * Waits until the page has run a second of game time without navigating: on a cold dependency cache the dev server
 * may reload the page once after it optimizes a late-found dependency, which must not count against live rules.
 */
async function settle(p: Page): Promise<void> {
  const seen = { navigated: false };
  p.on('framenavigated', (f) => {
    if (f === p.mainFrame()) seen.navigated = true;
  });
  for (let attempt = 1; ; attempt++) {
    seen.navigated = false;
    try {
      await p.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
      const from = await p.evaluate(() => (window as SirenWindow).siren.tick);
      await p.waitForFunction((t) => (window as SirenWindow).siren.tick >= t + 60, from, {
        timeout: 30_000,
        polling: 100,
      });
    } catch (e) {
      if (!seen.navigated || attempt >= 3) throw e;
      continue;
    }
    if (!seen.navigated) return;
  }
}

/** How many times test-drain has fired so far. */
const drainFires = () =>
  page.evaluate(
    () =>
      (window as SirenWindow).siren
        .events(0, 'trigger.fired')
        .filter((e) => (e.payload as { trigger: string }).trigger === 'test-drain').length,
  );

beforeAll(async () => {
  publicDir = mkdtempSync(join(tmpdir(), 'siren-public-'));
  cpSync('public', publicDir, { recursive: true });
  rulesFile = join(publicDir, 'rules', 'city.json');
  original = readFileSync(rulesFile, 'utf8');
  server = await startVite('dev', { SIREN_PUBLIC_DIR: publicDir });
  browser = await launch();
  ({ page, problems } = await openPage(browser, server.url, { width: 640, height: 400 }));
  await settle(page);
  // A marker that only survives if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { __liveMarker: 'still here' }));
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.stop();
  if (publicDir) rmSync(publicDir, { recursive: true, force: true });
});

/** The marker, how this document was loaded and the tick: proof the page was not reloaded. */
const pageState = () =>
  page.evaluate(() => ({
    marker: (window as unknown as { __liveMarker?: string }).__liveMarker,
    navigation: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type,
    tick: (window as SirenWindow).siren.tick,
  }));

describe('live rules in dev (vite dev server)', () => {
  it('applies an edited city.json without a reload and changes the game', async () => {
    const before = await pageState();
    expect(await page.evaluate(() => (window as SirenWindow).siren.triggers().some((t) => t.id === 'test-drain'))).toBe(
      false,
    );
    writeRules(withTrigger(DRAIN));

    await page.waitForFunction(
      () => (window as SirenWindow).siren.triggers().some((t) => t.id === 'test-drain'),
      undefined,
      { timeout: 20_000, polling: 100 },
    );
    // The new trigger fires and takes health off the player.
    await page.waitForFunction(
      () =>
        (window as SirenWindow).siren
          .events(0, 'health.changed')
          .some(
            (e) =>
              e.cause?.trigger === 'test-drain' &&
              (e.payload as { to: number; from: number }).to < (e.payload as { from: number }).from,
          ),
      undefined,
      { timeout: 30_000, polling: 100 },
    );
    expect(await drainFires()).toBeGreaterThan(0);
    const after = await pageState();
    expect(after.marker).toBe('still here');
    expect(after.navigation).toBe(before.navigation);
    expect(after.tick).toBeGreaterThan(before.tick);
    expect(await page.evaluate(() => (window as SirenWindow).siren.rulesErrors)).toEqual([]);
  });

  it('shows every error of an invalid file with file:line:col and keeps running on the last good rules', async () => {
    const bad = withTrigger({ ...DRAIN, do: [{ behaviour: 'changeHelth', entity: 0, amount: -10 }] });
    const badLine = bad.split('\n').findIndex((l) => l.includes('"changeHelth"')) + 1;
    writeRules(bad);

    await page.waitForFunction(
      () => (window as SirenWindow).siren.rulesErrors.some((l) => l.includes('changeHelth')),
      undefined,
      {
        timeout: 20_000,
        polling: 100,
      },
    );
    const errors = await page.evaluate(() => (window as SirenWindow).siren.rulesErrors);
    const line = errors.find((l) => l.includes('changeHelth')) ?? '';
    expect(line).toMatch(new RegExp(`city\\.json:${badLine}:\\d+\\s`));
    expect(line).toContain('did you mean "changeHealth"');
    const overlay = page.locator('.overlay.rules-errors');
    expect(await overlay.isVisible()).toBe(true);
    expect(await overlay.innerText()).toContain(`city.json:${badLine}:`);

    // Still running, still on the last good rules (test-drain keeps firing).
    const fires = await drainFires();
    const tick = await page.evaluate(() => (window as SirenWindow).siren.tick);
    await page.waitForFunction((t) => (window as SirenWindow).siren.tick > t + 60, tick, {
      timeout: 20_000,
      polling: 100,
    });
    expect(await drainFires()).toBeGreaterThan(fires);
  });

  it('clears the overlay when the file is fixed', async () => {
    writeRules(original);
    await page.waitForFunction(() => (window as SirenWindow).siren.rulesErrors.length === 0, undefined, {
      timeout: 20_000,
      polling: 100,
    });
    expect(await page.locator('.overlay.rules-errors').isVisible()).toBe(false);
    await page.waitForFunction(
      () => !(window as SirenWindow).siren.triggers().some((t) => t.id === 'test-drain'),
      undefined,
      { timeout: 20_000 },
    );
    const state = await pageState();
    expect(state.marker).toBe('still here');
    expect(state.navigation).not.toBe('reload');
  });

  it('logged no console errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});

/**
 * Files of the bad-rules corpus written as the live city.json. `exact`: the error does not depend on the scenario, so
 * the overlay shows exactly the expected lines; `contains`: the corpus is written for the demo scenario, so the city
 * adds its own lines (wrong scenario, demo's names unknown) beside the expected one.
 */
const LIVE_SAMPLE: readonly { file: string; match: 'exact' | 'contains' }[] = [
  { file: '04-missing-comma.json', match: 'exact' },
  { file: '83-proto-key.json', match: 'exact' },
  { file: '72-deep-json.json', match: 'exact' },
  { file: '32-huge-delay.json', match: 'contains' },
];
const cityCatalogue = scenarioCatalogue(scenarios.city as NonNullable<(typeof scenarios)['city']>);

describe('bad-rules corpus files as the live rules file (vite dev server)', () => {
  const triggerIds = () => page.evaluate(() => (window as SirenWindow).siren.triggers().map((t) => t.id));
  const logEnd = () => page.evaluate(() => ((window as SirenWindow).siren.events().at(-1)?.seq ?? -1) + 1);
  let goodTriggers: string[] = [];
  let goodFrom = 0;

  it('starts from the good file', async () => {
    expect(await page.evaluate(() => (window as SirenWindow).siren.rulesErrors)).toEqual([]);
    goodTriggers = await triggerIds();
    goodFrom = await logEnd();
    expect(goodTriggers.length).toBeGreaterThan(0);
  });

  for (const { file, match } of LIVE_SAMPLE) {
    it(`${file}: the overlay shows the loader's errors and the game keeps its last good rules`, async () => {
      const text = corpusText(file);
      const tick = await page.evaluate(() => (window as SirenWindow).siren.tick);
      writeRules(text);
      // Wait for this file's first expected error (path and message); the dev server names the file by its path from
      // the project root (here a temp copy of public/).
      const mark = (corpusExpected(file, '')[0] as string).replace(/^:\d+:\d+ {2}/, '');
      await page.waitForFunction(
        (m) => (window as SirenWindow).siren.rulesErrors.some((l) => l.includes(m as string)),
        mark,
        { timeout: 20_000, polling: 100 },
      );
      const shown = await page.evaluate(() => (window as SirenWindow).siren.rulesErrors);
      const name = /^(.*rules\/city\.json):\d+:\d+ {2}/.exec(shown[0] ?? '')?.[1];
      expect(name, `error lines name the live file: ${shown[0]}`).toBeDefined();
      const loaded = loadRules(text, cityCatalogue, name as string);
      expect(shown).toEqual(loaded.ok ? [] : loaded.errors.map(formatError));
      const expected = corpusExpected(file, name as string);
      if (match === 'exact') expect(shown).toEqual(expected);
      else expect(shown).toEqual(expect.arrayContaining(expected));

      const overlay = page.locator('.overlay.rules-errors');
      expect(await overlay.isVisible()).toBe(true);
      const overlayText = await overlay.innerText();
      for (const line of expected) expect(overlayText).toContain(line.slice(name!.length));

      // Still running, on the rules it had.
      await page.waitForFunction((t) => (window as SirenWindow).siren.tick > t + 60, tick, {
        timeout: 20_000,
        polling: 100,
      });
      expect(await triggerIds()).toEqual(goodTriggers);
      expect(
        await page.evaluate((from) => (window as SirenWindow).siren.events(from, 'rules.loaded').length, goodFrom),
      ).toBe(0);
    });
  }

  it('clears the overlay when the good file is back, without a reload', async () => {
    writeRules(original);
    await page.waitForFunction(() => (window as SirenWindow).siren.rulesErrors.length === 0, undefined, {
      timeout: 20_000,
      polling: 100,
    });
    expect(await page.locator('.overlay.rules-errors').isVisible()).toBe(false);
    expect(await triggerIds()).toEqual(goodTriggers);
    const state = await pageState();
    expect(state.marker).toBe('still here');
    expect(state.navigation).not.toBe('reload');
    expect(problems).toEqual([]);
  });
});

describe('a page opened from a share link, in dev', () => {
  it('keeps its shared rules when city.json is saved, and says so', async () => {
    writeRules(original);
    const shared = withTrigger({ ...DRAIN, id: 'shared-only', every: 60 });
    const { page: p, problems: pp } = await openPage(browser, `${server.url}${encodeShareLink(shared, 7)}`, {
      width: 640,
      height: 400,
    });
    try {
      await settle(p);
      const ids = () => p.evaluate(() => (window as SirenWindow).siren.triggers().map((t) => t.id));
      expect(await ids()).toContain('shared-only');
      writeRules(withTrigger(DRAIN));
      await p.waitForFunction(
        () =>
          (window as SirenWindow).siren.notices.some((l) => l.includes('keeps running the rules from its share link')),
        undefined,
        {
          timeout: 20_000,
          polling: 100,
        },
      );
      expect(await ids()).toContain('shared-only');
      expect(await ids()).not.toContain('test-drain');
      expect(pp).toEqual([]);
    } finally {
      await p.close();
      writeRules(original);
    }
  });
});
