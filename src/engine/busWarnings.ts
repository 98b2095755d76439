import type { BusLimits, EmitOrigin } from './busTypes';
import type { Cause } from './events';
import type { EventLog } from './log';

/** An `engine.warning` to append: why, and the triggers responsible. */
export interface Warning {
  readonly reason: string;
  readonly triggers: string[];
}

/** What a tick has warned about so far: each loop once (up to 4), the budget once. */
export interface TickWarnings {
  /** Offset of the tick's first event. */
  tickStart: number;
  /** The loops warned about (their triggers, joined). */
  readonly loops: Set<string>;
  /** How many chains the depth limit has cut. */
  depthCuts: number;
  budget: boolean;
}

/** What the warnings read: the log, the limits and what this tick has warned about. */
export interface WarningContext {
  readonly log: EventLog;
  readonly limits: BusLimits;
  readonly warnings: TickWarnings;
}

/** No warnings yet. */
export function createTickWarnings(): TickWarnings {
  return { tickStart: 0, loops: new Set(), depthCuts: 0, budget: false };
}

/** Starts a new tick whose first event is at `start`. */
export function resetTickWarnings(w: TickWarnings, start: number): void {
  w.tickStart = start;
  w.loops.clear();
  w.depthCuts = 0;
  w.budget = false;
}

/** The triggers of a cause chain, oldest first; when some repeat, only those (the loop, not what started it). */
export function triggersInChain(log: EventLog, cause: Cause | undefined): string[] {
  const chain: string[] = [];
  let c = cause;
  for (let i = 0; c && i < 256; i++) {
    chain.push(c.trigger);
    c = log.at(c.seq)?.cause;
  }
  chain.reverse();
  const looping = chain.filter((t, i) => chain.indexOf(t) !== i);
  return [...new Set(looping.length ? chain.filter((t) => looping.includes(t)) : chain)];
}

/**
 * The triggers that caused most of this tick's events (at least a tenth of the top one's), most first, at most 12:
 * who spent the budget. Read from the log only when the budget runs out, so counting costs nothing before.
 */
export function topEmitters(log: EventLog, tickStart: number): string[] {
  const counts = new Map<string, number>();
  for (let o = Math.max(tickStart, log.start); o < log.end; o++) {
    const t = log.at(o)?.cause?.trigger;
    if (t !== undefined) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // The big spenders only: not the trigger that merely started it with an event or two.
  const top = ranked[0]?.[1] ?? 0;
  return ranked
    .filter(([, n]) => n * 10 >= top)
    .slice(0, 12)
    .map(([t]) => t);
}

/** The warning for an event dropped by the depth limit: one per distinct loop (up to 4 a tick); after 64 cut chains a tick, none. */
export function depthWarning(
  { warnings: w, log, limits }: WarningContext,
  type: string,
  origin: EmitOrigin | undefined,
): Warning | null {
  const triggers = w.depthCuts++ < 64 && w.loops.size < 4 ? triggersInChain(log, origin?.cause) : null;
  if (!triggers) return null;
  const key = triggers.join('\u0000');
  if (w.loops.has(key)) return null;
  w.loops.add(key);
  const handling = (origin?.cause && log.at(origin.cause.seq)?.type) ?? type;
  return {
    reason: `cascade depth limit (${limits.maxDepth}) reached while handling "${handling}": triggers ${triggers.join(' → ')} keep causing each other; this chain of causes was cut and its further events dropped (its depth counts every hop, also across ticks through a "delay")`,
    triggers,
  };
}

/** The warning for the first event dropped by the per-tick budget (null after that), naming who spent it. */
export function budgetWarning(
  { warnings: w, log, limits }: WarningContext,
  type: string,
  origin: EmitOrigin | undefined,
): Warning | null {
  if (w.budget) return null;
  w.budget = true;
  const triggers = [...new Set([...triggersInChain(log, origin?.cause), ...topEmitters(log, w.tickStart)])];
  return {
    reason: `per-tick event budget (${limits.maxEventsPerTick}) used up at "${type}"${triggers.length ? ` by triggers ${triggers.join(', ')}` : ''}; the rest of this tick's events were dropped`,
    triggers,
  };
}
