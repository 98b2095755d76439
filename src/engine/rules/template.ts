import type { FactGetter, FactScope } from './ruleTypes';
import { compileFact } from './facts';

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The facts a text's `{fact}` placeholders name, in order. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => (m[1] as string).trim());
}

/** A fact's value as plain text (never markup: callers show it as text). */
function asText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(asText).join(', ');
  if (typeof v === 'number') return String(Math.round(v * 100) / 100);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Compiles a (checked) text with `{fact}` placeholders into a closure that fills them in. */
export function compileTemplate(scope: FactScope, text: string): FactGetter {
  const parts = text.split(PLACEHOLDER);
  const pieces: (string | FactGetter)[] = parts.map((p, i) => (i % 2 ? compileFact(scope, p.trim()) : p));
  return (ev, fc) => {
    let out = '';
    for (const p of pieces) out += typeof p === 'string' ? p : asText(p(ev, fc));
    return out;
  };
}
