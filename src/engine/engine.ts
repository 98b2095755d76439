import { createDraft, finishDraft, setAutoFreeze } from 'immer';
import type { Draft } from 'immer';
import { createBus, defaultLimits } from './bus';
import type { Bus, BusLimits, EmitOrigin } from './bus';
import { setEventFreezing } from './events';
import type { Cause, SirenEvent } from './events';
import { createLog } from './log';
import type { EventLog } from './log';
import { createRng } from './rng';
import type { Rng } from './rng';
import type { Scenario, StepContext } from './scenario';
import type { BehaviourContext } from './behaviours';
import { scenarioCatalogue } from './rules/catalogue';
import { loadRules } from './rules/loadRules';
import type { Catalogue } from './rules/catalogue';
import type { CompiledRules, CompiledTrigger } from './rules/compileRules';
import type { ExplainNode } from './rules/compileCondition';
import type { FactContext } from './rules/facts';
import { copyTriggerStates, createTriggerStates } from './triggers';
import { copyWindowState, createWindowState, pushWindow, readWindow } from './rules/windows';
import type { CompiledWindow, WindowState } from './rules/windows';
import type { TriggerState } from './triggers';
import { createAlarmSet } from './alarms/runtime';
import type { AlarmSet, AlarmSnapshot } from './alarms/runtime';

/** One entry of a run's record: an input change, a rules change or a trigger toggle, at a tick. */
export interface RunRecord<I = unknown> {
  readonly tick: number;
  readonly input?: I;
  /** Rules file text applied at this tick, and where it came from (it is in the log, so replay needs it). */
  readonly rules?: string;
  readonly source?: string;
  readonly toggle?: readonly [string, boolean];
}

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

interface Pending {
  due: number;
  trigger: CompiledTrigger;
  ev: SirenEvent | null;
  depth: number;
  cause: Cause | undefined;
}

