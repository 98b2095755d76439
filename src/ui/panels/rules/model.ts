import { computed, signal } from '@preact/signals';
import type { ReadonlySignal, Signal } from '@preact/signals';
import type { PanelContext } from '../context';
import type { DraftStore, StoredDraft } from './draft';
import { fingerprint } from './draft';
import { formatRulesText } from './format';
import type { DraftCheck } from './lint';
import { memoCheck } from './lint';
import { rulesFileName } from './save';

/** A line under the toolbar: what the last action did. */
export interface Notice {
  readonly kind: 'ok' | 'error' | 'info';
  readonly text: string;
  /** Error lines (as the CLI prints them). */
  readonly lines?: readonly string[];
}

/** What the model needs from the page (a PanelContext has all of it). */
export type EditorHost = Pick<
  PanelContext,
  'scenario' | 'catalogue' | 'dev' | 'applyRulesText' | 'dismissRulesErrors' | 'rules'
> & { readonly engine: { readonly value: { readonly tick: number } } };

/** Side effects the model leaves to its caller (the page's, or fakes in tests). */
export interface EditorDeps {
  readonly store: DraftStore;
  download(name: string, text: string): void;
  /** Dev only: write the file through the dev server; null when written, else why not. */
  saveDev(name: string, text: string): Promise<string | null>;
  /** When this page was loaded (ms since the epoch): a draft kept since then is not news; older ones are announced. */
  readonly sessionStart?: number;
}

/** The rules editor's state and actions, free of the DOM: the panel renders it, tests drive it. */
export interface EditorModel {
  /** The file name applied drafts carry in errors and in the engine (`city.json (editor)`). */
  readonly file: string;
  /** The editor's text. */
  readonly draft: ReadonlySignal<string>;
  /** The text of the rules running now. */
  readonly running: ReadonlySignal<string>;
  /** The draft differs from the running rules: "draft — not applied". */
  readonly dirty: ReadonlySignal<boolean>;
  /** The loader's verdict on the draft, as of the editor's last (debounced) check. */
  readonly check: Signal<DraftCheck | null>;
  readonly notice: Signal<Notice | null>;
  /** The trigger the editor's cursor is in: the tester starts with it. */
  readonly cursorTrigger: Signal<string | null>;
  /** Runs the loader on a text, remembering the last answer. */
  checker(text: string): DraftCheck;
  /** The editor's text changed (typing, undo): keep it as the draft. */
  edited(text: string): void;
  /** Compiles the draft and applies it to the running game; on errors the game keeps its rules. */
  apply(): string[];
  /** Discards the draft: back to the running rules. */
  revert(): void;
  format(): void;
  /** Downloads the draft as `<scenario>.json`, and in dev also writes public/rules/<scenario>.json. */
  save(): Promise<void>;
  /** Re-reads the running rules (call when the page says something changed): picks up rules applied elsewhere. */
  sync(): void;
  /** The view's way to replace the editor's text (revert, format, rules changed elsewhere). */
  bindEditor(replace: (text: string) => void): void;
}

/** What the model's actions share: the host and deps, the texts, the notice, the editor's hook and pending writes. */
interface ModelState {
  readonly host: EditorHost;
  readonly deps: EditorDeps;
  readonly file: string;
  readonly running: Signal<string>;
  readonly draft: Signal<string>;
  readonly dirty: ReadonlySignal<boolean>;
  readonly notice: Signal<Notice | null>;
  readonly checker: (text: string) => DraftCheck;
  /** The view's way to replace the editor's text. */
  replace: (text: string) => void;
  /** Dev-server writes, one after another in the order Save was pressed. */
  writes: Promise<unknown>;
}

/** Creates the model, restoring a draft kept from an earlier visit. */
export function createEditorModel(host: EditorHost, deps: EditorDeps): EditorModel {
  const file = `${rulesFileName(host.scenario)} (editor)`;
  const running = signal(host.rules().text);
  const restored = restoreDraft(deps.store, running.value);
  const draft = signal(restored ? restored.text : running.value);
  const s: ModelState = {
    host,
    deps,
    file,
    running,
    draft,
    dirty: computed(() => draft.value !== running.value),
    notice: signal<Notice | null>(restoredNotice(restored, running.value, deps.sessionStart)),
    checker: memoCheck(host.catalogue, file),
    replace: () => undefined,
    writes: Promise.resolve(),
  };
  return {
    file,
    draft,
    running,
    dirty: s.dirty,
    check: signal<DraftCheck | null>(null),
    notice: s.notice,
    cursorTrigger: signal<string | null>(null),
    checker: s.checker,
    edited(text) {
      if (text === draft.value) return;
      draft.value = text;
      keepDraft(s);
    },
    apply: () => applyDraft(s),
    revert: () => revertDraft(s),
    format: () => formatDraft(s),
    save: () => saveDraft(s),
    sync: () => syncRunning(s),
    bindEditor(fn) {
      s.replace = fn;
    },
  };
}

