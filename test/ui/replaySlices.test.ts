import { describe, expect, it } from 'vitest';
import { createReplay, exportRun, MAX_RUN_TICKS, parseRun } from '../../src/engine';
import type { AnyScenario } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { replayInSlices } from '../../src/ui/replaySlices';
import { runScenario } from './helpers';

const demo = scenarios.demo as AnyScenario;

describe('an imported run replays in slices', () => {
  const run = exportRun(runScenario('demo', 120, { seed: 5 }));

  it('reaches the exported hash, reporting progress that only grows, in slices of at most 15 ticks a step', async () => {
    const job = createReplay(run, demo);
    const seen: number[] = [];
    expect(await replayInSlices(job, (done) => seen.push(done))).toBe(true);
    expect(job.engine.tick).toBe(run.ticks);
    expect(job.engine.log.hash()).toBe(run.hash);
    expect(seen.at(-1)).toBe(run.ticks);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('stops when cancelled and leaves the replay where it was', async () => {
    const job = createReplay(run, demo);
    const abort = new AbortController();
    const finished = await replayInSlices(job, () => abort.abort(), abort.signal);
    expect(finished).toBe(false);
    expect(job.engine.tick).toBeLessThan(run.ticks);
  });

  it('refuses a run longer than an hour (216,000 ticks) before replaying anything', () => {
    const long = JSON.stringify({ ...run, ticks: MAX_RUN_TICKS + 1 });
    expect(parseRun(long, scenarios, 'long.json')).toEqual({
      ok: false,
      errors: ['long.json: ticks: expected a whole number from 0 to 216000 (an hour), found 216001'],
    });
  });
});
