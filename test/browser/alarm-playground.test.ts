import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SirenEvent } from '../../src/engine';
import { canvasColours, launch, openPage } from './browser';

const base = inject('baseUrl');

type HookWindow = typeof window & {
  siren: { tick: number; events(fromOffset?: number, type?: string): SirenEvent[]; world: { agent: boolean } };
};

let browser: Browser;
let page: Page;
let problems: string[];
beforeAll(async () => {
  browser = await launch();
  ({ page, problems } = await openPage(browser, `${base}?scenario=cloud`, { width: 1280, height: 900 }));
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

/** Each treatment's state as the playground shows it. */
const states = () =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('.alarm-treatment')].map((t) => [
        t.dataset.treatment,
        t.querySelector('.alarm-state')?.textContent,
      ]),
    ),
  );
const row = () =>
  page.evaluate(() => [...document.querySelectorAll('.alarm-point')].map((b) => b.textContent).join(' '));

describe('the alarm playground (cloud page)', () => {
  it('shows the four treatments side by side for a documented row, with the reason for each', async () => {
    await page.click('.cloud-playground summary');
    await page.waitForSelector('.alarm-treatment', { timeout: 30_000 });
    expect(await row()).toBe('0 - X - X');
    expect(await states()).toEqual({ missing: 'OK', ignore: 'OK', breaching: 'OK', notBreaching: 'OK' });
    const why = await page.textContent('.alarm-treatment[data-treatment=breaching] .alarm-why');
    expect(why).toMatch(/^Threshold Crossed: 1 out of the last 3 datapoints \[0, X, X\] was not greater than/);
  });

  it('clicking a datapoint cycles OK → breaching → missing, and the states follow the documented table', async () => {
    await page.click('.alarm-point >> nth=0');
    await page.click('.alarm-point >> nth=0');
    await page.click('.alarm-point >> nth=2');
    expect(await row()).toBe('- - - - X');
    expect(await states()).toEqual({
      missing: 'INSUFFICIENT_DATA',
      ignore: 'OK',
      breaching: 'ALARM',
      notBreaching: 'OK',
    });
    await page.selectOption('.alarm-settings select', 'ALARM');
    expect((await states()).ignore).toBe('ALARM');
  });

  it('"use this alarm" applies N, M and the treatment to the running cloud\'s cpuHigh alarm', async () => {
    const before = await page.evaluate(() => (window as HookWindow).siren.events(0, 'rules.loaded').length);
    await page.click('.alarm-treatment[data-treatment=breaching] .alarm-use');
    await page.waitForFunction((n) => (window as HookWindow).siren.events(0, 'rules.loaded').length > n, before, {
      timeout: 10_000,
    });
    expect(await page.textContent('.alarm-status')).toBe(
      'cpuHigh now alarms on 3 of 3 datapoints, missing data treated as breaching',
    );
  });

  it('the metrics agent turns off from the page, and the page stays clean', async () => {
    await page.click('.cloud-agent');
    await page.waitForFunction(() => (window as HookWindow).siren.world.agent === false, undefined, {
      timeout: 10_000,
    });
    expect(await page.textContent('.cloud-agent')).toBe('Metrics agent: off');
    expect(await canvasColours(page)).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
