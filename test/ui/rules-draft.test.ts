import { describe, expect, it } from 'vitest';
import { formatError, loadRules, scenarioCatalogue } from '../../src/engine';
import type { CompiledRules } from '../../src/engine';
import { demoScenario } from '../../src/scenarios/demo';
import type { DraftStorage } from '../../src/ui/panels/rules/draft';
import { createDraftStore, draftKey, fingerprint } from '../../src/ui/panels/rules/draft';
import type { EditorHost } from '../../src/ui/panels/rules/model';
import { createEditorModel } from '../../src/ui/panels/rules/model';

const catalogue = scenarioCatalogue(demoScenario);

/** A Web Storage stand-in; `full` makes every write throw, like a full quota. */
function memoryStorage(full = false): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (full) throw new Error('QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

const rulesText = (id: string) =>
  `{ "version": 1, "scenario": "demo", "triggers": [{ "id": "${id}", "every": 1, "do": [{ "behaviour": "addScore", "amount": 1 }] }] }\n`;

function compile(text: string, file: string): CompiledRules {
  const r = loadRules(text, catalogue, file);
  if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
  return r.rules;
}

/** A page stand-in: applyRulesText compiles and swaps the running rules, or returns the errors. */
function fakePage(initial = rulesText('a')) {
  let rules = compile(initial, 'public/rules/demo.json');
  const applied: string[] = [];
  const downloads: [string, string][] = [];
  const devWrites: [string, string][] = [];
  const host: EditorHost & { dev: boolean } = {
    scenario: 'demo',
    catalogue,
    dev: false,
    engine: { value: { tick: 42 } },
    rules: () => rules,
    applyRulesText(text, file) {
      const r = loadRules(text, catalogue, file);
      if (!r.ok) return r.errors.map(formatError);
      rules = r.rules;
      applied.push(file);
      return [];
    },
  };
  return {
    host,
    applied,
    downloads,
    devWrites,
    /** Rules arriving from elsewhere (the dev server pushing a saved file). */
    replaceRules: (text: string) => (rules = compile(text, 'public/rules/demo.json')),
    deps: (storage: DraftStorage) => ({
      store: createDraftStore(storage, 'demo'),
      download: (name: string, text: string) => void downloads.push([name, text]),
      saveDev: async (name: string, text: string) => {
        devWrites.push([name, text]);
        return null;
      },
      sessionStart: 1_000,
    }),
  };
}

describe('the draft store', () => {
  it('keeps a draft per scenario with a fingerprint of the rules it started from', () => {
    const storage = memoryStorage();
    const store = createDraftStore(storage, 'demo');
    expect(store.load()).toBeNull();
    expect(store.save('draft text', 'base text', 5)).toBe(true);
    expect(store.load()).toEqual({ text: 'draft text', base: fingerprint('base text'), savedAt: 5 });
    expect(createDraftStore(storage, 'city').load()).toBeNull();
    store.clear();
    expect(storage.data.has(draftKey('demo'))).toBe(false);
  });

  it('survives a full or missing storage and drops a corrupt entry', () => {
    expect(createDraftStore(memoryStorage(true), 'demo').save('x', 'y')).toBe(false);
    const none = createDraftStore(null, 'demo');
    expect(none.save('x', 'y')).toBe(false);
    expect(none.load()).toBeNull();
    const storage = memoryStorage();
    storage.data.set(draftKey('demo'), '{not json');
    expect(createDraftStore(storage, 'demo').load()).toBeNull();
    expect(storage.data.has(draftKey('demo'))).toBe(false);
  });

  it('fingerprints differ when the text does', () => {
    expect(fingerprint('abc')).toBe(fingerprint('abc'));
    expect(fingerprint('abc')).not.toBe(fingerprint('abd'));
  });
});

describe('the editor model', () => {
  it('starts on the running rules, and an edit is a draft that is not applied and is kept for a reload', () => {
    const page = fakePage();
    const storage = memoryStorage();
    const model = createEditorModel(page.host, page.deps(storage));
    expect(model.draft.value).toBe(rulesText('a'));
    expect(model.dirty.value).toBe(false);
    model.edited(rulesText('b'));
    expect(model.dirty.value).toBe(true);
    // "Reload": a new model on the same storage gets the draft back, still not applied.
    const again = createEditorModel(page.host, page.deps(storage));
    expect(again.draft.value).toBe(rulesText('b'));
    expect(again.dirty.value).toBe(true);
    expect(page.applied).toEqual([]);
  });

  it('announces a draft restored from an earlier visit, and warns when the running rules changed since', () => {
    const page = fakePage();
    const storage = memoryStorage();
    createDraftStore(storage, 'demo').save(rulesText('b'), rulesText('old'), 500);
    const model = createEditorModel(page.host, page.deps(storage));
    expect(model.notice.value?.text).toMatch(
      /Restored your draft .* not applied yet\. The running rules have changed since you started it\./,
    );
  });

  it('Apply runs the draft in the game and forgets the stored draft', () => {
    const page = fakePage();
    const storage = memoryStorage();
    const model = createEditorModel(page.host, page.deps(storage));
    model.edited(rulesText('b'));
    expect(model.apply()).toEqual([]);
    expect(page.applied).toEqual(['demo.json (editor)']);
    expect(page.host.rules().byId.has('b')).toBe(true);
    expect(model.dirty.value).toBe(false);
    expect(storage.data.size).toBe(0);
    expect(model.notice.value).toMatchObject({ kind: 'ok', text: 'Applied at tick 42: 1 trigger running.' });
  });

  it('Apply of a broken draft changes nothing and keeps the draft, with the errors', () => {
    const page = fakePage();
    const storage = memoryStorage();
    const model = createEditorModel(page.host, page.deps(storage));
    model.edited(rulesText('b').replace('addScore', 'addScor'));
    const errors = model.apply();
    expect(errors[0]).toContain('did you mean "addScore"?');
    expect(page.host.rules().byId.has('a')).toBe(true);
    expect(model.dirty.value).toBe(true);
    expect(storage.data.size).toBe(1);
    expect(model.notice.value).toMatchObject({ kind: 'error', lines: errors });
  });

  it('Revert discards the draft and puts the running rules back in the editor', () => {
    const page = fakePage();
    const storage = memoryStorage();
    const model = createEditorModel(page.host, page.deps(storage));
    let shown = '';
    model.bindEditor((t) => (shown = t));
    model.edited(rulesText('b'));
    model.revert();
    expect(shown).toBe(rulesText('a'));
    expect(model.draft.value).toBe(rulesText('a'));
    expect(model.dirty.value).toBe(false);
    expect(storage.data.size).toBe(0);
  });

  it('Format rewrites the draft, and refuses JSON that does not parse', () => {
    const page = fakePage();
    const model = createEditorModel(page.host, page.deps(memoryStorage()));
    let shown = '';
    model.bindEditor((t) => (shown = t));
    model.format();
    expect(shown).toContain('"triggers": [\n    {\n      "id": "a",');
    model.edited('{ "version": 1,, }');
    model.format();
    expect(model.notice.value).toMatchObject({ kind: 'error', text: 'Cannot format: the JSON does not parse.' });
    expect(model.draft.value).toBe('{ "version": 1,, }');
  });

  it('Save downloads <scenario>.json, and in dev also writes it through the dev server', async () => {
    const page = fakePage();
    const model = createEditorModel(page.host, page.deps(memoryStorage()));
    model.edited(rulesText('b'));
    await model.save();
    expect(page.downloads).toEqual([['demo.json', rulesText('b')]]);
    expect(page.devWrites).toEqual([]);
    page.host.dev = true;
    await model.save();
    expect(page.devWrites).toEqual([['demo.json', rulesText('b')]]);
    expect(model.notice.value?.text).toBe(
      'Downloaded demo.json and wrote public/rules/demo.json; the dev server applies it live.',
    );
  });

  it('Save in dev does not write a draft with errors to the dev server', async () => {
    const page = fakePage();
    page.host.dev = true;
    const model = createEditorModel(page.host, page.deps(memoryStorage()));
    model.edited('{ "version": 1, "scenario": "demo", "triggers": [{ "id": 3 }] }');
    await model.save();
    expect(page.devWrites).toEqual([]);
    expect(model.notice.value?.kind).toBe('error');
    expect(model.notice.value?.text).toMatch(
      /^Downloaded demo\.json, but did not write public\/rules\/demo\.json: it has \d+ errors?\./,
    );
  });

  it('two quick saves reach the dev server in the order they were made, the second after the first finished', async () => {
    const page = fakePage();
    page.host.dev = true;
    const order: string[] = [];
    const deps = page.deps(memoryStorage());
    let release: () => void = () => undefined;
    const firstDone = new Promise<void>((r) => (release = r));
    let calls = 0;
    deps.saveDev = async (_name: string, text: string) => {
      const n = ++calls;
      order.push(`start ${n}`);
      if (n === 1) await firstDone;
      order.push(`end ${n} ${text === rulesText('c') ? 'c' : 'b'}`);
      return null;
    };
    const model = createEditorModel(page.host, deps);
    model.edited(rulesText('b'));
    const first = model.save();
    model.edited(rulesText('c'));
    const second = model.save();
    await new Promise((r) => setTimeout(r, 30));
    expect(order).toEqual(['start 1']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['start 1', 'end 1 b', 'start 2', 'end 2 c']);
  });

  it('follows rules applied elsewhere when there is no draft, and keeps a draft when there is one', () => {
    const page = fakePage();
    const model = createEditorModel(page.host, page.deps(memoryStorage()));
    let shown = '';
    model.bindEditor((t) => (shown = t));
    page.replaceRules(rulesText('c'));
    model.sync();
    expect(shown).toBe(rulesText('c'));
    expect(model.dirty.value).toBe(false);
    model.edited(rulesText('mine'));
    page.replaceRules(rulesText('d'));
    model.sync();
    expect(model.draft.value).toBe(rulesText('mine'));
    expect(model.dirty.value).toBe(true);
    expect(model.notice.value?.text).toMatch(/New rules are running .* your draft is kept/);
  });
});
