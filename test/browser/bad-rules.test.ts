import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatError, loadRules, scenarioCatalogue } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { launch, openPage, shot } from './browser';
import { CORPUS_DIR, corpusExpected, corpusText } from './corpus';
import type { SirenWindow } from './hook';

const base = inject('baseUrl');
/** The name the editor gives its drafts in error lines (src/ui/panels/rules/model.ts). */
const EDITOR_FILE = 'city.json (editor)';
const city = scenarioCatalogue(scenarios.city as NonNullable<(typeof scenarios)['city']>);

/**
 * A sample of the corpus, one or two of each kind. The corpus is written for the `demo` scenario; the page runs the
 * city, so how much of the expected text must match depends on the file:
 * - `exact`: the error does not depend on the scenario (JSON syntax, forbidden keys, nesting): the editor shows exactly
 *   the expected lines and nothing else;
 * - `contains`: every expected line is shown, word for word, next to what the city adds (the file says it is for
 *   "demo", and demo's event and behaviour names are unknown in the city);
 * - `position`: the message names demo's vocabulary (a did-you-mean among demo's behaviours), so only the place — line,
 *   column, JSON path — and the start of the message must match; the city offers its own suggestions.
 * In every case the editor must show exactly what the engine's loader says about the text in the city.
 */
const SAMPLE: readonly { file: string; kind: string; match: 'exact' | 'contains' | 'position' }[] = [
  { file: '04-missing-comma.json', kind: 'syntax error', match: 'exact' },
  { file: '19-duplicate-key.json', kind: 'duplicate key', match: 'exact' },
  { file: '30-cooldown-as-string.json', kind: 'wrong type', match: 'contains' },
  { file: '73-unknown-behaviour.json', kind: 'unknown behaviour, did you mean', match: 'position' },
  { file: '57-unknown-fact-root.json', kind: 'unknown fact, did you mean', match: 'contains' },
  { file: '83-proto-key.json', kind: '__proto__ key', match: 'exact' },
  { file: '36-duplicate-ids.json', kind: 'duplicate id', match: 'contains' },
  { file: '32-huge-delay.json', kind: 'huge number', match: 'contains' },
  { file: '72-deep-json.json', kind: 'deep nesting (JSON)', match: 'exact' },
  { file: '71-deep-condition.json', kind: 'deep nesting (conditions)', match: 'contains' },
];

let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  browser = await launch();
  ({ page, problems } = await openPage(browser, base, { width: 1280, height: 800 }));
  await page.click('.panels-toggle');
  await page.click('.panel-tab[data-panel=editor]');
  await page.waitForSelector('.rules-editor .cm-content', { timeout: 30_000 });
  await page.waitForSelector('.re-check.good', { timeout: 10_000 });
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

/** What the game runs now: its tick, trigger ids and on/off states, the rules' source, and the log's end offset. */
const gameState = () =>
  page.evaluate(() => {
    const s = (window as SirenWindow).siren;
    const all = s.events();
    return {
      tick: s.tick,
      triggers: s.triggers().map((t) => `${t.id}:${String(t.enabled)}`),
      source: s.rulesSource,
      logEnd: all.length ? (all[all.length - 1] as { seq: number }).seq + 1 : 0,
    };
  });

/** Replaces the editor's whole text, as a paste would. */
async function paste(text: string): Promise<void> {
  await page.click('.re-tab[data-tab=edit]');
  await page.click('.rules-editor .cm-content');
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
}

const listed = () => page.locator('.re-problems li').allTextContents();

describe('the bad-rules corpus in the rules editor (preview build)', () => {
  for (const { file, kind, match } of SAMPLE) {
    it(`${file} (${kind}): the loader's errors inline, Apply refused, the game runs on`, async () => {
      const text = corpusText(file);
      const loaded = loadRules(text, city, EDITOR_FILE);
      expect(loaded.ok).toBe(false);
      const want = loaded.ok ? [] : loaded.errors.map(formatError);
      const expected = corpusExpected(file, EDITOR_FILE);
      if (match === 'exact') expect(want).toEqual(expected);
      else if (match === 'contains') expect(want).toEqual(expect.arrayContaining(expected));
      else {
        // line:col  path  and the message up to the suggestion
        const place = (l: string) => l.replace(/; (did you mean|expected one of) .*$/, '');
        expect(want.map(place)).toEqual(expect.arrayContaining(expected.map(place)));
      }

      const before = await gameState();
      await paste(text);
      // The editor lists exactly the loader's lines (the same text, file name and all) …
      await expect.poll(listed, { timeout: 10_000 }).toEqual(want);
      expect(await page.locator('.re-check').textContent()).toBe(
        `✗ ${want.length} error${want.length === 1 ? '' : 's'}`,
      );
      expect(await page.locator('.re-state').getAttribute('data-state')).toBe('draft');
      // … and underlines them in the text.
      await page.waitForSelector('.cm-lintRange-error', { timeout: 10_000 });

      // Apply refuses it whole: same notice, same errors in the page's overlay, nothing loaded.
      await page.click('.re-btn[data-action=apply]');
      await page.waitForSelector('.re-notice.error', { timeout: 5_000 });
      expect(await page.locator('.re-notice.error p').textContent()).toBe(
        `Not applied: ${want.length} error${want.length === 1 ? '' : 's'}. The game keeps running on its current rules.`,
      );
      expect(await page.evaluate(() => (window as SirenWindow).siren.rulesErrors)).toEqual(want);
      expect(await page.locator('.overlay.rules-errors').isVisible()).toBe(true);
      if (match === 'exact') await shot(page, `bad-rules-${file.replace(/\.json$/, '')}`);

      // The game keeps running on the rules it had.
      await page.waitForFunction((t) => (window as SirenWindow).siren.tick >= t + 30, before.tick, {
        timeout: 30_000,
        polling: 50,
      });
      const after = await gameState();
      expect(after.triggers).toEqual(before.triggers);
      expect(after.source).toBe(before.source);
      expect(
        await page.evaluate((from) => (window as SirenWindow).siren.events(from, 'rules.loaded').length, before.logEnd),
      ).toBe(0);

      // Revert: back to the running rules, and the errors of the discarded draft are gone from the page.
      await page.click('.re-btn[data-action=revert]');
      expect(await page.locator('.re-state').getAttribute('data-state')).toBe('running');
      await expect.poll(() => page.locator('.re-check').textContent(), { timeout: 10_000 }).toBe('✓ valid');
      expect(await page.evaluate(() => (window as SirenWindow).siren.rulesErrors)).toEqual([]);
    });
  }

  it('covers at least 8 files of the corpus, and logged no console errors or CSP violations', () => {
    expect(SAMPLE.length).toBeGreaterThanOrEqual(8);
    for (const { file } of SAMPLE) expect(readFileSync(`${CORPUS_DIR}/${file}`).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
