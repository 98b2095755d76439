import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  createEngine,
  exportRun,
  formatError,
  loadRules,
  parseRun,
  replayRun,
  scenarioCatalogue,
} from '../../src/engine';
import type { Engine, SirenEvent } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { checkCloudInput, cloudLessons, cloudScenario, cloudTuning, idleCloudInput } from '../../src/scenarios/cloud';
import type { CloudInput, CloudRuntime, CloudWorld } from '../../src/scenarios/cloud';

// Each test simulates up to a quarter of an hour of cloud; allow for a busy machine.
vi.setConfig({ testTimeout: 120_000 });

interface Trigger {
  id: string;
  when?: { all: { fact: string; op: string; value: unknown }[] };
  do: Record<string, unknown>[];
}
interface RulesDoc {
  windows: { id: string; where?: { value: number } }[];
  alarms: { id: string; threshold: number; toAlarm: number; missing: string }[];
  triggers: Trigger[];
}

/** A fresh copy of public/rules/cloud.json. */
const cloudRules = (): RulesDoc => JSON.parse(readFileSync('public/rules/cloud.json', 'utf8')) as RulesDoc;
const trigger = (doc: RulesDoc, id: string) => doc.triggers.find((t) => t.id === id) as Trigger;
/** Sets a comparison's value in a trigger's `when.all`, found by its fact. */
function setWhen(doc: RulesDoc, id: string, fact: string, value: number): void {
  const c = trigger(doc, id).when?.all.find((x) => x.fact === fact);
  if (!c) throw new Error(`no ${fact} in ${id}`);
  c.value = value;
}

type Driver = (e: Engine<CloudWorld, CloudRuntime, CloudInput>) => CloudInput;
interface CloudRun {
  engine: Engine<CloudWorld, CloudRuntime, CloudInput>;
  events: SirenEvent[];
}

/** Runs the cloud for `seconds` under the rules, with the autopilot (default) or a driver. */
function runCloud(seed: number, seconds: number, rules: RulesDoc = cloudRules(), drive?: Driver): CloudRun {
  const loaded = loadRules(JSON.stringify(rules), scenarioCatalogue(cloudScenario), 'cloud.json');
  if (!loaded.ok) throw new Error(loaded.errors.map(formatError).join('\n'));
  const engine = createEngine({ scenario: cloudScenario, rules: loaded.rules, seed, historyTicks: 36_000 });
  const events: SirenEvent[] = [];
  engine.log.onAppend((ev) => events.push(ev));
  const pilot = cloudScenario.createAutopilot(seed);
  for (let i = 0; i < seconds * 60; i++)
    engine.step(drive ? drive(engine) : pilot(engine.world, engine.runtime, engine.tick));
  return { engine, events };
}

const ofType = <P = Record<string, unknown>>(run: CloudRun, type: string) =>
  run.events.filter((e) => e.type === type) as SirenEvent<string, P>[];
/** A steady slider, with Spike pressed for a few ticks at `spikeAt` seconds. */
const steady =
  (load: number, spikeAt = -1): Driver =>
  (e) => ({ load, spike: spikeAt >= 0 && e.tick >= spikeAt * 60 && e.tick < spikeAt * 60 + 4 });

type Alarm = { alarm: string; from: string; to: string };
type Scaled = { from: number; to: number; reason: string };
type Pool = { cpu: number; servers: number; rps: number };
const SAMPLE = cloudTuning.sampleTicks;

