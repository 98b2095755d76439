import { describe, expect, it } from 'vitest';
import { createEngine, formatError, loadRules, scenarioCatalogue } from '../../src/engine';
import type { AnyEngine, CompiledRules, SirenEvent } from '../../src/engine';
import { demoScenario } from '../../src/scenarios/demo';
import {
  explainLines,
  factContextOf,
  recentEvents,
  sampleEventText,
  testTrigger,
} from '../../src/ui/panels/rules/testTrigger';

const catalogue = scenarioCatalogue(demoScenario);

function compile(triggers: unknown[], events?: unknown[], windows?: unknown[]): CompiledRules {
  const r = loadRules(
    JSON.stringify({
      version: 1,
      scenario: 'demo',
      ...(events ? { events } : {}),
      ...(windows ? { windows } : {}),
      triggers,
    }),
    catalogue,
    'demo.json (editor)',
  );
  if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
  return r.rules;
}

/** The running game: the demo under rules that only score, run until a few hits happened. */
function runningDemo(): AnyEngine {
  const engine: AnyEngine = createEngine({
    scenario: demoScenario,
    rules: compile([{ id: 'big-hit', on: 'demo.hit', cooldown: 100, do: [{ behaviour: 'addScore', amount: 1 }] }]),
    seed: 3,
  });
  while (engine.log.slice(0).filter((e) => e.type === 'demo.hit').length < 3) engine.step();
  return engine;
}

const DRAFT = compile([
  {
    id: 'big-hit',
    on: 'demo.hit',
    when: {
      all: [
        { fact: 'event.amount', op: 'gte', value: 15 },
        { fact: 'entity.hp', op: 'gt', value: 0 },
      ],
    },
    do: [{ behaviour: 'changeHp', entity: { fact: 'event.target' }, amount: { fact: 'event.amount', times: -2 } }],
  },
  { id: 'off', enabled: false, on: 'demo.hit', do: [{ behaviour: 'addScore', amount: 1 }] },
  { id: 'alarmed', while: { fact: 'world.alarm', op: 'eq', value: true }, do: [{ behaviour: 'addScore', amount: 1 }] },
]);

const hit = (amount: number, target = 1): SirenEvent =>
  Object.freeze({ seq: 999, type: 'demo.hit', tick: 0, payload: { target, amount } });

describe('testing a draft trigger against a sample event', () => {
  it('explains each condition with its values and resolves what it would run, without running it', () => {
    const engine = runningDemo();
    const before = { tick: engine.tick, hash: engine.log.hash(), end: engine.log.end, world: engine.world };
    const r = testTrigger(DRAFT, 'big-hit', hit(20), factContextOf(engine), engine.tick);
    expect(r?.wouldFire).toBe(true);
    expect(explainLines(r?.condition ?? null)).toEqual([
      '✓ all of these hold',
      '  ✓ event.amount = 20, expected ≥ 15',
      '  ✓ entity.hp = 100, expected > 0',
    ]);
    expect(r?.actions).toEqual([{ behaviour: 'changeHp', params: { entity: 1, amount: -40 } }]);
    // Nothing ran: the game is exactly as it was.
    expect({ tick: engine.tick, hash: engine.log.hash(), end: engine.log.end, world: engine.world }).toEqual(before);
    expect(engine.world).toBe(before.world);
  });

  it('says which condition failed, and with what value', () => {
    const engine = runningDemo();
    const r = testTrigger(DRAFT, 'big-hit', hit(3), factContextOf(engine), engine.tick);
    expect(r?.wouldFire).toBe(false);
    expect(explainLines(r?.condition ?? null)).toContain('  ✗ event.amount = 3, expected ≥ 15');
  });

  it('names blockers: disabled in the draft, a cooldown still running in the game, another event type', () => {
    const engine = runningDemo();
    const fc = factContextOf(engine);
    expect(testTrigger(DRAFT, 'off', hit(20), fc, engine.tick)?.blockers).toEqual([
      'it is disabled ("enabled": false)',
    ]);
    const live = engine.triggerStates().find((s) => s.id === 'big-hit');
    expect(live?.fires).toBeGreaterThan(0);
    const cooling = testTrigger(DRAFT, 'big-hit', hit(20), fc, engine.tick, live);
    expect(cooling?.wouldFire).toBe(false);
    expect(cooling?.blockers[0]).toMatch(/^it is cooling down until tick \d+/);
    const pulse: SirenEvent = { seq: 1, type: 'demo.pulse', tick: 0, payload: { n: 1 } };
    expect(testTrigger(DRAFT, 'big-hit', pulse, fc, engine.tick)?.blockers).toContain(
      'it listens to "demo.hit", not "demo.pulse"',
    );
  });

  it('tests a state trigger against the world now', () => {
    const engine = runningDemo();
    const r = testTrigger(DRAFT, 'alarmed', null, factContextOf(engine), engine.tick);
    expect(r).toMatchObject({ mode: 'while', wouldFire: false, blockers: [] });
    expect(explainLines(r?.condition ?? null)).toEqual(['✗ world.alarm = false, expected = true']);
  });

  it("fills the draft's windows from the events still in the log", () => {
    const engine = runningDemo();
    const rules = compile(
      [
        {
          id: 'busy',
          every: 1,
          when: { fact: 'window.hits.count', op: 'eq', value: 3 },
          do: [{ behaviour: 'addScore', amount: { fact: 'window.hits.sum' } }],
        },
      ],
      undefined,
      [{ id: 'hits', on: 'demo.hit', last: 3, value: 'event.amount' }],
    );
    const last3 = recentEvents(engine.log, 'demo.hit', 3).reduce(
      (n, e) => n + (e.payload as { amount: number }).amount,
      0,
    );
    const r = testTrigger(rules, 'busy', null, factContextOf(engine, rules), engine.tick);
    expect(explainLines(r?.condition ?? null)).toEqual(['✓ window.hits.count = 3, expected = 3']);
    expect(r?.actions).toEqual([{ behaviour: 'addScore', params: { amount: last3 } }]);
  });

  it('answers null for an id the draft does not have', () => {
    const engine = runningDemo();
    expect(testTrigger(DRAFT, 'nope', hit(1), factContextOf(engine), engine.tick)).toBeNull();
  });
});

describe('sample events', () => {
  it('offers the newest events of a type still in the log, newest first', () => {
    const engine = runningDemo();
    const hits = engine.log.slice(0).filter((e) => e.type === 'demo.hit');
    expect(recentEvents(engine.log, 'demo.hit', 2)).toEqual(hits.slice(-2).reverse());
    expect(recentEvents(engine.log, 'demo.critical')).toEqual([]);
  });

  it('writes a template with every field, or a past event, as editable JSON', () => {
    expect(JSON.parse(sampleEventText('demo.hit', catalogue.events['demo.hit']))).toEqual({
      type: 'demo.hit',
      payload: { target: 0, amount: 0 },
    });
    expect(JSON.parse(sampleEventText('demo.hit', undefined, hit(7, 2)))).toEqual({
      type: 'demo.hit',
      payload: { target: 2, amount: 7 },
    });
  });
});
