import { readFileSync } from 'node:fs';
import { createEngine, formatError, loadRules, scenarioCatalogue } from '../../src/engine';
import type { Engine, SirenEvent } from '../../src/engine';
import { cityScenario } from '../../src/scenarios/city';
import type { CityInput, CityRuntime, CityWorld } from '../../src/scenarios/city';

/** The default city rules as a JSON object, to edit in tests. */
export interface RulesDoc {
  triggers: { id: string; enabled?: boolean; on?: string; when?: unknown; do: Record<string, unknown>[] }[];
  [k: string]: unknown;
}

/** A fresh copy of public/rules/city.json. */
export function cityRules(): RulesDoc {
  return JSON.parse(readFileSync('public/rules/city.json', 'utf8')) as RulesDoc;
}

/** What a run left behind: the engine and every event of its log, in order. */
export interface CityRun {
  engine: Engine<CityWorld, CityRuntime, CityInput>;
  events: SirenEvent[];
  hash: string;
  final: Record<string, unknown>;
}

/** Runs the city with the autopilot for `seconds` under the given rules (default: the shipped file). */
export function runCity(seed: number, seconds = 120, rules: RulesDoc = cityRules(), historyTicks = 600): CityRun {
  const loaded = loadRules(JSON.stringify(rules), scenarioCatalogue(cityScenario), 'city.json');
  if (!loaded.ok) throw new Error(loaded.errors.map(formatError).join('\n'));
  const engine = createEngine({ scenario: cityScenario, rules: loaded.rules, seed, historyTicks });
  const events: SirenEvent[] = [];
  engine.log.onAppend((ev) => events.push(ev));
  const pilot = cityScenario.createAutopilot(seed);
  for (let i = 0; i < seconds * 60; i++) engine.step(pilot(engine.world, engine.runtime, engine.tick));
  return { engine, events, hash: engine.log.hash(), final: engine.summary() };
}

/** Events of a type. */
export function ofType<P = Record<string, unknown>>(run: CityRun, type: string): SirenEvent<string, P>[] {
  return run.events.filter((e) => e.type === type) as SirenEvent<string, P>[];
}

/** Events directly caused by event `seq`. */
export function causedBy(run: CityRun, seq: number, type?: string): SirenEvent[] {
  return run.events.filter((e) => e.cause?.seq === seq && (type === undefined || e.type === type));
}
