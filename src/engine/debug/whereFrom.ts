import type { SirenEvent } from '../events';
import { parseJson } from '../rules/parseJson';

/** The trigger behind an event: the one whose behaviour emitted it, or, for `trigger.fired`, the one that fired. */
export function triggerOf(ev: SirenEvent): string | null {
  if (ev.type === 'trigger.fired') {
    const t = (ev.payload as { trigger?: unknown }).trigger;
    return typeof t === 'string' ? t : null;
  }
  return ev.cause?.trigger ?? null;
}

/** Where a trigger is in a rules file's text: the line and column of its object (null when it is not there). */
export function triggerLocation(text: string, id: string): { line: number; column: number } | null {
  const { doc, errors } = parseJson(text, 'rules');
  const triggers = errors.length ? undefined : (doc.value as { triggers?: unknown } | null)?.triggers;
  if (Array.isArray(triggers)) {
    const i = triggers.findIndex((t) => (t as { id?: unknown } | null)?.id === id);
    return i < 0 ? null : doc.locate(['triggers', i]);
  }
  // A draft that does not parse: look for the id itself.
  const at = text.search(new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  if (at < 0) return null;
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}
