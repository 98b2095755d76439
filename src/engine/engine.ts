import { setAutoFreeze } from 'immer';
import type { Draft } from 'immer';
import { setEnabled, switchRules, createWindows } from './applyRules';
import { createBus, defaultLimits } from './bus';
import type { Bus, BusLimits } from './bus';
import type { BreakTest, EngineCore } from './core';
import { createDispatcher, dispatchEvent } from './dispatch';
import type { Dispatcher } from './dispatch';
import { createDelayLoops } from './delayLoops';
import { setEventFreezing } from './events';
import type { SirenEvent } from './events';
import { explainTrigger } from './explain';
import type { Explanation } from './explain';
import { createHistory, oldestTick, rewind, takeSnapshot } from './history';
import type { History } from './history';
import { createLog } from './log';
import type { EventLog } from './log';
import { createRecorder, record } from './record';
import type { RunRecord } from './record';
import { createRng } from './rng';
import type { Rng } from './rng';
import type { Scenario, StepContext } from './scenario';
import { scenarioCatalogue } from './rules/catalogue';
import type { Catalogue } from './rules/catalogue';
import type { CompiledRules } from './rules/compileRules';
import type { FactContext } from './rules/ruleTypes';
import { readWindow } from './rules/windows';
import type { CompiledWindow, WindowState } from './rules/windows';
import { beginTick, continueTick } from './tick';
import { createAlarmSet } from './alarms/runtime';
import type { AlarmSet } from './alarms/runtime';
import { createTriggerStates } from './triggers';
import { createVars } from './vars';
import { timerLeft } from './timers';
import { TICKS_PER_SECOND } from './time';
import type { TriggerState } from './triggers';
import { createPendingCap, createWorkBudget, DEFAULT_MAX_PENDING, DEFAULT_WORK_PER_TICK } from './workBudget';

export type { BreakTest } from './core';
export type { Explanation } from './explain';
export type { ExternalEvent, RunRecord } from './record';

/** Options for an engine. */
export interface EngineOptions<W, R, I> {
  scenario: Scenario<W, R, I>;
  rules: CompiledRules;
  seed: number;
  logCapacity?: number;
  limits?: BusLimits;
  /** Take a snapshot every this many ticks (time travel granularity). */
  snapshotEvery?: number;
  /** How many ticks of history to keep for time travel. */
  historyTicks?: number;
  /** Keep a running hash of the log (on by default). */
  hash?: boolean;
  /** Emit `trigger.fired` events (on by default; the panels and trace read them). */
  traceFires?: boolean;
}

/** A running scenario: world, bus, log, triggers and history. */
export interface Engine<W = unknown, R = unknown, I = unknown> {
  readonly scenario: Scenario<W, R, I>;
  readonly catalogue: Catalogue;
  readonly seed: number;
  /** Ticks completed so far (the next tick to run). */
  readonly tick: number;
  /** The committed world of the last tick; immutable, safe to keep. */
  readonly world: W;
  /** Scenario runtime (motion arrays). Read-only for renderers. */
  readonly runtime: R;
  readonly log: EventLog;
  readonly bus: Bus<Record<string, unknown>>;
  readonly rules: CompiledRules;
  /** The rules' alarms: each one's state, reason and datapoints (read-only). */
  readonly alarms: AlarmSet;
  /** The rules the run started with (exports carry them). */
  readonly initialRules: CompiledRules;
  readonly rng: Rng;
  /** The facts conditions read now: during a (suspended) tick, its world in progress. */
  readonly facts: FactContext;
  /** Input changes, rules changes and toggles, in order: with the seed, they replay the run. */
  readonly records: readonly RunRecord<I>[];
  /**
   * Runs one tick with this input (the idle input if omitted). With a break test set, the tick may stop after an
   * event (see `suspendedAt`); then `step` resumes that tick where it stopped (the input is ignored) instead.
   */
  step(input?: I): void;
  /** The event a suspended tick stopped after, before the rest of the tick's events were delivered; null when running. */
  readonly suspendedAt: SirenEvent | null;
  /** Sets what suspends a tick (null: nothing). Replays, time travel and `finishTick` never stop. */
  setBreak(test: BreakTest | null): void;
  /** Runs a suspended tick to its end without stopping again. */
  finishTick(): void;
  /** Switches to new rules at the current tick (recorded; a suspended tick is finished first); once/cooldown state of unchanged ids is kept. */
  applyRules(rules: CompiledRules): void;
  /** Queues an event from outside the run for the start of the next tick (recorded with that tick). */
  receive(type: string, payload: Readonly<Record<string, unknown>>): void;
  /** Enables or disables a trigger now (recorded; a suspended tick is finished first). */
  setTriggerEnabled(id: string, enabled: boolean): void;
  /** Live state of every trigger, in file order. */
  triggerStates(): readonly Readonly<TriggerState>[];
  /** Explains a trigger against an event (or against the world, for state and timer triggers), without running it. */
  explain(triggerId: string, ev: SirenEvent | null): Explanation;
  /** The first tick time travel can go back to. */
  readonly oldestTick: number;
  /** Goes back to `tick` (the future is discarded; the log and hash rewind too). */
  rewind(tick: number): void;
  /** The scenario's summary of the current world. */
  summary(): Record<string, unknown>;
}

