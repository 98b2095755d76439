import type { SirenEvent } from './events';
import type { CompiledTrigger } from './rules/compileRules';
import { secondsText } from './time';
import type { TriggerState } from './triggers';

/** The state part of "may this trigger fire": enabled, not a spent `once`, not cooling down. */
export function gateOpen(s: Readonly<TriggerState>, tick: number): boolean {
  return s.enabled && !s.spent && tick >= s.cooldownUntil;
}

/** What the gate says now, in a word: `ready` exactly when `gateOpen`, else the first thing that closes it. */
export function gateStatus(s: Readonly<TriggerState>, tick: number): 'ready' | 'disabled' | 'spent' | 'cooling' {
  if (gateOpen(s, tick)) return 'ready';
  return !s.enabled ? 'disabled' : s.spent ? 'spent' : 'cooling';
}

/** For a `while` trigger whose condition holds: true once it has held for its `for` time. */
export function heldLongEnough(t: CompiledTrigger, s: Readonly<TriggerState>, tick: number): boolean {
  return s.holdingSince >= 0 && tick - s.holdingSince >= t.forTicks;
}

/** The state blockers (disabled, spent, cooling down), in words; none exactly when `gateOpen` is true. */
function stateBlockers(t: CompiledTrigger, s: Readonly<TriggerState>, tick: number): string[] {
  const out: string[] = [];
  if (!s.enabled) out.push(t.enabled ? 'it is disabled' : 'it is disabled ("enabled": false)');
  if (s.spent) out.push(`it fires once and already fired at tick ${s.lastFiredTick}`);
  if (tick < s.cooldownUntil)
    out.push(
      `it is cooling down until tick ${s.cooldownUntil} (${secondsText(s.cooldownUntil - tick)} s left of its ${t.spec.cooldown ?? 0} s cooldown)`,
    );
  return out;
}

/** What a `while` trigger's holding state says: already fired for this hold, or not held long enough yet. */
function holdBlockers(t: CompiledTrigger, s: Readonly<TriggerState>, tick: number): string[] {
  if (s.latched)
    return [
      `it already fired while the condition has held (since tick ${s.holdingSince}); it fires again after the condition turns false and back`,
    ];
  if (s.holdingSince >= 0 && !heldLongEnough(t, s, tick))
    return [
      `the condition has held for ${secondsText(tick - s.holdingSince)} s of the ${secondsText(t.forTicks)} s it needs`,
    ];
  return [];
}

/**
 * Everything outside its condition that stops a trigger firing for an event (or, with `event` null, for the world
 * now): the one rule the engine's dispatch, `explain`, the Triggers panel and the rules test bench share. Empty when
 * it may fire; it then fires exactly when its condition holds.
 */
export function triggerBlockers(
  state: Readonly<TriggerState>,
  trigger: CompiledTrigger,
  event: SirenEvent | null,
  tick: number,
): string[] {
  const out = stateBlockers(trigger, state, tick);
  if (trigger.mode === 'on') {
    if (event && event.type !== trigger.on) out.push(`it listens to "${trigger.on}", not "${event.type}"`);
    if (!event) out.push(`it needs a "${trigger.on}" event to test against`);
  } else if (event) out.push(`it is a "${trigger.mode}" trigger: it reads the world, not events`);
  if (trigger.mode === 'while') out.push(...holdBlockers(trigger, state, tick));
  return out;
}
