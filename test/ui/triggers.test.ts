import { describe, expect, it } from 'vitest';
import type { SirenEvent } from '../../src/engine';
import {
  blockersThen,
  createInspectorIndex,
  explainLines,
  firedOn,
  latestOfType,
  triggerRows,
  whyAnswer,
} from '../../src/ui/panels/triggers/model';
import { advance, rulesFor, runScenario } from './helpers';

const all = (e: { log: { start: number; slice(o: number): SirenEvent[] } }) => e.log.slice(e.log.start);
const hits = (e: Parameters<typeof all>[0]) =>
  all(e).filter((x) => x.type === 'demo.hit') as SirenEvent<string, { target: number; amount: number }>[];

describe('trigger rows', () => {
  it('lists every trigger in file order with its mode and live state', () => {
    const engine = runScenario('demo', 40);
    const rows = triggerRows(engine);
    expect(rows.map((r) => r.id)).toEqual(engine.rules.triggers.map((t) => t.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('hit-hurts')).toMatchObject({
      mode: 'on demo.hit',
      on: 'demo.hit',
      behaviours: ['changeHp'],
      status: 'ready',
      once: false,
    });
    expect(byId.get('alarm-held')?.mode).toBe('while (for 3 s)');
    expect(byId.get('tick-score')?.mode).toBe('every 5 s');
    expect(byId.get('critical-heals-later')?.delay).toBe(2);
    expect(byId.get('first-critical-raises-alarm')).toMatchObject({
      once: true,
      spent: true,
      status: 'spent',
      priority: 10,
    });
    for (const s of engine.triggerStates()) {
      const r = byId.get(s.id);
      expect(r?.fires).toBe(s.fires);
      expect(r?.lastFiredTick).toBe(s.lastFiredTick < 0 ? null : s.lastFiredTick);
    }
  });

  it('shows a trigger switched off live as disabled', () => {
    const engine = runScenario('demo', 5);
    engine.setTriggerEnabled('hit-hurts', false);
    expect(triggerRows(engine).find((r) => r.id === 'hit-hurts')).toMatchObject({ enabled: false, status: 'disabled' });
  });

  it('shows a cooldown with the seconds left', () => {
    const engine = runScenario('demo', 0);
    let guard = 0;
    while (engine.triggerStates().find((s) => s.id === 'big-hit-scores')?.fires === 0 && guard++ < 60 * 120)
      advance(engine, 1 / 60);
    const row = triggerRows(engine).find((r) => r.id === 'big-hit-scores');
    expect(row).toMatchObject({ cooldown: 1, status: 'cooling', fires: 1 });
    expect(row?.coolingLeft).toBeGreaterThan(0.9);
    expect(row?.coolingLeft).toBeLessThanOrEqual(1);
  });
});

describe('why (not)?', () => {
  it('explains an event trigger against the newest event of its type, with each comparison and its values', () => {
    const engine = runScenario('demo', 40);
    const last = hits(engine).at(-1) as SirenEvent<string, { amount: number }>;
    const a = whyAnswer(engine, 'big-hit-scores', null);
    expect(a?.target).toEqual({ kind: 'latest', event: last });
    expect(a?.lines).toEqual([
      {
        depth: 0,
        pass: last.payload.amount >= 15,
        kind: 'compare',
        text: `event.amount = ${last.payload.amount}, expected ≥ 15`,
      },
    ]);
    expect(latestOfType(engine, 'demo.hit')).toBe(last);
  });

  it('explains against the event selected in the log when the trigger listens to its type', () => {
    const engine = runScenario('demo', 40);
    const small = hits(engine).find((h) => h.payload.amount < 15) as SirenEvent;
    const a = whyAnswer(engine, 'big-hit-scores', small.seq);
    expect(a?.target).toEqual({ kind: 'selected', event: small });
    expect(a?.firedAs).toBeNull();
    expect(a?.explanation?.wouldFire).toBe(false);
    // A selected event of another type does not apply: the newest hit is explained.
    const pulse = all(engine).find((e) => e.type === 'demo.pulse') as SirenEvent;
    expect(whyAnswer(engine, 'big-hit-scores', pulse.seq)?.target.kind).toBe('latest');
  });

  it('finds the trigger.fired record when it did fire on the event', () => {
    const engine = runScenario('demo', 40);
    const hit = hits(engine)[0] as SirenEvent;
    const a = whyAnswer(engine, 'hit-hurts', hit.seq);
    expect(a?.firedAs?.payload).toEqual({ trigger: 'hit-hurts', seq: hit.seq });
    expect(firedOn(engine, 'hit-hurts', hit)).toBe(a?.firedAs);
  });

  it('reads from the log that a cooldown or a spent once blocked it at the time', () => {
    const engine = runScenario('demo', 120);
    const rule = engine.rules.byId.get('big-hit-scores');
    const blocked = hits(engine).find((h) => h.payload.amount >= 15 && !firedOn(engine, 'big-hit-scores', h));
    if (!blocked || !rule) return expect.fail('expected a big hit that came during the cooldown');
    const a = whyAnswer(engine, 'big-hit-scores', blocked.seq);
    expect(a?.lines[0]?.pass).toBe(true); // the condition held …
    expect(a?.then[0]).toMatch(/^it was cooling down: it fired at tick \d+ \(#\d+\) and waits 1 s/); // … but it was cooling down

    const once = engine.rules.byId.get('first-critical-raises-alarm');
    const criticals = all(engine).filter((e) => e.type === 'demo.critical');
    expect(criticals.length).toBeGreaterThan(1);
    if (!once) return expect.fail('missing trigger');
    expect(blockersThen(engine, once, criticals[0] as SirenEvent)).toEqual([]);
    expect(blockersThen(engine, once, criticals[1] as SirenEvent)[0]).toMatch(
      /^it fires once and had already fired, at tick \d+/,
    );
    expect(
      whyAnswer(engine, 'first-critical-raises-alarm', (criticals[1] as SirenEvent).seq)?.explanation?.blockers[0],
    ).toMatch(/^it fires once/);
  });

  it('names the blockers of a disabled trigger', () => {
    const engine = runScenario('demo', 20);
    engine.setTriggerEnabled('hit-hurts', false);
    const from = engine.log.end;
    while (!engine.log.slice(from).some((e) => e.type === 'demo.hit')) advance(engine, 1);
    const a = whyAnswer(engine, 'hit-hurts', null);
    expect(a?.firedAs).toBeNull();
    expect(a?.explanation?.blockers).toEqual(['it is disabled']);
    expect(a?.explanation?.wouldFire).toBe(false);
  });

  it('explains state and timer triggers against the world, with their state', () => {
    const engine = runScenario('demo', 2);
    const held = whyAnswer(engine, 'alarm-held', null);
    expect(held?.notes).toEqual([]);
    expect(held?.target).toEqual({ kind: 'world' });
    expect(held?.lines).toEqual([
      { depth: 0, pass: false, kind: 'compare', text: 'world.alarm = false, expected = true' },
    ]);
    const timer = whyAnswer(engine, 'tick-score', null);
    expect(timer?.target.kind).toBe('world');
    expect(timer?.notes[0]).toBe('Next check in 3.0 s.');
  });

  it('says when there is no event of the type to explain against yet', () => {
    const engine = runScenario('demo', 0);
    const a = whyAnswer(engine, 'low-hp-is-critical', null);
    expect(a?.target).toEqual({ kind: 'none', type: 'demo.hp.changed' });
    expect(a?.lines).toEqual([]);
    expect(whyAnswer(engine, 'no-such-trigger', null)).toBeNull();
  });

  it('flattens nested conditions parents first, with depth', () => {
    const engine = runScenario('demo', 40);
    const changed = all(engine).find((e) => e.type === 'demo.hp.changed') as SirenEvent<
      string,
      { from: number; to: number }
    >;
    const lines = explainLines(engine.explain('low-hp-is-critical', changed).condition);
    expect(lines.map((l) => [l.depth, l.kind])).toEqual([
      [0, 'all'],
      [1, 'compare'],
      [1, 'compare'],
    ]);
    expect(lines[1]?.text).toBe(`event.to = ${changed.payload.to}, expected < 30`);
  });
});

describe('inspector index', () => {
  it('gives the same answers as searching the log, while the ring evicts and after a rewind', () => {
    const engine = runScenario('demo', 10, { logCapacity: 300 });
    const index = createInspectorIndex();
    const check = () => {
      index.update(engine.log);
      for (const type of Object.keys(engine.catalogue.events))
        expect(index.latest(type)).toBe(latestOfType(engine, type));
      const someHits = hits(engine).slice(-5);
      for (const t of engine.rules.triggers) {
        expect(whyAnswer(engine, t.id, null, index)).toEqual(whyAnswer(engine, t.id, null));
        for (const h of someHits) expect(blockersThen(engine, t, h, index)).toEqual(blockersThen(engine, t, h));
      }
    };
    check();
    advance(engine, 30);
    check();
    engine.rewind(engine.tick - 200);
    check();
    advance(engine, 10);
    check();
  });

  it('finds the last fire of a trigger before an offset', () => {
    const engine = runScenario('demo', 40);
    const index = createInspectorIndex();
    index.update(engine.log);
    const fired = all(engine).filter(
      (e) => e.type === 'trigger.fired' && (e.payload as { trigger: string }).trigger === 'hit-hurts',
    );
    const second = fired[1] as SirenEvent;
    expect(index.fireBefore('hit-hurts', second.seq)).toBe(fired[0]);
    expect(index.fireBefore('hit-hurts', second.seq + 1)).toBe(second);
    expect(index.fireBefore('hit-hurts', 0)).toBeNull();
    expect(index.fireBefore('never', 100)).toBeNull();
  });
});

describe('switching a trigger off changes the game', () => {
  it('stops city damage turning into health changes while damage-hurts is disabled', () => {
    const engine = runScenario('city', 0, { rules: rulesFor('city') });
    engine.setTriggerEnabled('damage-hurts', false);
    const from = engine.log.end;
    advance(engine, 90);
    const after = engine.log.slice(from);
    const damage = after.filter((e) => e.type === 'damage');
    expect(damage.length).toBeGreaterThan(0);
    expect(after.filter((e) => e.cause?.trigger === 'damage-hurts')).toEqual([]);
    expect(whyAnswer(engine, 'damage-hurts', (damage.at(-1) as SirenEvent).seq)?.explanation?.blockers).toContain(
      'it is disabled',
    );
  });
});
