import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, shot } from './browser';
import type { SirenWindow } from './hook';

const base = inject('baseUrl');

/** A stubbed Gamepad API: the test sets `window.__pad` to the buttons pressed and the left stick. */
const GAMEPAD_STUB = `
  window.__pad = { buttons: [], axes: [0, 0] };
  navigator.getGamepads = () => [{
    id: 'stub', index: 0, connected: true, mapping: 'standard',
    axes: window.__pad.axes,
    buttons: Array.from({ length: 17 }, (_, i) => ({ pressed: window.__pad.buttons.includes(i), value: 0 })),
  }];
`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const tickOf = (page: Page) => page.evaluate(() => (window as SirenWindow).siren.tick);
const xOf = (page: Page) => page.evaluate(() => (window as SirenWindow).siren.probe().x);
const shots = (page: Page) =>
  page.evaluate(
    () =>
      (window as SirenWindow).siren
        .events(0, 'shot.fired')
        .filter((e) => (e.payload as { shooter?: number }).shooter === 0).length,
  );
async function ticksPass(page: Page, n: number): Promise<void> {
  const from = await tickOf(page);
  await page.waitForFunction((t) => (window as SirenWindow).siren.tick >= t, from + n, {
    timeout: 30_000,
    polling: 50,
  });
}

/** Pairs of the given elements whose boxes overlap. */
async function overlaps(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate((sels) => {
    const boxes = sels
      .map((s) => [s, document.querySelector(s)] as const)
      .filter(([, e]) => e && !(e as HTMLElement).hidden && (e as HTMLElement).offsetParent !== null)
      .map(([s, e]) => [s, (e as HTMLElement).getBoundingClientRect()] as const);
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [sa, a] = boxes[i] as (typeof boxes)[number];
        const [sb, b] = boxes[j] as (typeof boxes)[number];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(`${sa} × ${sb}`);
      }
    return out;
  }, selectors);
}

describe('a newcomer with a keyboard or a gamepad', () => {
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ page, problems } = await openPage(browser, base, { width: 1024, height: 700 }, { initScript: GAMEPAD_STUB }));
  });
  afterAll(async () => {
    await page?.close();
  });

  it('a key tap shorter than a tick still shoots (the press is latched until a tick reads it)', async () => {
    await ticksPass(page, 10);
    const before = await shots(page);
    await page.evaluate(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { code: 'Space', key: ' ' }));
      window.dispatchEvent(new KeyboardEvent('keyup', { code: 'Space', key: ' ' }));
    });
    await ticksPass(page, 5);
    expect(await shots(page)).toBe(before + 1);
  });

  it('a gamepad moves the player with its d-pad and shoots with A', async () => {
    const x0 = await xOf(page);
    await page.evaluate(() => ((window as unknown as { __pad: { buttons: number[] } }).__pad.buttons = [15]));
    await ticksPass(page, 30);
    await page.evaluate(() => ((window as unknown as { __pad: { buttons: number[] } }).__pad.buttons = []));
    expect(await xOf(page)).toBeGreaterThan(x0 + 0.5);
    const before = await shots(page);
    await page.evaluate(() => ((window as unknown as { __pad: { buttons: number[] } }).__pad.buttons = [0]));
    await ticksPass(page, 3);
    await page.evaluate(() => ((window as unknown as { __pad: { buttons: number[] } }).__pad.buttons = []));
    expect(await shots(page)).toBeGreaterThan(before);
  });

  it('the event log has column headings, and its filter finds what a row shows (kind=hospital)', async () => {
    await page.keyboard.press('i');
    await page.click('.panel-tab[data-panel="log"]');
    await page.waitForSelector('.log-head');
    expect((await page.textContent('.log-head'))?.toLowerCase()).toMatch(/offset\s*tick\s*s\s*type\s*payload/);
    await page.fill('.log-search', 'kind=hospital');
    // The filter applies after a short pause: wait for the list to show only matches.
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.log-row .log-payload')].map((e) => e.textContent ?? '');
      return rows.length > 0 && rows.every((r) => r.includes('kind=hospital'));
    });
    const rows = await page.$$eval('.log-row .log-payload', (els) => els.map((e) => e.textContent ?? ''));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toContain('kind=hospital');
    await page.fill('.log-search', '');
  });

  it('after typing in the rules editor, Escape gives the keys back to the game', async () => {
    await page.click('.panel-tab[data-panel="editor"]');
    await page.waitForSelector('.cm-content');
    await page.click('.cm-content');
    const x0 = await xOf(page);
    await page.keyboard.down('ArrowLeft');
    await ticksPass(page, 20);
    await page.keyboard.up('ArrowLeft');
    expect(await xOf(page), 'arrows in the editor move its cursor, not the player').toBe(x0);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.cm-editor'))).toBe(false);
    await page.keyboard.down('ArrowLeft');
    await ticksPass(page, 30);
    await page.keyboard.up('ArrowLeft');
    expect(await xOf(page)).toBeLessThan(x0 - 0.5);
  });

  it('with the panels open and the game paused, nothing in the top bar overlaps (1280×720 and 1024×700)', async () => {
    await page.keyboard.press('p');
    await page.waitForSelector('.hud > .paused:not([hidden])');
    const top = ['.hud-status', '.hud-buttons', '.scenario-switch', '.hud > .paused', '.panels-toggle'];
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1024, height: 700 },
    ]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(200);
      await shot(page, `newcomer-top-bar-${size.width}`);
      expect(await overlaps(page, top), `${size.width}×${size.height}`).toEqual([]);
    }
    await page.keyboard.press('p');
  });

  it('printed no console errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});

describe('a newcomer on a touch screen', () => {
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ page, problems } = await openPage(browser, base, { width: 800, height: 500 }, { hasTouch: true }));
  });
  afterAll(async () => {
    await page?.close();
  });

  it('shows a stick and buttons, and the stick moves the player', async () => {
    const stick = await page.waitForSelector('.touch-stick');
    const box = await stick.boundingBox();
    if (!box) throw new Error('the stick has no box');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const x0 = await xOf(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: cx, y: cy }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: cx + box.width / 2, y: cy }] });
    await ticksPass(page, 30);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    expect(await xOf(page)).toBeGreaterThan(x0 + 0.5);
    await ticksPass(page, 5);
    const x1 = await xOf(page);
    await ticksPass(page, 10);
    expect(await xOf(page), 'released: the player stops').toBe(x1);
  });

  it('a tap on Shoot fires once', async () => {
    const before = await shots(page);
    const b = await (await page.waitForSelector('.touch-button[data-code="Space"]')).boundingBox();
    if (!b) throw new Error('no Shoot button');
    await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
    await ticksPass(page, 5);
    expect(await shots(page)).toBe(before + 1);
    await shot(page, 'newcomer-touch');
    expect(problems).toEqual([]);
  });
});
