import type { EditorState } from '@codemirror/state';
import { metaFacts, operators, windowAggregates } from '../../../engine';
import type { Catalogue } from '../../../engine';
import { declaredEvents, paramOf, scopeOf } from './factOptions';
import type { JsonSpot } from './jsonSpot';
import { spotAt } from './jsonSpot';
import { inTemplate, placeholderAt } from './placeholders';
import { declaredVars, describeVar, timerNames } from './ruleNames';
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
  if (root === 'var' || root === 'timer')
    return nameInfo(spot.doc, root, root === 'timer' ? rest.replace(/\.left$/, '') : rest);
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

/** What a variable (its type, initial value and description) or a timer of the file is. */
function nameInfo(doc: unknown, what: 'var' | 'timer', name: string): { kind: string; text: string } | null {
  if (what === 'timer')
    return timerNames(doc).includes(name)
      ? {
          kind: 'timer · number',
          text: `seconds left on timer "${name}" (0 when not running), read as timer.${name}.left`,
        }
      : null;
  const v = declaredVars(doc).find((x) => x.name === name);
  return v ? { kind: `variable · ${v.type}`, text: describeVar(v) } : null;
}

/** A `{fact}` placeholder of a say text under a position: what it reads. */
function placeholderInfo(state: EditorState, spot: JsonSpot, pos: number, catalogue: Catalogue): HoverInfo | null {
  const at = placeholderAt(state, spot, pos);
  const f = at && factInfo(catalogue, spot, at.fact);
  if (!at || !f) return null;
  return {
    from: at.from,
    to: at.to,
    title: `{${at.fact}}`,
    kind: `placeholder · ${f.kind}`,
    text: `Filled in with ${f.text}.`,
  };
}

/** Explains the name under a position: a key from the schema, or a fact, operator, event type or behaviour from the catalogue. */
export function hoverAt(state: EditorState, pos: number, catalogue: Catalogue, schema: JsonSchema): HoverInfo | null {
  const spot = spotAt(state, pos);
  if (!spot || !spot.quoted) return null;
  if (inTemplate(catalogue, spot)) return placeholderInfo(state, spot, pos, catalogue);
  const word = state.sliceDoc(spot.from, spot.to);
  const at = { from: spot.from, to: spot.to, title: word };
  if (spot.kind === 'key' && spot.path.length === 1 && spot.path[0] === 'vars') {
    const v = nameInfo(spot.doc, 'var', word);
    if (v) return { ...at, ...v };
  }
  if (spot.kind === 'key') {
    const schemas = schemasAt(schema, [...spot.path, word], spot.doc);
    if (!schemas.length) return null;
    const s = { anyOf: schemas } as JsonSchema;
    return { ...at, kind: typeSummary(schema, s), text: describe(schema, s) ?? '' };
  }
  if (spot.kind !== 'value') return null;
  const param = paramOf(catalogue, spot);
  if (param?.kind === 'var' || param?.kind === 'timer') {
    const n = nameInfo(spot.doc, param.kind, word);
    return n ? { ...at, ...n } : null;
  }
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
