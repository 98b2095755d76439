import type { BehaviourDef } from '../behaviours';
import type { EventSpec } from '../events';
import { own } from '../own';
import type { Catalogue } from './catalogue';
import type { Explain } from './compileCondition';
import { compileCondition, compileValue } from './compileCondition';
import type { FactContext, FactGetter, FactScope, Test } from './ruleTypes';
import type { ActionSpec, Condition, RulesFile, TriggerSpec } from './format';
import { isFactRef, MAX_WINDOW_EVENTS, secondsToTicks } from './format';
import { describeFound } from './errors';
import { fastAccepts } from './fastCheck';
import { compileFact } from './facts';
import { compileTemplate } from './template';
import type { CompiledWindow } from './windows';
import { compileAlarm } from '../alarms/compile';
import type { CompiledAlarm } from '../alarms/compile';
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
  /** Comparisons in its condition: what one test of it counts against the per-tick work budget. */
  readonly cost: number;
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
  /** CloudWatch-style alarms, in file order. */
  readonly alarms: readonly CompiledAlarm[];
  /** Event types the file declares. */
  readonly declared: ReadonlyMap<string, EventSpec>;
}

/** True when a parameter value reads facts: a reference, or an object (a payload) with one among its values. */
function readsFacts(v: unknown): boolean {
  if (isFactRef(v)) return true;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (isFactRef((v as Record<string, unknown>)[k])) return true;
  return false;
}

/** True when a parameter is a text whose `{fact}` placeholders are filled in at run time. */
const isTemplate = (def: BehaviourDef, k: string, v: unknown): v is string =>
  typeof v === 'string' && v.includes('{') && own(def.params, k)?.kind === 'template';

function compileParams(scope: FactScope, action: ActionSpec, def: BehaviourDef): CompiledAction['params'] {
  let reads = false;
  for (const k in action)
    if (k !== 'behaviour' && (readsFacts(action[k]) || isTemplate(def, k, action[k]))) {
      reads = true;
      break;
    }
  if (!reads) {
    // Most actions: every parameter a literal, so one frozen object serves every firing. (Copied by a rest pattern,
    // not key by key here: this function's optimised code then holds no map of these objects, which die with them.)
    const { behaviour: _behaviour, ...constant } = action;
    Object.freeze(constant);
    return () => constant;
  }
  const entries: [string, FactGetter][] = [];
  for (const [k, v] of Object.entries(action)) {
    if (k === 'behaviour') continue;
    if (isFactRef(v)) entries.push([k, compileValue(scope, v)]);
    else if (isTemplate(def, k, v)) entries.push([k, compileTemplate(scope, v)]);
    else if (readsFacts(v)) {
      const inner = Object.entries(v as Record<string, unknown>).map(
        ([ik, iv]) => [ik, compileValue(scope, iv)] as const,
      );
      entries.push([
        k,
        (ev, fc) => {
          const o: Record<string, unknown> = {};
          for (const [ik, g] of inner) o[ik] = g(ev, fc);
          return o;
        },
      ]);
    } else entries.push([k, () => v]);
  }
  const check = paramCheck(action, def);
  return (ev, fc) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as [string, FactGetter];
      o[e[0]] = e[1](ev, fc);
    }
    check(o);
    return o;
  };
}

/**
 * The run-time check of parameters read from facts (literals were checked at load): a value its schema rejects, or a
 * number that is not finite anywhere in a payload, throws, and the engine turns that into `engine.error`.
 */
function paramCheck(action: ActionSpec, def: BehaviourDef): (params: Record<string, unknown>) => void {
  const read = Object.keys(action).filter((k) => k !== 'behaviour' && readsFacts(action[k]));
  return (params) => {
    for (const k of read) {
      const v = params[k];
      const schema = Object.hasOwn(def.params, k) ? def.params[k]?.schema : undefined;
      if (isFactRef(action[k]) && schema && !fastAccepts(schema, v) && !schema.safeParse(v).success)
        throw new Error(
          `parameter "${k}" read ${v === undefined ? 'nothing' : describeFound(v)} from "${action[k].fact}", which it does not take`,
        );
      if (!isFactRef(action[k]) && typeof v === 'object' && v !== null)
        for (const [field, x] of Object.entries(v))
          if (typeof x === 'number' && !Number.isFinite(x))
            throw new Error(`parameter "${k}" field "${field}" read ${x}, not a finite number`);
    }
  };
}

/** How many comparisons a condition tree holds. */
function comparisons(c: Condition): number {
  if ('all' in c) return c.all.reduce((n, x) => n + comparisons(x), 0);
  if ('any' in c) return c.any.reduce((n, x) => n + comparisons(x), 0);
  if ('not' in c) return comparisons(c.not);
  return 1;
}

