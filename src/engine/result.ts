/**
 * The outcome of something that can fail: `ok: true` with the success's fields (T), or `ok: false` with the failure's
 * fields (E; for checks, by default every problem found as `errors`). Callers test `ok`, then read the named fields.
 */
export type Result<T extends object, E extends object = { readonly errors: string[] }> =
  (Readonly<T> & { readonly ok: true }) | (Readonly<E> & { readonly ok: false });

/** A success carrying these fields. */
export function ok<T extends object>(fields: T): Readonly<T> & { readonly ok: true } {
  return { ...fields, ok: true };
}

/** A failure carrying these fields. */
export function err<E extends object>(fields: E): Readonly<E> & { readonly ok: false } {
  return { ...fields, ok: false };
}

/** A failure with these problems, each a located message. */
export function fail(...errors: string[]): { readonly errors: string[]; readonly ok: false } {
  return err({ errors });
}

/** The message of an unknown thrown value: an Error's message, anything else as a string. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
