import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeShareLink } from '../../src/ui/panels/runs/shareLink';
import { frames, launch, openPage, shot } from './browser';
import type { SirenWindow } from './hook';

const base = inject('baseUrl');
/** The page reads share links at start only once the lead's hook is in src/ui/app.ts (see the runs panel's report). */
const shareHook = readFileSync('src/ui/app.ts', 'utf8').includes('readShareLink');

/** Evaluates `f` on the page's `window.siren` (f must be self-contained: it is sent as source). */
const siren = <T>(page: Page, f: (s: SirenWindow['siren']) => T) =>
  page.evaluate(`(${f.toString()})(window.siren)`) as Promise<T>;
const tick = (page: Page) => page.evaluate(() => (window as unknown as SirenWindow).siren.tick);
const hash = (page: Page) => page.evaluate(() => (window as unknown as SirenWindow).siren.hash);
const paused = (page: Page) => page.evaluate(() => (window as unknown as SirenWindow).siren.paused);

async function openPanel(page: Page, id: string, ready: string): Promise<void> {
  if (await page.locator('.panels').isHidden()) await page.click('.panels-toggle');
  await page.click(`.panel-tab[data-panel=${id}]`);
  await page.waitForSelector(ready, { timeout: 30_000 });
}

/** Drags the timeline to a tick (as the slider's input event does) and waits until the game is there. */
async function scrubTo(page: Page, t: number): Promise<void> {
  await page.$eval(
    '.time-slider',
    (el, v) => {
      const input = el as HTMLInputElement;
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    t,
  );
  await page.waitForFunction((v) => (window as unknown as SirenWindow).siren.tick === v, t, {
    timeout: 60_000,
    polling: 100,
  });
}

describe('time, runs and lessons panels', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    browser = await launch();
    // Seed 5: the autopilot is first shot at about 12 s of game time.
    ({ page, problems } = await openPage(browser, `${base}?seed=5&autopilot=1&muted=1`));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('lessons: lists the lessons and completes lesson 1 by watching the log', async () => {
    await page.evaluate(() => localStorage.removeItem('siren.lessons.city'));
    await openPanel(page, 'lessons', '.lessons-list');
    expect(await page.$$eval('.lesson-item', (els) => els.map((e) => (e as HTMLElement).dataset.lesson))).toEqual([
      'events-are-facts',
      'triggers-and-behaviours',
      'pub-sub',
      'log-and-offsets',
      'state-triggers',
      'classroom-broker',
      'mini-game',
    ]);
    await shot(page, 'lessons-list');
    await page.click('.lesson-item[data-lesson=events-are-facts] .lesson-open');
    await page.waitForSelector('.lesson-step[data-step=get-shot]');
    await shot(page, 'lessons-step-1');
    // The autopilot gets shot: the step sees the damage event in the log and moves on.
    await page.waitForSelector('.lesson-step[data-step=read-damage]', { timeout: 150_000 });
    await page.click('.lesson-candidate .ev-chip');
    await page.waitForSelector('.lesson-step[data-step=see-health]', { timeout: 10_000 });
    await shot(page, 'lessons-step-3');
    await page.click('.lesson-candidate .ev-chip');
    await page.waitForSelector('.lesson-complete', { timeout: 10_000 });
    await shot(page, 'lessons-complete');
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('siren.lessons.city') ?? 'null'));
    expect(saved.progress['events-are-facts']).toEqual({ step: 3, completed: true });
    // On to lesson 2: a rules step with a snippet to paste.
    await page.click('.lesson-complete .lesson-action');
    await page.waitForSelector(
      '.lessons-panel[data-lesson=triggers-and-behaviours] .lesson-step[data-step=edit-rule] .lesson-snippet',
    );
    await page.click('.lesson-hint summary');
    await shot(page, 'lessons-snippet');
    await page.click('.lesson-back');
    await page.waitForSelector('.lesson-item[data-lesson=events-are-facts].done');
    expect(problems).toEqual([]);
  }, 200_000);

  it('time: pauses, scrubs back and forward to the same hash, jumps to a marker, resumes', async () => {
    await openPanel(page, 'time', '.time-panel');
    await page.waitForFunction(() => (window as unknown as SirenWindow).siren.tick > 1200, null, {
      timeout: 120_000,
      polling: 250,
    });
    await shot(page, 'time-running');
    await page.click('.time-play');
    await frames(page, 3);
    expect(await paused(page)).toBe(true);
    const end = await tick(page);
    const endHash = await hash(page);
    const endWorld = await siren(page, (s) => JSON.stringify(s.probe()));

    await scrubTo(page, end - 600);
    expect(await siren(page, (s) => JSON.stringify(s.probe()))).not.toBe(endWorld);
    expect(await page.textContent('.time-clock')).toContain(`tick ${(end - 600).toLocaleString('en')}`);
    expect(await page.textContent('.time-play')).toContain('Resume from here');
    await shot(page, 'time-scrubbed-back');

    await scrubTo(page, end - 1000);
    await scrubTo(page, end);
    expect(await hash(page)).toBe(endHash);
    expect(await siren(page, (s) => JSON.stringify(s.probe()))).toBe(endWorld);
    await page.waitForFunction(() =>
      document.querySelector('.time-note')?.textContent?.includes('the same as before you scrubbed ✓'),
    );

    // A key moment: click it, and the game shows the tick just after it.
    const moments = await page.$$('.time-moment');
    expect(moments.length).toBeGreaterThan(0);
    const at = (await page.textContent('.time-markers li:last-child .time-at')) ?? '';
    await page.click('.time-markers li:last-child .time-moment');
    await page.waitForFunction(() => document.querySelector('.time-moment.here') !== null, null, { timeout: 60_000 });
    expect(((await tick(page)) - 1) / 60).toBeCloseTo(Number.parseFloat(at), 0);
    await shot(page, 'time-marker');

    await page.click('.time-play');
    const from = await tick(page);
    await page.waitForFunction((t) => (window as unknown as SirenWindow).siren.tick > t + 30, from, {
      timeout: 60_000,
    });
    expect(await paused(page)).toBe(false);
    expect(await page.textContent('.time-play')).toContain('Pause');
    expect(problems).toEqual([]);
  }, 300_000);

  it('time: speed and single steps', async () => {
    await page.click('.time-speed:has-text("×2")');
    expect(await page.getAttribute('.time-speed:has-text("×2")', 'aria-pressed')).toBe('true');
    await page.click('.time-play');
    await frames(page, 2);
    const t = await tick(page);
    await page.click('.time-step');
    await page.waitForFunction((v) => (window as unknown as SirenWindow).siren.tick === v + 1, t, { timeout: 10_000 });
    await page.click('.time-speed:has-text("×1")');
  }, 60_000);

  it('runs: exports a run and imports it back to the same tick and hash; a bad file changes nothing', async () => {
    await openPanel(page, 'runs', '.runs-panel');
    if (await paused(page)) await page.keyboard.press('p');
    await page.waitForFunction(() => !(window as unknown as SirenWindow).siren.paused);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.runs-export')]);
    expect(download.suggestedFilename()).toMatch(/^siren-city-seed5-\d+s\.siren-run\.json$/);
    const path = await download.path();
    const run = JSON.parse(readFileSync(path, 'utf8')) as {
      ticks: number;
      hash: string;
      seed: number;
      records: unknown[];
    };
    expect(run.seed).toBe(5);
    expect(run.records.length).toBeGreaterThan(0);
    await shot(page, 'runs-panel');

    // Let the game move on, then import: the page replays the file and stops at its last tick.
    await page.waitForFunction((t) => (window as unknown as SirenWindow).siren.tick > t + 60, run.ticks);
    await page.setInputFiles('.runs-file', {
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: readFileSync(path),
    });
    // The verdict line shows the replay's progress first: wait for the replay to end.
    await page.waitForFunction(
      () => {
        const text = document.querySelector('.runs-verdict')?.textContent;
        return !!text && !text.startsWith('Replaying');
      },
      null,
      { timeout: 120_000 },
    );
    expect(await page.textContent('.runs-verdict')).toBe(
      `Replayed to tick ${run.ticks.toLocaleString('en')}: hash ${run.hash} — matches the exported hash ✓`,
    );
    expect(await tick(page)).toBe(run.ticks);
    expect(await hash(page)).toBe(run.hash);
    expect(await paused(page)).toBe(true);
    await shot(page, 'runs-imported');

    const before = await hash(page);
    await page.setInputFiles('.runs-file', {
      name: 'broken.siren-run.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"siren-run","version":2,"seed":-4,"records":[{"tick":"x"}]}'),
    });
    await page.waitForSelector('.runs-result.bad li');
    const errors = await page.$$eval('.runs-result.bad li', (li) => li.map((e) => e.textContent ?? ''));
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(errors.every((e) => e.startsWith('broken.siren-run.json: '))).toBe(true);
    expect(await hash(page)).toBe(before);
    await shot(page, 'runs-import-errors');

    const link = await page.inputValue('.runs-link');
    expect(link).toMatch(/#share=v1\.5\.[A-Za-z0-9_-]+$/);
    expect(problems).toEqual([]);
  }, 300_000);
});

