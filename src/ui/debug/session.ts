import { signal } from '@preact/signals';
import type { Signal } from '@preact/signals';
import { breakpointsSchema, compileBreakpoint, createDebugger, formatError, z } from '../../engine';
import type { AnyEngine, BreakpointSpec, Catalogue, Debugger, Loop, Stop } from '../../engine';

/** Where "where did this come from" sent the learner: the trigger to show, and the panel and event to go back to. */
export interface Jump {
  readonly trigger: string;
  readonly back: string | null;
  readonly seq: number | null;
  /** Set once the Rules editor has been asked to go there. */
  sent?: boolean;
}

/** The page's debugger: breakpoints and watches (kept per scenario), the stop in progress, and the controls. */
export interface DebugSession {
  readonly breakpoints: Signal<readonly BreakpointSpec[]>;
  readonly watches: Signal<readonly string[]>;
  readonly stop: Signal<Stop | null>;
  readonly jump: Signal<Jump | null>;
  /** The current engine's debugger (watch histories, breakpoint errors). */
  debugger(): Debugger;
  /** Adds a breakpoint; returns its formatted errors instead when it does not fit the rules (nothing is added). */
  add(spec: BreakpointSpec): string[];
  remove(index: number): void;
  setEnabled(index: number, enabled: boolean): void;
  /** Pins a fact; returns its formatted errors instead when the rules cannot read it. */
  watch(fact: string): string[];
  unwatch(fact: string): void;
  /** F8: continue the paused tick and the game. */
  resume(): void;
  /** F10: on to just after the next event. */
  stepEvent(): void;
  /** F9: to the end of this tick (or one tick). */
  stepTick(): void;
  /** Shows a trigger in the Rules editor, remembering where to come back to. */
  whereFrom(trigger: string, back: string | null, seq: number | null): void;
  /** After the frame's ticks: a new stop pauses the game and selects its event everywhere. */
  afterSteps(): void;
  /** A new engine (restart, replay) or new rules. */
  attach(engine: AnyEngine): void;
  rulesChanged(): void;
}

/** What the session needs from the page. */
export interface DebugHost {
  readonly scenario: string;
  readonly catalogue: Catalogue;
  readonly loop: Loop;
  readonly selected: Signal<number | null>;
  engine(): AnyEngine;
  input(): unknown;
  touch(): void;
  open(panel: string): void;
}

const stored = z.strictObject({ breakpoints: breakpointsSchema, watches: z.array(z.string().max(200)).max(50) });
const storageKey = (scenario: string) => `siren.debug.${scenario}`;

function load(scenario: string): z.infer<typeof stored> {
  try {
    const parsed = stored.safeParse(JSON.parse(localStorage.getItem(storageKey(scenario)) ?? 'null'));
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable storage or JSON: start empty.
  }
  return { breakpoints: [], watches: [] };
}

/** A session's state: the kept lists, the stop in progress and the current engine's debugger. */
interface State {
  readonly host: DebugHost;
  readonly breakpoints: Signal<readonly BreakpointSpec[]>;
  readonly watches: Signal<readonly string[]>;
  readonly stop: Signal<Stop | null>;
  dbg: Debugger;
}

function save({ host, breakpoints, watches }: State): void {
  try {
    localStorage.setItem(
      storageKey(host.scenario),
      JSON.stringify({ breakpoints: breakpoints.value, watches: watches.value }),
    );
  } catch {
    // Storage full or disabled: the list still works for this page.
  }
}

/** Hands the lists to the debugger, keeps them in the browser and refreshes the page. */
function sync(st: State): void {
  st.dbg.set(st.breakpoints.value);
  st.dbg.setWatches(st.watches.value);
  save(st);
  st.host.touch();
}

/** Publishes the debugger's stop (selecting its event everywhere) and refreshes the page. */
function settle({ dbg, stop, host }: State): void {
  const now = dbg.stop;
  if (now !== stop.value) stop.value = now;
  if (now) host.selected.value = now.event.seq;
  host.touch();
}

/** Pins a fact unless the debugger cannot read it under these rules; returns its formatted errors then. */
function addWatch(st: State, fact: string): string[] {
  const { dbg, watches } = st;
  const f = fact.trim();
  if (watches.value.includes(f)) return [];
  dbg.setWatches([...watches.value, f]);
  const errors = dbg.watches.find((w) => w.fact === f)?.errors ?? [];
  if (errors.length) {
    dbg.setWatches(watches.value);
    return errors.map(formatError);
  }
  watches.value = [...watches.value, f];
  sync(st);
  return [];
}

/** The session's breakpoint and watch list controls. */
function listControls(st: State): Pick<DebugSession, 'add' | 'remove' | 'setEnabled' | 'watch' | 'unwatch'> {
  const { host, breakpoints, watches } = st;
  return {
    add(spec) {
      const c = compileBreakpoint(host.catalogue, host.engine().rules, spec);
      if (!c.ok) return c.errors.map(formatError);
      breakpoints.value = [...breakpoints.value, spec];
      sync(st);
      return [];
    },
    remove(index) {
      breakpoints.value = breakpoints.value.filter((_, i) => i !== index);
      sync(st);
    },
    setEnabled(index, enabled) {
      breakpoints.value = breakpoints.value.map((b, i) => (i === index ? { ...b, enabled } : b));
      sync(st);
    },
    watch: (fact) => addWatch(st, fact),
    unwatch(fact) {
      watches.value = watches.value.filter((f) => f !== fact);
      sync(st);
    },
  };
}

/** The session's stepping controls (F8, F9, F10) and what happens after the frame's ticks. */
function stepControls(st: State): Pick<DebugSession, 'resume' | 'stepEvent' | 'stepTick' | 'afterSteps'> {
  const { host } = st;
  return {
    resume() {
      st.dbg.resume();
      if (!st.dbg.stop) host.loop.paused = false;
      settle(st);
    },
    stepEvent() {
      host.loop.paused = true;
      st.dbg.stepEvent(host.input());
      settle(st);
    },
    stepTick() {
      host.loop.paused = true;
      st.dbg.stepTick(host.input());
      settle(st);
    },
    afterSteps() {
      const now = st.dbg.stop;
      if (now === st.stop.value) return;
      if (now) host.loop.paused = true;
      settle(st);
    },
  };
}

/** Creates the page's debug session, attached to the host's engine. */
export function createDebugSession(host: DebugHost): DebugSession {
  const saved = load(host.scenario);
  const st: State = {
    host,
    breakpoints: signal<readonly BreakpointSpec[]>(saved.breakpoints),
    watches: signal<readonly string[]>(saved.watches),
    stop: signal<Stop | null>(null),
    dbg: createDebugger(host.engine()),
  };
  const jump = signal<Jump | null>(null);
  const s: DebugSession = {
    breakpoints: st.breakpoints,
    watches: st.watches,
    stop: st.stop,
    jump,
    debugger: () => st.dbg,
    ...listControls(st),
    ...stepControls(st),
    whereFrom(trigger, back, seq) {
      jump.value = { trigger, back, seq };
      host.open('editor');
    },
    attach(engine) {
      st.dbg = createDebugger(engine);
      sync(st);
      st.stop.value = null;
    },
    rulesChanged() {
      st.dbg.refresh();
      host.touch();
    },
  };
  sync(st);
  return s;
}
