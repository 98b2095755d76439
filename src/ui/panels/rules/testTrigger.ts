import {
  createWindowState,
  errorMessage,
  pushWindow,
  readWindow,
  triggerBlockers,
  triggerStateFor,
} from '../../../engine';
import type {
  AnyEngine,
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

/** Checks a hand-written sample event; it lives in the engine so the CLI's `test-rule` reads events the same way. */
export { parseSampleEvent } from '../../../engine';
export type { SampleResult } from '../../../engine';

/** The explain tree as indented `✓`/`✗` lines (for copying, and for tests). */
export function explainLines(node: ExplainNode | null, indent = ''): string[] {
  if (!node) return [];
  return [
    `${indent}${node.pass ? '✓' : '✗'} ${node.text}`,
    ...(node.children ?? []).flatMap((c) => explainLines(c, indent + '  ')),
  ];
}
