import { describe, expect, it } from 'vitest';
import { cloudTuning as T, HISTORY_NEXT, RPS } from '../../../../src/scenarios/cloud/config';
import { launchServer } from '../../../../src/scenarios/cloud/pool';
import { SET_UP_BEFORE_TICKS, stepSamples } from '../../../../src/scenarios/cloud/systems/sample';
import { cloudBench } from './cloudContext';

/** A cloud whose three servers run at 40, 50 and 61.04 % CPU under 123.4 requests per second. */
function steady() {
  const b = cloudBench();
  b.runtime.cpu.set([40, 50, 61.04]);
  b.runtime.traffic[RPS] = 123.4;
  return b;
}

describe('stepSamples', () => {
  it('at the end of each period, each server reports its CPU and the load balancer the average', () => {
    const b = steady();
    b.run(stepSamples, T.sampleTicks - 1);
    expect(b.emitted).toEqual([]);
    b.run(stepSamples, 1);
    const at = T.sampleTicks - 1;
    expect(b.emitted).toEqual([
      { tick: at, type: 'cpu.sampled', payload: { server: 1, cpu: 40 } },
      { tick: at, type: 'cpu.sampled', payload: { server: 2, cpu: 50 } },
      { tick: at, type: 'cpu.sampled', payload: { server: 3, cpu: 61 } },
      { tick: at, type: 'pool.sampled', payload: { cpu: 50.3, servers: 3, rps: 123 } },
    ]);
    expect(b.world).toMatchObject({ cpu: 50.3, rps: 123, samples: 1, clock: at });
    expect(b.world.servers.map((s) => s.cpu)).toEqual([40, 50, 61]);
    expect(b.world.pool.sinceScaled).toBe(Math.round((at + SET_UP_BEFORE_TICKS) / 60));
  });

  it('a booting server reports nothing, and a crashed one holds back the pool average', () => {
    const b = steady();
    launchServer(b.world, b.runtime, 0, 10_000);
    const crashed = b.world.servers[0];
    if (crashed) crashed.crashedAt = 0;
    b.run(stepSamples, T.sampleTicks);
    expect(b.emitted.map((e) => [e.type, e.payload.server])).toEqual([
      ['cpu.sampled', 2],
      ['cpu.sampled', 3],
    ]);
    expect(b.world.samples).toBe(0);
  });

  it('with the metrics agent off publishes nothing, and says so in the world', () => {
    const b = steady();
    b.run(stepSamples, T.sampleTicks, { agent: false });
    expect(b.emitted).toEqual([]);
    expect(b.world.agent).toBe(false);
    b.run(stepSamples, T.sampleTicks);
    expect(b.world.agent).toBe(true);
    expect(b.emitted.filter((e) => e.type === 'pool.sampled')).toHaveLength(1);
  });

  it("adds a point to the graphs' history twice a second: requests, capacity, average CPU and size", () => {
    const b = steady();
    launchServer(b.world, b.runtime, 0, 10_000);
    b.run(stepSamples, T.historyEvery + 1);
    const h = b.runtime.history;
    expect(b.runtime.counters[HISTORY_NEXT]).toBe(2);
    expect(h.rps[1]).toBeCloseTo(123.4, 4);
    expect(h.capacity[1]).toBe(3 * T.capacity);
    expect(h.cpu[1]).toBeCloseTo((40 + 50 + 61.04) / 3, 4);
    expect(h.size[1]).toBe(4);
  });
});
