import { describe, expect, it } from 'vitest';
import { cloudTuning as T, RPS } from '../../../../src/scenarios/cloud/config';
import { drainServer, launchServer } from '../../../../src/scenarios/cloud/pool';
import { coldFactor, runningCount, settleCpu, stepServers } from '../../../../src/scenarios/cloud/systems/servers';
import { SlotState } from '../../../../src/scenarios/cloud/types';
import { cloudBench } from './cloudContext';

describe('coldFactor', () => {
  it('costs coldCost at first, falling linearly to 1 once warm', () => {
    expect(coldFactor(100, 100)).toBe(T.coldCost);
    expect(coldFactor(0, T.warmupTicks / 2)).toBeCloseTo((T.coldCost + 1) / 2, 12);
    expect(coldFactor(0, T.warmupTicks)).toBe(1);
    expect(coldFactor(-1e6, 0)).toBe(1);
  });
});

describe('settleCpu and runningCount', () => {
  it("spreads the requests evenly over the servers in service: idle plus each one's share of capacity", () => {
    const { runtime: rt } = cloudBench();
    expect(runningCount(rt)).toBe(T.pool.start);
    rt.traffic[RPS] = 120;
    rt.noise.fill(0);
    settleCpu(rt, 0);
    const each = T.idleCpu + (120 / 3 / T.capacity) * 100;
    expect(Array.from(rt.cpu.slice(0, 4))).toEqual([each, each, each, 0]);
    expect(Array.from(rt.prevCpu.slice(0, 3))).toEqual([each, each, each]);
  });

  it('caps CPU at 100 and shows a booting server busy with its boot', () => {
    const { world: w, runtime: rt } = cloudBench();
    launchServer(w, rt, 0, 600);
    rt.noise.fill(0);
    rt.traffic[RPS] = 10_000;
    settleCpu(rt, 0);
    expect(runningCount(rt)).toBe(3);
    expect(Array.from(rt.cpu.slice(0, 4))).toEqual([100, 100, 100, 35]);
  });
});

describe('stepServers', () => {
  it('brings a booting server into service when it is ready, and recounts the pool', () => {
    const b = cloudBench();
    launchServer(b.world, b.runtime, 0, 5);
    b.run(stepServers, 5);
    expect(b.emitted).toEqual([]);
    b.run(stepServers, 1);
    expect(b.emitted).toEqual([{ tick: 5, type: 'server.started', payload: { server: 4 } }]);
    expect(b.runtime.slots.state[3]).toBe(SlotState.Running);
    expect(b.world.pool).toMatchObject({ running: 4, booting: 0, size: 4 });
  });

  it('lets a drained server go and frees its slot', () => {
    const b = cloudBench();
    drainServer(b.world, b.runtime, 0);
    b.run(stepServers, T.drainTicks + 1);
    expect(b.emitted).toEqual([{ tick: T.drainTicks, type: 'server.drained', payload: { server: 3 } }]);
    expect(b.world.servers.map((s) => s.id)).toEqual([1, 2]);
    expect([b.runtime.slots.state[2], b.runtime.cpu[2]]).toEqual([SlotState.Empty, 0]);
    expect(b.world.pool).toMatchObject({ running: 2, draining: 0, size: 2 });
  });

  it("moves each server's CPU towards its target, keeping the previous value", () => {
    const b = cloudBench();
    b.runtime.traffic[RPS] = 240;
    b.runtime.cpu.fill(0);
    b.run(stepServers, 1);
    const first = b.runtime.cpu[0] as number;
    expect(b.runtime.prevCpu[0]).toBe(0);
    expect(first).toBeGreaterThan(0);
    b.run(stepServers, 600);
    expect(b.runtime.cpu[0]).toBeGreaterThan(first);
    expect(b.runtime.cpu[0]).toBeCloseTo(T.idleCpu + 80 + (b.runtime.noise[0] as number), 0);
    expect(b.runtime.cpu[3]).toBe(0);
  });
});
