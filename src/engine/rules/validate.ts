import type { z } from 'zod';
import type { BehaviourDef, ParamSpec } from '../behaviours';
import type { EventSpec, FieldType } from '../events';
import { engineEvents } from '../events';
import { isInheritedName, own } from '../own';
import type { Catalogue } from './catalogue';
import type { RuleError } from './errors';
import { describeFound, didYouMean, pathToString, quoteName, unknownName } from './errors';
import { fastAccepts } from './fastCheck';
import { checkFact, factType } from './facts';
import type { FactScope } from './ruleTypes';
import { alarmIdsOf, checkAlarms } from '../alarms/validateAlarms';
import { alarmSchema } from '../alarms/spec';
import { eventDeclSchema, fieldTypes, isFactRef, MAX_VARS, rulesFileSchema, triggerSchema } from './format';
import { varNamePattern, varTypes, windowSchema } from './format';
import type { FactRef, RulesFile, VarType } from './format';
import { compareCodePoints, isAffixPattern, operators, operatorNames } from './operators';
import type { LocatedJson } from './parseJson';
import { placeholders } from './template';

type Path = (string | number)[];
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const KNOWN_KEYS = {
  root: Object.keys(rulesFileSchema.shape),
  trigger: Object.keys(triggerSchema.shape),
  event: ['type', 'description', 'fields'],
  window: Object.keys(windowSchema.shape),
  alarm: Object.keys(alarmSchema.shape),
  comparison: ['fact', 'op', 'value'],
  factRef: ['fact', 'times', 'plus'],
} as const satisfies Record<string, readonly string[]>;

/** A behaviour's parameters as the checks read them, worked out once per behaviour (not per action). */
interface ParamsInfo {
  readonly paramNames: readonly string[];
  readonly params: readonly { readonly name: string; readonly spec: ParamSpec; readonly optional: boolean }[];
}
const paramsInfo = new WeakMap<BehaviourDef, ParamsInfo>();
function paramsOf(def: BehaviourDef): ParamsInfo {
  let info = paramsInfo.get(def);
  if (!info) {
    info = {
      paramNames: Object.keys(def.params),
      params: Object.entries(def.params).map(([name, spec]) => ({
        name,
        spec,
        optional: spec.schema.safeParse(undefined).success,
      })),
    };
    paramsInfo.set(def, info);
  }
  return info;
}

/** Parameter kinds that name something, so they must be written out, not read from a fact. */
const WRITTEN_OUT: ReadonlySet<string> = new Set(['trigger', 'event', 'payload', 'var', 'timer', 'template']);

/** The most errors one load reports: past it the checks stop, so a hostile file cannot make messages its work. */
export const MAX_RULE_ERRORS = 200;

const CONDITION_HELP =
  'a condition: {"all": [...]}, {"any": [...]}, {"not": {...}} or {"fact": "...", "op": "...", "value": ...}';

type ErrorSink = (path: Path, message: string, atKey?: boolean) => void;
type Declared = Map<string, EventSpec & { anyFields: boolean }>;

/** Checks a parsed rules file against the format and the scenario's catalogue; returns every error. */
export function validateRules(
  doc: LocatedJson,
  catalogue: Catalogue,
  file: string,
): { rules?: RulesFile; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const seen = new Set<string>();
  const error: ErrorSink = (path, message, atKey = false) => {
    const k = pathToString(path) + '\u0000' + message;
    if (seen.has(k)) return;
    seen.add(k);
    errors.push({ file, ...doc.locate(path, atKey), path: pathToString(path), message });
  };
  const value = doc.value;
  checkStructure(value, error);
  if (!isObj(value)) return { errors };

  // 2. Meaning: names, facts, operators, behaviours, against the catalogue.
  if (typeof value.scenario === 'string' && value.scenario !== catalogue.scenario)
    error(
      ['scenario'],
      `this file is for scenario ${JSON.stringify(value.scenario)}, but it is being loaded into ${JSON.stringify(catalogue.scenario)}`,
    );
  const declared = declaredEvents(value.events, catalogue, error);
  const eventTypes = [...Object.keys(catalogue.events), ...declared.keys()];
  const triggers = Array.isArray(value.triggers) ? value.triggers : [];
  const ids = triggerIds(triggers, error);
  // Where the semantic checks are: one path, extended and shortened as they descend (see `Pass`).
  // Alarms: CloudWatch-style alarms, readable from any trigger as alarm.<id>.state (checked after the windows).
  const alarmIds = alarmIdsOf(value.alarms, error);
  const vars = checkVars(value.vars, error);
  const timers = startedTimers(triggers);
  const p: Pass = {
    catalogue,
    errors,
    error,
    at: [],
    declared,
    eventTypes,
    ids,
    vars,
    timers,
    fieldLists: new Map(),
    alarmIds,
  };
  const windowIds = checkWindows(p, Array.isArray(value.windows) ? value.windows : []);
  checkAlarms(value.alarms, alarmIds, {
    catalogue,
    error,
    eventTypes,
    specOf: (type) => specOf(p, type),
    anyFields: (type) => declared.get(type)?.anyFields ?? false,
    windows: windowIds,
    declareHint: withDeclareHint,
  });
  const unchecked = checkTriggers(p, triggers, windowIds);
  capErrors(errors, unchecked);
  return errors.length ? { errors } : { rules: value as unknown as RulesFile, errors };
}

