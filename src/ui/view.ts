import type { AnyScenario, AnyEngine as Engine } from '../engine';
import type { ScenarioRenderer, ViewSettings } from '../render/contract';
import type { Keyboard } from './keyboard';
import type { TimelineMarks } from './panels/time/markers';
import type { ScenarioParam } from './urlParams';
import type { TouchButton } from './input/touch';

/** HUD and extras drawn in the DOM over the canvas. */
export interface Hud {
  update(engine: Engine): void;
  destroy(): void;
}

/** Everything the page needs to present one scenario. */
export interface ScenarioView<I = unknown> {
  /** The keys and what they do, shown on screen. */
  readonly controls: readonly [string, string][];
  createRenderer(host: HTMLElement, engine: Engine, settings: ViewSettings): Promise<ScenarioRenderer>;
  createHud(host: HTMLElement, engine: Engine, settings: ViewSettings): Hud;
  /** Turns held keys (from the keyboard, touch controls or a gamepad) into this tick's input record. */
  readInput(keys: Pick<Keyboard, 'held'>): I;
  /** Buttons beside the virtual stick on touch screens; without them the scenario shows no touch controls. */
  readonly touchButtons?: readonly TouchButton[];
  /** A few live numbers for tests and the console (e.g. the player's position), copied out of the runtime. */
  probe?(engine: Engine): Record<string, unknown>;
  /** Sound for this scenario (created after a user gesture). */
  createAudio?(engine: Engine, settings: ViewSettings): { update(engine: Engine): void; destroy(): void };
  /** URL parameters this scenario alone has (e.g. the city's `civilians`), with their checks. */
  readonly params?: readonly ScenarioParam[];
  /** The scenario as its own URL parameters ask for it (only called when the URL set some). */
  createScenario?(params: ReadonlyMap<string, number>): AnyScenario;
  /** The key moments the Time panel marks on its timeline (besides rules changes). */
  readonly timeline?: TimelineMarks;
}
