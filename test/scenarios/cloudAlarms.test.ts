import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createEngine, evaluateAlarm, formatError, loadRules, scenarioCatalogue } from '../../src/engine';
import type { AlarmState, Datapoint, MissingTreatment } from '../../src/engine';
import { cloudScenario, cloudTuning } from '../../src/scenarios/cloud';
import type { CloudInput } from '../../src/scenarios/cloud';

vi.setConfig({ testTimeout: 120_000 });

const TREATMENTS: MissingTreatment[] = ['missing', 'ignore', 'breaching', 'notBreaching'];
const PERIOD = cloudTuning.sampleTicks;

/** cloud.json plus one alarm per treatment: 1 of 3 datapoints above 1000 % (real data never breaches). */
function rulesWithTreatments(): string {
  const doc = JSON.parse(readFileSync('public/rules/cloud.json', 'utf8')) as { alarms: object[] };
  for (const missing of TREATMENTS)
    doc.alarms.push({
      id: `t-${missing}`,
      on: 'pool.sampled',
      value: 'event.cpu',
      period: 5,
      comparison: 'gt',
      threshold: 1000,
      periods: 3,
      toAlarm: 1,
      missing,
    });
  return JSON.stringify(doc);
}

interface Period {
  tick: number;
  datapoint: Datapoint;
  states: Record<MissingTreatment, AlarmState>;
}

/** Runs the cloud and records, at the end of each period, its datapoint (null: missing) and each treatment's state. */
function run(seed: number, seconds: number, input?: (tick: number) => CloudInput) {
  const loaded = loadRules(rulesWithTreatments(), scenarioCatalogue(cloudScenario), 'cloud.json');
  if (!loaded.ok) throw new Error(loaded.errors.map(formatError).join('\n'));
  const engine = createEngine({ scenario: cloudScenario, rules: loaded.rules, seed });
  const pilot = cloudScenario.createAutopilot(seed);
  const periods: Period[] = [];
  let sampled: number | null = null;
  const failed: number[] = [];
  engine.log.onAppend((ev) => {
    if (ev.type === 'pool.sampled') sampled = (ev.payload as { cpu: number }).cpu;
    if (ev.type === 'server.failed') failed.push(ev.tick);
  });
  for (let i = 0; i < seconds * 60; i++) {
    engine.step(input ? input(engine.tick) : pilot(engine.world, engine.runtime, engine.tick));
    if (engine.tick % PERIOD !== 0) continue;
    const states = Object.fromEntries(
      TREATMENTS.map((t) => [t, engine.alarms.read(`t-${t}`, 'state') as AlarmState]),
    ) as Period['states'];
    periods.push({ tick: engine.tick, datapoint: sampled, states });
    sampled = null;
  }
  return { engine, periods, failed };
}

describe('missing data in the cloud, per treatment', () => {
  it('every period, each alarm is exactly what the evaluator says of its datapoints so far', () => {
    const { periods } = run(1, 600);
    expect(periods.some((p) => p.datapoint === null)).toBe(true);
    for (const t of TREATMENTS) {
      let state: AlarmState = 'INSUFFICIENT_DATA';
      const config = { periods: 3, toAlarm: 1, missing: t, comparison: 'gt', threshold: 1000 } as const;
      periods.forEach((p, i) => {
        state = evaluateAlarm(
          config,
          periods.slice(0, i + 1).map((q) => q.datapoint),
          state,
        ).state;
        expect(p.states[t], `${t} at tick ${p.tick}`).toBe(state);
      });
    }
  });

  it('a crashed server silences the pool until the health check replaces it: only "breaching" alarms', () => {
    const { periods, failed } = run(1, 600);
    expect(failed.length).toBeGreaterThan(0);
    // The periods before the first replacement that had no datapoint: 3 or more in a row (two failed checks).
    const end = periods.findIndex((p) => p.tick >= (failed[0] as number));
    let start = end;
    while (start > 0 && periods[start - 1]?.datapoint === null) start--;
    expect(end - start).toBeGreaterThanOrEqual(3);
    const third = periods[start + 2] as Period;
    expect(third.states).toEqual({ missing: 'OK', ignore: 'OK', breaching: 'ALARM', notBreaching: 'OK' });
  });

  it('with the metrics agent off, "missing" goes to INSUFFICIENT_DATA and "ignore" keeps OK', () => {
    const off = (tick: number) => tick >= 60 * 60 && tick < 100 * 60;
    const { periods, engine } = run(2, 100, (tick) => ({ load: 0.5, spike: false, agent: !off(tick) }));
    const last = periods[periods.length - 1] as Period;
    expect(periods.filter((p) => p.tick > 61 * 60).every((p) => p.datapoint === null)).toBe(true);
    expect(last.states).toEqual({
      missing: 'INSUFFICIENT_DATA',
      ignore: 'OK',
      breaching: 'ALARM',
      notBreaching: 'OK',
    });
    expect(engine.world.agent).toBe(false);
    expect(engine.alarms.read('t-missing', 'datapoints')).toBe('- - - - -');
  });

  it('rewinding across a period boundary restores the alarms exactly', () => {
    const { engine } = run(1, 120, () => ({ load: 0.5, spike: false }));
    const hash = engine.log.hash();
    const states = engine.alarms.list.map((s) => [s.state, s.datapoints.join(' ')]);
    engine.rewind(90 * 60 + 7);
    while (engine.tick < 120 * 60) engine.step({ load: 0.5, spike: false });
    expect(engine.log.hash()).toBe(hash);
    expect(engine.alarms.list.map((s) => [s.state, s.datapoints.join(' ')])).toEqual(states);
  });
});
