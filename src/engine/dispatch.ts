import type { Draft } from 'immer';
import type { BehaviourContext } from './behaviours';
import type { EmitOrigin } from './bus';
import type { EngineCore } from './core';
import type { Cause, SirenEvent } from './events';
import { noteDelayedFire } from './delayLoops';
import { gateOpen, heldLongEnough } from './gate';
import { errorMessage } from './result';
import type { CompiledTrigger } from './rules/compileRules';
import { pushWindow } from './rules/windows';
import type { CompiledWindow, WindowState } from './rules/windows';
import type { TriggerState } from './triggers';
import { assignVar } from './vars';
import { startTimer, takeDueTimers } from './timers';
import { secondsToTicks } from './rules/format';

/** Trigger dispatch for one engine: its state, and the reusable objects its frequent emits and actions go through. */
export interface Dispatcher<W, R, I> {
  readonly core: EngineCore<W, R, I>;
  /** One origin for the engine's emits: the bus reads it during the call and keeps nothing. */
  readonly origin: EmitOrigin;
  /** One behaviour context, re-pointed before each action (behaviours never run nested). */
  readonly bctx: BehaviourContext<W, R> & { world: Draft<W>; event: SirenEvent | null; trigger: string; tick: number };
  /** Cause and depth of the action running now. */
  cause: Cause | undefined;
  depth: number;
}

/** A dispatcher over an engine's state. */
export function createDispatcher<W, R, I>(core: EngineCore<W, R, I>): Dispatcher<W, R, I> {
  const d: Dispatcher<W, R, I> = {
    core,
    origin: { cause: undefined, depth: 0 },
    bctx: {
      world: null as unknown as Draft<W>,
      runtime: core.runtime,
      event: null,
      trigger: '',
      tick: 0,
      rng: core.rng,
      emit: (type, payload) => void emitCaused(d, type, payload, d.cause, d.depth + 1),
      setTriggerEnabled(id, enabled) {
        const t = core.rules.byId.get(id);
        if (t) (core.states[t.index] as TriggerState).enabled = enabled;
      },
      getVar: (name) => core.vars.get(name),
      setVar(name, value) {
        const from = assignVar(core.vars, name, value);
        if (from !== undefined) d.bctx.emit('var.changed', { name, from, to: value });
      },
      startTimer: (name, s, repeat) => startTimer(core.timers, name, core.tick, secondsToTicks(s), repeat),
      stopTimer: (name) => void core.timers.delete(name),
    },
    cause: undefined,
    depth: 0,
  };
  return d;
}

function emitCaused<W, R, I>(
  d: Dispatcher<W, R, I>,
  type: string,
  payload: object,
  cause: Cause | undefined,
  depth: number,
): SirenEvent | null {
  d.origin.cause = cause;
  d.origin.depth = depth;
  return d.core.bus.emitDynamic(type, payload, d.origin);
}

/** Runs a trigger's actions now; a behaviour that throws becomes an `engine.error` and the others still run. */
export function runActions<W, R, I>(
  d: Dispatcher<W, R, I>,
  t: CompiledTrigger,
  ev: SirenEvent | null,
  depth: number,
  cause: Cause | undefined,
): void {
  const { core, bctx } = d;
  bctx.event = ev;
  bctx.trigger = t.id;
  bctx.tick = core.tick;
  bctx.world = core.draft as Draft<W>;
  d.cause = cause;
  d.depth = depth;
  if (core.breakTest) core.ran.push(t.id);
  for (let i = 0; i < t.actions.length; i++) {
    const a = t.actions[i] as CompiledTrigger['actions'][number];
    try {
      a.behaviour.run(bctx, a.params(ev, core.fc));
    } catch (e) {
      core.bus.emitDynamic(
        'engine.error',
        { trigger: t.id, message: `behaviour "${a.behaviour.name}" failed: ${errorMessage(e)}` },
        { cause, depth: depth + 1 },
      );
    }
  }
}

