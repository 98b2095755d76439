import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SirenEvent } from '../../src/engine';
import { launch, openPage, shot } from './browser';
import type { SirenWindow } from './hook';
import { measureFrames } from '../../src/tools/browser/measure';

const base = inject('baseUrl');
/** How long each frame-rate window lasts (ms): long enough to smooth a shared, software-rendered machine. */
const FPS_WINDOW_MS = 4000;

let browser: Browser;
let page: Page;
let problems: string[];
let original: string;

beforeAll(async () => {
  browser = await launch();
  ({ page, problems } = await openPage(browser, base, { width: 1280, height: 800 }));
  original = await page.evaluate(() => fetch('rules/city.json', { cache: 'no-store' }).then((r) => r.text()));
});
/** Frame rates and game speed measured, printed at the end (figures for the record, never compared absolutely). */
const figures: string[] = [];

afterAll(async () => {
  if (figures.length) console.log(`runaway: ${figures.join('; ')}`);
  await page?.close();
  await browser?.close();
});

/** The city rules with extra event types and triggers (the file's own declared events kept). */
function withRules(events: string[], triggers: object[]): string {
  const rules = JSON.parse(original) as { events?: unknown[]; triggers: object[] };
  const allEvents = [...(rules.events ?? []), ...events];
  return JSON.stringify({ ...rules, events: allEvents, triggers: [...rules.triggers, ...triggers] }, null, 2) + '\n';
}

/** Two loops: one trigger emitting the very event it listens to, and two triggers emitting each other's event. */
const loops = () =>
  withRules(
    ['loop.ping', 'ping.a', 'ping.b'],
    [
      {
        id: 'loop-start',
        description: 'Test: starts the self loop.',
        every: 0.5,
        do: [{ behaviour: 'emit', event: 'loop.ping' }],
      },
      {
        id: 'loop-echo',
        description: 'Test: answers its own event, forever.',
        on: 'loop.ping',
        do: [{ behaviour: 'emit', event: 'loop.ping' }],
      },
      {
        id: 'ping-start',
        description: 'Test: starts the two-trigger loop.',
        every: 0.35, // not on the same ticks as loop-start: a tick reports its first runaway chain only
        do: [{ behaviour: 'emit', event: 'ping.a' }],
      },
      { id: 'ping-a', on: 'ping.a', do: [{ behaviour: 'emit', event: 'ping.b' }] },
      { id: 'ping-b', on: 'ping.b', do: [{ behaviour: 'emit', event: 'ping.a' }] },
    ],
  );

/** A fan-out: every tick, one event that 12 triggers answer with the same event — 12ⁿ events if nothing stopped it. */
const fanOut = () =>
  withRules(
    ['fan.out'],
    [
      {
        id: 'fan-start',
        description: 'Test: starts a fan-out every tick.',
        every: 0.0167,
        do: [{ behaviour: 'emit', event: 'fan.out' }],
      },
      ...Array.from({ length: 12 }, (_, i) => ({
        id: `fan-${i}`,
        on: 'fan.out',
        do: [{ behaviour: 'emit', event: 'fan.out' }],
      })),
    ],
  );

const tickOf = () => page.evaluate(() => (window as SirenWindow).siren.tick);
const logEnd = () => page.evaluate(() => ((window as SirenWindow).siren.events().at(-1)?.seq ?? -1) + 1);

/** Opens the Rules panel, pastes `text`, applies it and closes the sidebar again (the game view is what is measured). */
async function applyInEditor(text: string): Promise<void> {
  await page.click('.panels-toggle');
  await page.click('.panel-tab[data-panel=editor]');
  await page.waitForSelector('.rules-editor .cm-content', { timeout: 30_000 });
  await page.click('.re-tab[data-tab=edit]');
  await page.click('.rules-editor .cm-content');
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
  await page.waitForSelector('.re-check.good', { timeout: 15_000 });
  await page.click('.re-btn[data-action=apply]');
  await page.waitForSelector('.re-notice.ok', { timeout: 15_000 });
  await page.click('.panels-toggle');
  await page.waitForSelector('.panels', { state: 'hidden', timeout: 5_000 });
}

/**
 * Watches, in the page, the engine.warning events appended from now on (a runaway floods the 20,000-event log within
 * a few ticks, so reading the log now and then from outside could miss them); resolves with the first warning whose
 * reason matches each pattern, in the patterns' order.
 */
function awaitWarnings(patterns: RegExp[], timeout = 30_000): Promise<{ reason: string; triggers: string[] }[]> {
  return page.evaluate(
    ({ sources, timeout }) =>
      new Promise<{ reason: string; triggers: string[] }[]>((resolve, reject) => {
        const s = (window as SirenWindow).siren;
        const res = sources.map((src) => new RegExp(src));
        const found: ({ reason: string; triggers: string[] } | undefined)[] = res.map(() => undefined);
        let from = (s.events().at(-1)?.seq ?? -1) + 1;
        const t0 = performance.now();
        const poll = () => {
          const evs = s.events(from);
          if (evs.length) from = (evs[evs.length - 1] as SirenEvent).seq + 1;
          for (const ev of evs) {
            if (ev.type !== 'engine.warning') continue;
            const p = ev.payload as { reason: string; triggers: string[] };
            res.forEach((re, i) => {
              if (!found[i] && re.test(p.reason)) found[i] = p;
            });
          }
          if (found.every(Boolean)) resolve(found as { reason: string; triggers: string[] }[]);
          else if (performance.now() - t0 > timeout)
            reject(
              new Error(
                `no engine.warning matching ${sources.filter((_, i) => !found[i]).join(', ')} in ${timeout} ms`,
              ),
            );
          else setTimeout(poll, 16);
        };
        poll();
      }),
    { sources: patterns.map((p) => p.source), timeout },
  );
}

