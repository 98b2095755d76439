import type { BehaviourDef } from '../behaviours';
import type { EventSpec } from '../events';
import type { Catalogue } from './catalogue';
import type { Explain, Test } from './compileCondition';
import { compileCondition, compileValue } from './compileCondition';
import type { FactContext, FactGetter, FactScope } from './facts';
import type { ActionSpec, RulesFile, TriggerSpec } from './format';
import { isFactRef, MAX_WINDOW_EVENTS, secondsToTicks } from './format';
import { compileFact } from './facts';
import type { CompiledWindow } from './windows';
import type { SirenEvent } from '../events';

/** An action ready to run: its behaviour and a closure that resolves its parameters. */
export interface CompiledAction {
  readonly behaviour: BehaviourDef;
  readonly params: (ev: SirenEvent | null, fc: FactContext) => Record<string, unknown>;
}

/** A trigger compiled once at load: durations in ticks, conditions as closures. */
export interface CompiledTrigger {
  readonly id: string;
  /** Position in the file. */
  readonly index: number;
  readonly spec: TriggerSpec;
  readonly mode: 'on' | 'while' | 'every';
  readonly on: string | null;
  readonly priority: number;
  readonly once: boolean;
  readonly enabled: boolean;
  readonly cooldownTicks: number;
  readonly delayTicks: number;
  readonly forTicks: number;
  readonly everyTicks: number;
  /** `when` (for on/every) or `while` (for state triggers); null = always. */
  readonly test: Test | null;
  readonly explain: Explain | null;
  readonly actions: readonly CompiledAction[];
}

/** A rules file compiled into closures indexed by event type. */
export interface CompiledRules {
  readonly file: RulesFile;
  /** Where it came from (a path or "editor"), for messages. */
  readonly source: string;
  readonly text: string;
  readonly triggers: readonly CompiledTrigger[];
  readonly byId: ReadonlyMap<string, CompiledTrigger>;
  /** Event-triggered triggers per event type, in firing order (priority desc, then file order). */
  readonly byType: ReadonlyMap<string, readonly CompiledTrigger[]>;
  readonly stateTriggers: readonly CompiledTrigger[];
  readonly timerTriggers: readonly CompiledTrigger[];
  /** Sliding windows over recent events, in file order. */
  readonly windows: readonly CompiledWindow[];
  /** Event types the file declares. */
  readonly declared: ReadonlyMap<string, EventSpec>;
}

function compileParams(scope: FactScope, action: ActionSpec): CompiledAction['params'] {
  const entries: [string, FactGetter][] = [];
  const constant: Record<string, unknown> = {};
  let dynamic = false;
  for (const [k, v] of Object.entries(action)) {
    if (k === 'behaviour') continue;
    if (isFactRef(v)) {
      entries.push([k, compileValue(scope, v)]);
      dynamic = true;
    } else if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).some(isFactRef)) {
      const inner = Object.entries(v).map(([ik, iv]) => [ik, compileValue(scope, iv)] as const);
      entries.push([
        k,
        (ev, fc) => {
          const o: Record<string, unknown> = {};
          for (const [ik, g] of inner) o[ik] = g(ev, fc);
          return o;
        },
      ]);
      dynamic = true;
    } else {
      constant[k] = v;
      entries.push([k, () => v]);
    }
  }
  if (!dynamic) {
    Object.freeze(constant);
    return () => constant;
  }
  return (ev, fc) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as [string, FactGetter];
      o[e[0]] = e[1](ev, fc);
    }
    return o;
  };
}

/** Compiles a validated rules file; never evaluates strings as code. */
export function compileRules(file: RulesFile, catalogue: Catalogue, source: string, text: string): CompiledRules {
  const declared = new Map<string, EventSpec & { anyFields: boolean }>();
  for (const d of file.events ?? []) {
    const decl = typeof d === 'string' ? { type: d } : d;
    declared.set(decl.type, { description: decl.description ?? 'declared in the rules file', producer: 'rules', fields: decl.fields ?? {}, anyFields: !decl.fields });
  }
  const windowIds = new Set((file.windows ?? []).map((w) => w.id));
  const scopeOf = (on: string | null): FactScope =>
    on
      ? { eventType: on, spec: catalogue.events[on] ?? declared.get(on), anyFields: declared.get(on)?.anyFields ?? false, windows: windowIds }
      : { eventType: null, spec: undefined, anyFields: false, windows: windowIds };
  const windows = (file.windows ?? []).map((spec): CompiledWindow => {
    const scope = scopeOf(spec.on);
    return {
      id: spec.id,
      on: spec.on,
      spec,
      capacity: spec.last ?? MAX_WINDOW_EVENTS,
      spanTicks: spec.seconds !== undefined ? Math.max(1, secondsToTicks(spec.seconds)) : 0,
      value: spec.value ? compileFact(scope, spec.value) : null,
      where: spec.where ? compileCondition(scope, spec.where).test : null,
    };
  });
  const triggers = file.triggers.map((spec, index): CompiledTrigger => {
    const mode = spec.on !== undefined ? 'on' : spec.while !== undefined ? 'while' : 'every';
    const on = spec.on ?? null;
    const scope = scopeOf(on);
    const cond = mode === 'while' ? spec.while : spec.when;
    const compiled = cond ? compileCondition(scope, cond) : null;
    return {
      id: spec.id,
      index,
      spec,
      mode,
      on,
      priority: spec.priority ?? 0,
      once: spec.once ?? false,
      enabled: spec.enabled ?? true,
      cooldownTicks: secondsToTicks(spec.cooldown ?? 0),
      delayTicks: secondsToTicks(spec.delay ?? 0),
      forTicks: secondsToTicks(spec.for ?? 0),
      everyTicks: Math.max(1, secondsToTicks(spec.every ?? 0)),
      test: compiled?.test ?? null,
      explain: compiled?.explain ?? null,
      actions: spec.do.map((a) => ({ behaviour: catalogue.behaviours.get(a.behaviour) as BehaviourDef, params: compileParams(scope, a) })),
    };
  });
  const order = (a: CompiledTrigger, b: CompiledTrigger) => b.priority - a.priority || a.index - b.index;
  const byType = new Map<string, CompiledTrigger[]>();
  for (const t of triggers) {
    if (t.mode !== 'on' || !t.on) continue;
    const list = byType.get(t.on) ?? [];
    list.push(t);
    byType.set(t.on, list);
  }
  for (const list of byType.values()) list.sort(order);
  return {
    file,
    source,
    text,
    triggers,
    byId: new Map(triggers.map((t) => [t.id, t])),
    byType,
    stateTriggers: triggers.filter((t) => t.mode === 'while').sort(order),
    timerTriggers: triggers.filter((t) => t.mode === 'every').sort(order),
    windows,
    declared,
  };
}
