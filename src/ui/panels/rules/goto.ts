import { signal } from '@preact/signals';
import { parseJson } from '../../../engine';
import { offsetAt } from './lint';

/** A request from another panel to show a trigger in the Rules editor: its id, and where it is in the running rules. */
export interface GotoRequest {
  readonly trigger: string;
  readonly line: number;
  readonly column: number;
}

/** The pending request; the editor takes it (and clears it) when it is mounted and shown. */
export const editorGoto = signal<GotoRequest | null>(null);

/**
 * Where the trigger starts in the editor's text: found by id when the draft parses (it may differ from the running
 * rules), else at the running rules' line:col.
 */
export function gotoOffset(text: string, req: GotoRequest): number {
  const { doc, errors } = parseJson(text, 'draft');
  const triggers = !errors.length ? (doc.value as { triggers?: unknown }).triggers : undefined;
  if (Array.isArray(triggers)) {
    const i = triggers.findIndex((t) => (t as { id?: unknown } | null)?.id === req.trigger);
    if (i >= 0) {
      const at = doc.locate(['triggers', i]);
      return offsetAt(text, at.line, at.column);
    }
  }
  return offsetAt(text, req.line, req.column);
}