describe('runaway rules in the browser (preview build)', () => {
  let before = 0;

  it('measures the frame rate on the shipped rules', async () => {
    await page.waitForTimeout(2000); // past start-up
    before = (await measureFrames(page, FPS_WINDOW_MS)).fps;
    figures.push(`fps before ${before.toFixed(1)}`);
    expect(before).toBeGreaterThan(0);
  });

  it('stops a self-emitting trigger and a two-trigger loop with warnings that name them, and says so on screen', async () => {
    const from = await logEnd();
    const warned = awaitWarnings([/"loop\.ping"/, /"ping\.[ab]"/]);
    await applyInEditor(loops());
    const [self, pair] = await warned;
    // Each names only the triggers in its loop, not the timer that started it.
    expect(self?.triggers).toEqual(['loop-echo']);
    expect(self?.reason).toMatch(
      /^cascade depth limit \(32\) reached while handling "loop\.ping": triggers loop-echo keep causing each other/,
    );
    expect(pair?.triggers).toEqual(['ping-a', 'ping-b']);
    expect(pair?.reason).toMatch(
      /^cascade depth limit \(32\) reached while handling "ping\.[ab]": triggers ping-a → ping-b keep causing each other/,
    );
    expect(
      await page.evaluate((f) => (window as SirenWindow).siren.events(f, 'rules.loaded').length, from),
    ).toBeGreaterThan(0);

    // The player sees it over the game, whichever panel is open (or none).
    const alerts = page.locator('.overlay.engine-alerts');
    await alerts.waitFor({ state: 'visible', timeout: 10_000 });
    await expect
      .poll(() => alerts.innerText(), { timeout: 10_000 })
      .toContain('triggers loop-echo keep causing each other');
    await expect
      .poll(() => alerts.innerText(), { timeout: 10_000 })
      .toContain('triggers ping-a → ping-b keep causing each other');
    expect(await alerts.locator('h2').textContent()).toBe('A runaway rule was stopped');
    expect((await page.evaluate(() => (window as SirenWindow).siren.alerts)).join('\n')).toContain('loop-echo');
    await shot(page, 'runaway-loop-alert');

    // The game goes on at full speed and the page keeps drawing.
    const t0 = await tickOf();
    const during = await measureFrames(page, FPS_WINDOW_MS);
    const ticks = (await tickOf()) - t0;
    figures.push(`loops: fps ${during.fps.toFixed(1)}, game speed ${(ticks / 60 / (during.ms / 1000)).toFixed(2)}×`);
    expect(during.fps).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThan(60);
  });

  it('cuts a fan-out at the per-tick budget every tick, and the page keeps drawing', async () => {
    const warned = awaitWarnings([/^per-tick event budget \(5000\) used up/]);
    await applyInEditor(fanOut());
    const [budget] = await warned;
    // Every trigger that spent the budget is named (all 12 answer each event alike).
    expect(budget?.triggers.filter((id) => /^fan-\d+$/.test(id))).toHaveLength(12);
    for (const id of budget?.triggers ?? []) expect(id).toMatch(/^fan-(start|\d+)$/);
    await expect
      .poll(() => page.locator('.overlay.engine-alerts').innerText(), { timeout: 10_000 })
      .toContain('per-tick event budget (5000) used up');
    await shot(page, 'runaway-fan-out-alert');

    const t0 = await tickOf();
    const during = await measureFrames(page, FPS_WINDOW_MS);
    const ticks = (await tickOf()) - t0;
    figures.push(`fan-out: fps ${during.fps.toFixed(1)}, game speed ${(ticks / 60 / (during.ms / 1000)).toFixed(2)}×`);
    // Not hung: frames are drawn and the game moves (it may run slower than real time while the flood lasts).
    expect(during.fps).toBeGreaterThan(0);
    expect(during.frames).toBeGreaterThanOrEqual(2);
    expect(ticks).toBeGreaterThan(0);
  });

  it('recovers its frame rate once the rules are fixed, and the alert clears', async () => {
    const from = await logEnd();
    await applyInEditor(original);
    await page.waitForTimeout(1500);
    const after = (await measureFrames(page, FPS_WINDOW_MS)).fps;
    figures.push(`fps after the fix ${after.toFixed(1)} (${(after / before).toFixed(2)}× before)`);
    expect(after / before, `fps before ${before.toFixed(1)}, after ${after.toFixed(1)}`).toBeGreaterThanOrEqual(0.5);
    // No more warnings after the fixed rules are in; the alert goes away by itself.
    const since = await page.evaluate((f) => (window as SirenWindow).siren.events(f), from);
    const loaded = since.findIndex((e) => e.type === 'rules.loaded');
    expect(loaded).toBeGreaterThanOrEqual(0);
    expect(since.slice(loaded + 1).filter((e) => e.type === 'engine.warning')).toEqual([]);
    await page.locator('.overlay.engine-alerts').waitFor({ state: 'hidden', timeout: 15_000 });
    expect(await page.evaluate(() => (window as SirenWindow).siren.alerts)).toEqual([]);
    const tick = await tickOf();
    await page.waitForFunction((t) => (window as SirenWindow).siren.tick > t + 60, tick, {
      timeout: 10_000,
      polling: 100,
    });
  });

  it('logged no console errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
