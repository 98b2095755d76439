import type { z } from 'zod';
import type { EventSpec, FieldType } from '../events';
import { engineEvents } from '../events';
import type { Catalogue } from './catalogue';
import type { RuleError } from './errors';
import { describeFound, pathToString, unknownName } from './errors';
import { checkFact, factType } from './facts';
import type { FactScope } from './facts';
import { eventDeclSchema, fieldTypes, isFactRef, rulesFileSchema, triggerSchema, windowSchema } from './format';
import type { FactRef, RulesFile } from './format';
import { operators, operatorNames } from './operators';
import type { LocatedJson } from './parseJson';

type Path = (string | number)[];
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const KNOWN_KEYS: Record<string, readonly string[]> = {
  root: Object.keys(rulesFileSchema.shape),
  trigger: Object.keys(triggerSchema.shape),
  event: ['type', 'description', 'fields'],
  window: Object.keys(windowSchema.shape),
  comparison: ['fact', 'op', 'value'],
  factRef: ['fact', 'times', 'plus'],
};

const CONDITION_HELP = 'a condition: {"all": [...]}, {"any": [...]}, {"not": {...}} or {"fact": "...", "op": "...", "value": ...}';

/** Checks a parsed rules file against the format and the scenario's catalogue; returns every error. */
export function validateRules(doc: LocatedJson, catalogue: Catalogue, file: string): { rules?: RulesFile; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const seen = new Set<string>();
  const error = (path: Path, message: string, atKey = false) => {
    const k = pathToString(path) + '\u0000' + message;
    if (seen.has(k)) return;
    seen.add(k);
    errors.push({ file, ...doc.locate(path, atKey), path: pathToString(path), message });
  };
  const value = doc.value;
  const get = (path: Path): unknown => path.reduce<unknown>((v, k) => (v == null ? undefined : (v as Obj)[k]), value);

  // 1. Structure, through zod.
  const parsed = rulesFileSchema.safeParse(value);
  if (!parsed.success) for (const issue of parsed.error.issues) zodIssue(issue, get, error);
  if (!isObj(value)) return { errors };

  // 2. Meaning: names, facts, operators, behaviours, against the catalogue.
  if (typeof value.scenario === 'string' && value.scenario !== catalogue.scenario)
    error(['scenario'], `this file is for scenario ${JSON.stringify(value.scenario)}, but it is being loaded into ${JSON.stringify(catalogue.scenario)}`);

  const declared = new Map<string, EventSpec & { anyFields: boolean }>();
  if (Array.isArray(value.events)) {
    value.events.forEach((d, i) => {
      const decl = typeof d === 'string' ? { type: d } : isObj(d) ? (d as { type?: unknown; fields?: unknown; description?: unknown }) : null;
      if (!decl || typeof decl.type !== 'string') return;
      if (catalogue.events[decl.type]) error(['events', i], `event type ${JSON.stringify(decl.type)} already exists in scenario "${catalogue.scenario}"; declare only new types`);
      else if (declared.has(decl.type)) error(['events', i], `event type ${JSON.stringify(decl.type)} is declared twice`);
      // Fields with a bad type are reported by the format check; then the event's fields count as unknown (no echo errors).
      const fields = isObj(decl.fields) && Object.values(decl.fields).every((t) => (fieldTypes as readonly unknown[]).includes(t)) ? (decl.fields as EventSpec['fields']) : undefined;
      declared.set(decl.type, {
        description: typeof decl.description === 'string' ? decl.description : 'declared in the rules file',
        producer: 'rules',
        fields: fields ?? {},
        anyFields: fields === undefined,
      });
    });
  }
  const eventTypes = [...Object.keys(catalogue.events), ...declared.keys()];
  const specOf = (type: string) => catalogue.events[type] ?? declared.get(type);

  const triggers = Array.isArray(value.triggers) ? value.triggers : [];
  const ids = new Map<string, number>();
  triggers.forEach((t, i) => {
    if (!isObj(t) || typeof t.id !== 'string') return;
    const first = ids.get(t.id);
    if (first !== undefined) error(['triggers', i, 'id'], `duplicate trigger id ${JSON.stringify(t.id)} (also triggers[${first}]); ids must be unique`);
    else ids.set(t.id, i);
  });

  // Windows: sliding aggregates over recent events, readable from any trigger as window.<id>.<aggregate>.
  const windowIds = new Set<string>();
  const windows = Array.isArray(value.windows) ? value.windows : [];
  windows.forEach((w, i) => {
    if (isObj(w) && typeof w.id === 'string') {
      if (windowIds.has(w.id)) error(['windows', i, 'id'], `duplicate window id ${JSON.stringify(w.id)}; ids must be unique`);
      windowIds.add(w.id);
    }
  });
  windows.forEach((w, i) => {
    if (!isObj(w)) return;
    const path: Path = ['windows', i];
    if ((w.last === undefined) === (w.seconds === undefined))
      error(path, `a window needs exactly one of "last" (how many events) or "seconds" (how long); found ${w.last === undefined ? 'neither' : 'both'}`);
    if (typeof w.on !== 'string') return;
    const spec = specOf(w.on);
    if (!spec) return error([...path, 'on'], withDeclareHint(unknownName('event type', w.on, eventTypes)));
    const scope: FactScope = { eventType: w.on, spec, anyFields: declared.get(w.on)?.anyFields ?? false, windows: windowIds };
    if (typeof w.value === 'string') {
      const msg = checkFact(catalogue, scope, w.value);
      const type = msg ? undefined : factType(catalogue, scope, w.value);
      if (msg) error([...path, 'value'], msg);
      else if (type !== undefined && type !== 'number' && type !== 'number?') error([...path, 'value'], `a window's value must be a number; ${JSON.stringify(w.value)} is a ${type}`);
    }
    if (w.where !== undefined) checkCondition(w.where, [...path, 'where'], scope, 0);
  });

  triggers.forEach((t, i) => {
    if (!isObj(t)) return;
    const path: Path = ['triggers', i];
    const modes = (['on', 'while', 'every'] as const).filter((m) => t[m] !== undefined);
    if (modes.length !== 1)
      error(path, `a trigger needs exactly one of "on", "while" or "every"; found ${modes.length ? modes.map((m) => `"${m}"`).join(' and ') : 'none'}`);
    if (t.for !== undefined && t.while === undefined) error([...path, 'for'], '"for" only applies to "while" triggers (how long the condition must hold)');
    if (t.when !== undefined && t.while !== undefined)
      error([...path, 'when'], '"when" does not apply to "while" triggers; put both conditions in "while", e.g. {"all": [<while>, <when>]}', true);
    let scope: FactScope = { eventType: null, spec: undefined, anyFields: false, windows: windowIds };
    if (typeof t.on === 'string') {
      const spec = specOf(t.on);
      if (!spec) error([...path, 'on'], withDeclareHint(unknownName('event type', t.on, eventTypes)));
      scope = { eventType: t.on, spec, anyFields: !spec || (declared.get(t.on)?.anyFields ?? false), windows: windowIds };
    }
    if (t.when !== undefined) checkCondition(t.when, [...path, 'when'], scope, 0);
    if (t.while !== undefined) checkCondition(t.while, [...path, 'while'], { eventType: null, spec: undefined, anyFields: false, windows: windowIds }, 0);
    if (Array.isArray(t.do)) t.do.forEach((a, j) => checkAction(a, [...path, 'do', j], scope));
  });

  function checkFactRef(fref: FactRef, path: Path, scope: FactScope): void {
    const ref = fref as unknown as Obj;
    for (const k of Object.keys(ref)) if (!KNOWN_KEYS.factRef!.includes(k)) error([...path, k], unknownName('fact reference field', k, KNOWN_KEYS.factRef!), true);
    for (const k of ['times', 'plus'] as const)
      if (ref[k] !== undefined && (typeof ref[k] !== 'number' || !Number.isFinite(ref[k]))) error([...path, k], `expected a number, found ${describeFound(ref[k])}`);
    const msg = checkFact(catalogue, scope, ref.fact as string);
    if (msg) error([...path, 'fact'], msg);
  }

  function checkCondition(c: unknown, path: Path, scope: FactScope, depth: number): void {
    if (depth > 16) return error(path, 'conditions are nested too deeply (more than 16 levels)');
    if (!isObj(c)) return error(path, `expected ${CONDITION_HELP}, found ${describeFound(c)}`);
    const keys = Object.keys(c);
    const group = keys.find((k) => k === 'all' || k === 'any' || k === 'not');
    if (group) {
      if (keys.length > 1) error(path, `"${group}" must be the only key of its condition; found also ${keys.filter((k) => k !== group).map((k) => `"${k}"`).join(', ')}`);
      const inner = c[group];
      if (group === 'not') return checkCondition(inner, [...path, 'not'], scope, depth + 1);
      if (!Array.isArray(inner) || inner.length === 0)
        return error([...path, group], `expected a non-empty array of conditions, found ${describeFound(inner)}`);
      inner.forEach((x, i) => checkCondition(x, [...path, group, i], scope, depth + 1));
      return;
    }
    if (!('fact' in c)) {
      const typo = keys.map((k) => unknownName('condition key', k, ['all', 'any', 'not', 'fact', 'op', 'value'])).find((m) => m.includes('did you mean'));
      return error(path, typo ?? `expected ${CONDITION_HELP}, found an object with keys ${keys.map((k) => `"${k}"`).join(', ') || '(none)'}`);
    }
    for (const k of keys) if (!KNOWN_KEYS.comparison!.includes(k)) error([...path, k], unknownName('comparison field', k, KNOWN_KEYS.comparison!), true);
    if (typeof c.fact !== 'string') error([...path, 'fact'], `expected a fact path like "event.amount", found ${describeFound(c.fact)}`);
    else {
      const msg = checkFact(catalogue, scope, c.fact);
      if (msg) error([...path, 'fact'], msg);
    }
    if (typeof c.op !== 'string') return error(c.op === undefined ? path : [...path, 'op'], c.op === undefined ? 'missing "op"; expected one of the operators (eq, gt, in, …)' : `expected an operator name, found ${describeFound(c.op)}`);
    if (!(operatorNames as string[]).includes(c.op)) return error([...path, 'op'], unknownName('operator', c.op, operatorNames));
    const kind = operators[c.op as keyof typeof operators].value;
    const v = c.value;
    const vp = [...path, 'value'];
    if (isFactRef(v)) return checkFactRef(v, vp, scope);
    const before = errors.length;
    switch (kind) {
      case 'any':
        if (v === undefined) error(path, `"${c.op}" needs a "value"`);
        else if (isObj(v)) error(vp, `expected a literal or {"fact": "..."}, found an object without "fact"`);
        break;
      case 'number':
        if (typeof v !== 'number' && typeof v !== 'string') error(v === undefined ? path : vp, v === undefined ? `"${c.op}" needs a number "value"` : `expected a number, found ${describeFound(v)}`);
        break;
      case 'range':
        if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'number' || typeof v[1] !== 'number')
          error(v === undefined ? path : vp, `"between" needs "value": [min, max] with two numbers, found ${describeFound(v)}`);
        else if (v[0] > v[1]) error(vp, `"between" range is empty: min ${v[0]} is greater than max ${v[1]}`);
        break;
      case 'array':
        if (!Array.isArray(v) || v.length === 0) error(v === undefined ? path : vp, `"${c.op}" needs "value": a non-empty array, found ${describeFound(v)}`);
        break;
      case 'string':
        if (typeof v !== 'string') error(v === undefined ? path : vp, `"${c.op}" needs a string "value", found ${describeFound(v)}`);
        break;
      case 'boolean?':
        if (v !== undefined && typeof v !== 'boolean') error(vp, `"exists" takes true or false (default true), found ${describeFound(v)}`);
        break;
    }
    // A value of the wrong type for the fact makes a comparison that can never hold: say so now, not at run time.
    const type = errors.length === before && typeof c.fact === 'string' && !checkFact(catalogue, scope, c.fact) ? factType(catalogue, scope, c.fact) : undefined;
    if (type) {
      const problem = typeMismatch(c.op as keyof typeof operators, c.fact as string, type, v);
      if (problem) error(problem.at === 'op' ? [...path, 'op'] : problem.index === undefined ? vp : [...vp, problem.index], problem.message);
    }
  }

  function checkAction(a: unknown, path: Path, scope: FactScope): void {
    if (!isObj(a)) return error(path, `expected an action like {"behaviour": "<name>", …parameters}, found ${describeFound(a)}`);
    if (typeof a.behaviour !== 'string')
      return error(a.behaviour === undefined ? path : [...path, 'behaviour'], a.behaviour === undefined ? 'missing "behaviour": the name of what to do' : `expected a behaviour name, found ${describeFound(a.behaviour)}`);
    const def = catalogue.behaviours.get(a.behaviour);
    if (!def) return error([...path, 'behaviour'], unknownName('behaviour', a.behaviour, [...catalogue.behaviours.keys()]));
    const paramNames = Object.keys(def.params);
    for (const k of Object.keys(a)) {
      if (k === 'behaviour') continue;
      if (!def.params[k]) error([...path, k], unknownName('parameter', k, paramNames, `"${def.name}"`), true);
    }
    for (const [name, spec] of Object.entries(def.params)) {
      const v = a[name];
      const vp = [...path, name];
      if (v === undefined) {
        if (!spec.schema.safeParse(undefined).success) error(path, `"${def.name}" needs parameter "${name}" (${spec.description})`);
        continue;
      }
      if (isFactRef(v)) {
        if (spec.kind === 'trigger' || spec.kind === 'event' || spec.kind === 'payload') error(vp, `"${name}" must be written out, not read from a fact`);
        else checkFactRef(v, vp, scope);
        continue;
      }
      const r = spec.schema.safeParse(v);
      if (!r.success) {
        const issue = r.error.issues[0];
        error(issue?.path.length ? [...vp, ...(issue.path as Path)] : vp, issue ? issueMessage(issue, issue.path.length ? (v as Obj)[issue.path[0] as string] : v) : 'invalid value');
        continue;
      }
      if (spec.kind === 'trigger' && typeof v === 'string' && !ids.has(v)) error(vp, unknownName('trigger', v, [...ids.keys()]));
      if (spec.kind === 'event' && typeof v === 'string') {
        if (engineEvents[v as keyof typeof engineEvents]) error(vp, `"${v}" is an engine event; rules cannot emit it`);
        else if (!specOf(v)) error(vp, withDeclareHint(unknownName('event type', v, eventTypes)));
      }
      if (spec.kind === 'payload' && isObj(v)) {
        const evType = typeof a.event === 'string' ? a.event : undefined;
        const spec2 = evType ? specOf(evType) : undefined;
        const any = evType ? (declared.get(evType)?.anyFields ?? false) : true;
        const fields = Object.keys(spec2?.fields ?? {});
        for (const [k, pv] of Object.entries(v)) {
          if (spec2 && !any && !fields.includes(k)) error([...vp, k], unknownName('field', k, fields, `"${evType}"`), true);
          if (isFactRef(pv)) checkFactRef(pv, [...vp, k], scope);
          else if (isObj(pv)) error([...vp, k], 'expected a literal or {"fact": "..."}, found an object without "fact"');
          else if (spec2 && !any && fields.includes(k) && !fitsType(spec2.fields[k] as FieldType, pv))
            error([...vp, k], `expected ${typeName(spec2.fields[k] as FieldType)} for field "${k}" of "${evType}", found ${describeFound(pv)}`);
        }
        if (spec2 && !any) for (const f of fields) if (!(f in v)) error(vp, `payload of "${evType}" is missing field "${f}"`);
      }
    }
  }

  errors.sort((x, y) => x.line - y.line || x.column - y.column);
  return errors.length ? { errors } : { rules: value as unknown as RulesFile, errors };
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  'string[]': 'a list of strings',
  'number[]': 'a list of numbers',
};

