import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { triggerLocation } from '../../src/engine';
import { frames, launch, openPage, shot } from './browser';

const base = inject('baseUrl');

interface Stop {
  reason: string;
  seq: number;
  type: string;
  tick: number;
}
interface DebugHook {
  tick: number;
  paused: boolean;
  panel: string | null;
  stop: Stop | null;
  selected: number | null;
}
const hook = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { siren: DebugHook }).siren;
    return { tick: s.tick, paused: s.paused, panel: s.panel, stop: s.stop, selected: s.selected };
  });
const waitForStop = (page: Page, after = -1) =>
  page.waitForFunction(
    (a) => {
      const st = (window as unknown as { siren: DebugHook }).siren.stop;
      return st !== null && st.seq > a;
    },
    after,
    { timeout: 60_000, polling: 50 },
  );

async function openPanel(page: Page, id: string, ready: string): Promise<void> {
  if (await page.locator('.panels').isHidden()) await page.click('.panels-toggle');
  await page.click(`.panel-tab[data-panel=${id}]`);
  await page.waitForSelector(ready, { timeout: 30_000 });
}

describe('the debugger on the page', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    browser = await launch();
    ({ page, problems } = await openPage(browser, `${base}?scenario=cloud&autopilot=1&muted=1`));
    await page.evaluate(() => localStorage.removeItem('siren.debug.cloud'));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('breaks when a trigger fires: paused at the event, selected, with a banner naming the breakpoint', async () => {
    await openPanel(page, 'triggers', '.insp-item[data-trigger=dashboard]');
    await page.click('.insp-item[data-trigger=dashboard] .insp-break');
    await waitForStop(page);
    const h = await hook(page);
    expect(h.paused).toBe(true);
    expect(h.stop!.reason).toMatch(/^trigger "dashboard" fires — paused after #\d+ /);
    expect(h.selected).toBe(h.stop!.seq);
    await page.waitForSelector('.debug-banner:not([hidden])');
    expect(await page.textContent('.debug-reason')).toContain('trigger "dashboard" fires');
    await frames(page, 20);
    expect((await hook(page)).tick).toBe(h.tick);
    await shot(page, 'debugger-break-trigger');
  });

  it('steps to the next event (F10), then continues (F8) to the next stop', async () => {
    const before = (await hook(page)).stop!;
    await page.keyboard.press('F10');
    await page.waitForFunction(
      (s) => (window as unknown as { siren: DebugHook }).siren.stop?.seq === s + 1,
      before.seq,
    );
    // One event on: "stepped", unless that event hits the breakpoint too (both alarms can change in one tick).
    expect((await hook(page)).stop!.reason).toMatch(/^(stepped|trigger "dashboard" fires) — paused after #/);
    await page.keyboard.press('F8');
    await waitForStop(page, before.seq + 1);
    const again = await hook(page);
    expect(again.stop!.reason).toMatch(/^trigger "dashboard" fires/);
    expect(again.tick).toBeGreaterThan(before.tick);
  });

  it('a disabled breakpoint does not stop the game; one on a fact changing does', async () => {
    await openPanel(page, 'time', '.time-debug');
    await page.click('.bp[data-bp="0"] input[type=checkbox]');
    await page.click('.time-debug [data-action=continue]');
    const t0 = (await hook(page)).tick;
    await page.waitForFunction((t) => (window as unknown as { siren: DebugHook }).siren.tick > t + 400, t0, {
      timeout: 60_000,
    });
    expect((await hook(page)).stop).toBeNull();
    await page.selectOption('.bp-add select', 'fact');
    await page.fill('.bp-add .bp-target', 'world.sampls');
    await page.click('.bp-add [data-action=add-breakpoint]');
    expect(await page.textContent('.bp-errors')).toContain('did you mean "world.samples"?');
    await page.fill('.bp-add .bp-target', 'world.samples');
    await page.click('.bp-add [data-action=add-breakpoint]');
    await waitForStop(page);
    expect((await hook(page)).stop!.reason).toMatch(/^world\.samples changes — /);
    await page.click('.bp[data-bp="1"] input[type=checkbox]');
    await page.click('.time-debug [data-action=continue]');
    expect((await hook(page)).stop).toBeNull();
  });

  it('a watch draws its history as a sparkline; clicking a change travels there', async () => {
    await openPanel(page, 'watches', '.watches-panel');
    await page.fill('.watch-add input', 'world.cpu');
    await page.click('.watch-add [data-action=pin]');
    await page.waitForSelector('.watch[data-fact="world.cpu"] .spark-dot:nth-of-type(2)', { timeout: 40_000 });
    const dot = page.locator('.watch[data-fact="world.cpu"] .spark-dot').first();
    const at = Number(await dot.getAttribute('data-tick'));
    await shot(page, 'debugger-watch');
    await dot.click();
    await page.waitForFunction((t) => (window as unknown as { siren: DebugHook }).siren.tick === t + 1, at, {
      timeout: 60_000,
    });
    expect((await hook(page)).paused).toBe(true);
  });

  it("breaks on an event where a condition holds, and jumps to its trigger's line:col in the Rules editor, and back", async () => {
    await openPanel(page, 'time', '.time-debug');
    await page.selectOption('.bp-add select', 'event', { timeout: 10_000 });
    await page.fill('.bp-add .bp-target', 'trigger.fired');
    await page.fill('.bp-add .bp-when', 'event.trigger ne "none"');
    await page.click('.bp-add [data-action=add-breakpoint]');
    // Still where the watch's click took it: Continue plays on from there.
    await page.click('.time-debug [data-action=continue]');
    await waitForStop(page);
    const stop = (await hook(page)).stop!;
    expect(stop.type).toBe('trigger.fired');
    expect(stop.reason).toMatch(/^event "trigger\.fired" where event\.trigger ne "none" — /);
    const fired = await page.evaluate(
      (seq) =>
        (window as unknown as { siren: { events(from: number): { payload: { trigger: string } }[] } }).siren.events(
          seq,
        )[0]!.payload.trigger,
      stop.seq,
    );
    expect(fired).toMatch(/^[a-z]/);
    const where = triggerLocation(readFileSync('public/rules/cloud.json', 'utf8'), fired)!;
    await page.click('.debug-banner [data-action=where-from]', { timeout: 10_000 });
    await page.waitForSelector('.re-jump', { timeout: 30_000 });
    expect(await page.textContent('.re-jump')).toContain(`at line ${where.line}, column ${where.column}`);
    await page.waitForFunction(
      (line) => document.querySelector('.cm-activeLineGutter')?.textContent === String(line),
      where.line,
      { timeout: 10_000 },
    );
    await shot(page, 'debugger-where-from');
    await page.click('.re-jump [data-action=jump-back]');
    await page.waitForFunction(() => (window as unknown as { siren: DebugHook }).siren.panel === 'log');
    expect((await hook(page)).selected).toBe(stop.seq);
  }, 120_000);

  it('left no console errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});
