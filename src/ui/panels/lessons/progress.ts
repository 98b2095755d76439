import type { LessonProgress, Progress } from './model';

/** localStorage key of a scenario's lesson progress. */
export const progressKey = (scenario: string) => `siren.lessons.${scenario}`;

/** What is remembered: progress per lesson and the lesson open last. */
export interface SavedLessons {
  readonly progress: Progress;
  readonly active: string | null;
}

function isProgress(v: unknown): v is LessonProgress {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return (
    typeof p.step === 'number' &&
    Number.isInteger(p.step) &&
    p.step >= 0 &&
    p.step < 1000 &&
    typeof p.completed === 'boolean'
  );
}

/** Reads saved progress for the known lesson ids; anything unreadable is ignored (a fresh start). */
export function loadProgress(
  storage: Pick<Storage, 'getItem'> | null,
  scenario: string,
  lessonIds: readonly string[],
): SavedLessons {
  const empty: SavedLessons = { progress: {}, active: null };
  let raw: string | null;
  try {
    raw = storage?.getItem(progressKey(scenario)) ?? null;
  } catch {
    return empty;
  }
  if (!raw) return empty;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return empty;
  }
  if (typeof data !== 'object' || data === null) return empty;
  const d = data as { progress?: unknown; active?: unknown };
  const progress: Record<string, LessonProgress> = {};
  if (typeof d.progress === 'object' && d.progress !== null)
    for (const id of lessonIds) {
      const p = (d.progress as Record<string, unknown>)[id];
      if (isProgress(p)) progress[id] = { step: p.step, completed: p.completed };
    }
  const active = typeof d.active === 'string' && lessonIds.includes(d.active) ? d.active : null;
  return { progress, active };
}

/** Saves progress (storage may be full or blocked: then progress lasts only this visit). */
export function saveProgress(storage: Pick<Storage, 'setItem'> | null, scenario: string, saved: SavedLessons): void {
  try {
    storage?.setItem(progressKey(scenario), JSON.stringify(saved));
  } catch {
    // Private mode or a full quota: nothing to do.
  }
}
