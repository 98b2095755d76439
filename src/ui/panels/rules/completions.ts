import { snippet, startCompletion } from '@codemirror/autocomplete';
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { operators } from '../../../engine';
import type { Catalogue } from '../../../engine';
import { declaredEvents, factOptions, paramOf, scopeOf } from './factOptions';
import type { JsonSpot } from './jsonSpot';
import { spotAt } from './jsonSpot';
import { placeholderCompletion, inTemplate } from './placeholders';
import { fileNames, timerOptions, varOptions } from './ruleNames';
import type { JsonSchema } from './schemaWalk';
import { propertiesAt, valuesAt, withoutLeaf } from './schemaWalk';

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
  const param = paramOf(catalogue, spot);
  if (key === 'fact') return factOptions(catalogue, scopeOf(catalogue, doc, path), fileNames(doc));
  if (param?.kind === 'var') return varOptions(doc, param.varType);
  if (param?.kind === 'timer') return timerOptions(withoutLeaf(doc, path)); // not the name being typed
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
    if (inTemplate(catalogue, spot)) return placeholderCompletion(catalogue, spot, ctx.state, ctx.pos);
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
