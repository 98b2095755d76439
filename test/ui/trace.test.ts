import { describe, expect, it } from 'vitest';
import type { SirenEvent } from '../../src/engine';
import { buildTrace, countEffects, silentListeners, traceTrigger } from '../../src/ui/panels/trace/model';
import type { EffectGroup } from '../../src/ui/panels/trace/model';
import { rulesFor, runScenario } from './helpers';

const all = (e: { log: { start: number; slice(o: number): SirenEvent[] } }) => e.log.slice(e.log.start);

/** The first critical of a 40 s demo run: hit → hit-hurts → hp.changed → low-hp-is-critical → critical. */
function firstCritical() {
  const engine = runScenario('demo', 40);
  const critical = all(engine).find((e) => e.type === 'demo.critical') as SirenEvent;
  return { engine, critical };
}

describe('causal trace: back to the root', () => {
  it('walks cause links from the selected event back to the event a system stated', () => {
    const { engine, critical } = firstCritical();
    const t = buildTrace(engine.log, engine.rules, critical.seq);
    expect(t).not.toBeNull();
    const chain = t?.chain ?? [];
    expect(chain.map((l) => l.event?.type)).toEqual(['demo.hit', 'demo.hp.changed', 'demo.critical']);
    expect(chain.map((l) => l.via?.id ?? null)).toEqual(['hit-hurts', 'low-hp-is-critical', null]);
    // Each link's trigger node can select the trigger.fired event that recorded the fire.
    expect(chain.map((l) => l.fired?.payload ?? null)).toEqual([
      { trigger: 'hit-hurts', seq: chain[0]?.offset },
      { trigger: 'low-hp-is-critical', seq: chain[1]?.offset },
      null,
    ]);
    expect(chain[0]?.event?.cause).toBeUndefined();
    expect(chain[2]?.event).toBe(critical);
    expect(t?.rootEvicted).toBe(false);
  });

  it("describes each trigger with its description and its do's behaviours", () => {
    const rules = rulesFor('demo');
    expect(traceTrigger(rules, 'hit-hurts')).toEqual({
      id: 'hit-hurts',
      description: "A hit takes its amount off the target's hit points.",
      behaviours: ['changeHp'],
      known: true,
    });
    expect(traceTrigger(rules, 'alarm-held').behaviours).toEqual(['addScore', 'setAlarm']);
    expect(traceTrigger(rules, 'gone')).toEqual({ id: 'gone', description: null, behaviours: [], known: false });
  });

  it('stops at an evicted cause and says so', () => {
    const engine = runScenario('demo', 40, { logCapacity: 64 });
    // An event whose chain reaches past the start of the ring.
    const ev = all(engine).find((e) => {
      let c = e.cause;
      let cur: SirenEvent | undefined = e;
      while (c && cur) {
        cur = engine.log.at(c.seq);
        c = cur?.cause;
        if (!cur) return true;
      }
      return false;
    });
    if (!ev) return expect.fail('expected an event whose cause was evicted');
    const t = buildTrace(engine.log, engine.rules, ev.seq);
    expect(t?.rootEvicted).toBe(true);
    expect(t?.chain[0]?.event).toBeNull();
    expect(t?.chain[0]?.offset).toBeLessThan(engine.log.start);
  });

  it('has nothing to trace for an offset the ring no longer holds', () => {
    const engine = runScenario('demo', 40, { logCapacity: 64 });
    expect(buildTrace(engine.log, engine.rules, 0)).toBeNull();
  });
});

