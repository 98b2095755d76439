import type { z } from 'zod';

/**
 * A quick yes for zod schemas, for the common case of a valid file.
 *
 * zod runs jitless here (the page's CSP forbids `new Function`), and its interpreted parse of a 1,000-trigger file
 * allocates a payload, an issue list and a copy of every object and array. `fastAccepts(schema, value)` answers
 * only "certainly valid" (true) or "don't know" (false): callers run `schema.safeParse` whenever it says false, so
 * every error message still comes from zod, word for word. It is built once per schema from zod's own definitions
 * (no second copy of the format to keep in step), as plain closures, never generated code.
 *
 * Soundness (true ⇒ zod accepts) rests on accepting a value only when every part of the schema is a kind handled
 * below, with its checks passing as zod would judge them, or more strictly. Any other kind (transforms, pipes,
 * defaults, refinements, formats, coercion, discriminated unions, …) or unknown definition field makes the whole
 * schema unsupported, and then the answer is always false. Values are JSON values (no symbols, no accessors).
 */
type Check = (v: unknown) => boolean;

interface Internals {
  readonly def: Readonly<Record<string, unknown>> & {
    readonly type: string;
    readonly checks?: readonly { readonly _zod: Internals }[];
  };
  readonly optin?: string;
  readonly optout?: string;
  readonly values?: ReadonlySet<unknown>;
}
const internals = (s: unknown): Internals => (s as { _zod: Internals })._zod;

/** A definition field that does not change what a schema accepts (`error` words the message; `when` can only skip a check). */
const NEUTRAL = new Set(['type', 'error', 'when', 'abort']);
/** The definition fields each kind may have; another field means a feature this module does not know. */
const FIELDS: Record<string, readonly string[]> = {
  string: ['checks'],
  number: ['checks'],
  boolean: [],
  null: [],
  unknown: [],
  any: [],
  literal: ['values'],
  enum: ['entries'],
  optional: ['innerType'],
  array: ['element', 'checks'],
  object: ['shape', 'catchall'],
  record: ['keyType', 'valueType'],
  union: ['options'],
};
const CHECK_FIELDS: Record<string, readonly string[]> = {
  string_format: ['check', 'format', 'pattern'],
  max_length: ['check', 'maximum'],
  min_length: ['check', 'minimum'],
  greater_than: ['check', 'value', 'inclusive'],
  less_than: ['check', 'value', 'inclusive'],
  number_format: ['check', 'format'],
};

const onlyFields = (def: Readonly<Record<string, unknown>>, allowed: readonly string[]): boolean => {
  for (const k in def) if (!NEUTRAL.has(k) && !allowed.includes(k)) return false;
  return true;
};

/** Unicode code points in a string, as zod counts string lengths. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++)
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  return n;
}

/** One zod check as a test on a value already known to be of the right type; null when not handled. */
function compileCheck(kind: string, check: Internals): Check | null {
  const def = check.def as Readonly<Record<string, unknown>>;
  const name = def.check as string;
  if (!CHECK_FIELDS[name] || !onlyFields(def, CHECK_FIELDS[name])) return null;
  if (name === 'string_format') {
    if (kind !== 'string' || def.format !== 'regex' || !(def.pattern instanceof RegExp)) return null;
    const re = def.pattern;
    return (v) => {
      re.lastIndex = 0;
      return re.test(v as string);
    };
  }
  if (name === 'max_length' || name === 'min_length') {
    if (kind !== 'string' && kind !== 'array') return null;
    const n = name === 'max_length' ? def.maximum : def.minimum;
    if (typeof n !== 'number') return null;
    // zod counts a string's code points; a string within the bound in UTF-16 units is within it in code points.
    const length =
      kind === 'string' ? (v: unknown) => codePoints(v as string) : (v: unknown) => (v as unknown[]).length;
    if (name === 'max_length') return (v) => (v as { length: number }).length <= n || length(v) <= n;
    return (v) => length(v) >= n;
  }
  if (kind !== 'number') return null;
  if (name === 'number_format') return def.format === 'safeint' ? (v) => Number.isSafeInteger(v) : null;
  const bound = def.value;
  if (typeof bound !== 'number') return null;
  if (name === 'greater_than') return def.inclusive ? (v) => (v as number) >= bound : (v) => (v as number) > bound;
  return def.inclusive ? (v) => (v as number) <= bound : (v) => (v as number) < bound;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Compiles a schema; null when any part of it is unsupported. `seen` ties recursive schemas. */
function compile(schema: unknown, seen: Map<unknown, Check | null>): Check | null {
  if (seen.has(schema)) return seen.get(schema) ?? null;
  let self: Check | null = null;
  seen.set(schema, (v) => (self as Check)(v)); // a recursive reference calls the finished check
  self = compileNew(schema, seen);
  seen.set(schema, self);
  return self;
}

type Def = Internals['def'];

/** The checks a definition carries (min, max, regex …); null when one of them is not handled. */
function compileChecks(def: Def): Check[] | null {
  const checks: Check[] = [];
  for (const c of def.checks ?? []) {
    const check = compileCheck(def.type, c._zod);
    if (!check) return null;
    checks.push(check);
  }
  return checks;
}

/** `base`, then every check in turn (just `base` when there are none). */
function withChecks(base: Check, checks: readonly Check[]): Check {
  return checks.length === 0
    ? base
    : (v) => {
        if (!base(v)) return false;
        for (let i = 0; i < checks.length; i++) if (!(checks[i] as Check)(v)) return false;
        return true;
      };
}

/** A schema's own check (its checks aside), by kind; null when unsupported. */
function compileNew(schema: unknown, seen: Map<unknown, Check | null>): Check | null {
  const zod = internals(schema);
  const def = zod?.def;
  const allowed = def && Object.hasOwn(FIELDS, def.type) ? FIELDS[def.type] : undefined;
  if (!def || !allowed || !onlyFields(def, allowed)) return null;
  const checks = compileChecks(def);
  if (!checks) return null;
  switch (def.type) {
    case 'string':
      return withChecks((v) => typeof v === 'string', checks);
    case 'number':
      return withChecks((v) => typeof v === 'number' && Number.isFinite(v), checks);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
    case 'unknown':
    case 'any':
      return () => true;
    case 'literal':
    case 'enum': {
      const values = zod.values;
      return values ? (v) => values.has(v) : null;
    }
    case 'optional':
      return compileOptional(def, seen);
    case 'array': {
      const element = compileArray(def, seen);
      return element && withChecks(element, checks);
    }
    case 'union':
      return compileUnion(def, seen);
    case 'record':
      return compileRecord(def, seen);
    case 'object':
      return compileObject(def, seen);
    default:
      return null;
  }
}

/** An optional value: undefined, or what the inner schema accepts (not a defaulted one: its parse transforms). */
function compileOptional(def: Def, seen: Map<unknown, Check | null>): Check | null {
  const inner = compile(def.innerType, seen);
  if (!inner || internals(def.innerType).optin === 'defaulted') return null;
  return (v) => v === undefined || inner(v);
}

/** An array whose every element the element schema accepts (its length checks are added by the caller). */
function compileArray(def: Def, seen: Map<unknown, Check | null>): Check | null {
  const element = compile(def.element, seen);
  if (!element) return null;
  return (v) => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
    return true;
  };
}

