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

/** Checks a `timer.<name>.left` fact against the timers the file starts. */
function checkTimerFact(scope: FactScope, path: string, rest: string): string | null {
  const dot = rest.lastIndexOf('.');
  const name = dot < 0 ? rest : rest.slice(0, dot);
  if (dot < 0 || rest.slice(dot + 1) !== 'left')
    return `fact ${JSON.stringify(path)}: a timer is read as "timer.<name>.left" (seconds left, 0 when not running)`;
  if (scope.timers?.has(name)) return null;
  const names = [...(scope.timers ?? [])];
  return names.length
    ? unknownName('timer', name, names)
    : `fact ${JSON.stringify(path)} reads timer "${name}", but no "startTimer" in this file starts it`;
}

/** Checks a `var.<name>` fact against the declared variables. */
function checkVarFact(scope: FactScope, path: string, name: string): string | null {
  if (scope.vars?.has(name)) return null;
  const names = [...(scope.vars?.keys() ?? [])];
  return names.length
    ? unknownName('variable', name, names)
    : `fact ${JSON.stringify(path)} reads a variable, but this file declares no "vars"`;
}

/** Checks a fact path in a scope; returns an error message, or null when it is fine. */
export function checkFact(catalogue: Catalogue, scope: FactScope, path: string): string | null {
  const dot = path.indexOf('.');
  const root = dot < 0 ? path : path.slice(0, dot);
  const rest = dot < 0 ? '' : path.slice(dot + 1);
  const roots = FACT_ROOTS;
  if (root === 'var' && rest) return checkVarFact(scope, path, rest);
  if (root === 'timer' && rest) return checkTimerFact(scope, path, rest);
  if (root === 'window' && rest) {
    const [id = '', agg = '', ...more] = rest.split('.');
    const ids = [...(scope.windows ?? [])];
    if (!scope.windows?.has(id))
      return ids.length
        ? unknownName('window', id, ids)
        : `fact ${JSON.stringify(path)} reads a window, but this file declares no "windows"`;
    if (!Object.hasOwn(windowAggregates, agg) || more.length)
      return unknownName(
        `aggregate of window "${id}"`,
        `${agg}${more.length ? '.' + more.join('.') : ''}`,
        Object.keys(windowAggregates),
      );
    return null;
  }
  if (root === 'alarm' && rest) return checkAlarmFact(scope, path, rest);
  if (!roots.includes(root) || !rest) {
    if (roots.includes(root))
      return `fact ${JSON.stringify(path)} needs a field after "${root}.", e.g. "${root}.${root === 'world' ? (Object.keys(catalogue.worldFacts)[0] ?? 'x') : 'x'}"`;
    return `${unknownName(
      'fact root',
      root,
      roots.map((r) => r),
    )} (facts look like "event.<field>", "meta.tick", "entity.<field>", "world.<fact>" or "window.<id>.<aggregate>")`;
  }
  if (root === 'world') {
    return own(catalogue.worldFacts, rest)
      ? null
      : unknownName(
          'world fact',
          `world.${rest}`,
          Object.keys(catalogue.worldFacts).map((k) => `world.${k}`),
        );
  }
  if (scope.eventType === null) {
    return `fact ${JSON.stringify(path)} reads an event, but this trigger has no event (it is a "while" or "every" trigger); use world.* facts`;
  }
  if (root === 'meta')
    return own(metaFacts, rest)
      ? null
      : unknownName(
          'meta fact',
          `meta.${rest}`,
          Object.keys(metaFacts).map((k) => `meta.${k}`),
        );
  if (root === 'entity') {
    if (!scope.spec?.entityField && !scope.anyFields)
      return `fact ${JSON.stringify(path)}: "${scope.eventType}" events do not name an entity, so entity.* facts are not available`;
    return own(catalogue.entityFacts, rest)
      ? null
      : unknownName(
          'entity fact',
          `entity.${rest}`,
          Object.keys(catalogue.entityFacts).map((k) => `entity.${k}`),
        );
  }
  if (scope.anyFields) return null;
  const known = scope.spec?.fields;
  if (known && Object.hasOwn(known, rest)) return null;
  const fields = Object.keys(scope.spec?.fields ?? {});
  return fields.length
    ? unknownName('field', rest, fields, `"${scope.eventType}" events`)
    : `"${scope.eventType}" events have no payload fields, so ${JSON.stringify(path)} does not exist`;
}

function checkAlarmFact(scope: FactScope, path: string, rest: string): string | null {
  const [id = '', fact = '', ...more] = rest.split('.');
  const ids = [...(scope.alarms ?? [])];
  if (!scope.alarms?.has(id))
    return ids.length
      ? unknownName('alarm', id, ids)
      : `fact ${JSON.stringify(path)} reads an alarm, but this file declares no "alarms"`;
  if (!Object.hasOwn(alarmFacts, fact) || more.length)
    return unknownName(
      `fact of alarm "${id}"`,
      `${fact}${more.length ? '.' + more.join('.') : ''}`,
      Object.keys(alarmFacts),
    );
  return null;
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
