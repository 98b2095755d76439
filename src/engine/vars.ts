import type { CompiledRules } from './rules/compileRules';
import type { VarValue } from './rules/format';
import { describeFound } from './rules/errors';

/** The rules variables' values by name: world state the rules own (in snapshots, kept across reloads). */
export type Vars = Map<string, VarValue>;

/** Variables of compiled rules at their initial values; one kept from `previous` with its name and type keeps its value. */
export function createVars(rules: CompiledRules, previous?: ReadonlyMap<string, VarValue>): Vars {
  const vars: Vars = new Map();
  for (const [name, spec] of Object.entries(rules.file.vars ?? {})) {
    const old = previous?.get(name);
    vars.set(name, old !== undefined && typeof old === spec.type ? old : spec.initial);
  }
  return vars;
}

/**
 * Sets a variable to a value of its type; returns the old value when it changed, undefined when it did not. Throws
 * (the engine turns it into `engine.error`) on an undeclared name or a value of another type.
 */
export function assignVar(vars: Vars, name: string, value: unknown): VarValue | undefined {
  const from = vars.get(name);
  if (from === undefined) throw new Error(`no variable "${name}" is declared in "vars"`);
  if (typeof value !== typeof from || (typeof value === 'number' && !Number.isFinite(value)))
    throw new Error(`variable "${name}" is a ${typeof from}, found ${describeFound(value)}`);
  if (value === from) return undefined;
  vars.set(name, value as VarValue);
  return from;
}
