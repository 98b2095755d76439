import type { SirenEvent } from '../../src/engine';
import type { CityWorld } from '../../src/scenarios/city/types';

/** The read-only test hook the page puts on `window.siren` (see src/ui/app.ts), as the city scenario fills it. */
export interface SirenHook {
  readonly scenario: string;
  readonly tick: number;
  readonly world: CityWorld;
  readonly hash: string;
  readonly paused: boolean;
  readonly rulesErrors: string[];
  readonly notices: string[];
  /** The engine warnings and errors shown over the game (empty when none is up). */
  readonly alerts: string[];
  readonly rulesSource: string;
  /** Id of the open teaching panel, or null. */
  readonly panel: string | null;
  events(fromOffset?: number, type?: string): SirenEvent[];
  triggers(): { id: string; [k: string]: unknown }[];
  summary(): Record<string, unknown>;
  probe(): { x: number; y: number; car: number; health: number; wanted: number; pursuit: string };
  frameStats(): { p50: number; p95: number; frames: number };
  settings(): { reducedMotion: boolean; muted: boolean };
}

/** `window` as seen from page.evaluate callbacks: `(window as SirenWindow).siren`. */
export type SirenWindow = typeof window & { siren: SirenHook };