/** A value some option accepts. */
function compileUnion(def: Def, seen: Map<unknown, Check | null>): Check | null {
  const options = (def.options as unknown[]).map((o) => compile(o, seen));
  if (!options.length || options.some((o) => !o)) return null;
  const opts = options as Check[];
  return (v) => {
    for (let i = 0; i < opts.length; i++) if ((opts[i] as Check)(v)) return true;
    return false;
  };
}

/** A plain object with any string keys, every value accepted by the value schema. */
function compileRecord(def: Def, seen: Map<unknown, Check | null>): Check | null {
  const key = internals(def.keyType).def;
  if (key.type !== 'string' || !onlyFields(key, []) || key.checks?.length) return null; // any string key
  const value = compile(def.valueType, seen);
  if (!value) return null;
  return (v) => {
    if (!isObject(v)) return false;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    for (const k in v) if (!value(v[k])) return false;
    return true;
  };
}

/** One field of an object schema: its key, its check, and whether it may be missing. */
interface Field {
  key: string;
  check: Check;
  optional: boolean;
}

/** The fields of an object schema's shape; null when one is unsupported. */
function compileFields(shape: Record<string, unknown>, seen: Map<unknown, Check | null>): Field[] | null {
  const fields: Field[] = [];
  for (const key of Object.keys(shape)) {
    if (key === '__proto__') return null;
    const check = compile(shape[key], seen);
    if (!check) return null;
    const el = internals(shape[key]);
    fields.push({ key, check, optional: el.optin === 'optional' && el.optout === 'optional' });
  }
  return fields;
}

/** An object: every field accepted, other keys as the catchall says. */
function compileObject(def: Def, seen: Map<unknown, Check | null>): Check | null {
  const shape = def.shape as Record<string, unknown>;
  const fields = compileFields(shape, seen);
  if (!fields) return null;
  const known = new Set(Object.keys(shape));
  // No catchall: other keys are dropped (allowed); a `never` catchall (strictObject): other keys are errors.
  const catchall =
    def.catchall === undefined
      ? null
      : internals(def.catchall).def.type === 'never'
        ? 'never'
        : compile(def.catchall, seen);
  if (catchall === null && def.catchall !== undefined) return null;
  return (v) => {
    if (!isObject(v)) return false;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i] as Field;
      const x = v[f.key];
      if (x === undefined ? !f.optional : !f.check(x)) return false;
    }
    if (catchall !== null)
      for (const k in v) if (!known.has(k) && (catchall === 'never' || !catchall(v[k]))) return false;
    return true;
  };
}

const compiled = new WeakMap<object, Check | null>();

/** True when zod would certainly accept `value` under `schema`; false means "run zod" (it may still accept). */
export function fastAccepts(schema: z.ZodType, value: unknown): boolean {
  let check = compiled.get(schema);
  if (check === undefined) {
    check = compile(schema, new Map());
    compiled.set(schema, check);
  }
  return check !== null && check(value);
}
