import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../../src/engine';
import { compile, emit, fires, labEngine, ofType, ping } from './helpers';

const reasons = (engine: Parameters<typeof ofType>[0]) =>
  ofType(engine, 'engine.warning').map((e) => e.payload as { reason: string; triggers: string[] });

describe('the per-tick work budget', () => {
  const heavy = (reads: number) =>
    compile(
      JSON.stringify({
        version: 1,
        scenario: 'lab',
        windows: [{ id: 'w', on: 'lab.ping', last: 1000 }],
        triggers: [
          {
            id: 'heavy',
            on: 'lab.ping',
            when: { all: Array.from({ length: reads }, () => ({ fact: 'window.w.count', op: 'gte', value: 0 })) },
            do: [{ behaviour: 'note' }],
          },
        ],
      }),
    );

  it('counts comparisons and window entries read, stops at the budget with one engine.warning, and resets each tick', () => {
    const limits = { ...defaultLimits, maxWorkPerTick: 100_000 };
    const engine = labEngine([], undefined, { rules: heavy(100), limits });
    engine.step(emit(...Array.from({ length: 400 }, () => ping())));
    // Test k reads 100 × k entries (+100 comparisons): the budget is spent during the 44th test, which does not fire.
    expect(fires(engine, 'heavy')).toBe(43);
    expect(reasons(engine)).toEqual([
      {
        reason:
          "per-tick work budget (100,000 comparisons and window entries read) used up by trigger heavy; the rest of this tick's conditions were not evaluated (treated as false)",
        triggers: ['heavy'],
      },
    ]);
    engine.step(emit(ping()));
    expect(fires(engine, 'heavy')).toBe(44);
    expect(reasons(engine)).toHaveLength(1);
  });

  it('leaves ordinary rules alone: the default budget is 200,000', () => {
    expect(defaultLimits.maxWorkPerTick ?? 200_000).toBe(200_000);
    const engine = labEngine([], undefined, { rules: heavy(2) });
    engine.step(emit(...Array.from({ length: 40 }, () => ping())));
    expect(fires(engine, 'heavy')).toBe(40);
    expect(reasons(engine)).toEqual([]);
  });
});

describe('the cap on waiting delayed actions', () => {
  it('drops delayed actions past the cap with one warning naming the triggers, and warns again only after draining', () => {
    const limits = { ...defaultLimits, maxPendingDelayed: 50 };
    const engine = labEngine([{ id: 'later', on: 'lab.ping', delay: 1, do: [{ behaviour: 'note' }] }], undefined, {
      limits,
    });
    engine.step(emit(...Array.from({ length: 60 }, () => ping())));
    engine.step(emit(...Array.from({ length: 5 }, () => ping())));
    expect(reasons(engine)).toEqual([
      {
        reason:
          'delayed actions limit (50 waiting) reached by triggers later; new delayed actions are dropped until some have run',
        triggers: ['later'],
      },
    ]);
    for (let i = 0; i < 60; i++) engine.step();
    expect(engine.world.notes).toHaveLength(50);
    engine.step(emit(...Array.from({ length: 60 }, () => ping())));
    expect(reasons(engine)).toHaveLength(2);
  });
});

describe('loops across ticks', () => {
  it('a chain through "delay" keeps its depth from tick to tick: it runs 32 hops, then ends for good with the warning', () => {
    const engine = labEngine(
      [{ id: 'again', on: 'lab.beat', delay: 1 / 60, do: [{ behaviour: 'emit', event: 'lab.beat', payload: {} }] }],
      ['lab.beat'],
    );
    engine.step(emit(['lab.beat', {}]));
    for (let i = 0; i < 100; i++) engine.step();
    expect(ofType(engine, 'lab.beat')).toHaveLength(33);
    // Once where its trigger.fired is cut, once a tick later where its delayed action's event is.
    expect(reasons(engine).map((r) => r.reason)).toEqual([
      'cascade depth limit (32) reached while handling "lab.beat": triggers again keep causing each other; this chain of causes was cut and its further events dropped (its depth counts every hop, also across ticks through a "delay")',
      'cascade depth limit (32) reached while handling "lab.beat": triggers again keep causing each other; this chain of causes was cut and its further events dropped (its depth counts every hop, also across ticks through a "delay")',
    ]);
  });
});
