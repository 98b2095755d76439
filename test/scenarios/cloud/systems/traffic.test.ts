import { describe, expect, it } from 'vitest';
import { cloudTuning as T, MOOD, PHASE, RPS, SPIKE_RPS, SURGE_RPS } from '../../../../src/scenarios/cloud/config';
import { dailyWave, demandAt, stepTraffic } from '../../../../src/scenarios/cloud/systems/traffic';
import { calmRng, cloudBench } from './cloudContext';

describe('the daily wave and the demand', () => {
  it('is `night` at midnight and 1 at midday, shifted by the day phase', () => {
    const { runtime: rt } = cloudBench();
    rt.traffic[PHASE] = 0;
    expect(dailyWave(rt, 0)).toBeCloseTo(T.night, 12);
    expect(dailyWave(rt, T.dayTicks / 2)).toBeCloseTo(1, 12);
    expect(dailyWave(rt, T.dayTicks)).toBeCloseTo(T.night, 12);
    rt.traffic[PHASE] = T.dayTicks / 2;
    expect(dailyWave(rt, 0)).toBeCloseTo(1, 12);
  });

  it('scales the peak between its low and high setting by the mood, and adds spikes and surges', () => {
    const { runtime: rt } = cloudBench();
    rt.traffic[PHASE] = T.dayTicks / 2;
    rt.traffic[MOOD] = 1;
    rt.traffic[SPIKE_RPS] = rt.traffic[SURGE_RPS] = 0;
    expect(demandAt(rt, 0, 0)).toBeCloseTo(T.peak.low, 9);
    expect(demandAt(rt, 0, 1)).toBeCloseTo(T.peak.high, 9);
    rt.traffic[MOOD] = 1.1;
    rt.traffic[SPIKE_RPS] = 300;
    rt.traffic[SURGE_RPS] = 20;
    expect(demandAt(rt, 0, 0.5)).toBeCloseTo(((T.peak.low + T.peak.high) / 2) * 1.1 + 320, 9);
  });
});

describe('stepTraffic', () => {
  it('takes a new slider setting once it has rested, and says so once', () => {
    const b = cloudBench(0.5);
    b.run(stepTraffic, 10);
    b.run(stepTraffic, T.sliderSettleTicks - 1, { load: 0.9 });
    expect(b.world.load.setting).toBe(0.5);
    b.run(stepTraffic, 60, { load: 0.9 });
    expect(b.world.load.setting).toBe(0.9);
    const changes = b.emitted.filter((e) => e.type === 'load.changed');
    expect(changes.map((e) => [e.tick, e.payload.source])).toEqual([[10 + T.sliderSettleTicks, 'slider']]);
  });

  it('starts a spike on the press, ignores holding it, and calms down when it is over', () => {
    const b = cloudBench(0.5);
    b.run(stepTraffic, 1);
    b.run(stepTraffic, 120, { spike: true });
    expect(b.world.load).toMatchObject({ spike: true, kind: 'spike' });
    b.run(stepTraffic, T.spike.ticks);
    expect(b.world.load).toMatchObject({ spike: false, kind: '' });
    const changes = b.emitted.filter((e) => e.type === 'load.changed');
    expect(changes.map((e) => [e.tick, e.payload.source])).toEqual([
      [1, 'spike'],
      [1 + T.spike.ticks, 'calm'],
    ]);
  });

  it('the requests per second follow the demand smoothly, rising during a spike', () => {
    const b = cloudBench(0.5);
    b.run(stepTraffic, 60);
    const before = b.runtime.traffic[RPS] as number;
    b.run(stepTraffic, 1, { spike: true });
    b.run(stepTraffic, 10 * 60);
    expect(b.runtime.traffic[SPIKE_RPS]).toBe(T.spike.rps);
    expect(b.runtime.traffic[RPS]).toBeGreaterThan(before + T.spike.rps * 0.8);
  });

  it('a surge the dice start at a sample rises to its height, ends calm and falls away', () => {
    const b = cloudBench(0.5, calmRng(true));
    b.run(stepTraffic, 1);
    expect(b.world.load).toMatchObject({ spike: true, kind: 'surge' });
    b.run(stepTraffic, 3 * 60);
    expect(b.runtime.traffic[SURGE_RPS]).toBe(T.surge.minRps);
    b.run(stepTraffic, T.surge.minTicks - 3 * 60 + 60);
    expect(b.runtime.traffic[SURGE_RPS]).toBeLessThan(T.surge.minRps);
    expect(b.runtime.traffic[SURGE_RPS]).toBeGreaterThan(0);
    const changes = b.emitted.filter((e) => e.type === 'load.changed');
    expect(changes.map((e) => [e.tick, e.payload.source])).toEqual([
      [0, 'surge'],
      [T.surge.minTicks, 'calm'],
    ]);
  });
});