/** The kept draft, unless it is the running rules (then it is dropped from the store). */
function restoreDraft(store: DraftStore, runningText: string): StoredDraft | null {
  const stored = store.load();
  const restored = stored && stored.text !== runningText ? stored : null;
  if (stored && !restored) store.clear();
  return restored;
}

/** What the panel says about a draft restored from before this page was loaded (a newer one is not news). */
function restoredNotice(restored: StoredDraft | null, runningText: string, sessionStart?: number): Notice | null {
  if (!restored || restored.savedAt >= (sessionStart ?? Infinity)) return null;
  return {
    kind: 'info',
    text: `Restored your draft from ${new Date(restored.savedAt).toLocaleString()}: it is not applied yet.${restored.base !== fingerprint(runningText) ? ' The running rules have changed since you started it.' : ''}`,
  };
}

/** Stores the draft while it differs from the running rules, else forgets it; says so when the browser refuses. */
function keepDraft(s: ModelState): void {
  if (s.draft.value === s.running.value) s.deps.store.clear();
  else if (!s.deps.store.save(s.draft.value, s.running.value))
    s.notice.value = { kind: 'info', text: 'This browser would not store the draft: it will not survive a reload.' };
}

/** Replaces the draft and the editor's text, and keeps it. */
function setDraft(s: ModelState, text: string): void {
  s.draft.value = text;
  s.replace(text);
  keepDraft(s);
}

/** Compiles the draft and applies it to the running game; on errors the game keeps its rules. */
function applyDraft(s: ModelState): string[] {
  const { host, file, notice } = s;
  const errors = host.applyRulesText(s.draft.value, file);
  if (errors.length) {
    notice.value = {
      kind: 'error',
      text: `Not applied: ${errors.length} error${errors.length === 1 ? '' : 's'}. The game keeps running on its current rules.`,
      lines: errors,
    };
    return errors;
  }
  s.running.value = host.rules().text;
  if (s.draft.value !== s.running.value) setDraft(s, s.running.value);
  keepDraft(s);
  const n = host.rules().triggers.length;
  notice.value = {
    kind: 'ok',
    text: `Applied at tick ${host.engine.value.tick}: ${n} trigger${n === 1 ? '' : 's'} running.`,
  };
  return [];
}

/** Discards the draft: back to the running rules. */
function revertDraft(s: ModelState): void {
  s.running.value = s.host.rules().text;
  const had = s.dirty.value;
  setDraft(s, s.running.value);
  s.deps.store.clear();
  // A refused Apply put the draft's errors over the game; the draft is gone, so are they.
  s.host.dismissRulesErrors?.(s.file);
  s.notice.value = {
    kind: 'info',
    text: had
      ? 'Draft discarded: back to the running rules (Ctrl+Z in the editor brings it back).'
      : 'Already the running rules.',
  };
}

/** Lays the draft out the way the shipped rules files are, when it parses. */
function formatDraft(s: ModelState): void {
  const r = formatRulesText(s.draft.value, s.file);
  if (!r.ok) {
    s.notice.value = { kind: 'error', text: 'Cannot format: the JSON does not parse.', lines: r.errors };
    return;
  }
  if (r.text !== s.draft.value) setDraft(s, r.text);
  s.notice.value = { kind: 'info', text: 'Formatted.' };
}

/** Downloads the draft as `<scenario>.json`, and in dev also writes public/rules/<scenario>.json if it is valid. */
async function saveDraft(s: ModelState): Promise<void> {
  const { host, deps, notice } = s;
  const name = rulesFileName(host.scenario);
  const text = s.draft.value;
  const problems = s.checker(text).problems.length;
  const warn = problems
    ? ` It has ${problems} error${problems === 1 ? '' : 's'}: the game will refuse it until they are fixed.`
    : '';
  deps.download(name, text);
  if (!host.dev) {
    notice.value = { kind: problems ? 'error' : 'ok', text: `Downloaded ${name}.${warn}` };
    return;
  }
  if (problems) {
    notice.value = {
      kind: 'error',
      text: `Downloaded ${name}, but did not write public/rules/${name}: it has ${problems} error${problems === 1 ? '' : 's'}. Fix them and save again.`,
    };
    return;
  }
  const write = s.writes.then(() => deps.saveDev(name, text));
  s.writes = write;
  const failed = await write;
  notice.value = failed
    ? { kind: 'error', text: `Downloaded ${name}, but could not write public/rules/${name}: ${failed}.` }
    : {
        kind: 'ok',
        text: `Downloaded ${name} and wrote public/rules/${name}; the dev server applies it live.`,
      };
}

/** Picks up rules applied elsewhere: a clean editor follows them, a draft is kept and told. */
function syncRunning(s: ModelState): void {
  const now = s.host.rules().text;
  if (now === s.running.value) return;
  const wasClean = !s.dirty.value;
  s.running.value = now;
  if (wasClean) setDraft(s, now);
  else if (s.draft.value !== now)
    s.notice.value = {
      kind: 'info',
      text: `New rules are running (${s.host.rules().source}); your draft is kept. Revert to load them.`,
    };
  keepDraft(s);
}
