import { cityView } from './city';
import { cloudView } from './cloud';
import type { ScenarioView } from './view';

/** Scenarios the page can show, by name (each needs a renderer and a HUD). */
export const views: Readonly<Record<string, ScenarioView>> = {
  city: cityView,
  cloud: cloudView,
};
