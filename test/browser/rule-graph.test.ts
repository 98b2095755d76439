import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, shot } from './browser';

const base = inject('baseUrl');

let browser: Browser;
let page: Page;
let problems: string[];
let original: string;

beforeAll(async () => {
  browser = await launch();
  ({ page, problems } = await openPage(browser, base));
  original = await page.evaluate(() => fetch('rules/city.json', { cache: 'no-store' }).then((r) => r.text()));
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

async function openTab(panel: string): Promise<void> {
  if (await page.locator('.panels').isHidden()) await page.click('.panels-toggle');
  await page.click(`.panel-tab[data-panel=${panel}]`);
}

/** The city rules plus two triggers that fire each other through declared events (nothing starts them). */
function withPingPong(): string {
  const rules = JSON.parse(original) as { events?: unknown[]; triggers: unknown[] };
  rules.events = [...(rules.events ?? []), 'ping.sent', 'pong.sent'];
  rules.triggers.push(
    { id: 'ping', on: 'ping.sent', do: [{ behaviour: 'emit', event: 'pong.sent' }] },
    { id: 'pong', on: 'pong.sent', do: [{ behaviour: 'emit', event: 'ping.sent' }] },
  );
  return JSON.stringify(rules, null, 2) + '\n';
}

describe('the rule graph', () => {
  it('draws the running rules with live fire counts and no loops', async () => {
    await openTab('graph');
    await page.waitForSelector('.rule-graph svg .g-trigger', { timeout: 30_000 });
    expect(await page.locator('.g-summary').getAttribute('data-loops')).toBe('0');
    expect(await page.locator('.g-trigger').count()).toBeGreaterThan(10);
    expect(await page.locator('.g-edge.g-listens').count()).toBeGreaterThan(5);
    // Fire counts come from the engine's trigger states: the damage trigger's count is the same as the hook's.
    await page.waitForFunction(() => document.querySelectorAll('.g-count').length > 0, null, { timeout: 10_000 });
  });

  it('highlights a loop added in the editor, and the editor lists its warning', async () => {
    await openTab('editor');
    await page.waitForSelector('.rules-editor .cm-content', { timeout: 30_000 });
    await page.click('.rules-editor .cm-content');
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(withPingPong());
    await page.waitForSelector('.re-warnings li', { timeout: 10_000 });
    expect(await page.locator('.re-warnings li').first().textContent()).toContain(
      'triggers fire each other in a loop: "ping"',
    );
    await page.click('[data-action=apply]');
    await openTab('graph');
    await page.waitForSelector('.g-summary[data-loops="1"]', { timeout: 10_000 });
    const loopEdges = await page
      .locator('.g-edge.g-loop')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-trigger')} ${e.getAttribute('data-kind')}`));
    expect(loopEdges.sort()).toEqual(
      ['ping listens', 'ping does', 'ping emits', 'pong listens', 'pong does', 'pong emits'].sort(),
    );
    await shot(page, 'rule-graph-loop');
  });

  it('opens the Rules editor at the trigger clicked', async () => {
    await page.click('.g-node[data-id="t:pong"]');
    await page.waitForSelector('.rules-editor .cm-content', { timeout: 10_000 });
    const text = withPingPong().split('\n');
    const line = text.findIndex((l) => l.includes('"id": "pong"')); // 0-based index of the id line = the 1-based line of "{"
    await page.waitForFunction(
      (n) => document.querySelector('.rules-editor .cm-activeLineGutter')?.textContent === String(n),
      line,
      { timeout: 10_000 },
    );
    expect(problems).toEqual([]);
  });
});
