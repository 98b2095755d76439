import type { Completion } from '@codemirror/autocomplete';
import { alarmFacts, metaFacts, windowAggregates } from '../../../engine';
import type { Catalogue, EventSpec, FieldType, ParamSpec } from '../../../engine';
import type { JsonSpot } from './jsonSpot';
import { valueAtPath } from './jsonSpot';
import type { FileNames } from './ruleNames';
import { describeVar, fileNames } from './ruleNames';
import type { PathSeg } from './schemaWalk';

/** Event types a rules file declares in its `events` list, with their fields (undefined = any fields). */
export function declaredEvents(doc: unknown): Map<string, Record<string, FieldType> | undefined> {
  const out = new Map<string, Record<string, FieldType> | undefined>();
  const list = (doc as { events?: unknown } | null)?.events;
  if (!Array.isArray(list)) return out;
  for (const d of list) {
    if (typeof d === 'string') out.set(d, undefined);
    else if (d && typeof d === 'object' && typeof (d as { type?: unknown }).type === 'string') {
      const fields = (d as { fields?: unknown }).fields;
      out.set(
        (d as { type: string }).type,
        fields && typeof fields === 'object' ? (fields as Record<string, FieldType>) : undefined,
      );
    }
  }
  return out;
}

/** Where a fact is read: the trigger's event type (null for `while` and `every` triggers) and what that event offers. */
export interface FactScopeInfo {
  readonly eventType: string | null;
  readonly spec: EventSpec | undefined;
  /** Declared without a field list: any `event.<field>` goes. */
  readonly anyFields: boolean;
}

/** The scope of the trigger a path is in: which event its facts read. */
export function scopeOf(catalogue: Catalogue, doc: unknown, path: readonly PathSeg[]): FactScopeInfo {
  const none: FactScopeInfo = { eventType: null, spec: undefined, anyFields: false };
  const [top, index, part] = path;
  if (top !== 'triggers' || typeof index !== 'number' || part === 'while') return none;
  const trigger = ((doc as { triggers?: unknown } | null)?.triggers as unknown[] | undefined)?.[index] as
    { on?: unknown } | undefined;
  const on = trigger?.on;
  if (typeof on !== 'string') return none;
  const spec = catalogue.events[on];
  if (spec) return { eventType: on, spec, anyFields: false };
  const declared = declaredEvents(doc);
  if (!declared.has(on)) return { eventType: on, spec: undefined, anyFields: false };
  const fields = declared.get(on);
  return {
    eventType: on,
    spec: { description: 'declared in this file', producer: 'rules', fields: fields ?? {} },
    anyFields: !fields,
  };
}

/** The facts a trigger may read, as completions: event fields, meta, entity (when the event names one), world, and the file's windows, alarms, variables and timers. */
export function factOptions(
  catalogue: Catalogue,
  scope: FactScopeInfo,
  names: FileNames = fileNames(null),
): Completion[] {
  const out: Completion[] = [];
  if (scope.eventType !== null) {
    for (const [f, t] of Object.entries(scope.spec?.fields ?? {}))
      out.push({
        label: `event.${f}`,
        detail: t,
        info: `payload field of "${scope.eventType}" events`,
        type: 'property',
        boost: 3,
      });
    for (const [k, f] of Object.entries(metaFacts))
      out.push({ label: `meta.${k}`, detail: f.type, info: f.description, type: 'constant', boost: 1 });
    if (scope.spec?.entityField || scope.anyFields)
      for (const [k, f] of Object.entries(catalogue.entityFacts))
        out.push({
          label: `entity.${k}`,
          detail: f.type,
          info: `${f.description} (the entity in event.${scope.spec?.entityField ?? 'entity'})`,
          type: 'variable',
          boost: 2,
        });
  }
  for (const [k, f] of Object.entries(catalogue.worldFacts))
    out.push({ label: `world.${k}`, detail: f.type, info: f.description, type: 'variable' });
  return [...out, ...fileFacts(names)];
}

/** The facts the file's own names give: window aggregates, alarm facts, variables and timers. */
function fileFacts(names: FileNames): Completion[] {
  const out: Completion[] = [];
  for (const id of names.windows)
    for (const [agg, what] of Object.entries(windowAggregates))
      out.push({ label: `window.${id}.${agg}`, detail: 'number', info: `window "${id}": ${what}`, type: 'variable' });
  for (const id of names.alarms)
    for (const [fact, what] of Object.entries(alarmFacts))
      out.push({ label: `alarm.${id}.${fact}`, detail: 'string', info: `alarm "${id}": ${what}`, type: 'variable' });
  for (const v of names.vars)
    out.push({
      label: `var.${v.name}`,
      detail: v.type,
      info: `variable: ${describeVar(v)}`,
      type: 'variable',
      boost: 2,
    });
  for (const t of names.timers)
    out.push({
      label: `timer.${t}.left`,
      detail: 'number',
      info: `seconds left on timer "${t}" (0 when not running)`,
      type: 'variable',
      boost: 1,
    });
  return out;
}

/** The behaviour parameter a value spot is the value of (undefined outside an action's parameters). */
export function paramOf(catalogue: Catalogue, spot: JsonSpot): ParamSpec | undefined {
  const owner = valueAtPath(spot.doc, spot.path.slice(0, -1)) as { behaviour?: unknown } | undefined;
  return typeof owner?.behaviour === 'string' && spot.key
    ? catalogue.behaviours.get(owner.behaviour)?.params[spot.key]
    : undefined;
}
