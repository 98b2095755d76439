import type { EngineCore } from './core';
import type { SirenEvent } from './events';
import { triggerBlockers } from './gate';
import type { EventLog } from './log';
import type { ExplainNode } from './rules/compileCondition';
import type { TriggerState } from './triggers';

/** Why a trigger did or would not fire for an event: state reasons and each condition's verdict. */
export interface Explanation {
  readonly trigger: string;
  readonly wouldFire: boolean;
  /** True when the event given is one this trigger did fire for. */
  readonly firedFor: boolean;
  /** Reasons outside the condition: disabled, spent, cooling down, listening to another type. */
  readonly blockers: readonly string[];
  readonly condition: ExplainNode | null;
}

/** True when the log records that `trigger` fired for `ev` (its trigger.fired follows in the same tick). */
function firedFor(log: EventLog, trigger: string, ev: SirenEvent): boolean {
  for (let o = ev.seq + 1; o < log.end; o++) {
    const next = log.at(o);
    if (!next || next.tick !== ev.tick) return false;
    const p = next.payload as { trigger?: string; seq?: number };
    if (next.type === 'trigger.fired' && p.trigger === trigger && p.seq === ev.seq) return true;
  }
  return false;
}

/** Explains a trigger against an event (or the world, for state and timer triggers) without running it. */
export function explainTrigger<W, R, I>(core: EngineCore<W, R, I>, id: string, ev: SirenEvent | null): Explanation {
  const t = core.rules.byId.get(id);
  if (!t)
    return {
      trigger: id,
      wouldFire: false,
      firedFor: false,
      blockers: [`no trigger with id "${id}"`],
      condition: null,
    };
  const condition = t.explain ? t.explain(t.mode === 'on' ? ev : null, core.fc) : null;
  // An event it already fired for is reported as such: its state now (a cooldown it started) is not why.
  if (ev && t.mode === 'on' && firedFor(core.log, t.id, ev))
    return { trigger: t.id, wouldFire: true, firedFor: true, blockers: [], condition };
  const blockers = triggerBlockers(core.states[t.index] as TriggerState, t, ev, core.tick);
  return {
    trigger: t.id,
    wouldFire: blockers.length === 0 && (condition?.pass ?? true),
    firedFor: false,
    blockers,
    condition,
  };
}