describe('the cloud, told by the event log', () => {
  it('a spike leads to ALARM after exactly 3 of 5 samples breach, then an email and a scale-out in the same sample', () => {
    const spikeAt = 60;
    const run = runCloud(1, 150, cloudRules(), steady(0.3, spikeAt));
    const spike = ofType<{ source: string }>(run, 'load.changed').find((e) => e.payload.source === 'spike');
    expect(spike?.tick).toBe(spikeAt * 60);
    const alarm = ofType<Alarm>(run, 'alarm.changed').find(
      (e) => e.payload.alarm === 'cpuHigh' && e.payload.to === 'ALARM',
    );
    if (!alarm || !spike) throw new Error('no spike or no ALARM');
    // Within 3 samples of the spike (the first one after it already sees the extra traffic).
    expect(alarm.tick - spike.tick).toBeLessThanOrEqual(3 * SAMPLE);
    expect(alarm.payload.from).toBe('OK');
    // N of M: ALARM on the first sample where 3 of the last 5 are above 70 %, never before.
    const samples = ofType<Pool>(run, 'pool.sampled');
    const at = samples.findIndex((s) => s.tick === alarm.tick);
    const breaches = (i: number) => samples.slice(Math.max(0, i - 4), i + 1).filter((s) => s.payload.cpu > 70).length;
    expect(breaches(at)).toBe(3);
    for (let i = 0; i < at; i++) expect(breaches(i), `sample ${i}`).toBeLessThan(3);
    // The engine's alarm raised it, not a trigger, and says why.
    expect(alarm.cause).toBeUndefined();
    expect((alarm.payload as Alarm & { reason: string }).reason).toMatch(
      /^Threshold Crossed: 3 out of the last 5 datapoints \[.*\] were greater than the threshold \(70\.0\)$/,
    );
    // The email and the scale-out come from the same sample.
    const email = ofType<{ subject: string; to: string }>(run, 'email.sent')[0];
    expect(email?.cause?.seq).toBe(alarm.seq);
    expect(email?.payload.subject).toMatch(/^ALARM: cpuHigh/);
    expect(
      run.engine.world.outbox.some(
        (m) => m.subject === email?.payload.subject && m.body.startsWith('Threshold Crossed'),
      ),
    ).toBe(true);
    // Whoever watches is told as well: announce-alarm's `say` (the page's caption, the CLI's say line).
    const said = ofType<{ text: string; seconds: number }>(run, 'message.shown')[0];
    expect(said?.cause?.seq).toBe(alarm.seq);
    expect(said?.payload).toEqual({ text: expect.stringMatching(/^cpuHigh is in ALARM: /), seconds: 8 });
    const out = ofType<Scaled>(run, 'pool.scaled').find((e) => e.payload.reason === 'cpuHigh');
    expect(out?.tick).toBe(alarm.tick);
    expect(out?.payload.to).toBe((out?.payload.from ?? 0) + 2);
    // The new servers take traffic once booted.
    const started = ofType(run, 'server.started').filter(
      (s) => s.tick > (out?.tick ?? 0) && s.tick <= (out?.tick ?? 0) + cloudTuning.bootTicks,
    );
    expect(started.map((s) => s.tick)).toEqual([0, 0].map(() => (out?.tick ?? 0) + cloudTuning.bootTicks));
    const later = samples.find((s) => s.tick > (started[0]?.tick ?? Infinity));
    expect(later?.payload.servers).toBe(out?.payload.to);
  });

  it('alarms start in INSUFFICIENT_DATA and leave it when the first period closes with a real datapoint', () => {
    const run = runCloud(2, 30, cloudRules(), steady(0.5));
    const changes = ofType<Alarm>(run, 'alarm.changed');
    expect(changes.map((e) => [e.payload.alarm, e.payload.from, e.payload.to])).toEqual([
      ['cpuHigh', 'INSUFFICIENT_DATA', 'OK'],
      ['cpuLow', 'INSUFFICIENT_DATA', 'OK'],
    ]);
    // One non-breaching datapoint decides OK at once (CloudWatch keeps every real datapoint of the range).
    for (const c of changes) expect(c.tick).toBe(SAMPLE - 1);
  });

  it.each([1, 2, 3])('seed %i: no scale-out within 60 s, and no scale-in within 120 s, of the last scaling', (seed) => {
    const run = runCloud(seed, 900);
    const scaled = ofType<Scaled>(run, 'pool.scaled');
    expect(scaled.filter((e) => e.payload.reason === 'cpuHigh').length).toBeGreaterThan(0);
    for (let i = 1; i < scaled.length; i++) {
      const gap = ((scaled[i]?.tick ?? 0) - (scaled[i - 1]?.tick ?? 0)) / 60;
      expect(gap, `scaling ${i} (${scaled[i]?.payload.reason})`).toBeGreaterThanOrEqual(
        scaled[i]?.payload.reason === 'cpuHigh' ? 60 : 120,
      );
    }
  });

  it('the pool never leaves min … max, even under rules that scale by 10', () => {
    const doc = cloudRules();
    for (const t of doc.triggers) for (const a of t.do) if (a.behaviour === 'scale') a.by = a.by === 2 ? 10 : -10;
    // Without the size guards and cooldowns, the behaviour alone must keep the bounds.
    for (const id of ['scale-out', 'scale-in', 'scale-out-now']) {
      const t = trigger(doc, id);
      if (t.when) t.when.all = t.when.all.filter((c) => c.fact.startsWith('alarm.') || c.fact.startsWith('event.'));
    }
    const { min, max } = cloudTuning.pool;
    for (const [seed, drive] of [
      [4, undefined],
      [5, steady(1, 30)],
      [6, steady(0)],
    ] as const) {
      const run = runCloud(seed, 600, doc, drive);
      const scaled = ofType<Scaled>(run, 'pool.scaled');
      expect(scaled.length).toBeGreaterThan(0);
      for (const e of scaled) {
        expect(e.payload.to).toBeGreaterThanOrEqual(min);
        expect(e.payload.to).toBeLessThanOrEqual(max);
      }
      for (const s of ofType<Pool>(run, 'pool.sampled')) expect(s.payload.servers).toBeLessThanOrEqual(max);
      const w = run.engine.world;
      expect(w.pool.size).toBe(w.servers.filter((s) => s.state !== 'draining').length);
    }
  });

  /** Scale-outs and scale-ins, and how often the direction reversed within a minute of the previous scaling. */
  function flapping(run: CloudRun): { scalings: number; quickReversals: number; alarmChanges: number } {
    const scaled = ofType<Scaled>(run, 'pool.scaled');
    let quickReversals = 0;
    for (let i = 1; i < scaled.length; i++) {
      const [a, b] = [scaled[i - 1] as SirenEvent<string, Scaled>, scaled[i] as SirenEvent<string, Scaled>];
      if (
        Math.sign(a.payload.to - a.payload.from) !== Math.sign(b.payload.to - b.payload.from) &&
        b.tick - a.tick < 60 * 60
      )
        quickReversals++;
    }
    return { scalings: scaled.length, quickReversals, alarmChanges: ofType(run, 'alarm.changed').length };
  }

  it('with the scale-in threshold close to the scale-out one and no cooldown it flaps; with the cooldowns it does not', () => {
    const close = cloudRules();
    (close.alarms.find((a) => a.id === 'cpuLow') as { threshold: number }).threshold = 60;
    const noCooldown = structuredClone(close);
    setWhen(noCooldown, 'scale-out', 'world.pool.sinceScaled', 0);
    setWhen(noCooldown, 'scale-out-now', 'world.pool.sinceScaled', 0);
    setWhen(noCooldown, 'scale-in', 'world.pool.sinceScaled', 0);
    for (const seed of [1, 2]) {
      const flaps = flapping(runCloud(seed, 600, noCooldown, steady(0.5)));
      const calm = flapping(runCloud(seed, 600, close, steady(0.5)));
      const normal = flapping(runCloud(seed, 600, cloudRules(), steady(0.5)));
      expect(flaps.quickReversals, `seed ${seed}`).toBeGreaterThanOrEqual(3);
      expect(flaps.scalings).toBeGreaterThanOrEqual(3 * calm.scalings);
      expect(calm.quickReversals).toBe(0);
      expect(normal.quickReversals).toBe(0);
      expect(flaps.alarmChanges).toBeGreaterThan(normal.alarmChanges);
    }
  });

  it('with no cooldown the pool overshoots: it scales out on every sample while new servers boot', () => {
    const doc = cloudRules();
    setWhen(doc, 'scale-out', 'world.pool.sinceScaled', 0);
    setWhen(doc, 'scale-out-now', 'world.pool.sinceScaled', 0);
    const run = runCloud(3, 90, doc, steady(0.3, 10));
    const outs = ofType<Scaled>(run, 'pool.scaled').filter((e) => e.payload.reason === 'cpuHigh');
    expect(outs.length).toBeGreaterThanOrEqual(3);
    expect((outs[1]?.tick ?? 0) - (outs[0]?.tick ?? 0)).toBe(SAMPLE);
  });

  it('scales in by draining the newest server when the pool stays quiet', () => {
    const run = runCloud(2, 300, cloudRules(), (e) => ({ load: e.tick < 120 * 60 ? 0.9 : 0, spike: false }));
    const ins = ofType<Scaled>(run, 'pool.scaled').filter((e) => e.payload.reason === 'cpuLow');
    expect(ins.length).toBeGreaterThan(0);
    const drained = ofType<{ server: number }>(run, 'server.drained');
    expect(drained.length).toBeGreaterThan(0);
    expect((drained[0]?.tick ?? 0) - (ins[0]?.tick ?? 0)).toBe(cloudTuning.drainTicks);
    expect(run.engine.world.servers.every((s) => s.id !== drained[0]?.payload.server)).toBe(true);
  });

  it('the same seed gives the same hash; another seed another; an exported run replays; rewinding re-simulates exactly', () => {
    const a = runCloud(7, 300);
    const b = runCloud(7, 300);
    expect(a.engine.log.hash()).toBe(b.engine.log.hash());
    expect(runCloud(8, 300).engine.log.hash()).not.toBe(a.engine.log.hash());
    const parsed = parseRun(JSON.stringify(exportRun(a.engine)), scenarios);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(replayRun(parsed.run, cloudScenario).log.hash()).toBe(a.engine.log.hash());
    const hash = a.engine.log.hash();
    const records = a.engine.records.slice();
    a.engine.rewind(6000);
    let input = idleCloudInput;
    for (const r of records) if (r.tick <= 6000 && r.input) input = r.input;
    const future = records.filter((r) => r.tick > 6000);
    let k = 0;
    while (a.engine.tick < 300 * 60) {
      while (k < future.length && (future[k]?.tick ?? Infinity) <= a.engine.tick) input = future[k++]?.input ?? input;
      a.engine.step(input);
    }
    expect(a.engine.log.hash()).toBe(hash);
  });

  it('summarises the pool, the alarms and the outbox', () => {
    const final = runCloud(1, 120).engine.summary();
    expect(final).toMatchObject({ min: 2, max: 10, alarm: expect.stringMatching(/^(OK|ALARM|INSUFFICIENT_DATA)$/) });
    expect(Object.keys(final)).toEqual(
      expect.arrayContaining(['poolSize', 'alarm', 'alarms', 'emailsSent', 'cpu', 'rps', 'scaleOuts', 'scaleIns']),
    );
    expect(final.emailsSent).toBeGreaterThan(0);
  });
});

