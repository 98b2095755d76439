import type { FieldType } from '../events';
import type { Catalogue } from './catalogue';
import { metaFacts } from './catalogue';
import { isInheritedName, own } from '../own';
import { unknownName } from './errors';
import { windowAggregates } from './windows';
import type { FactGetter, FactScope, WindowAggregate } from './ruleTypes';
import { alarmFacts } from '../alarms/spec';
import type { AlarmFact } from '../alarms/spec';

const FACT_ROOTS: readonly string[] = ['event', 'meta', 'entity', 'world', 'window', 'alarm', 'var', 'timer'];

/** The error for a name the file does not declare: did-you-mean among its names, or `none` when it declares none. */
function notDeclared(what: string, name: string, names: Iterable<string> | undefined, none: string): string {
  const list = [...(names ?? [])];
  return list.length ? unknownName(what, name, list) : none;
}

/** Checks a `timer.<name>.left` fact against the timers the file starts. */
function checkTimerFact(scope: FactScope, path: string, rest: string): string | null {
  const dot = rest.lastIndexOf('.');
  const name = dot < 0 ? rest : rest.slice(0, dot);
  if (dot < 0 || rest.slice(dot + 1) !== 'left')
    return `fact ${JSON.stringify(path)}: a timer is read as "timer.<name>.left" (seconds left, 0 when not running)`;
  if (scope.timers?.has(name)) return null;
  const none = `fact ${JSON.stringify(path)} reads timer "${name}", but no "startTimer" in this file starts it`;
  return notDeclared('timer', name, scope.timers, none);
}

/** Checks a `var.<name>` fact against the declared variables. */
function checkVarFact(scope: FactScope, path: string, name: string): string | null {
  if (scope.vars?.has(name)) return null;
  const none = `fact ${JSON.stringify(path)} reads a variable, but this file declares no "vars"`;
  return notDeclared('variable', name, scope.vars?.keys(), none);
}

/** A kind of `<root>.<id>.<member>` fact: a declared window's aggregate, a declared alarm's fact. */
interface MemberFact {
  readonly root: 'window' | 'alarm';
  /** The root with its article, as messages say it. */
  readonly noun: string;
  /** What a member is called. */
  readonly member: string;
  readonly members: Readonly<Record<string, unknown>>;
}

const WINDOW_FACT: MemberFact = { root: 'window', noun: 'a window', member: 'aggregate', members: windowAggregates };
const ALARM_FACT: MemberFact = { root: 'alarm', noun: 'an alarm', member: 'fact', members: alarmFacts };

/** Checks a `<root>.<id>.<member>` fact: `id` among the file's `ids`, then `member` among the kind's members. */
function checkMemberFact(
  kind: MemberFact,
  ids: ReadonlySet<string> | undefined,
  path: string,
  rest: string,
): string | null {
  const [id = '', member = '', ...more] = rest.split('.');
  if (!ids?.has(id)) {
    const none = `fact ${JSON.stringify(path)} reads ${kind.noun}, but this file declares no "${kind.root}s"`;
    return notDeclared(kind.root, id, ids, none);
  }
  if (!Object.hasOwn(kind.members, member) || more.length)
    return unknownName(
      `${kind.member} of ${kind.root} "${id}"`,
      [member, ...more].join('.'),
      Object.keys(kind.members),
    );
  return null;
}

/** Checks a `<root>.<name>` fact against a catalogue's facts of that root (world, meta, entity). */
function checkNamedFact(root: string, rest: string, facts: Readonly<Record<string, unknown>>): string | null {
  if (Object.hasOwn(facts, rest)) return null;
  const names = Object.keys(facts).map((k) => `${root}.${k}`);
  return unknownName(`${root} fact`, `${root}.${rest}`, names);
}

/** Checks a fact path in a scope; returns an error message, or null when it is fine. */
export function checkFact(catalogue: Catalogue, scope: FactScope, path: string): string | null {
  const dot = path.indexOf('.');
  const root = dot < 0 ? path : path.slice(0, dot);
  const rest = dot < 0 ? '' : path.slice(dot + 1);
  const roots = FACT_ROOTS;
  if (root === 'var' && rest) return checkVarFact(scope, path, rest);
  if (root === 'timer' && rest) return checkTimerFact(scope, path, rest);
  if (root === 'window' && rest) return checkMemberFact(WINDOW_FACT, scope.windows, path, rest);
  if (root === 'alarm' && rest) return checkMemberFact(ALARM_FACT, scope.alarms, path, rest);
  if (!roots.includes(root) || !rest) {
    if (roots.includes(root))
      return `fact ${JSON.stringify(path)} needs a field after "${root}.", e.g. "${root}.${root === 'world' ? (Object.keys(catalogue.worldFacts)[0] ?? 'x') : 'x'}"`;
    return `${unknownName(
      'fact root',
      root,
      roots.map((r) => r),
    )} (facts look like "event.<field>", "meta.tick", "entity.<field>", "world.<fact>" or "window.<id>.<aggregate>")`;
  }
  if (root === 'world') return checkNamedFact(root, rest, catalogue.worldFacts);
  if (scope.eventType === null) {
    return `fact ${JSON.stringify(path)} reads an event, but this trigger has no event (it is a "while" or "every" trigger); use world.* facts`;
  }
  if (root === 'meta') return checkNamedFact(root, rest, metaFacts);
  if (root === 'entity') {
    if (!scope.spec?.entityField && !scope.anyFields)
      return `fact ${JSON.stringify(path)}: "${scope.eventType}" events do not name an entity, so entity.* facts are not available`;
    return checkNamedFact(root, rest, catalogue.entityFacts);
  }
  if (scope.anyFields) return null;
  const known = scope.spec?.fields;
  if (known && Object.hasOwn(known, rest)) return null;
  const fields = Object.keys(scope.spec?.fields ?? {});
  return fields.length
    ? unknownName('field', rest, fields, `"${scope.eventType}" events`)
    : `"${scope.eventType}" events have no payload fields, so ${JSON.stringify(path)} does not exist`;
}