/** The engine's state at tick 0: the scenario initialised, the rules' trigger and window states fresh. */
function createCore<W, R, I>(opts: EngineOptions<W, R, I>): EngineCore<W, R, I> {
  const { scenario, rules } = opts;
  const log = createLog(opts.logCapacity ?? 50_000, { hash: opts.hash });
  const rng = createRng(opts.seed);
  const init = scenario.init(rng);
  const bus = createBus<Record<string, unknown>>(log, opts.limits ?? defaultLimits);
  const warn = (reason: string, triggers: string[]) =>
    void bus.emitDynamic('engine.warning', { reason, triggers }, { depth: 0 });
  const core: EngineCore<W, R, I> = {
    scenario,
    catalogue: scenarioCatalogue(scenario),
    log,
    bus,
    rng,
    runtime: init.runtime,
    traceFires: opts.traceFires !== false,
    fc: {
      world: init.world,
      entity: (id) => scenario.entity(core.fc.world as W, core.runtime, id),
      alarm: (id, fact) => core.alarms.read(id, fact),
      window(id, agg) {
        const i = core.windows.index.get(id);
        if (i === undefined) return 0;
        const w = core.rules.windows[i] as CompiledWindow;
        const st = core.windows.states[i] as WindowState;
        return core.work.read(Math.min(st.pushed, w.capacity)) ? readWindow(w, st, agg, core.tick) : 0;
      },
      variable: (name) => core.vars.get(name),
      timerLeft: (name) => timerLeft(core.timers, name, core.tick, TICKS_PER_SECOND),
    },
    recorder: createRecorder<I>(),
    work: createWorkBudget(opts.limits?.maxWorkPerTick ?? DEFAULT_WORK_PER_TICK, warn),
    pendingCap: createPendingCap(opts.limits?.maxPendingDelayed ?? DEFAULT_MAX_PENDING, warn),
    world: init.world,
    draft: null,
    rules,
    states: createTriggerStates(rules, 0),
    windows: createWindows(rules),
    alarms: createAlarmSet(rules.alarms),
    pending: [],
    delayLoops: createDelayLoops(),
    inbox: [],
    vars: createVars(rules),
    timers: new Map(),
    tick: 0,
    phase: 0,
    suspendedAt: null,
    breakTest: null,
    fired: [],
    ran: [],
  };
  return core;
}

/** The scenario's step context, made once and refilled by each tick (its draft, input and tick number). */
type TickContext<W, R, I> = StepContext<W, R, I> & { world: Draft<W>; input: I; tick: number };

/** What an engine's methods work on: its core, dispatcher, history and step context. */
interface EngineParts<W, R, I> {
  readonly core: EngineCore<W, R, I>;
  readonly d: Dispatcher<W, R, I>;
  readonly history: History<W>;
  readonly stepCtx: TickContext<W, R, I>;
}

/** Wires the trigger system into the bus and makes the step context and the history of a new core. */
function createParts<W, R, I>(core: EngineCore<W, R, I>, opts: EngineOptions<W, R, I>): EngineParts<W, R, I> {
  const { bus } = core;
  const d = createDispatcher(core);
  bus.setConsumer((ev, depth) => dispatchEvent(d, ev, depth));
  const stepCtx: TickContext<W, R, I> = {
    world: null as unknown as Draft<W>,
    runtime: core.runtime,
    input: core.scenario.idleInput,
    tick: 0,
    rng: core.rng,
    emit: (type: string, payload: object) => void bus.emitDynamic(type, payload),
    flush: () => bus.drain(),
  };
  return { core, d, history: createHistory(opts.snapshotEvery ?? 60, opts.historyTicks ?? 36_000), stepCtx };
}