/** 1. Structure, through zod. */
function checkStructure(value: unknown, error: ErrorSink): void {
  // zod words every structural error; a valid file (the usual case) is recognised without it first, as that is cheaper.
  if (fastAccepts(rulesFileSchema, value)) return;
  const get = (path: Path): unknown => path.reduce<unknown>((v, k) => (v == null ? undefined : (v as Obj)[k]), value);
  const parsed = rulesFileSchema.safeParse(value);
  if (!parsed.success) for (const issue of parsed.error.issues.slice(0, MAX_RULE_ERRORS)) zodIssue(issue, get, error);
}

/** The event types the file declares (`events`), each checked for a clash with the catalogue or a repeat. */
function declaredEvents(events: unknown, catalogue: Catalogue, error: ErrorSink): Declared {
  const declared: Declared = new Map();
  if (!Array.isArray(events)) return declared;
  events.forEach((d, i) => {
    const decl =
      typeof d === 'string'
        ? { type: d }
        : isObj(d)
          ? (d as { type?: unknown; fields?: unknown; description?: unknown })
          : null;
    if (!decl || typeof decl.type !== 'string') return;
    if (isInheritedName(decl.type)) return error(['events', i], inheritedMessage('event type', decl.type));
    if (own(catalogue.events, decl.type))
      error(
        ['events', i],
        `event type ${JSON.stringify(decl.type)} already exists in scenario "${catalogue.scenario}"; declare only new types`,
      );
    else if (declared.has(decl.type)) error(['events', i], `event type ${JSON.stringify(decl.type)} is declared twice`);
    // Fields with a bad type are reported by the format check; then the event's fields count as unknown (no echo errors).
    const fields =
      isObj(decl.fields) && Object.values(decl.fields).every((t) => (fieldTypes as readonly unknown[]).includes(t))
        ? (decl.fields as EventSpec['fields'])
        : undefined;
    declared.set(decl.type, {
      description: typeof decl.description === 'string' ? decl.description : 'declared in the rules file',
      producer: 'rules',
      fields: fields ?? {},
      anyFields: fields === undefined,
    });
  });
  return declared;
}

/** Each trigger id's first index; a repeated or inherited id is an error. */
function triggerIds(triggers: readonly unknown[], error: ErrorSink): Map<string, number> {
  const ids = new Map<string, number>();
  for (let i = 0; i < triggers.length; i++) {
    const t: unknown = triggers[i];
    if (!isObj(t) || typeof t.id !== 'string') continue;
    if (isInheritedName(t.id)) error(['triggers', i, 'id'], inheritedMessage('trigger id', t.id));
    const first = ids.get(t.id);
    if (first !== undefined)
      error(
        ['triggers', i, 'id'],
        `duplicate trigger id ${JSON.stringify(t.id)} (also triggers[${first}]); ids must be unique`,
      );
    else ids.set(t.id, i);
  }
  return ids;
}

/** Windows: sliding aggregates over recent events, readable from any trigger as window.<id>.<aggregate>; returns their ids. */
function checkWindows(p: Pass, windows: readonly unknown[]): Set<string> {
  const windowIds = new Set<string>();
  windows.forEach((w, i) => {
    if (isObj(w) && typeof w.id === 'string') {
      if (isInheritedName(w.id)) p.error(['windows', i, 'id'], inheritedMessage('window id', w.id));
      if (windowIds.has(w.id))
        p.error(['windows', i, 'id'], `duplicate window id ${JSON.stringify(w.id)}; ids must be unique`);
      windowIds.add(w.id);
    }
  });
  windows.forEach((w, i) => {
    if (isObj(w)) checkWindow(p, w, i, windowIds);
  });
  return windowIds;
}

/** One window: its size, event type, value fact and `where` condition. */
function checkWindow(p: Pass, w: Obj, i: number, windowIds: ReadonlySet<string>): void {
  const path: Path = ['windows', i];
  if ((w.last === undefined) === (w.seconds === undefined))
    p.error(
      path,
      `a window needs exactly one of "last" (how many events) or "seconds" (how long); found ${w.last === undefined ? 'neither' : 'both'}`,
    );
  if (typeof w.on !== 'string') return;
  const spec = specOf(p, w.on);
  if (!spec) return p.error([...path, 'on'], withDeclareHint(unknownName('event type', w.on, p.eventTypes)));
  const scope: FactScope = {
    eventType: w.on,
    spec,
    anyFields: p.declared.get(w.on)?.anyFields ?? false,
    windows: windowIds,
    alarms: p.alarmIds,
    vars: p.vars,
    timers: p.timers,
  };
  if (typeof w.value === 'string') {
    const msg = checkFact(p.catalogue, scope, w.value);
    const type = msg ? undefined : factType(p.catalogue, scope, w.value);
    if (msg) p.error([...path, 'value'], msg);
    else if (type !== undefined && type !== 'number' && type !== 'number?')
      p.error([...path, 'value'], `a window's value must be a number; ${JSON.stringify(w.value)} is a ${type}`);
  }
  if (w.where !== undefined) {
    p.at.push('windows', i, 'where');
    checkCondition(p, w.where, scope, 0);
    p.at.length = 0;
  }
}

/** What the trigger checks share: the scope of triggers without an event, and one scope per event type. */
interface TriggerScopes {
  readonly noEvent: FactScope;
  readonly byEvent: Map<string, FactScope>;
  readonly windowIds: ReadonlySet<string>;
}

