import { describe, expect, it } from 'vitest';
import { configureFreezing, createBus, createEngine, createLog } from '../../src/engine';
import { defaultLimits } from '../../src/engine/bus';
import type { SirenEvent } from '../../src/engine';
import { demoScenario } from '../../src/scenarios/demo';
import { compile, demoCatalogue, emit, labEngine, ofType, ping, rulesFile } from './helpers';

type M = { a: { n: number }; b: { n: number }; c: { n: number } };

describe('bus', () => {
  it('delivers events in sequence order even when a handler emits', () => {
    const bus = createBus<M>(createLog());
    const seen: string[] = [];
    bus.on('*', (ev) => seen.push(`${ev.type}${(ev.payload as { n: number }).n}#${ev.seq}`));
    bus.on('a', (ev) => {
      if (ev.payload.n === 1) {
        bus.emit('b', { n: 1 });
        bus.emit('c', { n: 1 });
      }
    });
    bus.on('b', () => bus.emit('c', { n: 2 }));
    bus.emit('a', { n: 1 });
    bus.emit('a', { n: 2 });
    bus.drain();
    expect(seen).toEqual(['a1#0', 'a2#1', 'b1#2', 'c1#3', 'c2#4']);
    expect(bus.pending).toBe(0);
  });

  it('appends every event to the log before any handler sees it', () => {
    const log = createLog();
    const bus = createBus<M>(log);
    const checks: boolean[] = [];
    bus.on('*', (ev) => checks.push(log.at(ev.seq) === ev && log.end === 2));
    bus.emit('a', { n: 1 });
    bus.emit('b', { n: 2 });
    expect(log.end).toBe(2); // appended at emit time, before the drain
    bus.drain();
    expect(checks).toEqual([true, true]);
  });

  it('gives the trigger system each event before subscribers', () => {
    const bus = createBus<M>(createLog());
    const order: string[] = [];
    bus.on('a', () => order.push('subscriber'));
    bus.setConsumer(() => order.push('consumer'));
    bus.emit('a', { n: 1 });
    bus.drain();
    expect(order).toEqual(['consumer', 'subscriber']);
  });

  it('makes events immutable and stamps seq, tick and cause', () => {
    const bus = createBus<M>(createLog());
    bus.beginTick(7);
    const ev = bus.emit('a', { n: 1 }, { cause: { seq: 0, trigger: 't' }, depth: 1 }) as SirenEvent<'a', { n: number }>;
    expect(ev).toMatchObject({ seq: 0, type: 'a', tick: 7, cause: { seq: 0, trigger: 't' } });
    expect(Object.isFrozen(ev)).toBe(true);
    expect(Object.isFrozen(ev.payload)).toBe(true);
  });

  it('production (configureFreezing(false)) skips the freeze but keeps the same event', () => {
    const bus = createBus<M>(createLog());
    configureFreezing(false);
    try {
      const ev = bus.emit('a', { n: 1 }) as SirenEvent<'a', { n: number }>;
      expect(ev).toEqual({ seq: 0, type: 'a', tick: 0, payload: { n: 1 } });
      expect(Object.isFrozen(ev)).toBe(false);
    } finally {
      configureFreezing(true);
    }
    expect(Object.isFrozen(bus.emit('a', { n: 2 }))).toBe(true);
  });

  it('on returns an unsubscribe function', () => {
    const bus = createBus<M>(createLog());
    let count = 0;
    const off = bus.on('a', () => count++);
    bus.emit('a', { n: 1 });
    bus.drain();
    off();
    bus.emit('a', { n: 2 });
    bus.drain();
    expect(count).toBe(1);
    const offAll = bus.on('*', () => count++);
    offAll();
    bus.emit('b', { n: 1 });
    bus.drain();
    expect(count).toBe(1);
  });

  it('keeps draining when drain is called from inside a handler (no re-entrant delivery)', () => {
    const bus = createBus<M>(createLog());
    const seen: number[] = [];
    bus.on('a', (ev) => {
      seen.push(ev.seq);
      if (ev.seq === 0) {
        bus.emit('a', { n: 2 });
        bus.drain();
        seen.push(-1);
      }
    });
    bus.emit('a', { n: 1 });
    bus.drain();
    expect(seen).toEqual([0, -1, 1]);
  });

  it('drops events over the per-tick budget with exactly one warning, and resets at the next tick', () => {
    const bus = createBus<M>(createLog(), { maxDepth: 32, maxEventsPerTick: 3 });
    bus.beginTick(0);
    const results = [1, 2, 3, 4, 5].map((n) => bus.emit('a', { n }));
    expect(results.map((r) => r !== null)).toEqual([true, true, true, false, false]);
    const warnings = bus.log.slice(0).filter((e) => e.type === 'engine.warning');
    expect(warnings).toHaveLength(1);
    expect((warnings[0]!.payload as { reason: string }).reason).toContain('per-tick event budget (3)');
    bus.beginTick(1);
    expect(bus.emit('a', { n: 6 })).not.toBeNull();
  });
});

