import {
  createWindowState,
  errorMessage,
  eventSpecOf,
  pushWindow,
  readWindow,
  triggerBlockers,
  triggerStateFor,
  unknownName,
} from '../../../engine';
import type {
  AnyEngine,
  Catalogue,
  CompiledRules,
  EventLog,
  EventSpec,
  ExplainNode,
  FactContext,
  FieldType,
  SirenEvent,
  TriggerState,
  WindowState,
} from '../../../engine';

/** What one action would be given if the trigger fired now (its behaviour is never run). */
export interface ActionPreview {
  readonly behaviour: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** Set when resolving the parameters threw. */
  readonly error?: string;
}

/** A draft trigger tested against one event (or against the world, for state and timer triggers). */
export interface TriggerTest {
  readonly trigger: string;
  readonly mode: 'on' | 'while' | 'every';
  /** The event type it listens to (null for state and timer triggers). */
  readonly on: string | null;
  readonly wouldFire: boolean;
  /** Reasons outside the condition, worded as the engine's explain words them. */
  readonly blockers: readonly string[];
  /** Null when the trigger has no condition (it always holds). */
  readonly condition: ExplainNode | null;
  readonly actions: readonly ActionPreview[];
  /** Set when evaluating the condition threw (it is then treated as failing, as the engine does). */
  readonly error?: string;
}

/**
 * The facts a test reads besides the event: the running game's world and its entity lookup, now; and, for the draft's
 * sliding windows, what they would hold had they seen the events still in the log (replayed on first use).
 */
export function factContextOf(engine: AnyEngine, rules?: CompiledRules): FactContext {
  const world: unknown = engine.world;
  let states: Map<string, WindowState> | null = null;
  const fc: FactContext = {
    world,
    entity: (id) => engine.scenario.entity(world, engine.runtime, id),
    window(id, agg) {
      const w = rules?.windows.find((x) => x.id === id);
      if (!w) return 0;
      if (!states) {
        states = new Map();
        const events = engine.log.slice(engine.log.start);
        for (const cw of rules?.windows ?? []) {
          const st = createWindowState(cw);
          for (const ev of events) if (ev.type === cw.on) pushWindow(cw, st, ev, fc);
          states.set(cw.id, st);
        }
      }
      const st = states.get(id);
      return st ? readWindow(w, st, agg, engine.tick) : 0;
    },
  };
  return fc;
}

/**
 * Tests one trigger of compiled (draft) rules against an event, without running any behaviour or touching the game.
 * `live` is the running game's state of a trigger with the same id, if any: applying the draft keeps its once and
 * cooldown state, so those still block it.
 */
export function testTrigger(
  rules: CompiledRules,
  triggerId: string,
  ev: SirenEvent | null,
  fc: FactContext,
  tick: number,
  live?: Readonly<TriggerState>,
): TriggerTest | null {
  const t = rules.byId.get(triggerId);
  if (!t) return null;
  // The engine's own gate, on the state the trigger would have once the draft is applied.
  const blockers = triggerBlockers(triggerStateFor(t, tick, live), t, ev, tick);
  const event = t.mode === 'on' ? ev : null;
  let condition: ExplainNode | null = null;
  let error: string | undefined;
  if (t.explain) {
    try {
      condition = t.explain(event, fc);
    } catch (e) {
      error = `condition failed: ${errorMessage(e)}`;
    }
  }
  const actions = t.actions.map((a): ActionPreview => {
    try {
      return { behaviour: a.behaviour.name, params: a.params(event, fc) };
    } catch (e) {
      return { behaviour: a.behaviour.name, error: errorMessage(e) };
    }
  });
  const holds = error === undefined && (condition?.pass ?? true);
  return {
    trigger: t.id,
    mode: t.mode,
    on: t.on,
    wouldFire: blockers.length === 0 && holds,
    blockers,
    condition,
    actions,
    ...(error ? { error } : {}),
  };
}

/** The newest `max` events of a type still in the log, newest first. */
export function recentEvents(log: EventLog, type: string, max = 20): SirenEvent[] {
  const out: SirenEvent[] = [];
  for (let o = log.end - 1; o >= log.start && out.length < max; o--) {
    const ev = log.at(o);
    if (ev?.type === type) out.push(ev);
  }
  return out;
}

