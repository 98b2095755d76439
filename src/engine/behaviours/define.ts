import type { z } from 'zod';
import type { Draft } from 'immer';
import type { SirenEvent } from '../events';
import type { Rng } from '../rng';

/** What a parameter refers to, so the loader can check names and suggest fixes. */
export type ParamKind = 'value' | 'trigger' | 'event' | 'payload' | 'var' | 'varValue' | 'timer' | 'template';

/** One behaviour parameter: its schema (for literals), what it means, and what it names. */
export interface ParamSpec<T = unknown> {
  readonly schema: z.ZodType<T>;
  readonly description: string;
  readonly kind?: ParamKind;
  /** For a "var" parameter: the type the variable it names must have (any type when absent). */
  readonly varType?: 'number' | 'string' | 'boolean';
}

/** What a behaviour can touch while it runs: the world draft, the emitter, and its scenario's runtime. */
export interface BehaviourContext<W = unknown, R = unknown> {
  /** The immer draft of this tick's rule-driven state. */
  readonly world: Draft<W>;
  /** Mutable scenario runtime (typed arrays for motion and the like). */
  readonly runtime: R;
  /** The event that fired the trigger (null for timers and state triggers). */
  readonly event: SirenEvent | null;
  /** Id of the trigger that is running this behaviour. */
  readonly trigger: string;
  readonly tick: number;
  readonly rng: Rng;
  /** Emits an event caused by this trigger firing. */
  emit(type: string, payload: object): void;
  /** Enables or disables a trigger by id. */
  setTriggerEnabled(id: string, enabled: boolean): void;
  /** A rules variable's value (undefined when the rules declare no such variable). */
  getVar(name: string): number | string | boolean | undefined;
  /** Sets a rules variable, emitting `var.changed` when its value changes; throws on an undeclared name or a value of another type. */
  setVar(name: string, value: unknown): void;
  /** Starts (or restarts) a named rules timer. */
  startTimer(name: string, seconds: number, repeat: boolean): void;
  /** Stops a named rules timer. */
  stopTimer(name: string): void;
}

type ParamValues<P extends Record<string, ParamSpec>> = { [K in keyof P]: z.infer<P[K]['schema']> };

/** A named behaviour: the unit of "what happens" that rules refer to by name. */
export interface BehaviourDef<W = unknown, R = unknown> {
  readonly name: string;
  readonly description: string;
  readonly params: Readonly<Record<string, ParamSpec>>;
  /**
   * The event types it may emit, for static analysis (loop warnings, the rule graph). A parameter of kind "event" adds
   * the type it names. Absent means "none declared".
   */
  readonly emits?: readonly string[];
  /** A check across literal parameters at load (e.g. a range that depends on another parameter): the error, or null. */
  readonly checkLiterals?: LiteralCheck;
  run(ctx: BehaviourContext<W, R>, params: Record<string, unknown>): void;
}

/** A load-time check of an action's literal parameters: where it fails and why, or null. */
export type LiteralCheck = (params: Readonly<Record<string, unknown>>) => { param: string; message: string } | null;

/** Declares a behaviour with typed parameters. */
export function defineBehaviour<W, R, const P extends Record<string, ParamSpec>>(def: {
  name: string;
  description: string;
  params: P;
  emits?: readonly string[];
  run(ctx: BehaviourContext<W, R>, params: ParamValues<P>): void;
}): BehaviourDef<W, R> {
  return def;
}

/** A `defineBehaviour` bound to a scenario's world and runtime types, so parameters are inferred: `const define = behaviourFactory<CityWorld, CityRuntime>()`. */
export function behaviourFactory<W, R = unknown>() {
  return <const P extends Record<string, ParamSpec>>(def: {
    name: string;
    description: string;
    params: P;
    emits?: readonly string[];
    checkLiterals?: LiteralCheck;
    run(ctx: BehaviourContext<W, R>, params: ParamValues<P>): void;
  }): BehaviourDef<W, R> => def;
}
