import { readFile } from 'node:fs/promises';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a file an editor may still be writing (truncated, then filled): a read that is empty or not JSON is read
 * again until three reads in a row agree, so what comes back is what was saved. Null when it cannot be read.
 */
export async function readSettled(file: string, waitMs = 40, tries = 12): Promise<string | null> {
  let last: string | null = null;
  let same = 0;
  for (let i = 0; i < tries; i++) {
    let text: string | null;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      text = null; // deleted or being replaced: look again
    }
    if (text !== null && text.trim() !== '' && parses(text)) return text;
    same = text === last ? same + 1 : 0;
    if (text !== null && same >= 2) return text;
    last = text;
    await sleep(waitMs);
  }
  return last;
}

/** Calls `fn(key)` once `ms` after the last call for that key (a burst of watcher events becomes one read). */
export function debounceByKey(fn: (key: string) => void, ms: number): (key: string) => void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  return (key) => {
    const t = timers.get(key);
    if (t !== undefined) clearTimeout(t);
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        fn(key);
      }, ms),
    );
  };
}
