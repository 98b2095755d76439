import { readFileSync } from 'node:fs';
import { createEngine, formatError, loadRules, scenarioCatalogue } from '../../src/engine';
import type { AnyEngine, CompiledRules } from '../../src/engine';
import { scenarios } from '../../src/scenarios';

/** Compiles a scenario's bundled rules (or other text) or throws with every formatted error. */
export function rulesFor(
  scenario: 'demo' | 'city',
  text = readFileSync(`public/rules/${scenario}.json`, 'utf8'),
): CompiledRules {
  const r = loadRules(
    text,
    scenarioCatalogue(scenarios[scenario] as (typeof scenarios)[string]),
    `public/rules/${scenario}.json`,
  );
  if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
  return r.rules;
}

/** An engine of a scenario, run headless by its autopilot for `seconds` of game time. */
export function runScenario(
  scenario: 'demo' | 'city',
  seconds: number,
  options: { seed?: number; logCapacity?: number; rules?: CompiledRules } = {},
): AnyEngine {
  const s = scenarios[scenario] as (typeof scenarios)[string];
  const seed = options.seed ?? 7;
  const engine: AnyEngine = createEngine({
    scenario: s,
    rules: options.rules ?? rulesFor(scenario),
    seed,
    logCapacity: options.logCapacity ?? 20_000,
  });
  advance(engine, seconds, seed);
  return engine;
}

/** Runs an engine on for `seconds` more with its scenario's autopilot. */
export function advance(engine: AnyEngine, seconds: number, seed = 7): void {
  const pilot = engine.scenario.createAutopilot(seed);
  const to = engine.tick + Math.round(seconds * 60);
  while (engine.tick < to) engine.step(pilot(engine.world, engine.runtime, engine.tick));
}
