import type { CompiledRules, CompiledTrigger } from './rules/compileRules';

/** The live state of one trigger: what the inspector shows and what reloads keep. */
export interface TriggerState {
  readonly id: string;
  enabled: boolean;
  fires: number;
  /** Tick of the last fire, -1 if never. */
  lastFiredTick: number;
  /** First tick it may fire again. */
  cooldownUntil: number;
  /** A `once` trigger that has fired. */
  spent: boolean;
  /** For `while` triggers: tick since when the condition has held (-1 if not holding). */
  holdingSince: number;
  /** For `while` triggers: already fired for the current holding period. */
  latched: boolean;
  /** For `every` triggers: next tick it is due. */
  nextDue: number;
}

/**
 * The state a trigger starts with when rules are applied at `tick`: enabled as its file says, and the fires, once,
 * cooldown and holding state of `old` (the running trigger with the same id), if any.
 */
export function triggerStateFor(t: CompiledTrigger, tick: number, old?: Readonly<TriggerState>): TriggerState {
  return {
    id: t.id,
    enabled: t.enabled,
    fires: old?.fires ?? 0,
    lastFiredTick: old?.lastFiredTick ?? -1,
    cooldownUntil: old?.cooldownUntil ?? 0,
    spent: old?.spent ?? false,
    holdingSince: old?.holdingSince ?? -1,
    latched: old?.latched ?? false,
    nextDue: old && old.nextDue > tick ? old.nextDue : tick + t.everyTicks,
  };
}

/** Fresh states for compiled rules, keeping fires, once and cooldown state of triggers whose id is unchanged. */
export function createTriggerStates(
  rules: CompiledRules,
  tick: number,
  previous?: ReadonlyMap<string, TriggerState>,
): TriggerState[] {
  return rules.triggers.map((t: CompiledTrigger) => triggerStateFor(t, tick, previous?.get(t.id)));
}

/** A deep copy of trigger states, for snapshots. */
export function copyTriggerStates(states: readonly TriggerState[]): TriggerState[] {
  return states.map((s) => ({ ...s }));
}