describe('cloud input records', () => {
  it('accept exactly a load from 0 to 1 and a boolean spike', () => {
    expect(checkCloudInput(idleCloudInput)).toBeNull();
    expect(checkCloudInput({ load: 1, spike: true })).toBeNull();
    expect(checkCloudInput({ load: 0.5, spike: false, boost: true })).toMatch(/unknown control "boost"/);
    expect(checkCloudInput({ spike: false })).toMatch(/missing control "load"/);
    expect(checkCloudInput({ load: 1.5, spike: false })).toMatch(/"load" must be a number from 0 to 1/);
    expect(checkCloudInput({ load: '0.5', spike: false })).toMatch(/"load" must be a number/);
    expect(checkCloudInput({ load: 0.5, spike: 1 })).toMatch(/"spike" must be true or false/);
    expect(checkCloudInput(null)).toMatch(/expected/);
    expect(checkCloudInput([1])).toMatch(/array/);
  });
});

describe('the cloud lessons', () => {
  it('name only events, triggers and panels that exist', () => {
    const rules = cloudRules();
    const ids = new Set(rules.triggers.map((t) => t.id));
    const events = new Set(Object.keys(scenarioCatalogue(cloudScenario).events));
    expect(cloudLessons.length).toBeGreaterThan(0);
    for (const lesson of cloudLessons)
      for (const step of lesson.steps) {
        const c = step.check;
        if ('type' in c && c.type) expect(events.has(c.type), `${lesson.id}/${step.id}: ${c.type}`).toBe(true);
        if (c.kind === 'rules' && c.changed) expect(events.has(c.changed)).toBe(true);
        if ('trigger' in c && c.trigger) expect(ids.has(c.trigger)).toBe(true);
        if (c.kind === 'event' && c.causedBy) expect(events.has(c.causedBy.type)).toBe(true);
        if (step.action)
          expect(['log', 'trace', 'triggers', 'flow', 'editor', 'time', 'runs', 'lessons']).toContain(step.action.open);
      }
  });
});
