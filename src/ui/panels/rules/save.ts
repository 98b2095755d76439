import { errorMessage } from '../../../engine';

/** The file name a scenario's rules are saved under. */
export function rulesFileName(scenario: string): string {
  return `${scenario}.json`;
}

/** Offers the text as a download named `name` (the browser's own save dialog or downloads folder). */
export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Dev only: writes public/rules/<name> through the dev server (src/dev/rulesPlugin.ts), which then pushes it live.
 * Resolves to null when written, or to the reason it was not.
 */
export async function saveToDevServer(
  name: string,
  text: string,
  fetchFn: typeof fetch = fetch,
): Promise<string | null> {
  try {
    const res = await fetchFn(`/__siren/rules/${encodeURIComponent(name)}`, {
      method: 'POST',
      body: text,
      headers: { 'content-type': 'application/json' },
    });
    if (res.ok) return null;
    const why = (await res.text().catch(() => '')).trim();
    return `the dev server refused it (HTTP ${res.status}${why ? `: ${why}` : ''})`;
  } catch (e) {
    return `the dev server did not answer (${errorMessage(e)})`;
  }
}
