import type { ReadonlySignal, Signal } from '@preact/signals';
import type { AnyEngine, Catalogue, CompiledRules, Loop, RunFile } from '../../engine';
import type { DebugSession } from '../debug/session';
import type { ScenarioView } from '../view';
import type { ClassroomLink } from '../classroom/link';

/** What every teaching panel gets: the running engine, a clock to re-read it by, and the page's controls. */
export interface PanelContext {
  /** The engine now (restart, import and replay swap it). */
  readonly engine: ReadonlySignal<AnyEngine>;
  /** Bumped a few times a second while running, and at once on pause, step, rewind or new rules: re-read then. */
  readonly version: ReadonlySignal<number>;
  /** Pause, single step and speed. */
  readonly loop: Loop;
  /** The event (offset) selected in any panel: the log, trace and inspector follow it. */
  readonly selected: Signal<number | null>;
  readonly scenario: string;
  /** How the page presents the scenario, with what it adds to the panels (e.g. its timeline markers). */
  readonly view: ScenarioView;
  readonly catalogue: Catalogue;
  /** True under `npm run dev` (Save can write the rules file through the dev server). */
  readonly dev: boolean;
  /** Compiles and applies rules text to the running game; returns the formatted errors (empty when applied). */
  applyRulesText(text: string, file: string): string[];
  /** Hides the page's rules-errors overlay if it shows the errors of `file` (a draft the editor discarded). */
  dismissRulesErrors?(file: string): void;
  /** The rules running now. */
  rules(): CompiledRules;
  /** Replaces the engine by a fresh one, or one replaying an imported run. */
  restart(options?: { rules?: CompiledRules; seed?: number }): void;
  /** Replays a run in slices (never blocking the page more than a frame); resolves false when `signal` cancelled it. */
  replay(run: RunFile, onProgress?: (ticksDone: number) => void, signal?: AbortSignal): Promise<boolean>;
  /** Tells the page something changed the world outside the loop (rewind, step): panels and canvas refresh. */
  touch(): void;
  /** Opens a panel by id. */
  open(panel: string): void;
  /** Breakpoints, watches and the paused event (absent where panels run without the page's loop). */
  readonly debug?: DebugSession;
  /** The page's link to a classroom broker, once joined (`?room=&name=&broker=`). */
  classroom?(): ClassroomLink | null;
}

/** A panel module's face: mount into a host, return a function that unmounts. */
export type MountPanel = (host: HTMLElement, ctx: PanelContext) => () => void;
