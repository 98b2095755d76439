/** The one JetStream stream that keeps every room. */
export const STREAM = 'SIREN';

/** Every room's subjects: `siren.<room>.<student>.<event type>`. */
export const STREAM_SUBJECTS = 'siren.>';

const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
const TYPE = /^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,64}){0,7}$/;

/** True for a room, student or durable name that is one subject token: letters, digits, `-`, `_` (at most 64). */
export function isToken(s: string): boolean {
  return TOKEN.test(s);
}

/** True for an event type that makes valid subject tokens (dot-separated tokens). */
export function isEventType(s: string): boolean {
  return TYPE.test(s);
}

/** Why `value` is not a valid token for `what`, or null when it is. */
export function tokenProblem(what: string, value: string): string | null {
  if (isToken(value)) return null;
  return `${what}: expected 1 to 64 letters, digits, "-" or "_", found ${JSON.stringify(value.slice(0, 80))}`;
}

/** The subject an event of a student in a room is published on. */
export function eventSubject(room: string, student: string, type: string): string {
  return `siren.${room}.${student}.${type}`;
}

/** The filter for a room's events, optionally one student's and/or one type's. */
export function roomFilter(room: string, student?: string, type?: string): string {
  return `siren.${room}.${student ?? '*'}.${type ?? '>'}`;
}

/** The JetStream message id of an event: a republish of the same event is deduplicated by the broker. */
export function messageId(room: string, student: string, run: string, seq: number): string {
  return `${room}/${student}/${run}/${seq}`;
}

/** The room, student and event type a subject names, or null when it is not a valid room subject. */
export function parseSubject(subject: string): { room: string; student: string; type: string } | null {
  const parts = subject.split('.');
  if (parts.length < 4 || parts[0] !== 'siren') return null;
  const [, room = '', student = ''] = parts;
  const type = parts.slice(3).join('.');
  if (!isToken(room) || !isToken(student) || !isEventType(type)) return null;
  return { room, student, type };
}

/** A fresh run id (one per page load or CLI run): a token, so it fits message ids. */
export function newRunId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
