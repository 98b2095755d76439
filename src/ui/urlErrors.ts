import { quoteName, unknownName } from '../engine';

/** One URL-parameter problem: where (the parameter), what was expected and found, and what the page does instead. */
export function urlError(name: string, what: string, instead: string): string {
  return `URL parameter ${quoteName(name)}: ${what}; ${instead}`;
}

/** "expected a whole number from 0 to max, found text". */
export function expectedWholeNumber(max: number, text: string): string {
  return `expected a whole number from 0 to ${max}, found ${quoteName(text)}`;
}

/** A parameter no scenario has. */
export function urlUnknownParam(key: string, known: readonly string[]): string {
  return urlError(key, unknownName('parameter', key, known), 'it was ignored');
}

/** How many more unknown parameters were ignored past those named. */
export function urlMoreUnknown(count: number): string {
  return `${count} more unknown URL parameters were ignored`;
}

/** A scenario this page does not have. */
export function urlUnknownScenario(name: string, known: readonly string[], playing: string): string {
  return urlError('scenario', unknownName('scenario', name, known), `playing "${playing}"`);
}

/** A seed that is not a 32-bit whole number. */
export function urlBadSeed(text: string): string {
  return urlError('seed', expectedWholeNumber(4294967295, text), 'using seed 1');
}

/** A rules address that is not a URL. */
export function urlRulesNotUrl(text: string): string {
  return urlError('rules', `${quoteName(text)} is not a URL`, 'using the default rules');
}

/** A rules address on another site. */
export function urlRulesOtherOrigin(origin: string): string {
  return urlError('rules', `only rules from this site can be loaded, not ${origin}`, 'using the default rules');
}

/** A flag that is neither on nor off. */
export function urlBadFlag(flag: string, text: string): string {
  return urlError(flag, `expected 1 or 0, found ${quoteName(text)}`, 'it was ignored');
}

/** A scenario parameter whose value its scenario rejects (`what`: expected and found). */
export function urlBadScenarioParam(name: string, what: string): string {
  return urlError(name, what, 'it was ignored');
}

/** A parameter of another scenario than the one played. */
export function urlParamOfOtherScenario(name: string, owner: string, playing: string): string {
  return urlError(name, `only the ${owner} has ${name}, not "${playing}"`, 'it was ignored');
}