interface Snapshot<W> {
  tick: number;
  world: W;
  runtime: unknown;
  rng: readonly number[];
  triggers: TriggerState[];
  windows: WindowState[];
  alarms: AlarmSnapshot;
  pending: Pending[];
  rules: CompiledRules;
  logEnd: number;
  hashState: readonly number[];
  records: number;
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
  /** Input changes, rules changes and toggles, in order: with the seed, they replay the run. */
  readonly records: readonly RunRecord<I>[];
  /** Runs one tick with this input (the idle input if omitted). */
  step(input?: I): void;
  /** Switches to new rules at the current tick (recorded); once/cooldown state of unchanged ids is kept. */
  applyRules(rules: CompiledRules): void;
  /** Enables or disables a trigger now (recorded). */
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

/** Creates an engine running a scenario under compiled rules. */
export function createEngine<W, R, I>(opts: EngineOptions<W, R, I>): Engine<W, R, I> {
  const { scenario, seed } = opts;
  const catalogue = scenarioCatalogue(scenario);
  const traceFires = opts.traceFires !== false;
  const snapshotEvery = opts.snapshotEvery ?? 60;
  const maxSnapshots = Math.max(1, Math.ceil((opts.historyTicks ?? 36_000) / snapshotEvery));
  const log = createLog(opts.logCapacity ?? 50_000, { hash: opts.hash });
  const bus = createBus<Record<string, unknown>>(log, opts.limits ?? defaultLimits);
  const rng = createRng(seed);
  const init = scenario.init(rng);
  let world = init.world;
  const runtime = init.runtime;
  let rules = opts.rules;
  let states = createTriggerStates(rules, 0);
  let pending: Pending[] = [];
  let tick = 0;
  let draft: Draft<W> | null = null;
  const records: RunRecord<I>[] = [];
  let lastInputJson = '';
  const snapshots: Snapshot<W>[] = [];
  // Records keep a copy of each distinct input, shared: a long run toggles between few inputs, and a caller may
  // reuse and mutate its own input object.
  const inputs = new Map<string, I>();
  const internInput = (json: string): I => {
    let kept = inputs.get(json);
    if (kept === undefined && json !== undefined) {
      kept = JSON.parse(json) as I;
      if (inputs.size < 1024) inputs.set(json, kept);
    }
    return kept as I;
  };
  let replaying = false;

  // Sliding windows of the current rules: their states, and which windows each event type feeds.
  let windows = createWindows(rules);
  const fc: FactContext & { world: unknown } = {
    world,
    entity: (id) => scenario.entity(fc.world as W, runtime, id),
    window(id, agg) {
      const i = windows.index.get(id);
      return i === undefined
        ? 0
        : readWindow(rules.windows[i] as CompiledWindow, windows.states[i] as WindowState, agg, tick);
    },
    alarm: (id, fact) => alarms.read(id, fact),
  };
  // Alarms: each period's events become one datapoint, evaluated when the period closes (see src/engine/alarms).
  let alarms = createAlarmSet(rules.alarms);

  // One reusable origin for the engine's frequent emits (behaviours, trace): the bus reads it during the call and keeps nothing.
  const origin: EmitOrigin = { cause: undefined, depth: 0 };
  function emitCaused(type: string, payload: object, cause: Cause | undefined, depth: number): SirenEvent | null {
    origin.cause = cause;
    origin.depth = depth;
    return bus.emitDynamic(type, payload, origin);
  }

  // One mutable behaviour context, re-pointed before each action (behaviours never run nested).
  let actCause: Cause | undefined;
  let actDepth = 0;
  const bctx = {
    world: null as unknown as Draft<W>,
    runtime,
    event: null as SirenEvent | null,
    trigger: '',
    tick: 0,
    rng,
    emit(type: string, payload: object) {
      emitCaused(type, payload, actCause, actDepth + 1);
    },
    setTriggerEnabled(id: string, enabled: boolean) {
      const t = rules.byId.get(id);
      if (t) (states[t.index] as TriggerState).enabled = enabled;
    },
  } satisfies BehaviourContext<W, R>;

  function runActions(t: CompiledTrigger, ev: SirenEvent | null, depth: number, cause: Cause | undefined): void {
    bctx.event = ev;
    bctx.trigger = t.id;
    bctx.tick = tick;
    bctx.world = draft as Draft<W>;
    actCause = cause;
    actDepth = depth;
    for (let i = 0; i < t.actions.length; i++) {
      const a = t.actions[i] as CompiledTrigger['actions'][number];
      try {
        a.behaviour.run(bctx, a.params(ev, fc));
      } catch (err) {
        bus.emitDynamic(
          'engine.error',
          {
            trigger: t.id,
            message: `behaviour "${a.behaviour.name}" failed: ${err instanceof Error ? err.message : String(err)}`,
          },
          { cause, depth: depth + 1 },
        );
      }
    }
  }

  function fire(t: CompiledTrigger, s: TriggerState, ev: SirenEvent | null, depth: number): void {
    s.fires++;
    s.lastFiredTick = tick;
    if (t.once) s.spent = true;
    if (t.cooldownTicks) s.cooldownUntil = tick + t.cooldownTicks;
    let cause: Cause | undefined = ev ? { seq: ev.seq, trigger: t.id } : undefined;
    if (traceFires) {
      // For an event, the trace's payload {seq, trigger} is the very cause it records: one immutable object for both.
      const fired = emitCaused('trigger.fired', cause ?? { seq: -1, trigger: t.id }, cause, depth + 1);
      if (!ev && fired) cause = { seq: fired.seq, trigger: t.id };
    }
    if (t.delayTicks > 0) pending.push({ due: tick + t.delayTicks, trigger: t, ev, depth, cause });
    else runActions(t, ev, depth, cause);
  }

  function test(t: CompiledTrigger, ev: SirenEvent | null, depth: number): boolean {
    if (!t.test) return true;
    try {
      return t.test(ev, fc);
    } catch (err) {
      bus.emitDynamic(
        'engine.error',
        { trigger: t.id, message: `condition failed: ${err instanceof Error ? err.message : String(err)}` },
        { depth: depth + 1 },
      );
      return false;
    }
  }

  bus.setConsumer((ev, depth) => {
    alarms.feed(ev, fc);
    const fed = windows.byType.get(ev.type);
    if (fed)
      for (const i of fed) pushWindow(rules.windows[i] as CompiledWindow, windows.states[i] as WindowState, ev, fc);
    const list = rules.byType.get(ev.type);
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const t = list[i] as CompiledTrigger;
      const s = states[t.index] as TriggerState;
      if (!s.enabled || s.spent || tick < s.cooldownUntil) continue;
      if (test(t, ev, depth)) fire(t, s, ev, depth);
    }
  });