/** Checks every trigger until the error cap; returns how many were left unchecked. */
function checkTriggers(p: Pass, triggers: readonly unknown[], windowIds: ReadonlySet<string>): number {
  // Scopes are shared by all triggers on one event type (and by all without one), not made per trigger.
  const noEvent: FactScope = {
    eventType: null,
    spec: undefined,
    anyFields: false,
    windows: windowIds,
    alarms: p.alarmIds,
    vars: p.vars,
    timers: p.timers,
  };
  const scopes: TriggerScopes = { noEvent, byEvent: new Map(), windowIds };
  const at = p.at;
  at.push('triggers', 0); // kept at ['triggers', i] between triggers, so the path array is not reallocated for each
  let unchecked = 0;
  for (let i = 0; i < triggers.length; i++) {
    const t: unknown = triggers[i];
    if (p.errors.length >= MAX_RULE_ERRORS) {
      unchecked = triggers.length - i;
      break;
    }
    if (!isObj(t)) continue;
    at[1] = i;
    checkTrigger(p, t, scopes);
  }
  at.length = 0;
  return unchecked;
}

/** One trigger (at `p.at`): its mode, its options, its conditions and its actions. */
function checkTrigger(p: Pass, t: Obj, scopes: TriggerScopes): void {
  const at = p.at;
  const hasWhile = t.while !== undefined;
  if ((t.on !== undefined ? 1 : 0) + (hasWhile ? 1 : 0) + (t.every !== undefined ? 1 : 0) !== 1) {
    const modes = (['on', 'while', 'every'] as const).filter((m) => t[m] !== undefined);
    p.error(
      at,
      `a trigger needs exactly one of "on", "while" or "every"; found ${modes.length ? modes.map((m) => `"${m}"`).join(' and ') : 'none'}`,
    );
  }
  if (t.for !== undefined && !hasWhile)
    p.error(here(at, 'for'), '"for" only applies to "while" triggers (how long the condition must hold)');
  if (t.when !== undefined && hasWhile)
    p.error(
      here(at, 'when'),
      '"when" does not apply to "while" triggers; put both conditions in "while", e.g. {"all": [<while>, <when>]}',
      true,
    );
  const scope = typeof t.on === 'string' ? triggerScope(p, t.on, scopes) : scopes.noEvent;
  if (t.when !== undefined) {
    at.push('when');
    checkCondition(p, t.when, scope, 0);
    at.pop();
  }
  if (hasWhile) {
    at.push('while');
    checkCondition(p, t.while, scopes.noEvent, 0);
    at.pop();
  }
  if (Array.isArray(t.do)) {
    at.push('do', 0);
    for (let j = 0; j < t.do.length; j++) {
      at[at.length - 1] = j;
      checkAction(p, t.do[j], scope);
    }
    at.length -= 2;
  }
}

/** The fact scope of triggers on one event type (made once per type); an unknown type is an error at `on`. */
function triggerScope(p: Pass, on: string, scopes: TriggerScopes): FactScope {
  const spec = specOf(p, on);
  if (!spec) p.error(here(p.at, 'on'), withDeclareHint(unknownName('event type', on, p.eventTypes)));
  let shared = scopes.byEvent.get(on);
  if (!shared)
    scopes.byEvent.set(
      on,
      (shared = {
        eventType: on,
        spec,
        anyFields: !spec || (p.declared.get(on)?.anyFields ?? false),
        windows: scopes.windowIds,
        alarms: p.alarmIds,
        vars: p.vars,
        timers: p.timers,
      }),
    );
  return shared;
}

/** Sorts errors by place and, past the cap (or with triggers left unchecked), cuts them with a closing note. */
function capErrors(errors: RuleError[], unchecked: number): void {
  errors.sort((x, y) => x.line - y.line || x.column - y.column);
  if (errors.length > MAX_RULE_ERRORS || unchecked) {
    errors.length = MAX_RULE_ERRORS;
    const last = errors[MAX_RULE_ERRORS - 1] as RuleError;
    errors.push({
      ...last,
      path: '',
      message: `more errors may follow, not checked: fix these ${MAX_RULE_ERRORS} first`,
    });
  }
}

/** What the semantic checks share: the catalogue, what the file declares, and where they are (`at`, a path extended and shortened as they descend). */
interface Pass {
  readonly catalogue: Catalogue;
  readonly errors: RuleError[];
  readonly error: (path: Path, message: string, atKey?: boolean) => void;
  readonly at: Path;
  readonly declared: ReadonlyMap<string, EventSpec & { anyFields: boolean }>;
  readonly eventTypes: readonly string[];
  readonly ids: ReadonlyMap<string, number>;
  /** The variables the file declares, with their types. */
  readonly vars: ReadonlyMap<string, VarType>;
  /** The timers the file's startTimer actions name. */
  readonly timers: ReadonlySet<string>;
  readonly fieldLists: Map<EventSpec, string[]>;
  /** Ids of the alarms the file declares (for `alarm.<id>.…` facts). */
  readonly alarmIds: ReadonlySet<string>;
}

// The checks are module functions, not closures made per call: a closure's optimised code dies with it at the next
// full GC, and each load would start cold again. They read and extend `p.at` (push, check, pop), so no path is built
// unless there is an error to report.

/** The current path extended by `keys`, copied: for an error. */
const here = (at: Path, ...keys: (string | number)[]): Path => [...at, ...keys];

/** The spec of an event type the rules can see: the catalogue's or one the file declares. */
const specOf = (p: Pass, type: string): EventSpec | undefined => own(p.catalogue.events, type) ?? p.declared.get(type);

