import { snippet, startCompletion } from '@codemirror/autocomplete';
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { alarmFacts, metaFacts, operators, windowAggregates } from '../../../engine';
import type { Catalogue, EventSpec, FieldType } from '../../../engine';
import type { JsonSpot } from './jsonSpot';
import { spotAt, valueAtPath } from './jsonSpot';
import type { JsonSchema, PathSeg } from './schemaWalk';
import { propertiesAt, valuesAt } from './schemaWalk';

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

/** Ids of the sliding windows a rules file declares. */
export function windowIds(doc: unknown): string[] {
  const list = (doc as { windows?: unknown } | null)?.windows;
  if (!Array.isArray(list)) return [];
  return list.flatMap((w: unknown) =>
    typeof (w as { id?: unknown } | null)?.id === 'string' ? [(w as { id: string }).id] : [],
  );
}

/** Ids of the alarms a rules file declares. */
export function alarmIds(doc: unknown): string[] {
  const list = (doc as { alarms?: unknown } | null)?.alarms;
  if (!Array.isArray(list)) return [];
  return list.flatMap((a: unknown) =>
    typeof (a as { id?: unknown } | null)?.id === 'string' ? [(a as { id: string }).id] : [],
  );
}

/** The facts a trigger may read, as completions: event fields, meta, entity (when the event names one), world, and the file's windows and alarms. */
export function factOptions(
  catalogue: Catalogue,
  scope: FactScopeInfo,
  windows: readonly string[] = [],
  alarms: readonly string[] = [],
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
  for (const id of windows)
    for (const [agg, what] of Object.entries(windowAggregates))
      out.push({ label: `window.${id}.${agg}`, detail: 'number', info: `window "${id}": ${what}`, type: 'variable' });
  for (const id of alarms)
    for (const [fact, what] of Object.entries(alarmFacts))
      out.push({ label: `alarm.${id}.${fact}`, detail: 'string', info: `alarm "${id}": ${what}`, type: 'variable' });
  return out;
}

/** Operators as completions, with what each one means. */
export function operatorOptions(): Completion[] {
  return Object.entries(operators).map(([name, o]) => ({
    label: name,
    detail: o.value === 'boolean?' ? 'value: true/false, optional' : `value: ${o.value}`,
    info: o.description,
    type: 'keyword',
  }));
}

/** Event types (the scenario's and the file's own) as completions. */
export function eventOptions(catalogue: Catalogue, doc: unknown): Completion[] {
  const out: Completion[] = Object.entries(catalogue.events).map(([type, e]) => ({
    label: type,
    detail: Object.keys(e.fields).join(', ') || 'no fields',
    info: e.description,
    type: 'type',
  }));
  for (const [type, fields] of declaredEvents(doc))
    if (!catalogue.events[type])
      out.push({
        label: type,
        detail: fields ? Object.keys(fields).join(', ') || 'no fields' : 'any fields',
        info: 'declared in this file',
        type: 'type',
        boost: 1,
      });
  return out;
}

/** Behaviours as completions, with their parameters. */
export function behaviourOptions(catalogue: Catalogue): Completion[] {
  return [...catalogue.behaviours.values()].map((b) => ({
    label: b.name,
    detail: Object.keys(b.params).join(', '),
    info: b.description,
    type: 'function',
  }));
}

/** Catalogue-aware options for a string value (facts in scope, operators, events, behaviours, trigger ids), or null. */
export function catalogueValueOptions(catalogue: Catalogue, spot: JsonSpot): Completion[] | null {
  if (spot.kind !== 'value') return null;
  const { doc, path, key } = spot;
  const owner = valueAtPath(doc, path.slice(0, -1)) as { behaviour?: unknown } | undefined;
  const param =
    typeof owner?.behaviour === 'string' && key ? catalogue.behaviours.get(owner.behaviour)?.params[key] : undefined;
  if (key === 'fact') return factOptions(catalogue, scopeOf(catalogue, doc, path), windowIds(doc), alarmIds(doc));
  if (key === 'op') return operatorOptions();
  if (key === 'on' && path.length === 3 && path[0] === 'triggers') return eventOptions(catalogue, doc);
  if (key === 'behaviour' && path.includes('do')) return behaviourOptions(catalogue);
  if (param?.kind === 'event') return eventOptions(catalogue, doc);
  if (param?.kind === 'trigger') {
    const triggers = (doc as { triggers?: unknown } | null)?.triggers;
    if (!Array.isArray(triggers)) return [];
    return triggers.flatMap((t: unknown) => {
      const o = (t ?? {}) as { id?: unknown; description?: unknown };
      return typeof o.id === 'string'
        ? [{ label: o.id, info: typeof o.description === 'string' ? o.description : undefined, type: 'function' }]
        : [];
    });
  }
  return null;
}

/** Completion for keys: each allowed property, inserted with a `:` and an empty value of its type. */
function keyOptions(schema: JsonSchema, spot: JsonSpot): Completion[] {
  return propertiesAt(schema, spot.path, spot.doc, spot.present).map((p): Completion => {
    if (spot.hasValue)
      return {
        label: p.name,
        detail: p.type,
        info: p.description,
        type: 'property',
        apply: spot.quoted ? p.name : JSON.stringify(p.name),
      };
    const insert = snippet(`${spot.quoted ? p.name + '"' : JSON.stringify(p.name)}: ${p.template}`);
    return {
      label: p.name,
      detail: p.type,
      info: p.description,
      type: 'property',
      // Inside quotes, the name's closing quote is rewritten with the rest.
      apply: (view, completion, from, to) => {
        insert(view, completion, from, spot.quoted && view.state.sliceDoc(to, to + 1) === '"' ? to + 1 : to);
        // Straight on to the value's choices (event types, behaviours, facts…) when it is a string.
        if (p.template === '"${}"') startCompletion(view);
      },
    };
  });
}

/** Completion for values the schema lists (enums, consts, booleans). */
function schemaValueOptions(schema: JsonSchema, spot: JsonSpot): Completion[] {
  return valuesAt(schema, spot.path, spot.doc).flatMap(({ value, description }) => {
    if (spot.quoted && typeof value !== 'string') return [];
    const label = typeof value === 'string' ? value : JSON.stringify(value);
    return [
      {
        label,
        info: description,
        type: typeof value === 'string' ? 'text' : 'constant',
        apply: spot.quoted || typeof value !== 'string' ? label : JSON.stringify(value),
      },
    ];
  });
}

/**
 * Completion for a rules file, from the scenario's JSON Schema (keys with their descriptions, enum values) and its
 * catalogue (facts in the scope of the trigger's event, operators, event types with the file's own, behaviours,
 * trigger ids).
 */
export function rulesCompletion(catalogue: Catalogue, schema: JsonSchema) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const spot = spotAt(ctx.state, ctx.pos);
    if (!spot) return null;
    if (!spot.quoted && spot.from === spot.to && !ctx.explicit && spot.kind !== 'value') return null;
    let options: Completion[];
    if (spot.kind === 'key') options = keyOptions(schema, spot);
    else {
      const own = catalogueValueOptions(catalogue, spot);
      options = own
        ? spot.quoted
          ? own
          : own.map((o) => ({ ...o, apply: JSON.stringify(o.label) }))
        : schemaValueOptions(schema, spot);
    }
    if (!options.length) return null;
    if (!ctx.explicit && !spot.quoted && spot.from === spot.to && spot.kind === 'value' && !ctx.matchBefore(/:\s*$/))
      return null;
    return { from: spot.from, to: spot.to, options, validFor: /^[\w.$:-]*$/ };
  };
}
