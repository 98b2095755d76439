import { createEngine } from '../../engine';
import type { AnyScenario } from '../../engine';
import { scenarios } from '../../scenarios';
import { loadRulesFile } from '../../cli/load';
import { measure } from './harness';
import type { Alternative } from './harness';
import { measuredJson, ms, times } from './report';
import type { Benchmark } from './report';

const SEED = 42;

/** Every registered scenario with its own rules file and autopilot, headless as `npm run sim` runs it. */
export const headlessBenchmark: Benchmark = {
  name: 'headless',
  description: 'simulated seconds per wall second of every registered scenario (its rules file and autopilot)',
  async run({ quick, reps, progress }) {
    const seconds = quick ? 20 : 60;
    const ticks = seconds * 60;
    const hashes = new Map<string, Set<string>>();
    const alts: Alternative[] = Object.entries(scenarios).map(([name, scenario]: [string, AnyScenario]) => {
      const rules = loadRulesFile(scenario.rulesFile, scenario);
      hashes.set(name, new Set());
      return {
        name,
        label: name,
        units: seconds,
        prepare() {
          const engine = createEngine({ scenario, rules, seed: SEED, historyTicks: 600 });
          const autopilot = scenario.createAutopilot(SEED);
          return () => {
            for (let i = 0; i < ticks; i++) engine.step(autopilot(engine.world, engine.runtime, engine.tick));
            hashes.get(name)?.add(engine.log.hash());
            return engine.log.end;
          };
        },
      };
    });
    progress(`headless: ${alts.map((a) => a.name).join(', ')}, ${seconds} simulated s × ${reps.reps} reps`);
    const res = await measure(alts, reps);
    for (const [name, set] of hashes)
      if (set.size !== 1)
        throw new Error(
          `headless: ${name} gave ${set.size} different hashes for the same seed and rules: ${[...set].join(', ')}`,
        );
    return {
      tables: [
        {
          title: `headless — every registered scenario, seed ${SEED}, its rules file and autopilot, ${seconds} simulated seconds per run`,
          columns: ['scenario', 'simulated s per wall s', 'events', 'events/s', 'median ms', 'min ms'],
          rows: res.map((m) => [
            m.label,
            times(m.perSecond),
            m.check.toLocaleString('en-US'),
            Math.round((m.check * 1000) / m.medianMs).toLocaleString('en-US'),
            ms(m.medianMs),
            ms(m.minMs),
          ]),
          notes: [
            'the same seed gave the same log hash in every run; DESIGN asks for 60 s of the city "well under a second" (> 60×, start-up included)',
          ],
        },
      ],
      targets: [],
      data: {
        seed: SEED,
        seconds,
        results: res.map((m) => ({
          name: m.name,
          events: m.check,
          hash: [...(hashes.get(m.name) ?? [])][0],
          ...measuredJson(m),
        })),
      },
    };
  },
};