/** The field names of an event type, listed once per load. */
function fieldNames(p: Pass, spec: EventSpec): string[] {
  let names = p.fieldLists.get(spec);
  if (!names) p.fieldLists.set(spec, (names = Object.keys(spec.fields ?? {})));
  return names;
}

/** A `{"fact": …}` reference: its keys, `times`/`plus`, and the fact in this scope. */
function checkFactRef(p: Pass, fref: FactRef, scope: FactScope): void {
  const ref = fref as unknown as Obj;
  for (const k in ref)
    if (k !== 'fact' && k !== 'times' && k !== 'plus')
      p.error(here(p.at, k), unknownName('fact reference field', k, KNOWN_KEYS.factRef), true);
  if (ref.times !== undefined && (typeof ref.times !== 'number' || !Number.isFinite(ref.times)))
    p.error(here(p.at, 'times'), `expected a number, found ${describeFound(ref.times)}`);
  if (ref.plus !== undefined && (typeof ref.plus !== 'number' || !Number.isFinite(ref.plus)))
    p.error(here(p.at, 'plus'), `expected a number, found ${describeFound(ref.plus)}`);
  const msg = checkFact(p.catalogue, scope, ref.fact as string);
  if (msg) p.error(here(p.at, 'fact'), msg);
}

/** A condition tree: groups, comparisons, operators, values and their types against the facts. */
function checkCondition(p: Pass, c: unknown, scope: FactScope, depth: number): void {
  if (depth > 16) return p.error(p.at, 'conditions are nested too deeply (more than 16 levels)');
  if (!isObj(c)) return p.error(p.at, `expected ${CONDITION_HELP}, found ${describeFound(c)}`);
  let group: 'all' | 'any' | 'not' | undefined;
  let count = 0;
  for (const k in c) {
    count++;
    if (group === undefined && (k === 'all' || k === 'any' || k === 'not')) group = k;
  }
  if (group) return checkGroup(p, c, group, count, scope, depth);
  if (!('fact' in c)) return notACondition(p, c);
  checkComparison(p, c, scope);
}

/** An `all`/`any`/`not` group: the only key of its object, holding conditions. */
function checkGroup(
  p: Pass,
  c: Obj,
  group: 'all' | 'any' | 'not',
  count: number,
  scope: FactScope,
  depth: number,
): void {
  if (count > 1)
    p.error(
      p.at,
      `"${group}" must be the only key of its condition; found also ${Object.keys(c)
        .filter((k) => k !== group)
        .map((k) => `"${k}"`)
        .join(', ')}`,
    );
  const inner = c[group];
  if (group === 'not') {
    p.at.push('not');
    checkCondition(p, inner, scope, depth + 1);
    p.at.pop();
    return;
  }
  if (!Array.isArray(inner) || inner.length === 0)
    return p.error(here(p.at, group), `expected a non-empty array of conditions, found ${describeFound(inner)}`);
  p.at.push(group, 0);
  for (let i = 0; i < inner.length; i++) {
    p.at[p.at.length - 1] = i;
    checkCondition(p, inner[i], scope, depth + 1);
  }
  p.at.length -= 2;
}

/** An object that is neither a group nor a comparison: a did-you-mean for a misspelt key, else what a condition is. */
function notACondition(p: Pass, c: Obj): void {
  const keys = Object.keys(c);
  const typo = keys
    .map((k) => unknownName('condition key', k, ['all', 'any', 'not', 'fact', 'op', 'value']))
    .find((m) => m.includes('did you mean'));
  return p.error(
    p.at,
    typo ?? `expected ${CONDITION_HELP}, found an object with keys ${keys.map((k) => `"${k}"`).join(', ') || '(none)'}`,
  );
}

/** A comparison `{fact, op, value}`: its keys, its fact, its operator, its value's kind, and the value's type against the fact. */
function checkComparison(p: Pass, c: Obj, scope: FactScope): void {
  for (const k in c)
    if (k !== 'fact' && k !== 'op' && k !== 'value')
      p.error(here(p.at, k), unknownName('comparison field', k, KNOWN_KEYS.comparison), true);
  let factOk = false;
  if (typeof c.fact !== 'string')
    p.error(here(p.at, 'fact'), `expected a fact path like "event.amount", found ${describeFound(c.fact)}`);
  else {
    const msg = checkFact(p.catalogue, scope, c.fact);
    if (msg) p.error(here(p.at, 'fact'), msg);
    else factOk = true;
  }
  if (typeof c.op !== 'string')
    return p.error(
      c.op === undefined ? p.at : here(p.at, 'op'),
      c.op === undefined
        ? 'missing "op"; expected one of the operators (eq, gt, in, …)'
        : `expected an operator name, found ${describeFound(c.op)}`,
    );
  if (!Object.hasOwn(operators, c.op)) return p.error(here(p.at, 'op'), unknownName('operator', c.op, operatorNames));
  const kind = operators[c.op as keyof typeof operators].value;
  const v = c.value;
  if (isFactRef(v)) {
    p.at.push('value');
    checkFactRef(p, v, scope);
    p.at.pop();
    return;
  }
  const before = p.errors.length;
  checkValueKind(p, c.op, kind, v);
  // A value of the wrong type for the fact makes a comparison that can never hold: say so now, not at run time.
  const type = p.errors.length === before && factOk ? factType(p.catalogue, scope, c.fact as string) : undefined;
  if (type) checkValueType(p, c.op as keyof typeof operators, c.fact as string, type, v);
}

