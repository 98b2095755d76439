import type { Cause } from './events';
import type { EventLog } from './log';
import { triggersInChain } from './busWarnings';

/**
 * Fires of delayed triggers counted by cascade depth. Delayed actions keep the depth of the event that fired them,
 * so a loop through `delay` climbs one level a round: one whose counts double level after level grows every round.
 */
export interface DelayLoops {
  readonly counts: Map<string, number[]>;
  /** The loops warned about already (their triggers, joined). */
  readonly warned: Set<string>;
}

/** Most distinct growing loops warned about in a run. */
const MAX_WARNED = 8;
/** A loop is growing once a round has this many fires, each of the last three rounds at least twice the one before. */
const MIN_FIRES = 8;

/** Nothing counted yet. */
export function createDelayLoops(): DelayLoops {
  return { counts: new Map(), warned: new Set() };
}

/** A copy for a snapshot (time travel replays to the same warnings). */
export function copyDelayLoops(d: DelayLoops): DelayLoops {
  return { counts: new Map([...d.counts].map(([k, v]) => [k, v.slice()])), warned: new Set(d.warned) };
}

/** True when the counts at `level` and the three lower levels fired at double each time. */
function doubling(levels: readonly number[], level: number): boolean {
  let above = levels[level] as number;
  if (above < MIN_FIRES) return false;
  let found = 0;
  for (let l = level - 1; l >= 0 && found < 3; l--) {
    const n = levels[l] ?? 0;
    if (n === 0) continue;
    if (above < 2 * n) return false;
    above = n;
    found++;
  }
  return found === 3;
}

/** Counts a delayed fire; the first time its loop is seen growing, returns the warning to give (once per loop). */
export function noteDelayedFire(
  d: DelayLoops,
  log: EventLog,
  trigger: string,
  depth: number,
  cause: Cause | undefined,
): { reason: string; triggers: string[] } | null {
  let levels = d.counts.get(trigger);
  if (!levels) d.counts.set(trigger, (levels = []));
  levels[depth] = (levels[depth] ?? 0) + 1;
  if (d.warned.size >= MAX_WARNED || !doubling(levels, depth)) return null;
  const chain = triggersInChain(log, cause);
  const triggers = chain.includes(trigger) ? chain : [...chain, trigger];
  const key = [...triggers].sort().join('\u0000');
  if (d.warned.has(key)) return null;
  d.warned.add(key);
  return {
    reason: `a loop through "delay" grows every round (${levels[depth]} delayed fires of "${trigger}" this round, at least double the round before, three rounds running): triggers ${triggers.join(' → ')}; the per-tick event budget cuts each round short and the cascade depth limit ends the chain`,
    triggers,
  };
}