/** A field type in words: "a number", "a list of strings or null". */
function typeName(type: FieldType): string {
  return `${TYPE_NAMES[type.replace('?', '')]}${type.endsWith('?') ? ' or null' : ''}`;
}

/** True when a literal is a value of a field type. */
function fitsType(type: FieldType, v: unknown): boolean {
  if (type.endsWith('?') && v === null) return true;
  const base = type.replace('?', '');
  if (base.endsWith('[]')) return Array.isArray(v) && v.every((x) => typeof x === base.slice(0, -2));
  return typeof v === base;
}

/** Says why comparing a fact of type `type` with `value` under `op` can never hold, or returns null. */
function typeMismatch(op: keyof typeof operators, fact: string, type: FieldType, value: unknown): { at: 'op' | 'value'; index?: number; message: string } | null {
  const base = type.replace('?', '');
  const scalar = base === 'number' || base === 'string' || base === 'boolean';
  const name = typeName(type);
  const fits = (x: unknown) => fitsType(type, x);
  const wrong = (x: unknown, index?: number) => ({ at: 'value' as const, index, message: `expected ${name} (as "${fact}" is), found ${describeFound(x)}` });
  const eachFits = (xs: unknown[]) => {
    const i = xs.findIndex((x) => !fits(x));
    return i < 0 ? null : wrong(xs[i], i);
  };
  switch (op) {
    case 'eq':
    case 'ne':
      return scalar && !fits(value) ? wrong(value) : null;
    case 'anythingBut':
      return !scalar ? null : Array.isArray(value) ? eachFits(value) : fits(value) ? null : wrong(value);
    case 'in':
    case 'notIn':
      return scalar && Array.isArray(value) ? eachFits(value) : null;
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      if (base !== 'number' && base !== 'string') return { at: 'op', message: `"${op}" compares numbers or strings, but "${fact}" is ${name}` };
      return typeof value === base ? null : wrong(value);
    case 'between':
      return base === 'number' ? null : { at: 'op', message: `"between" compares numbers, but "${fact}" is ${name}` };
    case 'startsWith':
      return base === 'string' ? null : { at: 'op', message: `"startsWith" reads a string, but "${fact}" is ${name}` };
    case 'contains':
      if (base === 'string' || base === 'string[]') return typeof value === 'string' ? null : { at: 'value', message: `expected a string to look for in "${fact}", found ${describeFound(value)}` };
      if (base === 'number[]') return typeof value === 'number' ? null : { at: 'value', message: `expected a number to look for in "${fact}", found ${describeFound(value)}` };
      return { at: 'op', message: `"contains" reads a string or a list, but "${fact}" is ${name}` };
    default:
      return null;
  }
}