  function runDue(): void {
    if (pending.length) {
      const due = pending.filter((p) => p.due <= tick);
      if (due.length) {
        pending = pending.filter((p) => p.due > tick);
        for (const p of due) runActions(p.trigger, p.ev, p.depth, p.cause);
      }
    }
    for (const t of rules.timerTriggers) {
      const s = states[t.index] as TriggerState;
      if (tick < s.nextDue) continue;
      s.nextDue = tick + t.everyTicks;
      if (s.enabled && !s.spent && tick >= s.cooldownUntil && test(t, null, 0)) fire(t, s, null, 0);
    }
  }

  function runStateTriggers(): void {
    for (const t of rules.stateTriggers) {
      const s = states[t.index] as TriggerState;
      if (!test(t, null, 0)) {
        s.holdingSince = -1;
        s.latched = false;
        continue;
      }
      if (s.holdingSince < 0) s.holdingSince = tick;
      if (s.latched || tick - s.holdingSince < t.forTicks) continue;
      // Latch only when it fires: an edge met while disabled or cooling down fires once it is allowed, if still held.
      if (!s.enabled || s.spent || tick < s.cooldownUntil) continue;
      s.latched = true;
      fire(t, s, null, 0);
    }
  }

  const stepCtx = {
    world: null as unknown as Draft<W>,
    runtime,
    input: scenario.idleInput,
    tick: 0,
    rng,
    emit: (type: string, payload: object) => void bus.emitDynamic(type, payload),
    flush: () => bus.drain(),
  } satisfies StepContext<W, R, I>;

  function takeSnapshot(): void {
    snapshots.push({
      tick,
      world,
      runtime: scenario.saveRuntime(runtime),
      rng: rng.save(),
      triggers: copyTriggerStates(states),
      windows: windows.states.map(copyWindowState),
      alarms: alarms.save(),
      pending: pending.slice(),
      rules,
      logEnd: log.end,
      hashState: log.hashState(),
      records: records.length,
    });
    if (snapshots.length > maxSnapshots) snapshots.shift();
  }

  function doApplyRules(next: CompiledRules): void {
    const previous = new Map(states.map((s) => [s.id, s]));
    windows = createWindows(next, rules, windows);
    alarms = createAlarmSet(next.alarms, alarms);
    rules = next;
    states = createTriggerStates(next, tick, previous);
    bus.emitDynamic('rules.loaded', { triggers: next.triggers.length, source: next.source });
  }

  function record(r: RunRecord<I>): void {
    if (!replaying) records.push(r);
  }

