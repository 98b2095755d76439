import type { AnyEngine } from '../engine';
import type { SirenEvent } from '../events';
import type { RuleError } from '../rules/errors';
import type { FactGetter } from '../rules/ruleTypes';
import { compileWorldFact, settle } from './breakpoints';

/** One change of a watched fact: the event after which it had its new value, and the triggers whose actions ran then. */
export interface WatchChange {
  readonly tick: number;
  readonly seq: number;
  readonly value: unknown;
  /** Triggers whose actions ran since the event before (none: the scenario's systems changed it): where it came from. */
  readonly triggers: readonly string[];
}

/** A pinned fact: its value when pinned and every change seen since (at most MAX_CHANGES). */
export interface Watch {
  readonly fact: string;
  read: FactGetter | null;
  errors: readonly RuleError[];
  readonly since: { readonly tick: number; readonly value: unknown };
  readonly changes: WatchChange[];
  last: unknown;
}

/** Most changes a watch keeps (the oldest go first). */
export const MAX_CHANGES = 5_000;

/** Pins a fact on an engine; a fact the rules cannot read gets located errors. */
export function createWatch(engine: AnyEngine, fact: string): Watch {
  const c = compileWorldFact(engine.catalogue, engine.rules, fact);
  const value = c.ok ? settle(c.read(null, engine.facts)) : undefined;
  return {
    fact,
    read: c.ok ? c.read : null,
    errors: c.ok ? [] : c.errors,
    since: { tick: engine.tick, value },
    changes: [],
    last: value,
  };
}

/** Recompiles a watch against the engine's current rules (after an edit), keeping its history. */
export function recompileWatch(engine: AnyEngine, w: Watch): void {
  const c = compileWorldFact(engine.catalogue, engine.rules, w.fact);
  w.read = c.ok ? c.read : null;
  w.errors = c.ok ? [] : c.errors;
}

/** Reads a watch after an event; records a change (with the triggers that acted) when its value differs. */
export function observeWatch(
  w: Watch,
  engine: AnyEngine,
  ev: SirenEvent,
  triggers: readonly string[],
  resync: boolean,
): void {
  if (!w.read) return;
  const now = settle(w.read(ev, engine.facts));
  if (resync) {
    // Time travel went back (or ahead without this test): changes from the abandoned future go.
    const keep = w.changes.findIndex((c) => c.seq >= ev.seq);
    if (keep >= 0) w.changes.length = keep;
    w.last = now;
    return;
  }
  if (Object.is(now, w.last)) return;
  w.last = now;
  w.changes.push({ tick: ev.tick, seq: ev.seq, value: now, triggers: [...new Set(triggers)] });
  if (w.changes.length > MAX_CHANGES) w.changes.splice(0, w.changes.length - MAX_CHANGES);
}

/** The value a watch had at the end of `tick` (its value when pinned, for earlier ticks). */
export function watchValueAt(w: Watch, tick: number): unknown {
  let v = w.since.value;
  for (const c of w.changes) {
    if (c.tick > tick) break;
    v = c.value;
  }
  return v;
}
