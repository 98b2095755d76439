import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, shot } from './browser';
import type { SirenWindow } from './hook';

const base = inject('baseUrl');
const SIZE = { width: 1280, height: 800 };

let browser: Browser;
let page: Page;
let problems: string[];
/** How many problems the page had before the editor was first opened (see the note in the first test). */
let atLoad = 0;
/** The rules file the page started with, as served. */
let original: string;

beforeAll(async () => {
  browser = await launch();
  ({ page, problems } = await openPage(browser, base, SIZE));
  original = await page.evaluate(() => fetch('rules/city.json', { cache: 'no-store' }).then((r) => r.text()));
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

const tickOf = () => page.evaluate(() => (window as SirenWindow).siren.tick);
const triggerIds = () => page.evaluate(() => (window as SirenWindow).siren.triggers().map((t) => t.id));

/** Resolves once the game has run `n` more ticks. */
async function ticksPass(n: number): Promise<void> {
  const from = await tickOf();
  await page.waitForFunction((t) => (window as SirenWindow).siren.tick >= t, from + n, {
    timeout: 30_000,
    polling: 50,
  });
}

/** Opens the sidebar on the Rules panel and waits for the editor. */
async function openEditor(): Promise<void> {
  if (
    (await page.locator('.panels').isHidden()) ||
    !(await page.locator('.panel-tab[data-panel=editor].active').count())
  ) {
    if (await page.locator('.panels').isHidden()) await page.click('.panels-toggle');
    await page.click('.panel-tab[data-panel=editor]');
  }
  await page.waitForSelector('.rules-editor .cm-content', { timeout: 30_000 });
}

/** Replaces the editor's whole text, as a paste would (one input, no auto-closed brackets). */
async function setEditorText(text: string): Promise<void> {
  await page.click('.re-tab[data-tab=edit]');
  await page.click('.rules-editor .cm-content');
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
}

/** The city rules with `change` applied to the parsed file. */
function edited(change: (rules: { triggers: Record<string, unknown>[] }) => void): string {
  const rules = JSON.parse(original) as { triggers: Record<string, unknown>[] };
  change(rules);
  return JSON.stringify(rules, null, 2) + '\n';
}

/** Two triggers the tests add: a timer that says a radio line, and one that listens for that line. */
const ADDED_TRIGGERS = [
  {
    id: 'editor-test',
    description: 'Added from the in-page editor.',
    every: 1,
    do: [{ behaviour: 'radio', line: 'Editor test line' }],
  },
  {
    id: 'editor-test-heard',
    on: 'radio.said',
    when: { fact: 'event.line', op: 'eq', value: 'Editor test line' },
    do: [{ behaviour: 'enableTrigger', trigger: 'editor-test' }],
  },
];

describe('the rules editor panel (preview build)', () => {
  it('opens lazily on the running rules, adding no console errors or CSP violations', async () => {
    expect(await page.evaluate(() => document.querySelector('.cm-editor'))).toBeNull();
    // Only what the editor adds is checked here: the page's own start-up is test/browser/page.test.ts's business.
    atLoad = problems.length;
    await openEditor();
    await expect.poll(() => page.locator('.re-check').textContent(), { timeout: 10_000 }).toBe('✓ valid');
    expect(await page.locator('.re-state').getAttribute('data-state')).toBe('running');
    expect(await page.locator('.cm-content').textContent()).toContain('"damage-hurts"');
    await shot(page, 'editor-open');
    expect(problems.slice(atLoad)).toEqual([]);
  });

  it("shows the loader's own error inline as you type, while the game keeps running on its rules", async () => {
    const before = await triggerIds();
    await setEditorText(original.replace('"behaviour": "changeHealth"', '"behaviour": "changeHelth"'));
    await page.waitForSelector('.re-problems li', { timeout: 10_000 });
    const problem = await page.locator('.re-problems li').first().textContent();
    // The error list jumps to the error (the paste left the cursor at the end of the file, out of view).
    await page.click('.re-problems li button');
    await page.waitForSelector('.cm-lintRange-error', { timeout: 10_000 });
    expect(await page.locator('.cm-lintRange-error').first().textContent()).toBe('"changeHelth"');
    expect(problem).toMatch(
      /^city\.json \(editor\):\d+:\d+ {2}triggers\[0\]\.do\[0\]\.behaviour {2}unknown behaviour "changeHelth"; did you mean "changeHealth"\?$/,
    );
    expect(await page.locator('.re-state').textContent()).toBe('draft — not applied');
    await page.hover('.cm-lintRange-error');
    await page.waitForSelector('.cm-tooltip-lint', { timeout: 5_000 });
    expect(await page.locator('.cm-tooltip-lint').textContent()).toContain('did you mean "changeHealth"?');
    await shot(page, 'editor-inline-error');
    await ticksPass(30);
    expect(await triggerIds()).toEqual(before);
    expect(await page.evaluate(() => (window as SirenWindow).siren.rulesErrors)).toEqual([]);
  });

  it('refuses to apply a broken draft: the errors are shown and the game keeps its rules', async () => {
    const before = await triggerIds();
    await page.click('.re-btn[data-action=apply]');
    await page.waitForSelector('.re-notice.error', { timeout: 5_000 });
    expect(await page.locator('.re-notice.error').textContent()).toContain(
      'Not applied: 1 error. The game keeps running on its current rules.',
    );
    expect(await page.locator('.re-problems li').first().textContent()).toContain('did you mean "changeHealth"?');
    expect(await page.evaluate(() => (window as SirenWindow).siren.rulesErrors.length)).toBeGreaterThan(0);
    await ticksPass(10);
    expect(await triggerIds()).toEqual(before);
  });

  it('applies an edited draft live: new triggers run in the game', async () => {
    await setEditorText(edited((r) => r.triggers.push(...ADDED_TRIGGERS)));
    await expect.poll(() => page.locator('.re-check').textContent(), { timeout: 10_000 }).toBe('✓ valid');
    await page.click('.re-btn[data-action=apply]');
    await page.waitForSelector('.re-notice.ok', { timeout: 5_000 });
    expect(await page.locator('.re-state').getAttribute('data-state')).toBe('running');
    expect(await triggerIds()).toEqual(expect.arrayContaining(['editor-test', 'editor-test-heard']));
    expect(await page.evaluate(() => (window as SirenWindow).siren.rulesSource)).toBe('city.json (editor)');
    expect(await page.evaluate(() => (window as SirenWindow).siren.rulesErrors)).toEqual([]);
    await page.waitForFunction(
      () =>
        (window as SirenWindow).siren
          .events(0, 'radio.said')
          .some((e) => (e.payload as { line: string }).line === 'Editor test line'),
      undefined,
      { timeout: 30_000, polling: 100 },
    );
    await shot(page, 'editor-applied');
  });

  it('tests a draft trigger against a past event and a written one, without changing the game', async () => {
    // A draft change that is not applied: damage-hurts now only listens to police.
    await setEditorText(
      edited((r) => {
        r.triggers.push(...ADDED_TRIGGERS);
        (r.triggers[0] as Record<string, unknown>).when = { fact: 'event.source', op: 'eq', value: 'police' };
      }),
    );
    const triggersBefore = await triggerIds();
    await page.click('.re-tab[data-tab=test]');

    // A past radio.said event from the log.
    await page.selectOption('.re-trigger', 'editor-test-heard');
    await page.waitForSelector('.re-events button.active', { timeout: 10_000 });
    await page.waitForSelector('.re-verdict', { timeout: 5_000 });
    expect(await page.locator('.re-verdict').getAttribute('data-would-fire')).toBe('true');
    expect(await page.locator('.re-tree').textContent()).toContain(
      'event.line = "Editor test line", expected = "Editor test line"',
    );

    // A written one: a goon's bullet does not pass the draft's condition.
    await page.selectOption('.re-trigger', 'damage-hurts');
    await page.check('.re-source input[value=json]');
    await page.fill(
      '.re-sample',
      JSON.stringify({ type: 'damage', payload: { target: 0, source: 'goon', amount: 10 } }, null, 2),
    );
    await expect
      .poll(() => page.locator('.re-verdict').getAttribute('data-would-fire'), { timeout: 5_000 })
      .toBe('false');
    expect(await page.locator('.re-tree li.fail').first().textContent()).toContain(
      'event.source = "goon", expected = "police"',
    );
    expect(await page.locator('.re-actions').textContent()).toContain('changeHealth {"entity":0,"amount":-10}');
    await shot(page, 'editor-test-trigger');

    // A misspelled field is an error, not a silent "missing".
    await page.fill('.re-sample', '{ "type": "damage", "payload": { "sorce": "police" } }');
    await expect
      .poll(() => page.locator('.re-sample-errors').textContent(), { timeout: 5_000 })
      .toContain('did you mean "source"?');

    // The game was not touched: same triggers, the draft still not applied.
    expect(await triggerIds()).toEqual(triggersBefore);
    expect(await page.locator('.re-state').getAttribute('data-state')).toBe('draft');
  });

  it('shows the generated reference as tables, with a filter', async () => {
    await page.click('.re-tab[data-tab=reference]');
    await page.waitForSelector('.re-ref table', { timeout: 5_000 });
    expect(await page.locator('.re-ref table').count()).toBeGreaterThanOrEqual(5);
    await page.fill('.re-filter', 'despawn');
    await expect.poll(() => page.locator('.re-ref tbody tr').count(), { timeout: 5_000 }).toBeGreaterThan(0);
    expect(await page.locator('.re-ref tbody').first().textContent()).toContain('despawn');
    await shot(page, 'editor-reference');
  });

  it('keeps an unapplied draft across a reload, until Revert discards it', async () => {
    await page.click('.re-tab[data-tab=edit]');
    const draft = await page.evaluate(() => localStorage.getItem('siren.editor.draft.city'));
    expect(draft).not.toBeNull();
    expect(problems.slice(atLoad)).toEqual([]);
    await page.reload({ waitUntil: 'load', timeout: 90_000 });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
    await ticksPass(5);
    atLoad = problems.length;
    await openEditor();
    expect(await page.locator('.re-state').getAttribute('data-state')).toBe('draft');
    expect(await page.locator('.re-notice').textContent()).toMatch(/Restored your draft/);
    await shot(page, 'editor-restored-draft');
    // The editor holds the draft (the tester lists the draft's triggers; CodeMirror only renders what is in view).
    const draftTriggers = () =>
      page.locator('.re-trigger option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await page.click('.re-tab[data-tab=test]');
    expect(await draftTriggers()).toContain('editor-test-heard');
    await page.click('.re-tab[data-tab=edit]');
    await page.click('.re-btn[data-action=revert]');
    expect(await page.locator('.re-state').getAttribute('data-state')).toBe('running');
    expect(await page.evaluate(() => localStorage.getItem('siren.editor.draft.city'))).toBeNull();
    await page.click('.re-tab[data-tab=test]');
    expect(await draftTriggers()).not.toContain('editor-test-heard');
    await ticksPass(10);
    expect(problems.slice(atLoad)).toEqual([]);
  });
  it("completes the file's variables and, after { in a say text, its placeholders", async () => {
    // The Rules panel is open on its Test tab after the previous test.
    await page.click('.re-tab[data-tab=edit]');
    await page.waitForSelector('.rules-editor .cm-content', { timeout: 10_000 });
    const head =
      '{ "version": 1, "scenario": "city", "vars": { "coins": { "type": "number", "initial": 0 }, "won": { "type": "boolean", "initial": false } },\n' +
      '  "triggers": [{ "id": "coin-say", "on": "damage", "do": [\n';
    const labels = () => page.locator('.cm-tooltip-autocomplete .cm-completionLabel').allTextContents();
    /** Puts the cursor `back` characters before the end of the text. */
    const typeAt = async (text: string, back: number) => {
      await setEditorText(text);
      for (let i = 0; i < back; i++) await page.keyboard.press('ArrowLeft');
    };
    const tail = '" }] }] }\n';
    await typeAt(`${head}    { "behaviour": "changeVar", "var": "${tail}`, tail.length);
    await page.keyboard.press('Control+Space');
    await expect.poll(labels, { timeout: 5_000 }).toEqual(['coins']);
    await page.keyboard.press('Escape');

    await typeAt(`${head}    { "behaviour": "say", "text": "Coins: ${tail}`, tail.length);
    await page.keyboard.type('{');
    await expect.poll(labels, { timeout: 5_000 }).toEqual(expect.arrayContaining(['var.coins', 'event.amount']));
    await page.keyboard.type('var.c');
    await expect.poll(labels, { timeout: 5_000 }).toEqual(['var.coins']);
    await shot(page, 'editor-placeholder-completion');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.rules-editor .cm-content').textContent(), { timeout: 5_000 })
      .toContain('"text": "Coins: {var.coins}"');
    await page.click('.re-btn[data-action=revert]');
    expect(problems.slice(atLoad)).toEqual([]);
  });
});
