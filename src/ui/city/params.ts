import { err, ok } from '../../engine';
import type { AnyScenario } from '../../engine';
import { createCityScenario } from '../../scenarios/city';
import { expectedWholeNumber } from '../urlErrors';
import type { ScenarioParam } from '../urlParams';

/** The most civilians a page may ask for (the stress city of the tests and benchmarks has 2,000). */
export const MAX_CIVILIANS = 5000;

/** `?civilians=N`: a city with N civilians instead of the default (a stress test). */
export const cityParams: readonly ScenarioParam[] = [
  {
    name: 'civilians',
    parse: (text) =>
      /^\d{1,5}$/.test(text) && Number(text) <= MAX_CIVILIANS
        ? ok({ value: Number(text) })
        : err({ error: expectedWholeNumber(MAX_CIVILIANS, text) }),
  },
];

/** The city the URL asks for: its runs replay on a page asking for the same. */
export function createCityFromParams(params: ReadonlyMap<string, number>): AnyScenario {
  return createCityScenario({ civilians: params.get('civilians') });
}