/** A literal value against what its operator takes (a number, a range, a non-empty array, a string, …). */
function checkValueKind(p: Pass, op: string, kind: string, v: unknown): void {
  switch (kind) {
    case 'any':
      if (v === undefined) p.error(p.at, `"${op}" needs a "value"`);
      else if (op === 'anythingBut' && isObj(v)) checkAffix(p, v);
      else if (isObj(v))
        p.error(here(p.at, 'value'), `expected a literal or {"fact": "..."}, found an object without "fact"`);
      break;
    case 'number':
      if (typeof v !== 'number' && typeof v !== 'string')
        p.error(
          v === undefined ? p.at : here(p.at, 'value'),
          v === undefined ? `"${op}" needs a number "value"` : `expected a number, found ${describeFound(v)}`,
        );
      break;
    case 'range':
      if (!isRange(v))
        p.error(
          v === undefined ? p.at : here(p.at, 'value'),
          `"between" needs "value": [min, max] with two numbers or two strings, found ${describeFound(v)}`,
        );
      else if (typeof v[0] === 'number' ? v[0] > (v[1] as number) : compareCodePoints(v[0], v[1] as string) > 0)
        p.error(
          here(p.at, 'value'),
          `"between" range is empty: min ${JSON.stringify(v[0])} is greater than max ${JSON.stringify(v[1])}`,
        );
      break;
    case 'array':
      if (!Array.isArray(v) || v.length === 0)
        p.error(
          v === undefined ? p.at : here(p.at, 'value'),
          `"${op}" needs "value": a non-empty array, found ${describeFound(v)}`,
        );
      break;
    case 'string':
      if (typeof v !== 'string')
        p.error(
          v === undefined ? p.at : here(p.at, 'value'),
          `"${op}" needs a string "value", found ${describeFound(v)}`,
        );
      break;
    case 'boolean?':
      if (v !== undefined && typeof v !== 'boolean')
        p.error(here(p.at, 'value'), `"exists" takes true or false (default true), found ${describeFound(v)}`);
      break;
  }
}

/** A literal value of the wrong type for its fact (a comparison that could never hold). */
function checkValueType(p: Pass, op: keyof typeof operators, fact: string, type: FieldType, v: unknown): void {
  const problem = typeMismatch(op, fact, type, v);
  if (problem)
    p.error(
      problem.at === 'op'
        ? here(p.at, 'op')
        : problem.index === undefined
          ? here(p.at, 'value')
          : here(p.at, 'value', problem.index),
      problem.message,
    );
}

/** An action: its behaviour, parameters (by their schemas), named triggers and events, and an emit's payload. */
function checkAction(p: Pass, a: unknown, scope: FactScope): void {
  const before = p.errors.length;
  checkActionParams(p, a, scope);
  const def = isObj(a) && typeof a.behaviour === 'string' ? p.catalogue.behaviours.get(a.behaviour) : undefined;
  const bad = p.errors.length === before && def?.checkLiterals ? def.checkLiterals(a as Obj) : null;
  if (bad) p.error(here(p.at, bad.param), bad.message);
}

/** An action's behaviour and parameters. */
function checkActionParams(p: Pass, a: unknown, scope: FactScope): void {
  if (!isObj(a))
    return p.error(p.at, `expected an action like {"behaviour": "<name>", …parameters}, found ${describeFound(a)}`);
  const def = behaviourOf(p, a);
  if (!def) return;
  const { paramNames, params } = paramsOf(def);
  for (const k in a) {
    if (k === 'behaviour') continue;
    if (!Object.hasOwn(def.params, k))
      p.error(here(p.at, k), unknownName('parameter', k, paramNames, `"${def.name}"`), true);
  }
  for (let n = 0; n < params.length; n++) {
    const { name, spec, optional } = params[n] as ParamsInfo['params'][number];
    const v = a[name];
    if (v === undefined) {
      if (!optional) p.error(p.at, `"${def.name}" needs parameter "${name}" (${spec.description})`);
    } else if (isFactRef(v)) checkParamFact(p, def, a, name, v, scope);
    else if (checkParamLiteral(p, spec, name, v)) checkNamedParam(p, def, a, name, v, scope);
  }
}

/** The behaviour an action names (an error at "behaviour" when it names none or an unknown one). */
function behaviourOf(p: Pass, a: Obj): BehaviourDef | undefined {
  if (typeof a.behaviour !== 'string') {
    p.error(
      a.behaviour === undefined ? p.at : here(p.at, 'behaviour'),
      a.behaviour === undefined
        ? 'missing "behaviour": the name of what to do'
        : `expected a behaviour name, found ${describeFound(a.behaviour)}`,
    );
    return undefined;
  }
  const def = p.catalogue.behaviours.get(a.behaviour);
  if (!def) p.error(here(p.at, 'behaviour'), unknownName('behaviour', a.behaviour, [...p.catalogue.behaviours.keys()]));
  return def;
}

/** A parameter read from a fact: allowed for its kind, a fact in scope, and of a type the parameter takes. */
function checkParamFact(p: Pass, def: BehaviourDef, a: Obj, name: string, v: FactRef, scope: FactScope): void {
  const spec = def.params[name] as ParamSpec;
  if (spec.kind !== undefined && WRITTEN_OUT.has(spec.kind))
    return p.error(here(p.at, name), `"${name}" must be written out, not read from a fact`);
  const before = p.errors.length;
  p.at.push(name);
  checkFactRef(p, v, scope);
  p.at.pop();
  const type = p.errors.length === before ? factType(p.catalogue, scope, v.fact) : undefined;
  if (type && spec.kind === 'varValue') checkVarValue(p, a, name, type, v.fact);
  else if (type && !schemaTakesType(spec.schema, type))
    p.error(
      here(p.at, name, 'fact'),
      `"${def.name}" parameter "${name}" needs ${describeSchema(spec.schema)}, but "${v.fact}" is ${typeName(type)}`,
    );
}