/** The declared type of a (checked) fact, or undefined when it is not known (fields of events declared without a field list, nested world paths). */
export function factType(catalogue: Catalogue, scope: FactScope, path: string): FieldType | undefined {
  const dot = path.indexOf('.');
  const root = path.slice(0, dot);
  const rest = path.slice(dot + 1);
  if (root === 'window') return 'number';
  if (root === 'alarm') return 'string';
  if (root === 'var') return scope.vars?.get(rest);
  if (root === 'timer') return 'number';
  if (root === 'world') return own(catalogue.worldFacts, rest)?.type;
  if (root === 'meta') return own(metaFacts, rest)?.type;
  if (root === 'entity') return own(catalogue.entityFacts, rest)?.type;
  if (scope.anyFields || !scope.spec || scope.spec.loose?.includes(rest)) return undefined;
  return own(scope.spec.fields, rest);
}

/** Compiles a (checked) fact path into a getter closure. */
export function compileFact(scope: FactScope, path: string): FactGetter {
  const dot = path.indexOf('.');
  const root = path.slice(0, dot);
  const rest = path.slice(dot + 1);
  // A name every object inherits (`constructor`, `toString` …) is read as an own property only: never a function.
  if (root === 'var') return (_ev, fc) => fc.variable?.(rest);
  if (root === 'timer') {
    const name = rest.slice(0, rest.lastIndexOf('.'));
    return (_ev, fc) => fc.timerLeft?.(name) ?? 0;
  }
  if (root !== 'window' && rest.split('.').some(isInheritedName)) return compileOwnFact(scope, root, rest);
  switch (root) {
    case 'event':
      return (ev) => (ev?.payload as Record<string, unknown> | undefined)?.[rest];
    case 'meta':
      return (ev) => (ev as unknown as Record<string, unknown> | null)?.[rest];
    case 'window': {
      const [id, agg] = rest.split('.') as [string, WindowAggregate];
      return (_ev, fc) => fc.window?.(id, agg) ?? 0;
    }
    case 'alarm': {
      const [id, fact] = rest.split('.') as [string, AlarmFact];
      return (_ev, fc) => fc.alarm?.(id, fact) ?? '';
    }
    case 'entity': {
      const field = scope.spec?.entityField ?? 'entity';
      return (ev, fc) => fc.entity((ev?.payload as Record<string, unknown> | undefined)?.[field])?.[rest];
    }
    default: {
      const keys = rest.split('.');
      if (keys.length === 1) return (_ev, fc) => (fc.world as Record<string, unknown>)[rest];
      if (keys.length === 2) {
        const [a, b] = keys as [string, string];
        return (_ev, fc) => ((fc.world as Record<string, Record<string, unknown> | undefined>)[a] ?? {})[b];
      }
      return (_ev, fc) => {
        let v: unknown = fc.world;
        for (const k of keys) v = v == null ? undefined : (v as Record<string, unknown>)[k];
        return v;
      };
    }
  }
}

/** Reads one value's own property, or undefined (also for anything that is not an object). */
const ownProp = (v: unknown, k: string): unknown =>
  typeof v === 'object' && v !== null && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined;

/** A fact getter that reads only own properties at every step: for paths naming what objects inherit. */
function compileOwnFact(scope: FactScope, root: string, rest: string): FactGetter {
  const keys = rest.split('.');
  const walk = (v: unknown): unknown => keys.reduce(ownProp, v);
  if (root === 'event') return (ev) => walk(ev?.payload);
  if (root === 'meta') return (ev) => walk(ev);
  if (root === 'entity') {
    const field = scope.spec?.entityField ?? 'entity';
    return (ev, fc) => walk(fc.entity(ownProp(ev?.payload, field)));
  }
  return (_ev, fc) => walk(fc.world);
}
