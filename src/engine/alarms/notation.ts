import type { Datapoint } from './evaluate';

/** Parsed datapoints, or why the text is not datapoints. */
export type ParsedDatapoints = { ok: true; datapoints: Datapoint[] } | { ok: false; message: string };

/** The most datapoints a row may hold. */
export const MAX_DATAPOINTS = 1000;

/**
 * Reads datapoints written oldest first, separated by spaces or commas: `X` breaching, `0` not breaching, `-`
 * missing (the notation of CloudWatch's documentation), or numbers (then compared with a threshold).
 * `0` is "not breaching" when every other datapoint is X, 0 or -; among numbers it is the number 0.
 */
export function parseDatapoints(text: string): ParsedDatapoints {
  const tokens = text.split(/[\s,]+/).filter((t) => t !== '');
  if (tokens.length === 0) return { ok: false, message: 'no datapoints; write them oldest first, e.g. "0 - X - X"' };
  if (tokens.length > MAX_DATAPOINTS)
    return { ok: false, message: `${tokens.length} datapoints; at most ${MAX_DATAPOINTS}` };
  const symbolic = tokens.every((t) => t === 'X' || t === 'x' || t === '0' || t === '-');
  const out: Datapoint[] = [];
  for (const [i, t] of tokens.entries()) {
    if (t === '-') out.push(null);
    else if (symbolic) out.push(t !== '0');
    else if (t === 'X' || t === 'x')
      return {
        ok: false,
        message: `datapoint ${i + 1} is "X" among numbers; write either X / 0 / - or numbers and -, not both`,
      };
    else if (/^-?\d+(\.\d+)?$/.test(t) && Number.isFinite(Number(t))) out.push(Number(t));
    else
      return {
        ok: false,
        message: `datapoint ${i + 1} is ${JSON.stringify(t.slice(0, 20))}; expected X (breaching), 0 (not breaching), - (missing) or a number`,
      };
  }
  return { ok: true, datapoints: out };
}

/** Datapoints in the same notation (numbers as written, booleans as X / 0, missing as -). */
export function formatDatapoints(points: readonly Datapoint[]): string {
  return points.map((p) => (p === null ? '-' : typeof p === 'boolean' ? (p ? 'X' : '0') : String(p))).join(' ');
}