/** Adds how to declare a new event type when no existing name is a likely typo. */
function withDeclareHint(message: string): string {
  return message.includes('did you mean') ? message : `${message}; a new event type must be declared in "events"`;
}

/** zod's type names as a message says them. */
const TYPE_WORDS: Record<string, string> = {
  array: 'an array',
  object: 'an object',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  int: 'a whole number',
};

/** A bound as people write it: 0, 86400, 0.0167. */
function shortNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

function expectedOf(issue: z.core.$ZodIssue): string {
  const i = issue as { code: string; expected?: string; minimum?: number | bigint; maximum?: number | bigint; origin?: string; inclusive?: boolean; values?: unknown[]; message: string };
  switch (i.code) {
    case 'invalid_type':
      return TYPE_WORDS[String(i.expected)] ?? String(i.expected);
    case 'too_small':
      return i.origin === 'array' ? `at least ${i.minimum} item${i.minimum === 1 ? '' : 's'}` : i.origin === 'string' ? `at least ${i.minimum} characters` : `a number ${i.inclusive === false ? '>' : '≥'} ${shortNumber(Number(i.minimum))}`;
    case 'too_big':
      return i.origin === 'array' ? `at most ${i.maximum} items` : i.origin === 'string' ? `at most ${i.maximum} characters` : `a number ${i.inclusive === false ? '<' : '≤'} ${shortNumber(Number(i.maximum))}`;
    case 'invalid_value':
      return (i.values ?? []).map((v) => JSON.stringify(v)).join(' or ');
    case 'invalid_format':
      return i.message;
    case 'invalid_union':
      return 'an event type name like "alarm.raised" or {"type": "...", "fields": {...}}';
    default:
      return i.message;
  }
}

