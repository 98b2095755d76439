import type { AnyEngine } from '../engine';
import type { SirenEvent } from '../events';
import type { CompiledRules } from '../rules/compileRules';
import type { RuleError } from '../rules/errors';
import { compileBreakpoint, settle } from './breakpoints';
import type { BreakpointSpec, CompiledBreakpoint } from './breakpoints';
import { createWatch, observeWatch, recompileWatch } from './watches';
import type { Watch } from './watches';

/** A breakpoint in the list: its spec, and either its compiled form or why it cannot be used with these rules. */
export interface BreakpointEntry {
  readonly spec: BreakpointSpec;
  readonly compiled: CompiledBreakpoint | null;
  readonly errors: readonly RuleError[];
  /** A fact breakpoint's last value seen. */
  readonly last: { value?: unknown };
}

/** Where and why the game stopped: the event it stopped after, and the breakpoints it hit (none for a step). */
export interface Stop {
  readonly event: SirenEvent;
  readonly hits: readonly BreakpointSpec[];
  /** What the banner says. */
  readonly reason: string;
}

/** Most ticks "step to the next event" runs looking for one. */
export const MAX_STEP_TICKS = 600;

/** The breakpoints of one engine and the controls of a paused game. */
export interface Debugger {
  readonly entries: readonly BreakpointEntry[];
  /** The current stop, while the engine is suspended at an event. */
  readonly stop: Stop | null;
  /** Replaces the list (compiled against the engine's current rules). */
  set(specs: readonly BreakpointSpec[]): void;
  /** Pinned facts and their changes. */
  readonly watches: readonly Watch[];
  /** Replaces the pinned facts (a fact pinned already keeps its history). */
  setWatches(facts: readonly string[]): void;
  /** Recompiles breakpoints and watches after the rules changed. */
  refresh(): void;
  /** Resumes the suspended tick; it runs on until its end or the next breakpoint. */
  resume(): void;
  /** Runs to just after the next event (in this tick or a later one, within MAX_STEP_TICKS ticks). */
  stepEvent(input: unknown): void;
  /** Finishes the suspended tick without stopping, or runs one tick. */
  stepTick(input: unknown): void;
  /** Stops breaking and finishes a suspended tick. */
  detach(): void;
}

/** A breakpoint's entry, compiled against `rules`, its fact value read now. */
function entryOf(engine: AnyEngine, rules: CompiledRules, spec: BreakpointSpec): BreakpointEntry {
  const c = compileBreakpoint(engine.catalogue, rules, spec);
  const last: { value?: unknown } = {};
  if (c.ok && c.breakpoint.read) last.value = settle(c.breakpoint.read(null, engine.facts));
  return { spec, compiled: c.ok ? c.breakpoint : null, errors: c.ok ? [] : c.errors, last };
}

/** What a debugger holds between events. */
interface DebugState {
  readonly engine: AnyEngine;
  entries: BreakpointEntry[];
  watches: Watch[];
  stop: Stop | null;
  /** Stop after the next event whatever the breakpoints say ("step to the next event"). */
  stepOnce: boolean;
  /** The seq of the last event the break test saw. */
  lastSeq: number;
}

/** Re-reads every fact breakpoint's value, so the next change is measured from now. */
function prime(s: DebugState): void {
  for (const e of s.entries) if (e.compiled?.read) e.last.value = settle(e.compiled.read(null, s.engine.facts));
}

/** The enabled breakpoints this event hits, with their labels; disabled fact breakpoints just follow their fact. */
function hitsOf(s: DebugState, ev: SirenEvent, fired: readonly string[]): { hits: BreakpointSpec[]; labels: string[] } {
  const hits: BreakpointSpec[] = [];
  const labels: string[] = [];
  for (const e of s.entries) {
    const c = e.compiled;
    if (!c) continue;
    if (!e.spec.enabled) {
      if (c.read) e.last.value = settle(c.read(ev, s.engine.facts));
    } else if (c.hit(ev, fired, s.engine.facts, e.last)) {
      hits.push(e.spec);
      labels.push(c.label);
    }
  }
  return { hits, labels };
}

/** The engine's break test: records watch changes, and stops (setting `stop`) on a hit or a pending step. */
function breakTest(s: DebugState, ev: SirenEvent, fired: readonly string[], ran: readonly string[]): boolean {
  // Events delivered without this test (a replay, a finished tick, time travel) leave fact values stale: re-read them.
  const resync = ev.seq !== s.lastSeq + 1;
  if (resync) prime(s);
  s.lastSeq = ev.seq;
  for (const w of s.watches) observeWatch(w, s.engine, ev, ran, resync);
  const { hits, labels } = hitsOf(s, ev, fired);
  if (!hits.length && !s.stepOnce) return false;
  const what = hits.length ? labels.join('; ') : 'stepped';
  s.stepOnce = false;
  s.stop = { event: ev, hits, reason: `${what} — paused after #${ev.seq} ${ev.type} (tick ${ev.tick})` };
  return true;
}

/** Forgets the stop once the engine is no longer suspended. */
function settleStop(s: DebugState): void {
  if (!s.engine.suspendedAt) s.stop = null;
}

/** Runs to just after the next event, within MAX_STEP_TICKS ticks. */
function stepEvent(s: DebugState, input: unknown): void {
  const { engine } = s;
  s.stepOnce = true;
  const until = engine.tick + MAX_STEP_TICKS;
  if (engine.suspendedAt) engine.step();
  while (!engine.suspendedAt && engine.tick < until) engine.step(input);
  s.stepOnce = false;
  settleStop(s);
}

/** Attaches a debugger to an engine: it becomes the engine's break test. */
export function createDebugger(engine: AnyEngine): Debugger {
  const s: DebugState = { engine, entries: [], watches: [], stop: null, stepOnce: false, lastSeq: -2 };
  engine.setBreak((ev, fired, ran) => breakTest(s, ev, fired, ran));
  return {
    get entries() {
      return s.entries;
    },
    get stop() {
      return engine.suspendedAt ? s.stop : null;
    },
    set(specs) {
      s.entries = specs.map((spec) => entryOf(engine, engine.rules, spec));
    },
    get watches() {
      return s.watches;
    },
    setWatches(facts) {
      s.watches = facts.map((f) => s.watches.find((w) => w.fact === f) ?? createWatch(engine, f));
    },
    refresh() {
      s.entries = s.entries.map((e) => entryOf(engine, engine.rules, e.spec));
      for (const w of s.watches) recompileWatch(engine, w);
    },
    resume() {
      if (engine.suspendedAt) engine.step();
      settleStop(s);
    },
    stepEvent: (input) => stepEvent(s, input),
    stepTick(input) {
      if (engine.suspendedAt) engine.finishTick();
      else engine.step(input);
      settleStop(s);
    },
    detach() {
      engine.setBreak(null);
      engine.finishTick();
      s.stop = null;
    },
  };
}