/** Firing order: priority, highest first, then file order. */
const byPriority = (a: CompiledTrigger, b: CompiledTrigger) => b.priority - a.priority || a.index - b.index;

/** Compiles one trigger in its scope. (A module function, not a closure per load: its optimised code outlives a GC.) */
function compileTrigger(spec: TriggerSpec, index: number, scope: FactScope, catalogue: Catalogue): CompiledTrigger {
  const mode = spec.on !== undefined ? 'on' : spec.while !== undefined ? 'while' : 'every';
  const cond = mode === 'while' ? spec.while : spec.when;
  const compiled = cond ? compileCondition(scope, cond) : null;
  const actions: CompiledAction[] = [];
  for (let i = 0; i < spec.do.length; i++) {
    const a = spec.do[i] as ActionSpec;
    actions.push({
      behaviour: catalogue.behaviours.get(a.behaviour) as BehaviourDef,
      params: compileParams(scope, a, catalogue.behaviours.get(a.behaviour) as BehaviourDef),
    });
  }
  return {
    id: spec.id,
    index,
    spec,
    mode,
    on: spec.on ?? null,
    priority: spec.priority ?? 0,
    once: spec.once ?? false,
    enabled: spec.enabled ?? true,
    cooldownTicks: secondsToTicks(spec.cooldown ?? 0),
    delayTicks: secondsToTicks(spec.delay ?? 0),
    forTicks: secondsToTicks(spec.for ?? 0),
    everyTicks: Math.max(1, secondsToTicks(spec.every ?? 0)),
    test: compiled?.test ?? null,
    cost: cond ? comparisons(cond) : 0,
    explain: compiled?.explain ?? null,
    actions,
  };
}

/** Compiles a validated rules file; never evaluates strings as code. */
export function compileRules(file: RulesFile, catalogue: Catalogue, source: string, text: string): CompiledRules {
  const declared = new Map<string, EventSpec & { anyFields: boolean }>();
  for (const d of file.events ?? []) {
    const decl = typeof d === 'string' ? { type: d } : d;
    declared.set(decl.type, {
      description: decl.description ?? 'declared in the rules file',
      producer: 'rules',
      fields: decl.fields ?? {},
      anyFields: !decl.fields,
    });
  }
  const windowIds = new Set((file.windows ?? []).map((w) => w.id));
  const alarmIds = new Set((file.alarms ?? []).map((a) => a.id));
  const vars = new Map(Object.entries(file.vars ?? {}).map(([name, v]) => [name, v.type]));
  // One scope per event type (and one for triggers without an event), shared by the closures compiled in it.
  const scopes = new Map<string | null, FactScope>();
  const scopeOf = (on: string | null): FactScope => {
    let scope = scopes.get(on);
    if (!scope) {
      scope = on
        ? {
            eventType: on,
            spec: own(catalogue.events, on) ?? declared.get(on),
            anyFields: declared.get(on)?.anyFields ?? false,
            windows: windowIds,
            alarms: alarmIds,
            vars,
          }
        : { eventType: null, spec: undefined, anyFields: false, windows: windowIds, alarms: alarmIds, vars };
      scopes.set(on, scope);
    }
    return scope;
  };
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
  const alarms = (file.alarms ?? []).map((spec) => compileAlarm(spec, scopeOf(spec.on)));
  const triggers: CompiledTrigger[] = [];
  const byId = new Map<string, CompiledTrigger>();
  const byType = new Map<string, CompiledTrigger[]>();
  const stateTriggers: CompiledTrigger[] = [];
  const timerTriggers: CompiledTrigger[] = [];
  for (let index = 0; index < file.triggers.length; index++) {
    const spec = file.triggers[index] as TriggerSpec;
    const t = compileTrigger(spec, index, scopes.get(spec.on ?? null) ?? scopeOf(spec.on ?? null), catalogue);
    triggers.push(t);
    byId.set(t.id, t);
    if (t.mode === 'while') stateTriggers.push(t);
    else if (t.mode === 'every') timerTriggers.push(t);
    else if (t.on) {
      const list = byType.get(t.on);
      if (list) list.push(t);
      else byType.set(t.on, [t]);
    }
  }
  for (const list of byType.values()) list.sort(byPriority);
  return {
    file,
    source,
    text,
    triggers,
    byId,
    byType,
    stateTriggers: stateTriggers.sort(byPriority),
    timerTriggers: timerTriggers.sort(byPriority),
    windows,
    alarms,
    declared,
  };
}
