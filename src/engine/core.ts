import type { Draft } from 'immer';
import type { Bus } from './bus';
import type { Cause, SirenEvent } from './events';
import type { EventLog } from './log';
import type { RunRecorder } from './record';
import type { Rng } from './rng';
import type { Catalogue } from './rules/catalogue';
import type { CompiledRules, CompiledTrigger } from './rules/compileRules';
import type { FactContext } from './rules/facts';
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
  pending: Pending[];
  /** The rules variables' values. */
  vars: Vars;
  /** The running rules timers. */
  timers: Timers;
  /** Ticks completed so far. */
  tick: number;
}
