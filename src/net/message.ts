import { z } from '../engine/zod';
import type { EventSpec, EventSpecs, FieldType, SirenEvent } from '../engine/events';
import { isEventType, isToken, parseSubject } from './subjects';

/** The largest event message accepted from the broker (bytes). */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/** One event of a room as read from the stream: who sent it, its stream sequence and its content. */
export interface RoomEvent {
  /** The stream sequence: the room's offset on the broker. */
  readonly stream: number;
  readonly room: string;
  readonly student: string;
  readonly run: string;
  readonly seq: number;
  readonly tick: number;
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly cause?: { readonly seq: number; readonly trigger: string };
}

/** JSON with object keys sorted at every level: the same event always encodes to the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The message body of an event: its canonical JSON with the run id. */
export function encodeEvent(run: string, ev: SirenEvent): string {
  return canonicalJson({ run, seq: ev.seq, tick: ev.tick, type: ev.type, payload: ev.payload, cause: ev.cause });
}

const scalar = z.union([z.number(), z.string().max(1000), z.boolean(), z.null()]);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const key = z
  .string()
  .max(64)
  .refine((k) => !FORBIDDEN_KEYS.has(k));
const anyPayload = z.record(key, z.union([scalar, z.array(z.union([z.number(), z.string().max(1000)])).max(100)]));

const FIELD: Record<FieldType, z.ZodType> = {
  number: z.number(),
  string: z.string().max(1000),
  boolean: z.boolean(),
  'string[]': z.array(z.string().max(1000)).max(100),
  'number[]': z.array(z.number()).max(100),
  'number?': z.number().nullable(),
  'string?': z.string().max(1000).nullable(),
};

const envelope = z.strictObject({
  run: z.string().refine(isToken),
  seq: z.number().int().min(0),
  tick: z.number().int().min(0),
  type: z.string().refine(isEventType),
  payload: anyPayload,
  cause: z.strictObject({ seq: z.number().int().min(-1), trigger: z.string().max(64) }).optional(),
});

const payloadSchemas = new WeakMap<EventSpec, z.ZodType>();

/** The payload schema of a catalogue entry: exactly its fields, each of its type. */
function payloadSchema(spec: EventSpec): z.ZodType {
  let s = payloadSchemas.get(spec);
  if (!s) {
    const shape: Record<string, z.ZodType> = {};
    for (const [k, t] of Object.entries(spec.fields)) shape[k] = FIELD[t];
    s = z.strictObject(shape);
    payloadSchemas.set(spec, s);
  }
  return s;
}

/** What decoding a message needs: the catalogue to check known types against, and whether unknown types pass. */
export interface DecodeOptions {
  readonly events?: EventSpecs;
  /** Accept types the catalogue does not know (with a generic flat payload): the teacher's view does. */
  readonly anyType?: boolean;
}

/**
 * Checks one message from the broker: size, JSON, shape, subject tokens that agree with the body, and the payload
 * against the event catalogue. Returns the event, or why it was dropped.
 */
export function decodeEvent(
  subject: string,
  data: Uint8Array,
  stream: number,
  opts: DecodeOptions = {},
): { ok: true; event: RoomEvent } | { ok: false; reason: string } {
  if (data.byteLength > MAX_MESSAGE_BYTES) return { ok: false, reason: `too large (${data.byteLength} bytes)` };
  const where = parseSubject(subject);
  if (!where) return { ok: false, reason: 'not a room subject' };
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch {
    return { ok: false, reason: 'not UTF-8 JSON' };
  }
  const parsed = envelope.safeParse(body);
  if (!parsed.success)
    return { ok: false, reason: `bad shape at ${parsed.error.issues[0]?.path.join('.') || '(body)'}` };
  const m = parsed.data;
  if (m.type !== where.type) return { ok: false, reason: 'type differs from the subject' };
  const spec = opts.events && Object.hasOwn(opts.events, m.type) ? opts.events[m.type] : undefined;
  if (spec) {
    if (!payloadSchema(spec).safeParse(m.payload).success) return { ok: false, reason: `payload is not a ${m.type}` };
  } else if (!opts.anyType) return { ok: false, reason: `unknown event type ${m.type}` };
  const event: RoomEvent = { stream, room: where.room, student: where.student, ...m };
  return { ok: true, event };
}
