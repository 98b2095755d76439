import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canvasColours, frames, launch, openPage, shot } from './browser';
import type { SirenWindow } from './hook';

const base = inject('baseUrl');
/** Software WebGL is slow: pages that are not looked at get a small window. */
const SMALL = { width: 640, height: 400 };

/** The pages this file opens (one at a time: they share one software GPU process, so loading in parallel gains nothing). */
const URLS = {
  main: base,
  params: `${base}?seed=abc&bogus=1&rules=${encodeURIComponent('https://example.com/x.json')}`,
  missing: `${base}?rules=rules/missing.json`,
  // Seed 77: a goon shoots the autopilot about 3.5 s in (see `npm run -s sim -- --scenario city --seed 77 --events …`).
  autopilot: `${base}?autopilot=1&seed=77`,
  stress: `${base}?autopilot=1&civilians=400`,
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The game's tick now. */
const tickOf = (page: Page) => page.evaluate(() => (window as SirenWindow).siren.tick);

/** Resolves once the game has run `n` more ticks (game time, whatever the frame rate). */
async function ticksPass(page: Page, n: number, timeout = 20_000): Promise<void> {
  const from = await tickOf(page);
  await page.waitForFunction((t) => (window as SirenWindow).siren.tick >= t, from + n, { timeout, polling: 50 });
}

describe('the city page (preview build)', () => {
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ page, problems } = await openPage(browser, URLS.main, { width: 960, height: 600 }));
  });
  afterAll(async () => {
    await page?.close();
  });

  it('loads with no console errors or warnings, failed requests or CSP violations', async () => {
    await ticksPass(page, 30);
    expect(problems).toEqual([]);
    // The favicon the page links to is served (headless Chromium does not fetch favicons itself).
    const icon = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '';
      const res = await fetch(href);
      return { href, status: res.status, type: res.headers.get('content-type') ?? '' };
    });
    expect(icon, `favicon ${icon.href}`).toMatchObject({ status: 200, type: expect.stringContaining('svg') });
    expect(await page.evaluate(() => (window as SirenWindow).siren.scenario)).toBe('city');
  });

  it('draws the city on the canvas', async () => {
    expect(await page.locator('canvas').count()).toBe(1);
    expect(await canvasColours(page)).toBeGreaterThan(20);
  });

  it('shows health, wanted stars, buttons and the controls', async () => {
    const hud = await page.evaluate(() => ({
      fill: document.querySelector<HTMLElement>('.health-fill')?.style.width,
      text: document.querySelector('.health-text')?.textContent,
      health: (window as SirenWindow).siren.world.player.health,
      stars: document.querySelectorAll('.stars .star').length,
      mute: document.querySelector('button.mute')?.textContent,
      motion: document.querySelector('button.motion')?.textContent,
      help: document.querySelector('.help')?.textContent ?? '',
    }));
    expect(hud.health).toBe(100);
    expect(parseFloat(hud.fill ?? '')).toBe(100);
    expect(hud.text).toBe('100 / 100');
    expect(hud.stars).toBe(5);
    expect(hud.mute).toMatch(/sound/i);
    expect(hud.motion).toMatch(/flashing/i);
    for (const key of ['WASD', 'E / Enter', 'Space', 'P', 'R', 'M']) expect(hud.help).toContain(key);
    await expect.poll(() => page.locator('.health-fill').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.help').isVisible()).toBe(true);
  });

  it('moves the player while an arrow key is held', async () => {
    // Try each direction from the spawn until one is not blocked by a wall; the move must go the way of the key.
    const moves: string[] = [];
    for (const [key, dx, dy] of [
      ['ArrowRight', 1, 0],
      ['ArrowDown', 0, 1],
      ['ArrowLeft', -1, 0],
      ['ArrowUp', 0, -1],
    ] as const) {
      const before = await page.evaluate(() => (window as SirenWindow).siren.probe());
      await page.keyboard.down(key);
      try {
        await ticksPass(page, 60); // about one second of game time
      } finally {
        await page.keyboard.up(key);
      }
      const after = await page.evaluate(() => (window as SirenWindow).siren.probe());
      const along = (after.x - before.x) * dx + (after.y - before.y) * dy;
      moves.push(
        `${key}: (${before.x.toFixed(1)}, ${before.y.toFixed(1)}) → (${after.x.toFixed(1)}, ${after.y.toFixed(1)})`,
      );
      if (along > 1) {
        await shot(page, 'city-after-move');
        return;
      }
    }
    expect.fail(`the player did not move with any arrow key:\n${moves.join('\n')}`);
  });

  it('pauses with P and steps exactly one tick with "."', async () => {
    await page.keyboard.press('p');
    await page.waitForFunction(() => (window as SirenWindow).siren.paused, undefined, { timeout: 20_000 });
    const paused = await tickOf(page);
    await frames(page, 3);
    expect(await tickOf(page)).toBe(paused);
    expect(await page.locator('.paused').isVisible()).toBe(true);

    await page.keyboard.press('.');
    await page.waitForFunction((t) => (window as SirenWindow).siren.tick !== t, paused, { timeout: 20_000 });
    await frames(page, 3);
    expect(await tickOf(page)).toBe(paused + 1);
    expect(await page.evaluate(() => (window as SirenWindow).siren.paused)).toBe(true);

    await page.keyboard.press('p');
    await page.waitForFunction((t) => (window as SirenWindow).siren.tick > t + 5, paused + 1, { timeout: 20_000 });
    expect(await page.locator('.paused').isVisible()).toBe(false);
  });

  it('has still logged no console errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});

describe('URL parameters', () => {
  it('names every bad parameter in a notice, refuses rules from another site, and still runs', async () => {
    const { page, problems } = await openPage(browser, URLS.params, SMALL);
    try {
      await ticksPass(page, 30);
      const s = await page.evaluate(() => {
        const { siren } = window as SirenWindow;
        return { notices: siren.notices, rulesErrors: siren.rulesErrors, source: siren.rulesSource };
      });
      expect(s.notices.find((l) => l.startsWith('URL parameter "seed"'))).toMatch(/whole number.*"abc"/);
      expect(s.notices.find((l) => l.startsWith('URL parameter "bogus"'))).toMatch(/ignored/);
      expect(s.notices.find((l) => l.startsWith('URL parameter "rules"'))).toMatch(
        /only rules from this site.*https:\/\/example\.com.*default rules/,
      );
      const text = await page.locator('.overlay.notices').innerText();
      for (const name of ['seed', 'bogus', 'rules', 'example.com']) expect(text).toContain(name);
      // The default rules, from this site.
      expect(s.rulesErrors).toEqual([]);
      expect(s.source).toContain('city.json');
      expect(s.source).not.toContain('example.com');
      expect(problems).toEqual([]); // in particular, no request went to example.com
    } finally {
      await page.close();
    }
  });

  it('civilians=N plays a bigger city (the stress test the browser benchmark uses)', async () => {
    const { page, problems } = await openPage(browser, URLS.stress, SMALL);
    try {
      await ticksPass(page, 30);
      const total = await page.evaluate(() => (window as SirenWindow).siren.world.civilians.total);
      expect(total).toBe(400);
      expect(await page.evaluate(() => (window as SirenWindow).siren.notices)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows the rules overlay for a missing rules file and runs on the bundled defaults', async () => {
    const { page, problems } = await openPage(browser, URLS.missing, SMALL);
    try {
      await ticksPass(page, 30);
      const s = await page.evaluate(() => {
        const { siren } = window as SirenWindow;
        return { rulesErrors: siren.rulesErrors, source: siren.rulesSource, triggers: siren.triggers().length };
      });
      // Said as a missing file (a static host answers HTTP 404), not as a JSON syntax error about an HTML page.
      expect(s.rulesErrors).toHaveLength(1);
      expect(s.rulesErrors[0]).toMatch(/missing\.json: could not load it \((HTTP 404|.*not found.*)\)/i);
      const overlay = page.locator('.overlay.rules-errors');
      expect(await overlay.isVisible()).toBe(true);
      expect(await overlay.innerText()).toContain('missing.json');
      expect(s.source).toMatch(/bundled/);
      expect(s.triggers).toBeGreaterThan(0);
      // The only problems are the 404 itself (as a response and as Chromium's console line for it).
      expect(problems.filter((p) => !/missing\.json|status of 404/.test(p))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('autopilot', () => {
  it('gets shot within 40 s of game time, and the health bar follows', async () => {
    const { page, problems } = await openPage(browser, URLS.autopilot, SMALL);
    try {
      const found = await page.waitForFunction(
        () => {
          const { siren } = window as SirenWindow;
          const hit = siren.events(0, 'damage').some((e) => (e.payload as { target: number }).target === 0);
          const changed = siren.events(0, 'health.changed').some((e) => (e.payload as { entity: number }).entity === 0);
          const { health, maxHealth } = siren.world.player;
          const fill = document.querySelector<HTMLElement>('.health-fill')?.style.width ?? '';
          if (hit && changed && health < maxHealth) return { health, maxHealth, fill, tick: siren.tick };
          return siren.tick > 40 * 60 ? { health, maxHealth, fill, tick: siren.tick, hit, changed } : false;
        },
        undefined,
        { timeout: 90_000, polling: 100 },
      );
      const r = (await found.jsonValue()) as { health: number; maxHealth: number; fill: string; tick: number };
      expect(r, 'the player was not shot within 40 s of game time').not.toHaveProperty('hit');
      expect(parseFloat(r.fill)).toBeCloseTo((r.health / r.maxHealth) * 100, 1);
      expect(parseFloat(r.fill)).toBeLessThan(100);
      await shot(page, 'city-autopilot-shot');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
