import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SirenEvent } from '../../src/engine';
import type { CloudWorld } from '../../src/scenarios/cloud';
import { canvasColours, frames, launch, openPage, shot } from './browser';

const base = inject('baseUrl');

/** `window.siren` as the cloud fills it. */
interface CloudHook {
  readonly scenario: string;
  readonly tick: number;
  readonly paused: boolean;
  readonly world: CloudWorld;
  events(fromOffset?: number, type?: string): SirenEvent[];
  probe(): {
    poolSize: number;
    alarm: string;
    load: number;
    emailsSent: number;
    servers: { id: number; state: string; cpu: number }[];
  };
}
type CloudWindow = typeof window & { siren: CloudHook };

let browser: Browser;
let page: Page;
let problems: string[];
beforeAll(async () => {
  browser = await launch();
  ({ page, problems } = await openPage(browser, `${base}?scenario=cloud`, { width: 1280, height: 800 }));
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

const tickOf = () => page.evaluate(() => (window as CloudWindow).siren.tick);
async function ticksPass(n: number, timeout = 30_000): Promise<void> {
  const from = await tickOf();
  await page.waitForFunction((t) => (window as CloudWindow).siren.tick >= t, from + n, { timeout, polling: 50 });
}

describe('the cloud page (preview build)', () => {
  it('runs the cloud scenario and draws the dashboard, with no console errors', async () => {
    await ticksPass(60);
    expect(await page.evaluate(() => (window as CloudWindow).siren.scenario)).toBe('cloud');
    expect(await page.locator('canvas').count()).toBe(1);
    expect(await canvasColours(page)).toBeGreaterThan(20);
    const hud = await page.evaluate(() => ({
      alarms: [...document.querySelectorAll('.cloud-alarm')].map((e) => e.textContent),
      slider: document.querySelector<HTMLInputElement>('.cloud-load input')?.value,
      spike: document.querySelector('.cloud-spike')?.textContent,
      pool: document.querySelector('.cloud-pool-size')?.textContent,
      outbox: document.querySelector('.cloud-outbox')?.textContent,
    }));
    expect(hud.alarms).toEqual(['cpuHigh NO DATA', 'cpuLow NO DATA']);
    expect(hud.slider).toBe('0.5');
    expect(hud.spike).toMatch(/Spike/);
    expect(hud.pool).toBe('Pool 3 servers');
    expect(hud.outbox).toMatch(/No emails yet/);
    expect(problems).toEqual([]);
  });

  it('the slider is input: moving it changes the recorded load, and game keys do not fire while it has focus', async () => {
    const slider = page.locator('.cloud-load input');
    await slider.focus();
    const before = await tickOf();
    // On the focused slider, R (restart) and P (pause) are not game keys; arrows move the slider.
    await page.keyboard.press('r');
    await page.keyboard.press('p');
    // A quieter day (peak about 340 requests/s): the morning stays under the alarm for a while.
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
    await ticksPass(60);
    expect(await tickOf()).toBeGreaterThan(before);
    expect(await page.evaluate(() => (window as CloudWindow).siren.paused)).toBe(false);
    expect(await slider.inputValue()).toBe('0.3');
    // The setting reaches the world through input records, half a second after the slider rests.
    await page.waitForFunction(() => (window as CloudWindow).siren.world.load.setting === 0.3, undefined, {
      timeout: 30_000,
      polling: 100,
    });
    const changed = await page.evaluate(() =>
      (window as CloudWindow).siren.events(0, 'load.changed').map((e) => e.payload),
    );
    expect(changed).toContainEqual({ rps: expect.any(Number), source: 'slider' });
    await slider.blur();
  });

  it('pressing Spike raises cpuHigh to ALARM, emails the on-call engineer and scales the pool out', async () => {
    // Wait until the alarm has 5 samples to judge (25 s of game time), and is OK.
    await page.waitForFunction(() => (window as CloudWindow).siren.world.alarms.cpuHigh === 'OK', undefined, {
      timeout: 90_000,
      polling: 200,
    });
    await shot(page, 'cloud-calm');
    // Follow the cloud's first lesson on the way.
    await page.evaluate(() => localStorage.removeItem('siren.lessons.cloud'));
    await page.click('.panels-toggle');
    await page.click('.panel-tab[data-panel=lessons]');
    await page.click('.lesson-item[data-lesson=cloud-alarm] .lesson-open', { timeout: 30_000 });
    await page.waitForSelector('.lesson-step[data-step=press-spike]');
    const from = await page.evaluate(() => (window as CloudWindow).siren.events().at(-1)?.seq ?? 0);
    await page.locator('.cloud-spike').click();
    const spike = await page.waitForFunction(
      (f) =>
        (window as CloudWindow).siren
          .events(f, 'load.changed')
          .find((e) => (e.payload as { source: string }).source === 'spike'),
      from,
      { timeout: 20_000, polling: 100 },
    );
    const spikeTick = ((await spike.jsonValue()) as SirenEvent).tick;
    await page.waitForSelector('.lesson-step[data-step=see-alarm]', { timeout: 10_000 });
    // 3 of 5 samples above 70 %: ALARM within 4 sample periods (20 s of game time) of the spike; the first sample
    // after the press may come before the rush has arrived.
    const alarm = await page.waitForFunction(
      (f) =>
        (window as CloudWindow).siren
          .events(f, 'alarm.changed')
          .find(
            (e) =>
              (e.payload as { alarm: string; to: string }).alarm === 'cpuHigh' &&
              (e.payload as { to: string }).to === 'ALARM',
          ),
      from,
      { timeout: 90_000, polling: 200 },
    );
    const alarmEvent = (await alarm.jsonValue()) as SirenEvent;
    expect(alarmEvent.tick - spikeTick).toBeLessThanOrEqual(4 * 300);
    // The rules' say (announce-alarm) shows as a caption on the dashboard: plain text, for its 8 seconds.
    const said = await page.waitForFunction(
      () => {
        const c = document.querySelector<HTMLElement>('.cloud-hud .captions .caption.said');
        return c && !c.hidden && c.textContent ? { text: c.textContent, children: c.children.length } : null;
      },
      undefined,
      { timeout: 10_000, polling: 50 },
    );
    expect(await said.jsonValue()).toEqual({
      text: 'cpuHigh is in ALARM: the pool’s CPU is above 70 %. The on-call engineer is emailed, and the pool scales out when it may.',
      children: 0,
    });
    await shot(page, 'cloud-said');
    const emails = await page.evaluate(
      (f) => (window as CloudWindow).siren.events(f, 'email.sent').map((e) => e.payload),
      from,
    );
    expect(emails[0]).toMatchObject({ to: 'oncall@example.com', subject: expect.stringMatching(/^ALARM: cpuHigh/) });
    // The scale-out comes with the alarm, or once the 60-second cooldown of an earlier scaling has passed.
    const scaled = await page.waitForFunction(
      (f) =>
        (window as CloudWindow).siren
          .events(f, 'pool.scaled')
          .find((e) => (e.payload as { reason: string }).reason === 'cpuHigh'),
      from,
      { timeout: 120_000, polling: 200 },
    );
    const outEvent = (await scaled.jsonValue()) as SirenEvent<string, { from: number; to: number }>;
    const out = outEvent.payload;
    expect(out.to).toBe(Math.min(10, out.from + 2));
    expect(outEvent.tick - alarmEvent.tick).toBeLessThanOrEqual(60 * 60);
    // The HUD shows it: the alarm, the bigger pool, the email in the outbox.
    await frames(page, 3);
    const hud = await page.evaluate(() => ({
      alarm: document.querySelector('.cloud-alarm')?.textContent,
      pool: document.querySelector('.cloud-pool-size')?.textContent,
      email: document.querySelector('.cloud-email .cloud-subject')?.textContent,
    }));
    expect(hud.alarm).toBe('cpuHigh ALARM');
    expect(hud.pool).toMatch(/^Pool \d+ servers$/);
    expect(Number(hud.pool?.match(/\d+/)?.[0])).toBeGreaterThanOrEqual(out.to);
    expect(hud.email).toMatch(/^ALARM: cpuHigh/);
    // The lesson saw the alarm; selecting the email it offers completes it.
    await page.waitForSelector('.lesson-step[data-step=trace-email]', { timeout: 10_000 });
    await page.click('.lesson-candidate .ev-chip');
    await page.waitForSelector('.lesson-complete', { timeout: 10_000 });
    await shot(page, 'cloud-alarm');
    await page.click('.panels-toggle');
    // The new servers boot (20 s), then take traffic.
    await page.waitForFunction((f) => (window as CloudWindow).siren.events(f, 'server.started').length >= 1, from, {
      timeout: 90_000,
      polling: 200,
    });
    expect(
      await page.evaluate(
        () => (window as CloudWindow).siren.probe().servers.filter((s) => s.state === 'running').length,
      ),
    ).toBeGreaterThan(out.from);
    // 20 s of booting later, the 8-second caption has gone.
    expect(await page.locator('.cloud-hud .caption.said').isHidden()).toBe(true);
    await shot(page, 'cloud-scaled');
  }, 240_000);

  it('has still logged no console errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});