function issueMessage(issue: z.core.$ZodIssue, found: unknown): string {
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const n = Array.isArray(found) ? `${found.length} item${found.length === 1 ? '' : 's'}` : describeFound(found);
    return `expected ${expectedOf(issue)}, found ${n}`;
  }
  if (issue.code === 'invalid_type' && found === undefined) return `missing required field`;
  if (issue.code === 'custom') return issue.message;
  return `expected ${expectedOf(issue)}, found ${describeFound(found)}`;
}

function zodIssue(issue: z.core.$ZodIssue, get: (p: Path) => unknown, error: (p: Path, m: string, atKey?: boolean) => void): void {
  const path = issue.path as Path;
  if (issue.code === 'unrecognized_keys') {
    const kind = path.length === 0 ? 'root' : path[0] === 'triggers' && path.length === 2 ? 'trigger' : path[0] === 'windows' && path.length === 2 ? 'window' : path[0] === 'events' ? 'event' : 'root';
    const known = KNOWN_KEYS[kind]!;
    const what = { root: 'top-level field', trigger: 'trigger field', window: 'window field', event: 'event declaration field' }[kind];
    for (const key of issue.keys) error([...path, key], unknownName(what, key, known), true);
    return;
  }
  const found = get(path);
  if (found === undefined && path.length > 0 && isObj(get(path.slice(0, -1)))) {
    const name = path[path.length - 1];
    error(path.slice(0, -1), `missing required field ${JSON.stringify(name)}${name === 'version' ? ' (use 1)' : ''}`);
    return;
  }
  if (issue.code === 'invalid_union' && isObj(found)) {
    // An event declaration object: report its own fields' problems.
    const r = eventDeclSchema.safeParse(found);
    if (!r.success) {
      const inner = (issue as { errors?: z.core.$ZodIssue[][] }).errors?.[1] ?? [];
      for (const sub of inner) zodIssue({ ...sub, path: [...path, ...sub.path] } as z.core.$ZodIssue, get, error);
      if (inner.length) return;
    }
  }
  error(path, issueMessage(issue, found));
}