/** A literal parameter against its schema; true when it passes. An unknown name of a list gets a did-you-mean. */
function checkParamLiteral(p: Pass, spec: ParamSpec, name: string, v: unknown): boolean {
  if (fastAccepts(spec.schema, v)) return true;
  const r = spec.schema.safeParse(v);
  if (r.success) return true;
  const issue = r.error.issues[0];
  const names = typeof v === 'string' ? namesOf(spec.schema) : null;
  if (names) p.error(here(p.at, name), unknownOfList(names, v as string));
  else
    p.error(
      issue?.path.length ? [...p.at, name, ...(issue.path as Path)] : here(p.at, name),
      issue ? issueMessage(issue, issue.path.length ? (v as Obj)[issue.path[0] as string] : v) : 'invalid value',
    );
  return false;
}

/** The strings a schema takes when it is a list of names (an enum or a literal, maybe optional); null otherwise. */
function namesOf(schema: z.ZodType): readonly string[] | null {
  const def = (
    schema as unknown as { def: { type: string; innerType?: z.ZodType; entries?: object; values?: unknown[] } }
  ).def;
  if (def.type === 'optional' && def.innerType) return namesOf(def.innerType);
  const values: unknown[] =
    def.type === 'enum' ? Object.values(def.entries ?? {}) : def.type === 'literal' ? (def.values ?? []) : [];
  return values.length && values.every((x) => typeof x === 'string') ? values : null;
}

/** `expected one of "a", "b", found "x"; did you mean "a"?` for a name outside a fixed list. */
function unknownOfList(names: readonly string[], found: string): string {
  const guess = didYouMean(found, names);
  const list = names.map((n) => JSON.stringify(n)).join(', ');
  return `expected ${names.length > 1 ? 'one of ' : ''}${list}, found ${quoteName(found)}${guess ? `; did you mean ${JSON.stringify(guess)}?` : ''}`;
}

/** What a written-out parameter names, by its kind: a timer, a template's placeholders, a variable, a trigger, an event, a payload. */
function checkNamedParam(p: Pass, def: BehaviourDef, a: Obj, name: string, v: unknown, scope: FactScope): void {
  const spec = def.params[name] as ParamSpec;
  switch (spec.kind) {
    case 'timer':
      if (def.name !== 'startTimer' && typeof v === 'string' && !p.timers.has(v))
        p.error(
          here(p.at, name),
          p.timers.size ? unknownName('timer', v, [...p.timers]) : `no "startTimer" in this file starts timer "${v}"`,
        );
      return;
    case 'template':
      if (typeof v === 'string')
        for (const fact of placeholders(v)) {
          const msg = checkFact(p.catalogue, scope, fact);
          if (msg) p.error(here(p.at, name), `placeholder {${fact}}: ${msg}`);
        }
      return;
    case 'var':
      if (typeof v === 'string') checkVarName(p, def.name, name, v, spec.varType);
      return;
    case 'varValue':
      return checkVarValue(p, a, name, typeof v as FieldType, describeFound(v));
    case 'trigger':
      if (typeof v === 'string' && !p.ids.has(v))
        p.error(here(p.at, name), unknownName('trigger', v, [...p.ids.keys()]));
      return;
    case 'event':
      if (typeof v !== 'string') return;
      if (Object.hasOwn(engineEvents, v)) p.error(here(p.at, name), `"${v}" is an engine event; rules cannot emit it`);
      else if (!specOf(p, v)) p.error(here(p.at, name), withDeclareHint(unknownName('event type', v, p.eventTypes)));
      return;
    case 'payload':
      if (isObj(v)) checkPayload(p, a, name, v, scope);
      return;
  }
}

/** An emit's payload: the fields of its event type, each a literal of the field's type or a fact in scope. */
function checkPayload(p: Pass, a: Obj, name: string, v: Obj, scope: FactScope): void {
  const evType = typeof a.event === 'string' ? a.event : undefined;
  const spec2 = evType ? specOf(p, evType) : undefined;
  const any = evType ? (p.declared.get(evType)?.anyFields ?? false) : true;
  const fields = spec2 ? fieldNames(p, spec2) : [];
  for (const k in v) {
    const pv = v[k];
    if (spec2 && !any && !fields.includes(k))
      p.error(here(p.at, name, k), unknownName('field', k, fields, `"${evType}"`), true);
    if (isFactRef(pv)) {
      p.at.push(name, k);
      checkFactRef(p, pv, scope);
      p.at.length -= 2;
    } else if (isObj(pv))
      p.error(here(p.at, name, k), 'expected a literal or {"fact": "..."}, found an object without "fact"');
    else if (spec2 && !any && fields.includes(k) && !fitsType(spec2.fields[k] as FieldType, pv))
      p.error(
        here(p.at, name, k),
        `expected ${typeName(spec2.fields[k] as FieldType)} for field "${k}" of "${evType}", found ${describeFound(pv)}`,
      );
  }
  if (spec2 && !any)
    for (const f of fields) if (!(f in v)) p.error(here(p.at, name), `payload of "${evType}" is missing field "${f}"`);
}

