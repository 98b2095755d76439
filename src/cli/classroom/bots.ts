import { configureFreezing, createEngine } from '../../engine';
import type { AnyEngine } from '../../engine';
import { createPublisher } from '../../net/publisher';
import type { Publisher } from '../../net/publisher';
import { newRunId } from '../../net/subjects';
import { findScenario, loadRulesFile } from '../load';
import type { NodeLink } from './connect';

/** Headless students: city engines on their autopilots, in real time, each publishing its log to the room. */
export interface Bots {
  readonly names: readonly string[];
  /** Events the broker acknowledged, all bots together. */
  acked(): number;
  stop(): Promise<void>;
}

/** Starts `count` bots named `<prefix>1…<prefix>N` (seeds 1…N) on one shared connection; 60 ticks a second each. */
export function startBots(link: NodeLink, room: string, count: number, prefix = 'bot'): Bots {
  configureFreezing(false);
  const scenario = findScenario('city');
  const rules = loadRulesFile(scenario.rulesFile, scenario);
  const bots: { engine: AnyEngine; pilot: ReturnType<AnyEngine['scenario']['createAutopilot']>; pub: Publisher }[] = [];
  const names: string[] = [];
  for (let i = 1; i <= count; i++) {
    const engine = createEngine({ scenario, rules, seed: i, historyTicks: 60, logCapacity: 5000 });
    const pub = createPublisher({ js: link.js, room, student: `${prefix}${i}`, run: newRunId() });
    engine.log.onAppend((ev) => pub.push(ev));
    bots.push({ engine, pilot: scenario.createAutopilot(i), pub });
    names.push(`${prefix}${i}`);
  }
  const t0 = performance.now();
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - t0) * 60) / 1000);
    for (const b of bots) {
      // At most a second of catch-up per round: a stalled process does not burst.
      for (let k = 0; k < 60 && b.engine.tick < due; k++)
        b.engine.step(b.pilot(b.engine.world, b.engine.runtime, b.engine.tick));
    }
  }, 1000 / 30);
  return {
    names,
    acked: () => bots.reduce((n, b) => n + b.pub.status().acked, 0),
    async stop() {
      clearInterval(timer);
      await Promise.race([Promise.all(bots.map((b) => b.pub.drained())), new Promise((r) => setTimeout(r, 5000))]);
      for (const b of bots) b.pub.close();
    },
  };
}
