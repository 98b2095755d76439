import { unknownName } from './rules/errors';

/** One run-file problem: where (`file: path`), then what was expected and what was found. */
export function runError(file: string, where: string, what: string): string {
  return `${file}: ${where}: ${what}`;
}

/** The file is longer than a run may be. */
export function runTooLarge(file: string, length: number, limit: number): string {
  return `${file}: too large (${length} characters; the limit is ${limit})`;
}

/** The file is not JSON (found: the parser's message). */
export function runNotJson(file: string, parserMessage: string): string {
  return `${file}: not valid JSON: ${parserMessage}`;
}

/** A field has the wrong kind of value. */
export function runWrongValue(file: string, where: string, expected: string, found: string): string {
  return runError(file, where, `expected ${expected}, found ${found}`);
}

/** A required field is absent. */
export function runMissingField(file: string, where: string): string {
  return runError(file, where, 'missing required field');
}

/** Fields a run file does not have. */
export function runUnknownFields(file: string, where: string, keys: readonly string[]): string {
  const names = keys.map((k) => JSON.stringify(k)).join(', ');
  return runError(file, where, `unknown field${keys.length > 1 ? 's' : ''} ${names}`);
}

/** The run is of a scenario this build does not have. */
export function runUnknownScenario(file: string, name: string, known: readonly string[]): string {
  return runError(file, 'scenario', unknownName('scenario', name, known));
}

/** The run is of another scenario than the one the page plays. */
export function runOtherScenario(file: string, found: string, expected: string): string {
  return runError(
    file,
    'scenario',
    `this run is of "${found}", but the page plays "${expected}"; open it with ?scenario=${found}`,
  );
}

/** A record's tick is before the previous record's. */
export function runTickBackwards(file: string, index: number, tick: number, last: number): string {
  return runError(file, `records[${index}].tick`, `ticks must not go backwards (${tick} after ${last})`);
}

/** A record's tick is after the run's last tick. */
export function runTickAfterEnd(file: string, index: number, tick: number, ticks: number): string {
  return runError(file, `records[${index}].tick`, `${tick} is after the end of the run (${ticks})`);
}

/** A record's input is not one the scenario accepts (the scenario's message says what was expected and found). */
export function runBadInput(file: string, index: number, message: string): string {
  return runError(file, `records[${index}].input`, message);
}

/** A rules problem inside the run, already located by the rules loader. */
export function runRulesError(file: string, located: string): string {
  return `${file}: ${located}`;
}