/** The file's "vars": names and initial values of their types; returns each valid variable's type. */
function checkVars(decl: unknown, error: (path: Path, message: string, atKey?: boolean) => void): Map<string, VarType> {
  const vars = new Map<string, VarType>();
  if (!isObj(decl)) return vars;
  let n = 0;
  for (const name in decl) {
    const d = decl[name];
    if (++n > MAX_VARS) return (error(['vars'], `at most ${MAX_VARS} variables`), vars);
    if (isInheritedName(name)) error(['vars', name], inheritedMessage('variable name', name), true);
    else if (!varNamePattern.test(name))
      error(
        ['vars', name],
        `a variable name is letters, digits and _ starting with a letter (at most 64); found ${JSON.stringify(name)}`,
        true,
      );
    else if (isObj(d) && typeof d.type === 'string' && (varTypes as readonly string[]).includes(d.type)) {
      if (d.initial !== undefined && typeof d.initial !== d.type)
        error(
          ['vars', name, 'initial'],
          `expected ${typeName(d.type as FieldType)} (the variable's type), found ${describeFound(d.initial)}`,
        );
      vars.set(name, d.type as VarType);
    }
  }
  return vars;
}

/** The timer names the file's startTimer actions write out. */
function startedTimers(triggers: readonly unknown[]): Set<string> {
  const names = new Set<string>();
  for (const t of triggers)
    if (isObj(t) && Array.isArray(t.do))
      for (const a of t.do)
        if (isObj(a) && a.behaviour === 'startTimer' && typeof a.timer === 'string') names.add(a.timer);
  return names;
}

/** A parameter naming a variable: declared, and of the type the behaviour needs. */
function checkVarName(p: Pass, behaviour: string, param: string, name: string, needs: VarType | undefined): void {
  const type = p.vars.get(name);
  if (type === undefined) {
    const names = [...p.vars.keys()];
    p.error(
      here(p.at, param),
      names.length
        ? unknownName('variable', name, names)
        : `unknown variable ${JSON.stringify(name)}: declare it in "vars"`,
    );
  } else if (needs && type !== needs)
    p.error(here(p.at, param), `"${behaviour}" needs a ${needs} variable, but "${name}" is a ${type}`);
}

/** A value set into a variable: of the variable's type (a fact of unknown type is checked at run time). */
function checkVarValue(p: Pass, a: Obj, param: string, type: FieldType, found: string): void {
  const target = typeof a.var === 'string' ? p.vars.get(a.var) : undefined;
  if (target === undefined || type === target) return;
  const fromFact = isFactRef(a[param]);
  p.error(
    fromFact ? here(p.at, param, 'fact') : here(p.at, param),
    fromFact
      ? `variable "${a.var as string}" is ${typeName(target)}, but "${found}" is ${typeName(type)}`
      : `variable "${a.var as string}" is ${typeName(target)}, found ${found}`,
  );
}

/** Sample values of each field type: a schema that accepts none of them never accepts a fact of that type. */
const TYPE_SAMPLES: Record<string, readonly unknown[]> = {
  number: [0, 1, -1, 0.5, 100, 1e6],
  string: ['', 'x'],
  boolean: [true, false],
  'string[]': [[], ['x']],
  'number[]': [[], [0]],
};

/** True when a parameter's schema can accept a value of a fact's type (a string also fits an enum of strings). */
function schemaTakesType(schema: z.ZodType, type: FieldType): boolean {
  const base = type.replace('?', '');
  const samples = [...(TYPE_SAMPLES[base] ?? []), ...(base === 'string' ? (namesOf(schema) ?? []) : [])];
  return samples.some((x) => schema.safeParse(x).success);
}

/** What a parameter's schema takes, in words, from the types it accepts. */
function describeSchema(schema: z.ZodType): string {
  const fits = Object.keys(TYPE_SAMPLES).filter((t) => schemaTakesType(schema, t as FieldType));
  return fits.length ? fits.map((t) => typeName(t as FieldType)).join(' or ') : 'another kind of value';
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
  switch (type) {
    case 'number':
    case 'string':
    case 'boolean':
      return typeof v === type;
    case 'number?':
      return v === null || typeof v === 'number';
    case 'string?':
      return v === null || typeof v === 'string';
    default: {
      if (type.endsWith('?') && v === null) return true;
      const base = type.replace('?', '');
      if (base.endsWith('[]')) return Array.isArray(v) && v.every((x) => typeof x === base.slice(0, -2));
      return typeof v === base;
    }
  }
}

type Mismatch = { at: 'op' | 'value'; index?: number; message: string };

/** "expected <type> (as <fact> is), found <value>" at the value (or one item of it). */
function wrongValue(fact: string, type: FieldType, x: unknown, index?: number): Mismatch {
  return { at: 'value', index, message: `expected ${typeName(type)} (as "${fact}" is), found ${describeFound(x)}` };
}

/** The first item of a list that is not of the fact's type, as a mismatch (null when all fit). */
function eachFits(fact: string, type: FieldType, xs: unknown[]): Mismatch | null {
  for (let i = 0; i < xs.length; i++) if (!fitsType(type, xs[i])) return wrongValue(fact, type, xs[i], i);
  return null;
}

