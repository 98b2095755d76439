import type { Draft } from 'immer';
import type { Bus } from './bus';
import type { DelayLoops } from './delayLoops';
import type { Cause, SirenEvent } from './events';
import type { EventLog } from './log';
import type { AlarmSet } from './alarms/runtime';
import type { ExternalEvent, RunRecorder } from './record';
import type { Rng } from './rng';
import type { Catalogue } from './rules/catalogue';
import type { CompiledRules, CompiledTrigger } from './rules/compileRules';
import type { FactContext } from './rules/ruleTypes';
import type { WindowState } from './rules/windows';
import type { Scenario } from './scenario';
import type { TriggerState } from './triggers';
import type { Timers } from './timers';
import type { Vars } from './vars';
import type { PendingCap, WorkBudget } from './workBudget';

/** A fire whose actions wait for their `delay`. */
export interface Pending {
  readonly due: number;
  readonly trigger: CompiledTrigger;
  readonly ev: SirenEvent | null;
  readonly depth: number;
  readonly cause: Cause | undefined;
}

/** The sliding windows of the current rules: their states, and which windows each event type feeds. */
export interface Windows {
  states: WindowState[];
  readonly index: ReadonlyMap<string, number>;
  readonly byType: ReadonlyMap<string, number[]>;
}

/**
 * Asked after each event a tick delivers, with the ids of the triggers fired since the previous call (the fires
 * that event caused, or a timer's or state trigger's fire just before it) and of those whose actions ran since
 * (delayed ones included): true suspends the tick right there.
 */
export type BreakTest = (ev: SirenEvent, fired: readonly string[], ran: readonly string[]) => boolean;

/** An engine's mutable state, shared by its modules (history, rules application, dispatch, record). */
export interface EngineCore<W, R, I> {
  readonly scenario: Scenario<W, R, I>;
  readonly catalogue: Catalogue;
  readonly log: EventLog;
  readonly bus: Bus<Record<string, unknown>>;
  readonly rng: Rng;
  readonly runtime: R;
  /** Emit `trigger.fired` events. */
  readonly traceFires: boolean;
  /** The facts conditions read: `world` is the draft during a tick, the committed world between ticks. */
  readonly fc: FactContext & { world: unknown };
  readonly recorder: RunRecorder<I>;
  /** The tick's budget of condition work (comparisons and window entries read). */
  readonly work: WorkBudget;
  /** The cap on delayed actions waiting at once. */
  readonly pendingCap: PendingCap;
  /** The committed world of the last tick. */
  world: W;
  /** The world being changed during a tick, null between ticks. */
  draft: Draft<W> | null;
  rules: CompiledRules;
  states: TriggerState[];
  windows: Windows;
  /** The rules' alarms: each period's events become one datapoint, evaluated when the period closes. */
  alarms: AlarmSet;
  pending: Pending[];
  /** Delayed fires by depth, to spot loops through `delay` that grow every round. */
  delayLoops: DelayLoops;
  /** Events from outside the run waiting for the start of the next tick. */
  inbox: ExternalEvent[];
  /** The rules variables' values. */
  vars: Vars;
  /** The running rules timers. */
  timers: Timers;
  /** Ticks completed so far. */
  tick: number;
  /** The step of the tick in progress to run next (0: no tick in progress); a suspended tick resumes here. */
  phase: number;
  /** The event a suspended tick stopped after (null: not suspended). */
  suspendedAt: SirenEvent | null;
  breakTest: BreakTest | null;
  /** Triggers fired, and triggers whose actions ran, since the last break test (collected only while there is one). */
  readonly fired: string[];
  readonly ran: string[];
}
