import type { EditorState } from '@codemirror/state';
import { metaFacts, operators, windowAggregates } from '../../../engine';
import type { Catalogue } from '../../../engine';
import { declaredEvents, scopeOf } from './completions';
import type { JsonSpot } from './jsonSpot';
import { spotAt, valueAtPath } from './jsonSpot';
import type { JsonSchema } from './schemaWalk';
import { describe, schemasAt, typeSummary } from './schemaWalk';

/** What a hover box says about the word under the pointer. */
export interface HoverInfo {
  readonly from: number;
  readonly to: number;
  /** The name, as written (`event.amount`, `changeHealth`, `cooldown`). */
  readonly title: string;
  /** Its type or kind (`number`, `behaviour`, `operator`). */
  readonly kind: string;
  readonly text: string;
}

function factInfo(catalogue: Catalogue, spot: JsonSpot, fact: string): { kind: string; text: string } | null {
  const dot = fact.indexOf('.');
  const root = fact.slice(0, dot);
  const rest = fact.slice(dot + 1);
  if (root === 'world') {
    const f = catalogue.worldFacts[rest];
    return f ? { kind: `world fact · ${f.type}`, text: f.description } : null;
  }
  if (root === 'meta') {
    const f = metaFacts[rest];
    return f ? { kind: `meta fact · ${f.type}`, text: f.description } : null;
  }
  if (root === 'entity') {
    const f = catalogue.entityFacts[rest];
    return f ? { kind: `entity fact · ${f.type}`, text: `${f.description}, of the entity the event names` } : null;
  }
  if (root === 'window') {
    const [id, agg] = rest.split('.');
    const what = (windowAggregates as Record<string, string>)[agg ?? ''];
    return what ? { kind: 'window fact · number', text: `window "${id}": ${what}` } : null;
  }
  if (root === 'event') {
    const scope = scopeOf(catalogue, spot.doc, spot.path);
    const t = scope.spec?.fields[rest];
    return scope.eventType
      ? {
          kind: `event field${t ? ` · ${t}` : ''}`,
          text: `the "${rest}" field of the "${scope.eventType}" event that fired the trigger`,
        }
      : null;
  }
  return null;
}

/** Explains the name under a position: a key from the schema, or a fact, operator, event type or behaviour from the catalogue. */
export function hoverAt(state: EditorState, pos: number, catalogue: Catalogue, schema: JsonSchema): HoverInfo | null {
  const spot = spotAt(state, pos);
  if (!spot || !spot.quoted) return null;
  const word = state.sliceDoc(spot.from, spot.to);
  const at = { from: spot.from, to: spot.to, title: word };
  if (spot.kind === 'key') {
    const schemas = schemasAt(schema, [...spot.path, word], spot.doc);
    if (!schemas.length) return null;
    const s = { anyOf: schemas } as JsonSchema;
    return { ...at, kind: typeSummary(schema, s), text: describe(schema, s) ?? '' };
  }
  if (spot.kind !== 'value') return null;
  const owner = valueAtPath(spot.doc, spot.path.slice(0, -1)) as { behaviour?: unknown } | undefined;
  const param =
    typeof owner?.behaviour === 'string' && spot.key
      ? catalogue.behaviours.get(owner.behaviour)?.params[spot.key]
      : undefined;
  if (spot.key === 'fact') {
    const f = factInfo(catalogue, spot, word);
    return f ? { ...at, ...f } : null;
  }
  if (spot.key === 'op') {
    const o = (operators as Record<string, { description: string; value: string }>)[word];
    return o ? { ...at, kind: `operator · value: ${o.value}`, text: o.description } : null;
  }
  if (spot.key === 'behaviour') {
    const b = catalogue.behaviours.get(word);
    return b
      ? {
          ...at,
          kind: 'behaviour',
          text: `${b.description}${Object.keys(b.params).length ? ` Parameters: ${Object.keys(b.params).join(', ')}.` : ''}`,
        }
      : null;
  }
  if ((spot.key === 'on' && spot.path.length === 3) || param?.kind === 'event') {
    const e = catalogue.events[word];
    if (e)
      return {
        ...at,
        kind: `event · from ${e.producer}`,
        text: `${e.description}${Object.keys(e.fields).length ? ` Fields: ${Object.keys(e.fields).join(', ')}.` : ''}`,
      };
    return declaredEvents(spot.doc).has(word) ? { ...at, kind: 'event', text: 'declared in this file' } : null;
  }
  return null;
}