/** Runs the tick in progress (stopping at breaks when `breaks`); snapshots when it ends on a snapshot tick. */
function continueAndSnapshot<W, R, I>({ core, d, history, stepCtx }: EngineParts<W, R, I>, breaks: boolean): void {
  if (continueTick(core, d, breaks, stepCtx.emit) && core.tick % history.every === 0) takeSnapshot(history, core);
}

/** Runs a tick, or resumes a suspended one (then `input` is ignored); replays never stop at breaks. */
function step<W, R, I>(p: EngineParts<W, R, I>, input: I): void {
  if (p.core.phase === 0) beginTick(p.core, p.stepCtx, input);
  continueAndSnapshot(p, !p.core.recorder.replaying);
}

/** Runs a suspended tick to its end without stopping again. */
function finishTick<W, R, I>(p: EngineParts<W, R, I>): void {
  if (p.core.phase !== 0) continueAndSnapshot(p, false);
}

/** Switches to new rules at the current tick, recorded (a suspended tick is finished first). */
function applyRules<W, R, I>(p: EngineParts<W, R, I>, next: CompiledRules): void {
  const { core } = p;
  finishTick(p);
  record(core.recorder, { tick: core.tick, rules: next.text, source: next.source });
  core.bus.beginTick(core.tick);
  switchRules(core, next);
  core.bus.drain();
}

/** Enables or disables a trigger now, recorded when the rules have it (a suspended tick is finished first). */
function setTriggerEnabled<W, R, I>(p: EngineParts<W, R, I>, id: string, enabled: boolean): void {
  const { core } = p;
  finishTick(p);
  if (core.rules.byId.has(id)) record(core.recorder, { tick: core.tick, toggle: [id, enabled] });
  setEnabled(core, id, enabled);
}

/** Creates an engine running a scenario under compiled rules. */
export function createEngine<W, R, I>(opts: EngineOptions<W, R, I>): Engine<W, R, I> {
  const core = createCore(opts);
  const p = createParts(core, opts);
  const { scenario, bus, recorder } = core;
  const engine: Engine<W, R, I> = {
    scenario,
    catalogue: core.catalogue,
    seed: opts.seed,
    get tick() {
      return core.tick;
    },
    get world() {
      return core.world;
    },
    runtime: core.runtime,
    log: core.log,
    bus,
    get rules() {
      return core.rules;
    },
    get alarms() {
      return core.alarms;
    },
    initialRules: opts.rules,
    rng: core.rng,
    facts: core.fc,
    records: recorder.records,
    step: (input = scenario.idleInput) => step(p, input),
    get suspendedAt() {
      return core.suspendedAt;
    },
    setBreak(test) {
      core.breakTest = test;
      core.fired.length = 0;
      core.ran.length = 0;
    },
    finishTick: () => finishTick(p),
    applyRules: (next) => applyRules(p, next),
    receive(type, payload) {
      core.inbox.push({ type, payload });
    },
    setTriggerEnabled: (id, enabled) => setTriggerEnabled(p, id, enabled),
    triggerStates: () => core.states,
    explain: (triggerId, ev) => explainTrigger(core, triggerId, ev),
    get oldestTick() {
      return oldestTick(p.history, core);
    },
    rewind: (target) => rewind(p.history, core, target, engine),
    summary: () => scenario.summary(core.world, core.runtime),
  };
  takeSnapshot(p.history, core);
  return engine;
}

/**
 * Production builds and the CLI skip freezing (immer's deep freeze of each committed world, Object.freeze of each
 * event): it costs time every tick and every event. Dev and tests keep it, so a mutation of a fact or of the
 * committed world throws where it happens.
 */
export function configureFreezing(freeze: boolean): void {
  setAutoFreeze(freeze);
  setEventFreezing(freeze);
}

/** An engine of any scenario, as the page and generic panels hold it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEngine = Engine<any, any, any>;
