import type { AnyEngine, CompiledTrigger, EventLog, Explanation, ExplainNode, SirenEvent } from '../../../engine';
import { gateStatus, TICKS_PER_SECOND } from '../../../engine';
import { findFire } from '../trace/model';

/** One trigger as the inspector lists it. */
export interface TriggerRow {
  readonly id: string;
  readonly description: string | null;
  /** `on damage`, `while`, `every 10 s`. */
  readonly mode: string;
  readonly on: string | null;
  readonly enabled: boolean;
  readonly once: boolean;
  readonly spent: boolean;
  /** The trigger's cooldown in seconds (0 = none) and how much of it is left now. */
  readonly cooldown: number;
  readonly coolingLeft: number;
  readonly fires: number;
  readonly lastFiredTick: number | null;
  readonly priority: number;
  readonly delay: number;
  readonly behaviours: readonly string[];
  /** What stops it now, in a word: ready, disabled, spent or cooling. */
  readonly status: 'ready' | 'disabled' | 'spent' | 'cooling';
}

/** The mode of a trigger in a few words. */
export function modeLabel(t: CompiledTrigger): string {
  if (t.mode === 'on') return `on ${t.on}`;
  if (t.mode === 'every') return `every ${t.spec.every} s`;
  return t.spec.for ? `while (for ${t.spec.for} s)` : 'while';
}

/** Every trigger of the running rules, in file order, with its live state. */
export function triggerRows(engine: AnyEngine): TriggerRow[] {
  const states = engine.triggerStates();
  const tick = engine.tick;
  return engine.rules.triggers.map((t, i) => {
    const s = states[i] as (typeof states)[number];
    const coolingLeft = Math.max(0, s.cooldownUntil - tick) / TICKS_PER_SECOND;
    return {
      id: t.id,
      description: t.spec.description ?? null,
      mode: modeLabel(t),
      on: t.on,
      enabled: s.enabled,
      once: t.once,
      spent: s.spent,
      cooldown: t.spec.cooldown ?? 0,
      coolingLeft,
      fires: s.fires,
      lastFiredTick: s.lastFiredTick < 0 ? null : s.lastFiredTick,
      priority: t.priority,
      delay: t.spec.delay ?? 0,
      behaviours: t.spec.do.map((a) => a.behaviour),
      status: gateStatus(s, tick),
    };
  });
}

/** One line of an explanation tree, flattened for display: ✓/✗, indentation and the text. */
export interface ExplainLine {
  readonly depth: number;
  readonly pass: boolean;
  readonly kind: ExplainNode['kind'];
  readonly text: string;
}

/** Flattens an explain tree, parents before children. */
export function explainLines(node: ExplainNode | null, depth = 0, out: ExplainLine[] = []): ExplainLine[] {
  if (!node) return out;
  out.push({ depth, pass: node.pass, kind: node.kind, text: node.text });
  for (const c of node.children ?? []) explainLines(c, depth + 1, out);
  return out;
}

/** What a "why (not)?" answer is about: the selected event, the newest of its type, none yet, or the world. */
export type ExplainTarget =
  | { readonly kind: 'selected' | 'latest'; readonly event: SirenEvent }
  | { readonly kind: 'none'; readonly type: string }
  | { readonly kind: 'world' };

/** The inspector's answer for one trigger. */
export interface WhyAnswer {
  readonly target: ExplainTarget;
  /** Null when there is no event to explain against. */
  readonly explanation: Explanation | null;
  readonly lines: readonly ExplainLine[];
  /** For an event: the trigger.fired event if it did fire on it, null if it did not. */
  readonly firedAs: SirenEvent | null;
  /** State notes for timer triggers (next check); the engine's blockers cover a latched or holding `while`. */
  readonly notes: readonly string[];
  /** For an event it did not fire on: what the log says blocked it then (cooling down, already fired once). */
  readonly then: readonly string[];
}

/**
 * What the inspector looks up often, kept incrementally: the newest event of each type and every trigger's fires.
 * `update` reads only what was appended since the last call, so answers stay cheap on a 20,000-event log at 4 Hz.
 */
export interface InspectorIndex {
  update(log: EventLog): void;
  /** The newest retained event of a type, or null. */
  latest(type: string): SirenEvent | null;
  /** The last retained trigger.fired of a trigger before an offset, or null. */
  fireBefore(trigger: string, offset: number): SirenEvent | null;
}

