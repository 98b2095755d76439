/** The part of Web Storage a draft store needs (localStorage in the page, a Map in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A draft kept across reloads: the text, and a fingerprint of the running rules it was started from. */
export interface StoredDraft {
  readonly text: string;
  /** Fingerprint of the rules that were running when the draft was started (see `fingerprint`). */
  readonly base: string;
  /** When it was last saved (ms since the epoch). */
  readonly savedAt: number;
}

/** Keeps one scenario's unapplied draft; every call survives a missing or full storage (it reports, never throws). */
export interface DraftStore {
  readonly key: string;
  load(): StoredDraft | null;
  /** Returns false when the storage refused it (private mode, quota). */
  save(text: string, baseText: string, now?: number): boolean;
  clear(): void;
}

/** The storage key of a scenario's draft. */
export function draftKey(scenario: string): string {
  return `siren.editor.draft.${scenario}`;
}

/** A short, stable fingerprint of a text (length and 32-bit FNV-1a), to tell whether the running rules changed. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16).padStart(8, '0')}`;
}

/** Creates the draft store of a scenario (storage null = nothing is kept). */
export function createDraftStore(storage: DraftStorage | null, scenario: string): DraftStore {
  const key = draftKey(scenario);
  const clear = () => {
    try {
      storage?.removeItem(key);
    } catch {
      // nothing kept, nothing to clear
    }
  };
  return {
    key,
    load() {
      let raw: string | null;
      try {
        raw = storage?.getItem(key) ?? null;
      } catch {
        return null;
      }
      if (raw === null) return null;
      try {
        const v = JSON.parse(raw) as Partial<StoredDraft> | null;
        if (v && typeof v.text === 'string' && typeof v.base === 'string' && typeof v.savedAt === 'number')
          return { text: v.text, base: v.base, savedAt: v.savedAt };
      } catch {
        // a corrupt entry is dropped below
      }
      clear();
      return null;
    },
    save(text, baseText, now = Date.now()) {
      if (!storage) return false;
      try {
        storage.setItem(key, JSON.stringify({ text, base: fingerprint(baseText), savedAt: now } satisfies StoredDraft));
        return true;
      } catch {
        return false;
      }
    },
    clear,
  };
}

/** The page's localStorage, or null where it is unavailable (sandboxed iframes, some private modes). */
export function pageStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
