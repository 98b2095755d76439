import type { AnyScenario } from '../engine';
import { cityScenario } from './city';
import { cloudScenario } from './cloud';
import { demoScenario } from './demo';

/** Every scenario by name: the CLI, the page and imports look them up here. */
export const scenarios: Readonly<Record<string, AnyScenario>> = {
  demo: demoScenario,
  city: cityScenario,
  cloud: cloudScenario,
};
