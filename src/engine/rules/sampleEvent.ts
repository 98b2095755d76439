import { own } from '../own';
import type { EventSpec, FieldType, SirenEvent } from '../events';
import type { Catalogue } from './catalogue';
import { eventSpecOf } from './catalogue';
import type { CompiledRules } from './compileRules';
import { unknownName } from './errors';
import { err, errorMessage, fail, ok } from '../result';
import type { Result } from '../result';

/** True when a JSON value has a payload field type. */
export function fitsFieldType(v: unknown, t: FieldType): boolean {
  switch (t) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'number[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'number');
    case 'number?':
      return v === null || (typeof v === 'number' && Number.isFinite(v));
    case 'string?':
      return v === null || typeof v === 'string';
  }
}

/** A sample event the user wrote, checked: the event, or every reason it is not one. */
export type SampleResult = Result<{ event: SirenEvent }>;

const SAMPLE_KEYS = ['type', 'payload', 'tick', 'seq'];

/**
 * Checks a hand-written sample event `{ "type", "payload"?, "tick"?, "seq"? }` against the catalogue and the draft's
 * declared events: the type must exist, payload fields must be known (did-you-mean) and of their declared type.
 * Missing fields are allowed: a condition then sees them as missing, which is worth testing.
 */
export function parseSampleEvent(
  text: string,
  catalogue: Catalogue,
  rules: CompiledRules | null,
  at: { tick: number; seq: number },
): SampleResult {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return fail(`the sample is not valid JSON: ${errorMessage(e)}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return fail('the sample must be a JSON object like {"type": "damage", "payload": {…}}');
  const o = v as Record<string, unknown>;
  const errors: string[] = [];
  for (const k of Object.keys(o)) if (!SAMPLE_KEYS.includes(k)) errors.push(unknownName('key', k, SAMPLE_KEYS));
  const declared = rules?.declared ?? new Map<string, EventSpec>();
  const known = [...new Set([...Object.keys(catalogue.events), ...declared.keys()])];
  if (typeof o.type !== 'string') errors.push('"type" must be an event type, e.g. "damage"');
  const spec = typeof o.type === 'string' ? eventSpecOf(catalogue, declared, o.type) : undefined;
  if (typeof o.type === 'string' && !spec) errors.push(unknownName('event type', o.type, known));
  const payload = o.payload ?? {};
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    errors.push('"payload" must be an object of the event\'s fields');
  else if (spec) {
    const anyFields = (spec as { anyFields?: boolean }).anyFields === true;
    const fields = Object.keys(spec.fields);
    for (const [f, x] of Object.entries(payload)) {
      const t = own(spec.fields, f);
      if (!t) {
        if (!anyFields)
          errors.push(
            fields.length
              ? `payload: ${unknownName('field', f, fields, `"${o.type as string}" events`)}`
              : `payload: "${o.type as string}" events have no fields, found "${f}"`,
          );
      } else if (!fitsFieldType(x, t)) errors.push(`payload.${f}: expected ${t}, found ${JSON.stringify(x)}`);
    }
  }
  for (const k of ['tick', 'seq'] as const)
    if (o[k] !== undefined && !(typeof o[k] === 'number' && Number.isInteger(o[k]) && o[k] >= 0))
      errors.push(`"${k}" must be a whole number ≥ 0`);
  if (errors.length) return err({ errors });
  const event: SirenEvent = Object.freeze({
    seq: (o.seq as number | undefined) ?? at.seq,
    type: o.type as string,
    tick: (o.tick as number | undefined) ?? at.tick,
    payload: Object.freeze({ ...payload }),
  });
  return ok({ event });
}