/** An example value of a payload field type. */
function exampleOf(t: FieldType): unknown {
  switch (t) {
    case 'number':
      return 0;
    case 'string':
      return '';
    case 'boolean':
      return false;
    case 'string[]':
    case 'number[]':
      return [];
    default:
      return null;
  }
}

/** A sample event of a type, as JSON text to edit: `{ "type": …, "payload": { each field: an example } }`. */
export function sampleEventText(type: string, spec: EventSpec | undefined, from?: SirenEvent): string {
  const payload = from
    ? from.payload
    : Object.fromEntries(Object.entries(spec?.fields ?? {}).map(([f, t]) => [f, exampleOf(t)]));
  return JSON.stringify({ type, payload }, null, 2);
}

function fitsType(v: unknown, t: FieldType): boolean {
  switch (t) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'number[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'number');
    case 'number?':
      return v === null || (typeof v === 'number' && Number.isFinite(v));
    case 'string?':
      return v === null || typeof v === 'string';
  }
}

/** A sample event the user wrote, checked: the event, or every reason it is not one. */
export type SampleResult = { ok: true; event: SirenEvent } | { ok: false; errors: string[] };

const SAMPLE_KEYS = ['type', 'payload', 'tick', 'seq'];

/**
 * Checks a hand-written sample event `{ "type", "payload"?, "tick"?, "seq"? }` against the catalogue and the draft's
 * declared events: the type must exist, payload fields must be known (did-you-mean) and of their declared type.
 * Missing fields are allowed: a condition then sees them as missing, which is worth testing.
 */
export function parseSampleEvent(
  text: string,
  catalogue: Catalogue,
  rules: CompiledRules | null,
  at: { tick: number; seq: number },
): SampleResult {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`the sample is not valid JSON: ${errorMessage(e)}`] };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return { ok: false, errors: ['the sample must be a JSON object like {"type": "damage", "payload": {…}}'] };
  const o = v as Record<string, unknown>;
  const errors: string[] = [];
  for (const k of Object.keys(o)) if (!SAMPLE_KEYS.includes(k)) errors.push(unknownName('key', k, SAMPLE_KEYS));
  const declared = rules?.declared ?? new Map<string, EventSpec>();
  const known = [...new Set([...Object.keys(catalogue.events), ...declared.keys()])];
  if (typeof o.type !== 'string') errors.push('"type" must be an event type, e.g. "damage"');
  const spec = typeof o.type === 'string' ? eventSpecOf(catalogue, declared, o.type) : undefined;
  if (typeof o.type === 'string' && !spec) errors.push(unknownName('event type', o.type, known));
  const payload = o.payload ?? {};
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    errors.push('"payload" must be an object of the event\'s fields');
  else if (spec) {
    const anyFields = (spec as { anyFields?: boolean }).anyFields === true;
    const fields = Object.keys(spec.fields);
    for (const [f, x] of Object.entries(payload)) {
      const t = spec.fields[f];
      if (!t) {
        if (!anyFields)
          errors.push(
            fields.length
              ? `payload: ${unknownName('field', f, fields, `"${o.type as string}" events`)}`
              : `payload: "${o.type as string}" events have no fields, found "${f}"`,
          );
      } else if (!fitsType(x, t)) errors.push(`payload.${f}: expected ${t}, found ${JSON.stringify(x)}`);
    }
  }
  for (const k of ['tick', 'seq'] as const)
    if (o[k] !== undefined && !(typeof o[k] === 'number' && Number.isInteger(o[k]) && (o[k] as number) >= 0))
      errors.push(`"${k}" must be a whole number ≥ 0`);
  if (errors.length) return { ok: false, errors };
  const event: SirenEvent = Object.freeze({
    seq: (o.seq as number | undefined) ?? at.seq,
    type: o.type as string,
    tick: (o.tick as number | undefined) ?? at.tick,
    payload: Object.freeze({ ...(payload as object) }),
  });
  return { ok: true, event };
}

/** The explain tree as indented `✓`/`✗` lines (for copying, and for tests). */
export function explainLines(node: ExplainNode | null, indent = ''): string[] {
  if (!node) return [];
  return [
    `${indent}${node.pass ? '✓' : '✗'} ${node.text}`,
    ...(node.children ?? []).flatMap((c) => explainLines(c, indent + '  ')),
  ];
}
