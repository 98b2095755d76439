/** A JSON Schema node (draft-7, as `rulesJsonSchema` writes it). */
export type JsonSchema = { readonly [k: string]: unknown };

/** A JSON path segment: a key or an array index. */
export type PathSeg = string | number;

const obj = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Follows a local `$ref` ("#/definitions/x"). */
function deref(root: JsonSchema, s: JsonSchema): JsonSchema | null {
  const ref = s.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return s;
  let cur: unknown = root;
  for (const part of ref.slice(2).split('/'))
    cur = obj(cur) ? cur[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return obj(cur) ? cur : null;
}

/**
 * The concrete alternatives a schema allows: `$ref`s followed, `anyOf` / `oneOf` / `allOf` flattened (allOf is only
 * used to attach a description to a `$ref`, so its parts are treated as alternatives). A description on a wrapper is
 * kept on its alternatives that have none.
 */
export function alternatives(root: JsonSchema, s: JsonSchema, depth = 0): JsonSchema[] {
  if (depth > 12) return [];
  const d = deref(root, s);
  if (!d) return [];
  const parts = [d.anyOf, d.oneOf, d.allOf].filter(Array.isArray).flat() as unknown[];
  if (!parts.length) return [d];
  const desc = typeof d.description === 'string' ? d.description : undefined;
  return parts
    .filter(obj)
    .flatMap((p) =>
      alternatives(root, p, depth + 1).map((a) =>
        desc && typeof a.description !== 'string' ? { ...a, description: desc } : a,
      ),
    );
}

/** True when an object schema fits a value's discriminators (`"behaviour": "radio"` picks the radio action). */
function fits(alt: JsonSchema, value: unknown): boolean {
  if (!obj(value) || !obj(alt.properties)) return true;
  for (const [k, p] of Object.entries(alt.properties)) {
    if (!obj(p) || !('const' in p) || !(k in value)) continue;
    if ((value as Record<string, unknown>)[k] !== p.const) return false;
  }
  return true;
}

/** The alternatives that fit a value; all of them if none does (a half-typed value should still get help). */
export function fitting(alts: readonly JsonSchema[], value: unknown): JsonSchema[] {
  const ok = alts.filter((a) => fits(a, value));
  return ok.length ? ok : [...alts];
}

/** The schemas of the value at a path, given the (best-effort) document, as concrete alternatives. */
export function schemasAt(root: JsonSchema, path: readonly PathSeg[], doc: unknown): JsonSchema[] {
  let cur = fitting(alternatives(root, root), doc);
  let value: unknown = doc;
  for (const seg of path) {
    const next: JsonSchema[] = [];
    for (const alt of cur) {
      let child: unknown;
      if (typeof seg === 'number') child = alt.items;
      else
        child =
          obj(alt.properties) && obj(alt.properties[seg])
            ? alt.properties[seg]
            : obj(alt.additionalProperties)
              ? alt.additionalProperties
              : undefined;
      if (obj(child)) next.push(...alternatives(root, child));
    }
    value = obj(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[seg] : undefined;
    cur = fitting(next, value);
  }
  return cur;
}

/** A property an object may have: its name, description and a short type. */
export interface PropertyInfo {
  readonly name: string;
  readonly description?: string;
  readonly type: string;
  /** What to insert after `"name": ` (a snippet template: `${}` marks where the cursor goes). */
  readonly template: string;
}

/** True for the schema of `{ "fact": …, "times"?, "plus"? }`. */
function isFactRef(a: JsonSchema): boolean {
  return (
    obj(a.properties) &&
    'fact' in a.properties &&
    Object.keys(a.properties).every((k) => ['fact', 'times', 'plus'].includes(k))
  );
}

/** A short, readable type of a schema: `string`, `number | fact`, `"radio"`, `one of 13`. */
export function typeSummary(root: JsonSchema, s: JsonSchema): string {
  const out = new Set<string>();
  for (const a of alternatives(root, s)) {
    if ('const' in a) out.add(JSON.stringify(a.const));
    else if (Array.isArray(a.enum))
      out.add(a.enum.length <= 3 ? a.enum.map((x) => JSON.stringify(x)).join(' | ') : `one of ${a.enum.length}`);
    else if (isFactRef(a)) out.add('fact');
    else if (Array.isArray(a.type)) a.type.forEach((t) => out.add(String(t)));
    else if (typeof a.type === 'string') out.add(a.type);
  }
  // "string" adds nothing next to a list of known strings.
  if (out.size > 1 && [...out].some((t) => t.startsWith('one of') || t.startsWith('"'))) out.delete('string');
  return [...out].join(' | ') || 'any';
}

/** A snippet for a fresh value of a schema: `"${}"` for strings, `{${}}`, `[${}]`, or just the cursor. */
function templateOf(root: JsonSchema, s: JsonSchema): string {
  // A literal is the usual choice where a `{ "fact": … }` is also allowed: template the literal.
  const all = alternatives(root, s);
  const literal = all.filter((a) => !isFactRef(a));
  const alts = literal.length ? literal : all;
  const types = new Set(
    alts.flatMap((a) => (Array.isArray(a.type) ? a.type : [a.type])).filter((t): t is string => typeof t === 'string'),
  );
  if (alts.length === 1 && 'const' in (alts[0] as JsonSchema)) return JSON.stringify((alts[0] as JsonSchema).const);
  if (types.size === 1) {
    if (types.has('string')) return '"${}"';
    if (types.has('array')) return '[${}]';
    if (types.has('object')) return '{${}}';
  }
  return '${}';
}

/** The description of a schema (its own, else its first alternative's). */
export function describe(root: JsonSchema, s: JsonSchema): string | undefined {
  if (typeof s.description === 'string') return s.description;
  for (const a of alternatives(root, s)) if (typeof a.description === 'string') return a.description;
  return undefined;
}

/** The properties the object at a path may still get (those not already `present`), in schema order. */
export function propertiesAt(
  root: JsonSchema,
  path: readonly PathSeg[],
  doc: unknown,
  present: ReadonlySet<string>,
): PropertyInfo[] {
  const alts = schemasAt(root, path, doc).filter((a) => obj(a.properties));
  // Alternatives told apart by a constant (`"behaviour": "radio"`): until it is written, it is the only key worth offering.
  const tag =
    alts.length > 1
      ? Object.keys(alts[0]?.properties as object).find((k) =>
          alts.every(
            (a) => obj((a.properties as JsonSchema)[k]) && 'const' in ((a.properties as JsonSchema)[k] as JsonSchema),
          ),
        )
      : undefined;
  if (tag && !present.has(tag)) {
    const names = alts.map((a) => ((a.properties as JsonSchema)[tag] as JsonSchema).const);
    return [
      {
        name: tag,
        type: `one of ${names.length}`,
        description: `One of ${names.map((n) => JSON.stringify(n)).join(', ')}.`,
        template: '"${}"',
      },
    ];
  }
  const seen = new Set<string>();
  const out: PropertyInfo[] = [];
  for (const alt of alts) {
    if (!obj(alt.properties)) continue;
    for (const [name, p] of Object.entries(alt.properties)) {
      if (seen.has(name) || present.has(name) || !obj(p)) continue;
      seen.add(name);
      out.push({ name, description: describe(root, p), type: typeSummary(root, p), template: templateOf(root, p) });
    }
  }
  return out;
}

/** The literal values the schema lists for a path: enums, consts and booleans. */
export function valuesAt(
  root: JsonSchema,
  path: readonly PathSeg[],
  doc: unknown,
): { value: unknown; description?: string }[] {
  const out: { value: unknown; description?: string }[] = [];
  const seen = new Set<string>();
  // The value being typed must not narrow its own alternatives ("behaviour": "radio" still offers the others).
  for (const alt of schemasAt(root, path, withoutLeaf(doc, path))) {
    const description = typeof alt.description === 'string' ? alt.description : undefined;
    const values: unknown[] =
      'const' in alt ? [alt.const] : Array.isArray(alt.enum) ? alt.enum : alt.type === 'boolean' ? [true, false] : [];
    for (const value of values) {
      const k = JSON.stringify(value);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push('const' in alt && description ? { value, description } : { value });
    }
  }
  return out;
}

/** The document with the value at `path` taken out. */
export function withoutLeaf(doc: unknown, path: readonly PathSeg[]): unknown {
  if (!path.length || typeof doc !== 'object' || doc === null) return path.length ? doc : undefined;
  const [head, ...rest] = path as [PathSeg, ...PathSeg[]];
  const copy: Record<PathSeg, unknown> | unknown[] = Array.isArray(doc)
    ? doc.slice()
    : { ...(doc as Record<string, unknown>) };
  const c = copy as Record<PathSeg, unknown>;
  if (rest.length) c[head] = withoutLeaf(c[head], rest);
  else if (Array.isArray(copy)) copy[head as number] = undefined;
  else delete c[head];
  return copy;
}