describe.skipIf(!shareHook)('share links (needs the readShareLink hook in src/ui/app.ts)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opening a share link runs its rules and seed', async () => {
    const city = JSON.parse(readFileSync('public/rules/city.json', 'utf8')) as { triggers: unknown[] };
    city.triggers.push({
      id: 'shared-only',
      description: 'Only the shared rules have this.',
      every: 5,
      do: [{ behaviour: 'radio', line: 'Shared rules on air' }],
    });
    const { page, problems } = await openPage(
      browser,
      `${base}?muted=1${encodeShareLink(JSON.stringify(city, null, 2), 77)}`,
    );
    expect(await siren(page, (s) => s.rulesSource)).toBe('share link');
    expect(await siren(page, (s) => s.triggers().map((t) => t.id))).toContain('shared-only');
    expect(await siren(page, (s) => s.notices)).toEqual([]);
    await openPanel(page, 'runs', '.runs-panel');
    expect(await page.textContent('.runs-facts')).toContain('seed77');
    await shot(page, 'runs-share-opened');
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it('a bad share link is reported and the default rules run', async () => {
    const { page, problems } = await openPage(browser, `${base}?muted=1#share=v1.5.eJzL!!`);
    const notices = await siren(page, (s) => s.notices);
    expect(notices.some((n) => n.startsWith('share link: '))).toBe(true);
    expect(await siren(page, (s) => s.rulesSource)).toBe('public/rules/city.json');
    expect(await siren(page, (s) => s.triggers().map((t) => t.id))).not.toContain('shared-only');
    await shot(page, 'share-link-bad');
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
