import type { AnyEngine as Engine } from '../engine';

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
