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

function entryOf(engine: AnyEngine, rules: CompiledRules, spec: BreakpointSpec): BreakpointEntry {
  const c = compileBreakpoint(engine.catalogue, rules, spec);
  const last: { value?: unknown } = {};
  if (c.ok && c.breakpoint.read) last.value = settle(c.breakpoint.read(null, engine.facts));
  return { spec, compiled: c.ok ? c.breakpoint : null, errors: c.ok ? [] : c.errors, last };
}

/** Attaches a debugger to an engine: it becomes the engine's break test. */
export function createDebugger(engine: AnyEngine): Debugger {
  let entries: BreakpointEntry[] = [];
  let watches: Watch[] = [];
  let stop: Stop | null = null;
  let stepOnce = false;
  let lastSeq = -2;

  function prime(): void {
    for (const e of entries) if (e.compiled?.read) e.last.value = settle(e.compiled.read(null, engine.facts));
  }

  function test(ev: SirenEvent, fired: readonly string[], ran: readonly string[]): boolean {
    // Events delivered without this test (a replay, a finished tick, time travel) leave fact values stale: re-read them.
    const resync = ev.seq !== lastSeq + 1;
    if (resync) prime();
    lastSeq = ev.seq;
    for (const w of watches) observeWatch(w, engine, ev, ran, resync);
    const hits: BreakpointSpec[] = [];
    const labels: string[] = [];
    for (const e of entries) {
      const c = e.compiled;
      if (!c) continue;
      if (!e.spec.enabled) {
        if (c.read) e.last.value = settle(c.read(ev, engine.facts));
      } else if (c.hit(ev, fired, engine.facts, e.last)) {
        hits.push(e.spec);
        labels.push(c.label);
      }
    }
    if (!hits.length && !stepOnce) return false;
    const what = hits.length ? labels.join('; ') : 'stepped';
    stepOnce = false;
    stop = { event: ev, hits, reason: `${what} — paused after #${ev.seq} ${ev.type} (tick ${ev.tick})` };
    return true;
  }

  const settleStop = () => {
    if (!engine.suspendedAt) stop = null;
  };

  engine.setBreak(test);
  const dbg: Debugger = {
    get entries() {
      return entries;
    },
    get stop() {
      return engine.suspendedAt ? stop : null;
    },
    set(specs) {
      entries = specs.map((s) => entryOf(engine, engine.rules, s));
    },
    get watches() {
      return watches;
    },
    setWatches(facts) {
      watches = facts.map((f) => watches.find((w) => w.fact === f) ?? createWatch(engine, f));
    },
    refresh() {
      entries = entries.map((e) => entryOf(engine, engine.rules, e.spec));
      for (const w of watches) recompileWatch(engine, w);
    },
    resume() {
      if (engine.suspendedAt) engine.step();
      settleStop();
    },
    stepEvent(input) {
      stepOnce = true;
      const until = engine.tick + MAX_STEP_TICKS;
      if (engine.suspendedAt) engine.step();
      while (!engine.suspendedAt && engine.tick < until) engine.step(input);
      stepOnce = false;
      settleStop();
    },
    stepTick(input) {
      if (engine.suspendedAt) engine.finishTick();
      else engine.step(input);
      settleStop();
    },
    detach() {
      engine.setBreak(null);
      engine.finishTick();
      stop = null;
    },
  };
  return dbg;
}