describe('causal trace: what it led to', () => {
  it('groups effects by the trigger that fired, with its trigger.fired record, recursively', () => {
    const { engine, critical } = firstCritical();
    const root = buildTrace(
      engine.log,
      engine.rules,
      buildTrace(engine.log, engine.rules, critical.seq)?.chain[0]?.offset ?? -1,
    );
    expect(root?.effects.map((g) => g.trigger.id)).toContain('hit-hurts');
    const hurt = root?.effects.find((g) => g.trigger.id === 'hit-hurts') as EffectGroup;
    expect(hurt.fired?.type).toBe('trigger.fired');
    expect(hurt.events.map((n) => n.event.type)).toEqual(['demo.hp.changed']);
    const crit = hurt.events[0]?.effects.find((g) => g.trigger.id === 'low-hp-is-critical');
    expect(crit?.events[0]?.event).toBe(critical);
    // The critical fired two triggers: the alarm (priority 10, first) and the delayed heal two seconds later.
    const fromCritical = crit?.events[0]?.effects ?? [];
    expect(fromCritical.map((g) => g.trigger.id)).toEqual(['first-critical-raises-alarm', 'critical-heals-later']);
    const heal = fromCritical[1] as EffectGroup;
    expect(heal.events[0]?.event.type).toBe('demo.hp.changed');
    expect((heal.events[0]?.event.tick ?? 0) - critical.tick).toBe(120);
    expect(fromCritical[0]?.events).toEqual([]); // setAlarm emits nothing
    expect(countEffects(root?.effects ?? [])).toBeGreaterThanOrEqual(3);
  });

  it('shows a timer trigger as the root of what its behaviours emitted', () => {
    const engine = runScenario('demo', 12);
    const fired = all(engine).find(
      (e) => e.type === 'trigger.fired' && (e.payload as { trigger: string }).trigger === 'tick-score',
    ) as SirenEvent;
    const t = buildTrace(engine.log, engine.rules, fired.seq);
    expect(t?.chain).toHaveLength(1);
    expect(t?.effects.map((g) => [g.trigger.id, g.events.map((n) => n.event.type)])).toEqual([
      ['tick-score', ['demo.score.changed']],
    ]);
    const score = t?.effects[0]?.events[0]?.event as SirenEvent;
    expect(buildTrace(engine.log, engine.rules, score.seq)?.chain.map((l) => l.via?.id ?? l.event?.type)).toEqual([
      'tick-score',
      'demo.score.changed',
    ]);
  });

  it('reads only a bounded stretch of the log forward, and says which limit stopped it', () => {
    const { engine, critical } = firstCritical();
    const whole = buildTrace(engine.log, engine.rules, critical.seq);
    expect(whole?.limited).toBeNull(); // the default bound (5,000 later events) is past the end of this run
    expect(whole?.scanned).toBe(engine.log.end - critical.seq - 1);
    const short = buildTrace(engine.log, engine.rules, critical.seq, { maxScan: 3, maxNodes: 200, maxDepth: 8 });
    expect(short?.scanned).toBe(3);
    expect(short?.limited).toBe('scan');
    const hitSeq = buildTrace(engine.log, engine.rules, critical.seq)?.chain[0]?.offset as number;
    expect(buildTrace(engine.log, engine.rules, hitSeq, { maxScan: 5000, maxNodes: 1, maxDepth: 8 })?.limited).toBe(
      'nodes',
    );
    const shallow = buildTrace(engine.log, engine.rules, hitSeq, { maxScan: 5000, maxNodes: 200, maxDepth: 1 });
    expect(shallow?.limited).toBe('depth');
    // Past the depth limit a trigger still shows as fired, but the events it emitted are left out.
    expect(shallow?.effects[0]?.events[0]?.effects.flatMap((g) => g.events)).toEqual([]);
  });

  it('names the triggers that listen to the event but did not fire on it', () => {
    const engine = runScenario('demo', 40);
    const small = all(engine).find(
      (e) => e.type === 'demo.hit' && (e.payload as { amount: number }).amount < 15,
    ) as SirenEvent;
    const t = buildTrace(engine.log, engine.rules, small.seq);
    expect(silentListeners(engine.rules, small, t?.effects ?? [])).toEqual(['big-hit-scores']);
  });

  it('marks triggers the running rules no longer have', () => {
    const { engine, critical } = firstCritical();
    const text = JSON.stringify({
      version: 1,
      scenario: 'demo',
      triggers: [{ id: 'only', on: 'demo.pulse', do: [{ behaviour: 'addScore', amount: 1 }] }],
    });
    engine.applyRules(rulesFor('demo', text));
    const t = buildTrace(engine.log, engine.rules, critical.seq);
    expect(t?.chain[0]?.via).toMatchObject({ id: 'hit-hurts', known: false });
  });
});
