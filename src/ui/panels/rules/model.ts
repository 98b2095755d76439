import { computed, signal } from '@preact/signals';
import type { ReadonlySignal, Signal } from '@preact/signals';
import type { PanelContext } from '../context';
import type { DraftStore } from './draft';
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

/** Creates the model, restoring a draft kept from an earlier visit. */
export function createEditorModel(host: EditorHost, deps: EditorDeps): EditorModel {
  const file = `${rulesFileName(host.scenario)} (editor)`;
  const running = signal(host.rules().text);
  const stored = deps.store.load();
  const restored = stored && stored.text !== running.value ? stored : null;
  if (stored && !restored) deps.store.clear();
  const draft = signal(restored ? restored.text : running.value);
  const dirty = computed(() => draft.value !== running.value);
  const check = signal<DraftCheck | null>(null);
  const notice = signal<Notice | null>(
    restored && restored.savedAt < (deps.sessionStart ?? Infinity)
      ? {
          kind: 'info',
          text: `Restored your draft from ${new Date(restored.savedAt).toLocaleString()}: it is not applied yet.${restored.base !== fingerprint(running.value) ? ' The running rules have changed since you started it.' : ''}`,
        }
      : null,
  );
  const checker = memoCheck(host.catalogue, file);
  let replace: (text: string) => void = () => undefined;
  /** Dev-server writes, one after another in the order Save was pressed. */
  let writes: Promise<unknown> = Promise.resolve();

  const keep = () => {
    if (draft.value === running.value) deps.store.clear();
    else if (!deps.store.save(draft.value, running.value))
      notice.value = { kind: 'info', text: 'This browser would not store the draft: it will not survive a reload.' };
  };
  const setDraft = (text: string) => {
    draft.value = text;
    replace(text);
    keep();
  };

  const model: EditorModel = {
    file,
    draft,
    running,
    dirty,
    check,
    notice,
    cursorTrigger: signal<string | null>(null),
    checker,
    edited(text) {
      if (text === draft.value) return;
      draft.value = text;
      keep();
    },
    apply() {
      const text = draft.value;
      const errors = host.applyRulesText(text, file);
      if (errors.length) {
        notice.value = {
          kind: 'error',
          text: `Not applied: ${errors.length} error${errors.length === 1 ? '' : 's'}. The game keeps running on its current rules.`,
          lines: errors,
        };
        return errors;
      }
      running.value = host.rules().text;
      if (draft.value !== running.value) setDraft(running.value);
      keep();
      const n = host.rules().triggers.length;
      notice.value = {
        kind: 'ok',
        text: `Applied at tick ${host.engine.value.tick}: ${n} trigger${n === 1 ? '' : 's'} running.`,
      };
      return [];
    },
    revert() {
      running.value = host.rules().text;
      const had = dirty.value;
      setDraft(running.value);
      deps.store.clear();
      // A refused Apply put the draft's errors over the game; the draft is gone, so are they.
      host.dismissRulesErrors?.(file);
      notice.value = {
        kind: 'info',
        text: had
          ? 'Draft discarded: back to the running rules (Ctrl+Z in the editor brings it back).'
          : 'Already the running rules.',
      };
    },
    format() {
      const r = formatRulesText(draft.value, file);
      if (!r.ok) {
        notice.value = { kind: 'error', text: 'Cannot format: the JSON does not parse.', lines: r.errors };
        return;
      }
      if (r.text !== draft.value) setDraft(r.text);
      notice.value = { kind: 'info', text: 'Formatted.' };
    },
    async save() {
      const name = rulesFileName(host.scenario);
      const text = draft.value;
      const problems = checker(text).problems.length;
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
      const write = writes.then(() => deps.saveDev(name, text));
      writes = write;
      const failed = await write;
      notice.value = failed
        ? { kind: 'error', text: `Downloaded ${name}, but could not write public/rules/${name}: ${failed}.` }
        : {
            kind: 'ok',
            text: `Downloaded ${name} and wrote public/rules/${name}; the dev server applies it live.`,
          };
    },
    sync() {
      const now = host.rules().text;
      if (now === running.value) return;
      const wasClean = !dirty.value;
      running.value = now;
      if (wasClean) setDraft(now);
      else if (draft.value !== now)
        notice.value = {
          kind: 'info',
          text: `New rules are running (${host.rules().source}); your draft is kept. Revert to load them.`,
        };
      keep();
    },
    bindEditor(fn) {
      replace = fn;
    },
  };
  return model;
}
