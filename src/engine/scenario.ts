import type { Draft } from 'immer';
import type { BehaviourDef } from './behaviours';
import type { EventSpecs } from './events';
import type { FactSpec } from './rules/catalogue';
import type { Rng } from './rng';

/** What a scenario's systems get each tick. */
export interface StepContext<W, R, I> {
  /** The immer draft of rule-driven state for this tick. */
  readonly world: Draft<W>;
  /** Mutable runtime state (typed arrays for motion and the like). */
  readonly runtime: R;
  readonly input: I;
  readonly tick: number;
  readonly rng: Rng;
  /** Emits a fact (queued; delivered after the systems run). */
  emit(type: string, payload: object): void;
  /** Delivers queued events now, so systems later in the tick see their consequences. */
  flush(): void;
}

/** A scenario: its world, its systems, its events, behaviours and facts. The engine runs any scenario. */
export interface Scenario<W = unknown, R = unknown, I = unknown> {
  readonly name: string;
  readonly description: string;
  readonly events: EventSpecs;
  readonly behaviours: readonly BehaviourDef<W, R>[];
  readonly worldFacts: Record<string, FactSpec>;
  readonly entityFacts: Record<string, FactSpec>;
  /** Path of the default rules file, relative to the project root (e.g. "public/rules/city.json"). */
  readonly rulesFile: string;
  /** Builds the initial world and runtime from the seeded RNG. */
  init(rng: Rng): { world: W; runtime: R };
  /** Runs the systems for one tick. */
  step(ctx: StepContext<W, R, I>): void;
  /** Copies the runtime for a snapshot, and restores one. */
  saveRuntime(runtime: R): unknown;
  restoreRuntime(runtime: R, saved: unknown): void;
  /** The entity an event names, for `entity.<field>` facts. */
  entity(world: W, runtime: R, id: unknown): Readonly<Record<string, unknown>> | undefined;
  /** The input when nobody is pressing anything. */
  readonly idleInput: I;
  /** Checks an input record from an imported run; returns an error message or null. */
  checkInput(input: unknown): string | null;
  /** A deterministic player for headless runs and attract mode. */
  createAutopilot(seed: number): (world: W, runtime: R, tick: number) => I;
  /** The `final` summary of a run. */
  summary(world: W, runtime: R): Record<string, unknown>;
}

/** A scenario of any world, runtime and input type, as registries and generic tools hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyScenario = Scenario<any, any, any>;
