import type { EngineCore, Windows } from './core';
import type { CompiledRules } from './rules/compileRules';
import { createAlarmSet } from './alarms/runtime';
import { createWindowState } from './rules/windows';
import type { WindowState } from './rules/windows';
import { createTriggerStates } from './triggers';
import { createVars } from './vars';

/** Window states for compiled rules; a window whose id and definition are unchanged keeps what it has seen. */
export function createWindows(rules: CompiledRules, previousRules?: CompiledRules, previous?: Windows): Windows {
  const byType = new Map<string, number[]>();
  const states = rules.windows.map((w, i) => {
    byType.set(w.on, [...(byType.get(w.on) ?? []), i]);
    const j = previous?.index.get(w.id);
    const old = j === undefined ? undefined : previousRules?.windows[j];
    return old && previous && JSON.stringify(old.spec) === JSON.stringify(w.spec)
      ? (previous.states[j as number] as WindowState)
      : createWindowState(w);
  });
  return { states, index: new Map(rules.windows.map((w, i) => [w.id, i])), byType };
}

/**
 * Switches to new rules at the current tick: once, cooldown and fire counts of unchanged trigger ids and the
 * contents of unchanged windows and the state of unchanged alarms are kept; emits `rules.loaded` (the caller drains the bus).
 */
export function switchRules<W, R, I>(core: EngineCore<W, R, I>, next: CompiledRules): void {
  const previous = new Map(core.states.map((s) => [s.id, s]));
  core.windows = createWindows(next, core.rules, core.windows);
  core.alarms = createAlarmSet(next.alarms, core.alarms);
  core.vars = createVars(next, core.vars);
  core.rules = next;
  core.states = createTriggerStates(next, core.tick, previous);
  core.bus.emitDynamic('rules.loaded', { triggers: next.triggers.length, source: next.source });
}

/** Enables or disables a trigger of the current rules by id; false when there is no such trigger. */
export function setEnabled<W, R, I>(core: EngineCore<W, R, I>, id: string, enabled: boolean): boolean {
  const t = core.rules.byId.get(id);
  if (!t) return false;
  const s = core.states[t.index];
  if (s) s.enabled = enabled;
  return true;
}