/** Says why comparing a fact of type `type` with `value` under `op` can never hold, or returns null. */
function typeMismatch(op: keyof typeof operators, fact: string, type: FieldType, value: unknown): Mismatch | null {
  // Closures here would be made for every comparison of every file: the helpers above are plain functions instead.
  const base = type.endsWith('?') ? type.slice(0, -1) : type;
  const scalar = base === 'number' || base === 'string' || base === 'boolean';
  switch (op) {
    case 'eq':
    case 'ne':
      return scalar && !fitsType(type, value) ? wrongValue(fact, type, value) : null;
    case 'anythingBut':
      if (isAffixPattern(value))
        return base === 'string'
          ? null
          : { at: 'op', message: `"anythingBut" with a pattern reads a string, but "${fact}" is ${typeName(type)}` };
      return !scalar
        ? null
        : Array.isArray(value)
          ? eachFits(fact, type, value)
          : fitsType(type, value)
            ? null
            : wrongValue(fact, type, value);
    case 'in':
    case 'notIn':
      return scalar && Array.isArray(value) ? eachFits(fact, type, value) : null;
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      if (base !== 'number' && base !== 'string')
        return { at: 'op', message: `"${op}" compares numbers or strings, but "${fact}" is ${typeName(type)}` };
      return typeof value === base ? null : wrongValue(fact, type, value);
    case 'between':
      if (base !== 'number' && base !== 'string')
        return { at: 'op', message: `"between" compares numbers or strings, but "${fact}" is ${typeName(type)}` };
      return Array.isArray(value) && typeof value[0] !== base ? wrongValue(fact, type, value[0], 0) : null;
    case 'startsWith':
    case 'endsWith':
      return base === 'string'
        ? null
        : { at: 'op', message: `"${op}" reads a string, but "${fact}" is ${typeName(type)}` };
    case 'contains':
      if (base === 'string' || base === 'string[]')
        return typeof value === 'string'
          ? null
          : { at: 'value', message: `expected a string to look for in "${fact}", found ${describeFound(value)}` };
      if (base === 'number[]')
        return typeof value === 'number'
          ? null
          : { at: 'value', message: `expected a number to look for in "${fact}", found ${describeFound(value)}` };
      return { at: 'op', message: `"contains" reads a string or a list, but "${fact}" is ${typeName(type)}` };
    default:
      return null;
  }
}

/** A `between` range: two numbers or two strings. */
function isRange(v: unknown): v is [number, number] | [string, string] {
  return (
    Array.isArray(v) &&
    v.length === 2 &&
    (typeof v[0] === 'number' || typeof v[0] === 'string') &&
    typeof v[1] === typeof v[0]
  );
}

const AFFIX_KEYS = ['startsWith', 'endsWith'];

/** `anythingBut`'s pattern object: exactly one of {"startsWith": "…"} or {"endsWith": "…"}. */
function checkAffix(p: Pass, v: Record<string, unknown>): void {
  const keys = Object.keys(v);
  if (keys.length !== 1)
    return p.error(
      here(p.at, 'value'),
      `"anythingBut" takes a value, an array, or one pattern {"startsWith": "…"} or {"endsWith": "…"}, found an object with keys ${keys.map((k) => `"${k}"`).join(', ') || '(none)'}`,
    );
  const k = keys[0] as string;
  if (!AFFIX_KEYS.includes(k)) return p.error(here(p.at, 'value', k), unknownName('pattern', k, AFFIX_KEYS));
  if (typeof v[k] !== 'string') p.error(here(p.at, 'value', k), `"${k}" needs a string, found ${describeFound(v[k])}`);
}

/** Why a name every JavaScript object already has (`toString`, `constructor` …) cannot be declared. */
function inheritedMessage(what: string, name: string): string {
  return `${what} ${JSON.stringify(name)} is a name every JavaScript object already has; choose another`;
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
  const i = issue as {
    code: string;
    expected?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    origin?: string;
    inclusive?: boolean;
    values?: unknown[];
    message: string;
  };
  switch (i.code) {
    case 'invalid_type':
      return TYPE_WORDS[String(i.expected)] ?? String(i.expected);
    case 'too_small':
      return i.origin === 'array'
        ? `at least ${i.minimum} item${i.minimum === 1 ? '' : 's'}`
        : i.origin === 'string'
          ? `at least ${i.minimum} characters`
          : `a number ${i.inclusive === false ? '>' : '≥'} ${shortNumber(Number(i.minimum))}`;
    case 'too_big':
      return i.origin === 'array'
        ? `at most ${i.maximum} items`
        : i.origin === 'string'
          ? `at most ${i.maximum} characters`
          : `a number ${i.inclusive === false ? '<' : '≤'} ${shortNumber(Number(i.maximum))}`;
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

function zodIssue(
  issue: z.core.$ZodIssue,
  get: (p: Path) => unknown,
  error: (p: Path, m: string, atKey?: boolean) => void,
): void {
  const path = issue.path as Path;
  if (issue.code === 'unrecognized_keys') {
    const kind: 'root' | 'trigger' | 'window' | 'alarm' | 'event' =
      path.length === 0
        ? 'root'
        : path[0] === 'triggers' && path.length === 2
          ? 'trigger'
          : path[0] === 'windows' && path.length === 2
            ? 'window'
            : path[0] === 'alarms' && path.length === 2
              ? 'alarm'
              : path[0] === 'events'
                ? 'event'
                : 'root';
    const known = KNOWN_KEYS[kind];
    const what = {
      root: 'top-level field',
      trigger: 'trigger field',
      window: 'window field',
      alarm: 'alarm field',
      event: 'event declaration field',
    }[kind];
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
      for (const sub of inner) zodIssue({ ...sub, path: [...path, ...sub.path] }, get, error);
      if (inner.length) return;
    }
  }
  error(path, issueMessage(issue, found));
}