/** Fires a trigger whose gate is open and whose condition holds: updates its state, traces it, runs or delays its actions. */
function fire<W, R, I>(
  d: Dispatcher<W, R, I>,
  t: CompiledTrigger,
  s: TriggerState,
  ev: SirenEvent | null,
  depth: number,
): void {
  const core = d.core;
  const tick = core.tick;
  s.fires++;
  s.lastFiredTick = tick;
  if (t.once) s.spent = true;
  if (t.cooldownTicks) s.cooldownUntil = tick + t.cooldownTicks;
  if (core.breakTest) core.fired.push(t.id);
  let cause: Cause | undefined = ev ? { seq: ev.seq, trigger: t.id } : undefined;
  if (core.traceFires) {
    // For an event, the trace's payload {seq, trigger} is the very cause it records: one immutable object for both.
    const fired = emitCaused(d, 'trigger.fired', cause ?? { seq: -1, trigger: t.id }, cause, depth + 1);
    if (!ev && fired) cause = { seq: fired.seq, trigger: t.id };
  }
  if (t.delayTicks > 0) {
    if (core.pendingCap.admit(core.pending, t.id))
      core.pending.push({ due: tick + t.delayTicks, trigger: t, ev, depth, cause });
    const w = noteDelayedFire(core.delayLoops, core.log, t.id, depth, cause);
    if (w) core.bus.warn(w);
  } else runActions(d, t, ev, depth, cause);
}

/** A trigger's condition (true when it has none); a condition that throws becomes an `engine.error` and fails. */
function holds<W, R, I>(d: Dispatcher<W, R, I>, t: CompiledTrigger, ev: SirenEvent | null, depth: number): boolean {
  if (!t.test) return true;
  if (!d.core.work.test(t.id, t.cost)) return false;
  try {
    return t.test(ev, d.core.fc) && d.core.work.left;
  } catch (e) {
    d.core.bus.emitDynamic(
      'engine.error',
      { trigger: t.id, message: `condition failed: ${errorMessage(e)}` },
      { depth: depth + 1 },
    );
    return false;
  }
}

/** The bus's consumer: feeds the event to its alarms and windows, then fires each trigger on its type whose gate is open and condition holds. */
export function dispatchEvent<W, R, I>(d: Dispatcher<W, R, I>, ev: SirenEvent, depth: number): void {
  const { rules, windows, states, tick, fc } = d.core;
  d.core.alarms.feed(ev, fc);
  const fed = windows.byType.get(ev.type);
  if (fed)
    for (const i of fed) pushWindow(rules.windows[i] as CompiledWindow, windows.states[i] as WindowState, ev, fc);
  const list = rules.byType.get(ev.type);
  if (!list) return;
  for (let i = 0; i < list.length; i++) {
    const t = list[i] as CompiledTrigger;
    const s = states[t.index] as TriggerState;
    if (gateOpen(s, tick) && holds(d, t, ev, depth)) fire(d, t, s, ev, depth);
  }
}

/** Emits `timer.done` for the rules timers that run out now, then runs delayed actions and `every` triggers that are due. */
export function runDue<W, R, I>(d: Dispatcher<W, R, I>): void {
  const core = d.core;
  const tick = core.tick;
  if (core.timers.size)
    for (const timer of takeDueTimers(core.timers, tick)) core.bus.emitDynamic('timer.done', { timer });
  if (core.pending.length) {
    const due = core.pending.filter((p) => p.due <= tick);
    if (due.length) {
      core.pending = core.pending.filter((p) => p.due > tick);
      for (const p of due) runActions(d, p.trigger, p.ev, p.depth, p.cause);
    }
  }
  for (const t of core.rules.timerTriggers) {
    const s = core.states[t.index] as TriggerState;
    if (tick < s.nextDue) continue;
    s.nextDue = tick + t.everyTicks;
    if (gateOpen(s, tick) && holds(d, t, null, 0)) fire(d, t, s, null, 0);
  }
}

/** Checks the state triggers: one fires once its condition has held for its `for` time, then again only after it turns false. */
export function runStateTriggers<W, R, I>(d: Dispatcher<W, R, I>): void {
  const core = d.core;
  const tick = core.tick;
  for (const t of core.rules.stateTriggers) {
    const s = core.states[t.index] as TriggerState;
    if (!holds(d, t, null, 0)) {
      s.holdingSince = -1;
      s.latched = false;
      continue;
    }
    if (s.holdingSince < 0) s.holdingSince = tick;
    // Latch only when it fires: an edge met while disabled or cooling down fires once it is allowed, if still held.
    if (s.latched || !heldLongEnough(t, s, tick) || !gateOpen(s, tick)) continue;
    s.latched = true;
    fire(d, t, s, null, 0);
  }
}
