import type { Scenario } from '../engine';
import { demoScenario } from './demo';

/** Every scenario by name: the CLI, the page and imports look them up here. */
export const scenarios: Readonly<Record<string, Scenario<never, never, never>>> = {
  demo: demoScenario as unknown as Scenario<never, never, never>,
};
