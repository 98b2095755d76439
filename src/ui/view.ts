import type { AnyEngine as Engine } from '../engine';
import type { Keyboard } from './keyboard';
import type { TouchButton } from './input/touch';

/** Draws a scenario's world with Pixi; reads the engine, never changes it. */
export interface ScenarioRenderer {
  readonly canvas: HTMLCanvasElement;
  /** Draws the current world; `alpha` (0…1) interpolates between the last two ticks. */
  draw(engine: Engine, alpha: number): void;
  destroy(): void;
}

/** Settings the player controls that views read. */
export interface ViewSettings {
  reducedMotion: boolean;
  muted: boolean;
}

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
}