describe('bus safety limits under rules', () => {
  const loopRules = (triggers: Record<string, unknown>[]) =>
    compile(JSON.stringify(rulesFile('demo', triggers, ['demo.echo', 'demo.ping', 'demo.pong'])), demoCatalogue);
  const start = {
    id: 'start',
    on: 'demo.pulse',
    when: { fact: 'event.n', op: 'eq', value: 0 },
    do: [{ behaviour: 'emit', event: 'demo.echo' }],
  };

  function warningsOf(engine: { log: { slice(o: number): SirenEvent[] } }) {
    return engine.log.slice(0).filter((e) => e.type === 'engine.warning') as SirenEvent<
      string,
      { reason: string; triggers: string[] }
    >[];
  }

  it('stops a trigger that emits its own event with one cascade-depth warning naming it, and the tick completes', () => {
    const rules = loopRules([
      start,
      { id: 'echo-loop', on: 'demo.echo', do: [{ behaviour: 'emit', event: 'demo.echo' }] },
    ]);
    const engine = createEngine({ scenario: demoScenario, rules, seed: 1 });
    engine.step();
    expect(engine.tick).toBe(1);
    const warnings = warningsOf(engine);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.payload.triggers).toEqual(['echo-loop']);
    expect(warnings[0]!.payload.reason).toBe(
      'cascade depth limit (32) reached while handling "demo.echo": triggers echo-loop keep causing each other; this chain of causes was cut and its further events dropped (its depth counts every hop, also across ticks through a "delay")',
    );
    expect(warnings[0]!.tick).toBe(0);
    // The chain ran to the limit and no further.
    const echoes = engine.log.slice(0).filter((e) => e.type === 'demo.echo');
    expect(echoes.length).toBeGreaterThan(10);
    expect(echoes.length).toBeLessThanOrEqual(33);
    // Later ticks run normally.
    for (let i = 0; i < 60; i++) engine.step();
    expect(engine.tick).toBe(61);
    expect(warningsOf(engine)).toHaveLength(1);
  });

  it('names both triggers of a ping-pong loop (and not the trigger that started it)', () => {
    const rules = loopRules([
      { ...start, do: [{ behaviour: 'emit', event: 'demo.ping' }] },
      { id: 'ping-to-pong', on: 'demo.ping', do: [{ behaviour: 'emit', event: 'demo.pong' }] },
      { id: 'pong-to-ping', on: 'demo.pong', do: [{ behaviour: 'emit', event: 'demo.ping' }] },
    ]);
    const engine = createEngine({ scenario: demoScenario, rules, seed: 1 });
    engine.step();
    const warnings = warningsOf(engine);
    expect(warnings).toHaveLength(1);
    expect([...warnings[0]!.payload.triggers].sort()).toEqual(['ping-to-pong', 'pong-to-ping']);
    expect(warnings[0]!.payload.reason).toMatch(
      /^cascade depth limit \(32\) reached while handling "demo\.p[io]ng": triggers (ping-to-pong → pong-to-ping|pong-to-ping → ping-to-pong) keep causing each other/,
    );
  });

  it('warns once for each distinct loop cut in the same tick', () => {
    const rules = loopRules([
      {
        ...start,
        do: [
          { behaviour: 'emit', event: 'demo.echo' },
          { behaviour: 'emit', event: 'demo.ping' },
        ],
      },
      { id: 'echo-loop', on: 'demo.echo', do: [{ behaviour: 'emit', event: 'demo.echo' }] },
      { id: 'ping-to-pong', on: 'demo.ping', do: [{ behaviour: 'emit', event: 'demo.pong' }] },
      { id: 'pong-to-ping', on: 'demo.pong', do: [{ behaviour: 'emit', event: 'demo.ping' }] },
    ]);
    const engine = createEngine({ scenario: demoScenario, rules, seed: 1 });
    engine.step();
    engine.step();
    const named = warningsOf(engine).map((w) => [w.tick, [...w.payload.triggers].sort().join(' ')]);
    expect(named).toEqual([
      [0, 'echo-loop'],
      [0, 'ping-to-pong pong-to-ping'],
    ]);
  });

  it('stops a fan-out loop with one per-tick budget warning, and the tick completes', () => {
    const rules = loopRules([
      start,
      {
        id: 'fan-out',
        on: 'demo.echo',
        do: [
          { behaviour: 'emit', event: 'demo.echo' },
          { behaviour: 'emit', event: 'demo.echo' },
        ],
      },
    ]);
    const engine = createEngine({
      scenario: demoScenario,
      rules,
      seed: 1,
      limits: { maxDepth: 32, maxEventsPerTick: 500 },
    });
    engine.step();
    expect(engine.tick).toBe(1);
    const warnings = warningsOf(engine);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.payload.reason).toMatch(
      /^per-tick event budget \(500\) used up at "(demo\.echo|trigger\.fired)" by triggers fan-out; the rest of this tick's events were dropped$/,
    );
    expect(warnings[0]!.payload.triggers).toEqual(['fan-out']);
    expect(engine.log.end).toBe(501); // the budget plus the warning
    engine.step();
    expect(engine.tick).toBe(2);
  });

  it('names every trigger that spent the budget, most events first, when many fan out at once', () => {
    const fans = Array.from({ length: 6 }, (_, i) => ({
      id: `fan-${i}`,
      on: 'demo.echo',
      do: [{ behaviour: 'emit', event: 'demo.echo' }],
    }));
    const engine = createEngine({
      scenario: demoScenario,
      rules: loopRules([start, ...fans]),
      seed: 1,
      limits: { maxDepth: 32, maxEventsPerTick: 2000 },
    });
    engine.step();
    const [warning, ...more] = warningsOf(engine);
    expect(more).toEqual([]);
    expect(warning!.payload.reason).toMatch(
      /^per-tick event budget \(2000\) used up at ".*" by triggers fan-\d(, fan-\d){5}; the rest/,
    );
    expect([...warning!.payload.triggers].sort()).toEqual(fans.map((f) => f.id));
  });

  it('never hangs, even when a trigger reacts to the warning itself', () => {
    const rules = loopRules([
      start,
      {
        id: 'echo-loop',
        on: 'demo.echo',
        do: [
          { behaviour: 'emit', event: 'demo.echo' },
          { behaviour: 'emit', event: 'demo.echo' },
        ],
      },
      { id: 'on-warning', on: 'engine.warning', do: [{ behaviour: 'emit', event: 'demo.echo' }] },
      { id: 'on-fired', on: 'trigger.fired', do: [{ behaviour: 'emit', event: 'demo.ping' }] },
    ]);
    const engine = createEngine({ scenario: demoScenario, rules, seed: 1 });
    for (let i = 0; i < 5; i++) engine.step();
    expect(engine.tick).toBe(5);
    // Bounded work, not a clock: each tick stops at the event budget plus its few warnings.
    expect(engine.log.end).toBeLessThanOrEqual(5 * (defaultLimits.maxEventsPerTick + 10));
    const warnings = warningsOf(engine);
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    // At most one warning per limit per tick.
    for (let t = 0; t < 5; t++) {
      const here = warnings.filter((w) => w.tick === t).map((w) => w.payload.reason.split(' ')[0]);
      expect(new Set(here).size).toBe(here.length);
    }
  });

  it('rules events reach subscribers in the same FIFO order as the log', () => {
    const engine = labEngine(
      [
        {
          id: 'p',
          on: 'lab.ping',
          do: [{ behaviour: 'emit', event: 'lab.echo', payload: { n: { fact: 'event.n' } } }],
        },
      ],
      ['lab.echo'],
    );
    const seen: number[] = [];
    engine.bus.on('*', (ev) => seen.push(ev.seq));
    engine.step(emit(ping({ n: 1 }), ping({ n: 2 })));
    expect(seen).toEqual(engine.log.slice(0).map((e) => e.seq));
    expect(ofType(engine, 'lab.echo').map((e) => e.payload)).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