/** Creates an inspector index. */
export function createInspectorIndex(): InspectorIndex {
  let log: EventLog | null = null;
  let scanned = 0;
  let last: SirenEvent | undefined;
  let newest = new Map<string, number>();
  let fires = new Map<string, number[]>();
  return {
    update(l) {
      if (l !== log || l.end < scanned || (scanned > l.start && l.at(scanned - 1) !== last)) {
        log = l;
        scanned = l.start;
        newest = new Map();
        fires = new Map();
      }
      for (const list of fires.values()) {
        let k = 0;
        while (k < list.length && (list[k] as number) < l.start) k++;
        if (k) list.splice(0, k);
      }
      for (let o = Math.max(scanned, l.start); o < l.end; o++) {
        const ev = l.at(o) as SirenEvent;
        newest.set(ev.type, o);
        if (ev.type === 'trigger.fired') {
          const id = (ev.payload as { trigger: string }).trigger;
          const list = fires.get(id);
          if (list) list.push(o);
          else fires.set(id, [o]);
        }
        last = ev;
      }
      scanned = l.end;
    },
    latest(type) {
      const o = newest.get(type);
      return (o === undefined ? undefined : log?.at(o)) ?? null;
    },
    fireBefore(trigger, offset) {
      const list = fires.get(trigger);
      if (!list) return null;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((list[mid] as number) < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 ? (log?.at(list[lo - 1] as number) ?? null) : null;
    },
  };
}

/** The newest retained event of a type, searching back from the end of the log. */
export function latestOfType(engine: AnyEngine, type: string): SirenEvent | null {
  const log = engine.log;
  for (let o = log.end - 1; o >= log.start; o--) {
    const ev = log.at(o);
    if (ev && ev.type === type) return ev;
  }
  return null;
}

/** The trigger.fired event recording that `triggerId` fired on `ev` (same tick, so a short scan forward), or null. */
export function firedOn(engine: AnyEngine, triggerId: string, ev: SirenEvent): SirenEvent | null {
  return findFire(engine.log, triggerId, ev);
}

/** Why the log says a trigger could not fire on an event at the time: a cooldown from an earlier fire, or `once` already spent. */
export function blockersThen(engine: AnyEngine, t: CompiledTrigger, ev: SirenEvent, index?: InspectorIndex): string[] {
  if (!t.cooldownTicks && !t.once) return [];
  let f: SirenEvent | null = null;
  if (index) f = index.fireBefore(t.id, ev.seq);
  else
    for (let o = ev.seq - 1; o >= engine.log.start && !f; o--) {
      const x = engine.log.at(o);
      if (!x || (!t.once && x.tick + t.cooldownTicks <= ev.tick)) break;
      if (x.type === 'trigger.fired' && (x.payload as { trigger: string }).trigger === t.id) f = x;
    }
  if (!f) return [];
  if (t.once) return [`it fires once and had already fired, at tick ${f.tick} (#${f.seq})`];
  const until = f.tick + t.cooldownTicks;
  if (until <= ev.tick) return [];
  return [
    `it was cooling down: it fired at tick ${f.tick} (#${f.seq}) and waits ${t.spec.cooldown} s, until tick ${until} (${((until - ev.tick) / TICKS_PER_SECOND).toFixed(1)} s after this event)`,
  ];
}

/** Explains a trigger: against the selected event if it is of the trigger's type, else the newest of that type, else the world. */
export function whyAnswer(
  engine: AnyEngine,
  triggerId: string,
  selected: number | null,
  index?: InspectorIndex,
): WhyAnswer | null {
  const t = engine.rules.byId.get(triggerId);
  if (!t) return null;
  const s = engine.triggerStates()[t.index];
  const notes: string[] = [];
  if (t.mode !== 'on') {
    const x = engine.explain(t.id, null);
    if (s && t.mode === 'every')
      notes.push(`Next check in ${(Math.max(0, s.nextDue - engine.tick) / TICKS_PER_SECOND).toFixed(1)} s.`);
    return {
      target: { kind: 'world' },
      explanation: x,
      lines: explainLines(x.condition),
      firedAs: null,
      notes,
      then: [],
    };
  }
  const type = t.on as string;
  const sel = selected === null ? undefined : engine.log.at(selected);
  const event = sel && sel.type === type ? sel : index ? index.latest(type) : latestOfType(engine, type);
  if (!event) {
    const x = engine.explain(t.id, null);
    return {
      target: { kind: 'none', type },
      explanation: { ...x, condition: null },
      lines: [],
      firedAs: null,
      notes,
      then: [],
    };
  }
  const x = engine.explain(t.id, event);
  const firedAs = firedOn(engine, t.id, event);
  return {
    target: { kind: event === sel ? 'selected' : 'latest', event },
    explanation: x,
    lines: explainLines(x.condition),
    firedAs,
    notes,
    then: firedAs ? [] : blockersThen(engine, t, event, index),
  };
}
