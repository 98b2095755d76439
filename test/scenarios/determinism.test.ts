import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, exportRun, loadRules, parseRun, replayRun, scenarioCatalogue } from '../../src/engine';
import type { AnyEngine } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { runCli } from '../cli/run';
import type { CliResult } from '../cli/run';

// The same seed, rules and inputs give the same hash 100 runs in a row, in this process (events and the
// world frozen, as in dev) and in a fresh Node process running the CLI (nothing frozen, as in production).
const RUNS = 100;
const SECONDS = 20;
const SEED = 7;

function run(name: string): AnyEngine {
  const scenario = scenarios[name]!;
  const loaded = loadRules(readFileSync(scenario.rulesFile, 'utf8'), scenarioCatalogue(scenario), scenario.rulesFile);
  if (!loaded.ok) throw new Error(`${scenario.rulesFile} does not load`);
  const engine = createEngine({ scenario, rules: loaded.rules, seed: SEED });
  const pilot = scenario.createAutopilot(SEED);
  for (let i = 0; i < SECONDS * 60; i++) engine.step(pilot(engine.world, engine.runtime, engine.tick));
  return engine;
}

const fingerprint = (e: AnyEngine) => ({ hash: e.log.hash(), events: e.log.end, world: JSON.stringify(e.world) });
const names = Object.keys(scenarios);

let fresh: Record<string, CliResult>;
beforeAll(async () => {
  const results = await Promise.all(
    names.map((name) =>
      runCli('src/cli/sim.ts', ['--scenario', name, '--seed', String(SEED), '--seconds', String(SECONDS), '--json']),
    ),
  );
  fresh = Object.fromEntries(names.map((n, i) => [n, results[i] as CliResult]));
}, 180_000);

describe.each(names)('determinism of %s', { timeout: 240_000 }, (name) => {
  let reference: ReturnType<typeof fingerprint>;
  let engine: AnyEngine;
  beforeAll(() => {
    engine = run(name);
    reference = fingerprint(engine);
  }, 60_000);

  it(`${RUNS} runs in a row give the same hash, event count and world`, () => {
    const differing: number[] = [];
    for (let i = 1; i < RUNS; i++) {
      const f = fingerprint(run(name));
      if (f.hash !== reference.hash || f.events !== reference.events || f.world !== reference.world) differing.push(i);
    }
    expect(differing).toEqual([]);
    expect(reference.events).toBeGreaterThan(0);
  });

  it('a fresh process (the CLI, nothing frozen) gives the same hash', () => {
    const r = fresh[name] as CliResult;
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { hash: string }).hash).toBe(reference.hash);
  });

  it('the exported run replays to the same hash', () => {
    const parsed = parseRun(JSON.stringify(exportRun(engine)), scenarios);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(replayRun(parsed.run, scenarios[name]!).log.hash()).toBe(reference.hash);
  });
});
