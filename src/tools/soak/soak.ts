import { configureFreezing, createEngine, scenarioCatalogue, loadRules } from '../../engine';
import { readFileSync } from 'node:fs';
import { scenarios } from '../../scenarios';
import { intFlag, parseFlags, runCli, UsageError } from '../../cli/args';
import { findScenario } from '../../cli/load';
import { canCollect, collect } from '../bench/harness';

/** The log and the time-travel history, at sizes every scenario fills within its first simulated minute. */
const SOAK_BOUNDS = { logCapacity: 100, historyTicks: 30 * 60, snapshotEvery: 60 };

const USAGE = 'npm run soak -- [--scenario <name>] [--minutes <n>] [--seed <n>]';

/** Heap in use after a full collection. */
function heapMb(): number {
  collect();
  return process.memoryUsage().heapUsed / 1e6;
}

/**
 * Runs each scenario headless for an hour of game time (216,000 ticks) with the log and history at their bounds,
 * and compares the heap after the first minute with the heap at the end: a leak shows as growth.
 */
runCli(() => {
  const { values } = parseFlags(
    process.argv.slice(2),
    { scenario: { type: 'string' }, minutes: { type: 'string' }, seed: { type: 'string' } },
    USAGE,
  );
  const minutes = intFlag('minutes', values.minutes, 60, 2, 24 * 60);
  const seed = intFlag('seed', values.seed, 1, 0, 0xffffffff);
  const names = values.scenario ? [findScenario(values.scenario).name] : Object.keys(scenarios);
  if (!canCollect) process.stderr.write('note: no way to force a GC here; heap figures include garbage\n');
  configureFreezing(false);
  let failed = 0;
  for (const name of names) {
    const scenario = Object.hasOwn(scenarios, name) ? scenarios[name] : undefined;
    if (!scenario) throw new UsageError(`unknown scenario ${name}`);
    const loaded = loadRules(readFileSync(scenario.rulesFile, 'utf8'), scenarioCatalogue(scenario), scenario.rulesFile);
    if (!loaded.ok) throw new UsageError(`${scenario.rulesFile} does not load`);
    // Bounds small enough to be full within the first minute, so any growth after it is a leak, not a buffer filling.
    const engine = createEngine({ scenario, rules: loaded.rules, seed, ...SOAK_BOUNDS });
    const autopilot = scenario.createAutopilot(seed);
    const ticks = minutes * 3600;
    let afterMinute = 0;
    const t0 = performance.now();
    for (let i = 0; i < ticks; i++) {
      engine.step(autopilot(engine.world, engine.runtime, engine.tick));
      if (engine.tick === 3600) afterMinute = heapMb();
    }
    const end = heapMb();
    const growth = (end - afterMinute) / afterMinute;
    const ok = growth <= 0.1;
    if (!ok) failed++;
    process.stdout.write(
      `${name.padEnd(6)} ${minutes} min (${ticks} ticks) in ${((performance.now() - t0) / 1000).toFixed(1)} s  ` +
        `heap after 1 min ${afterMinute.toFixed(1)} MB, at the end ${end.toFixed(1)} MB (${(growth * 100).toFixed(1)}%)  ` +
        `log ${engine.log.end - engine.log.start}/${engine.log.capacity} retained of ${engine.log.end}, records ${engine.records.length}  ${ok ? 'ok' : 'GREW MORE THAN 10%'}\n`,
    );
  }
  return failed ? 1 : 0;
});