  const engine: Engine<W, R, I> = {
    scenario,
    catalogue,
    seed,
    get tick() {
      return tick;
    },
    get world() {
      return world;
    },
    runtime,
    log,
    bus,
    get rules() {
      return rules;
    },
    get alarms() {
      return alarms;
    },
    initialRules: opts.rules,
    rng,
    records,
    step(input = scenario.idleInput) {
      if (!replaying) {
        const json = JSON.stringify(input);
        if (json !== lastInputJson) {
          lastInputJson = json;
          records.push({ tick, input: internInput(json) });
        }
      }
      bus.beginTick(tick);
      draft = createDraft(world as object) as Draft<W>;
      fc.world = draft;
      stepCtx.world = draft;
      stepCtx.input = input;
      stepCtx.tick = tick;
      scenario.step(stepCtx);
      bus.drain();
      runDue();
      bus.drain();
      runStateTriggers();
      bus.drain();
      alarms.close(tick + 1, stepCtx.emit);
      bus.drain();
      world = finishDraft(draft) as W;
      draft = null;
      fc.world = world;
      tick++;
      if (tick % snapshotEvery === 0) takeSnapshot();
    },
    applyRules(next) {
      record({ tick, rules: next.text, source: next.source });
      bus.beginTick(tick);
      doApplyRules(next);
      bus.drain();
    },
    setTriggerEnabled(id, enabled) {
      const t = rules.byId.get(id);
      if (!t) return;
      record({ tick, toggle: [id, enabled] });
      (states[t.index] as TriggerState).enabled = enabled;
    },
    triggerStates: () => states,
    explain(triggerId, ev) {
      const t = rules.byId.get(triggerId);
      if (!t)
        return {
          trigger: triggerId,
          wouldFire: false,
          firedFor: false,
          blockers: [`no trigger with id "${triggerId}"`],
          condition: null,
        };
      const s = states[t.index] as TriggerState;
      const blockers: string[] = [];
      if (!s.enabled) blockers.push('it is disabled');
      if (s.spent) blockers.push(`it fires once and already fired at tick ${s.lastFiredTick}`);
      if (tick < s.cooldownUntil)
        blockers.push(
          `it is cooling down until tick ${s.cooldownUntil} (${((s.cooldownUntil - tick) / 60).toFixed(1)} s left)`,
        );
      if (t.mode === 'on' && ev && ev.type !== t.on) blockers.push(`it listens to "${t.on}", not "${ev.type}"`);
      if (t.mode !== 'on' && ev) blockers.push(`it is a "${t.mode}" trigger: it reads the world, not events`);
      if (t.mode === 'while' && s.latched)
        blockers.push(
          `it already fired while the condition has held (since tick ${s.holdingSince}); it fires again after the condition turns false and back`,
        );
      else if (t.mode === 'while' && s.holdingSince >= 0 && tick - s.holdingSince < t.forTicks)
        blockers.push(
          `the condition has held for ${((tick - s.holdingSince) / 60).toFixed(1)} s of the ${(t.forTicks / 60).toFixed(1)} s it needs`,
        );
      const condition = t.explain ? t.explain(t.mode === 'on' ? ev : null, fc) : null;
      // An event it already fired for (its trigger.fired follows in the same tick) is reported as such.
      let firedFor = false;
      if (ev && t.mode === 'on') {
        for (let o = ev.seq + 1; o < log.end; o++) {
          const next = log.at(o);
          if (!next || next.tick !== ev.tick) break;
          const p = next.payload as { trigger?: string; seq?: number };
          if (next.type === 'trigger.fired' && p.trigger === t.id && p.seq === ev.seq) {
            firedFor = true;
            break;
          }
        }
      }
      if (firedFor) return { trigger: t.id, wouldFire: true, firedFor, blockers: [], condition };
      return {
        trigger: t.id,
        wouldFire: blockers.length === 0 && (condition?.pass ?? true),
        firedFor,
        blockers,
        condition,
      };
    },
    get oldestTick() {
      return snapshots[0]?.tick ?? tick;
    },
    rewind(target) {
      const clamped = Math.max(engine.oldestTick, Math.min(target, tick));
      let snap: Snapshot<W> | undefined;
      for (let i = snapshots.length - 1; i >= 0; i--)
        if ((snapshots[i] as Snapshot<W>).tick <= clamped) {
          snap = snapshots[i];
          break;
        }
      if (!snap) return;
      const future = records.slice(snap.records).filter((r) => r.tick < clamped);
      const lastInput =
        [...records.slice(0, snap.records)].reverse().find((r) => r.input !== undefined)?.input ?? scenario.idleInput;
      records.length = snap.records;
      snapshots.length = snapshots.indexOf(snap) + 1;
      tick = snap.tick;
      world = snap.world;
      fc.world = world;
      scenario.restoreRuntime(runtime, snap.runtime);
      rng.restore(snap.rng);
      states = copyTriggerStates(snap.triggers);
      windows = createWindows(snap.rules);
      windows.states = snap.windows.map(copyWindowState);
      alarms = createAlarmSet(snap.rules.alarms, undefined, snap.alarms);
      pending = snap.pending.slice();
      rules = snap.rules;
      log.truncate(snap.logEnd, snap.hashState);
      // Re-simulate up to the target with the recorded inputs and controls.
      let input = lastInput;
      let k = 0;
      while (tick < clamped) {
        while (k < future.length && (future[k] as RunRecord<I>).tick <= tick) {
          const r = future[k++] as RunRecord<I>;
          records.push(r);
          if (r.input !== undefined) input = r.input;
          if (r.toggle) {
            const t = rules.byId.get(r.toggle[0]);
            if (t) (states[t.index] as TriggerState).enabled = r.toggle[1];
          }
          if (r.rules !== undefined) {
            const loaded = loadRules(r.rules, catalogue, r.source ?? rules.source);
            if (loaded.ok) {
              bus.beginTick(tick);
              doApplyRules(loaded.rules);
              bus.drain();
            }
          }
        }
        replaying = true;
        try {
          engine.step(input);
        } finally {
          replaying = false;
        }
      }
      lastInputJson = JSON.stringify(input);
    },
    summary: () => scenario.summary(world, runtime),
  };

  takeSnapshot();
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

interface Windows {
  states: WindowState[];
  readonly index: ReadonlyMap<string, number>;
  readonly byType: ReadonlyMap<string, number[]>;
}

/** Window states for compiled rules; a window whose id and definition are unchanged keeps what it has seen. */
function createWindows(rules: CompiledRules, previousRules?: CompiledRules, previous?: Windows): Windows {
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
