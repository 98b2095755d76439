import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine';
import type { AnyEngine, SirenEvent } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { compile, emit, events, hit, labEngine, ping } from './helpers';
import { scenarioCatalogue } from '../../src/engine';

/** A fresh engine of a scenario under its bundled rules. */
function engineOf(name: 'demo' | 'cloud' | 'city', seed: number): AnyEngine {
  const scenario = scenarios[name] as (typeof scenarios)[string];
  const text = readFileSync(scenario.rulesFile, 'utf8');
  const rules = compile(text, scenarioCatalogue(scenario), scenario.rulesFile);
  return createEngine({ scenario, rules, seed, logCapacity: 100_000 });
}

/** Runs `ticks` ticks with the scenario's autopilot; on each suspension, `onStop` decides how to go on. */
function run(engine: AnyEngine, ticks: number, onStop: (e: AnyEngine) => void): number {
  const pilot = engine.scenario.createAutopilot(1);
  let stops = 0;
  while (engine.tick < ticks) {
    engine.step(pilot(engine.world, engine.runtime, engine.tick));
    while (engine.suspendedAt) {
      stops++;
      onStop(engine);
    }
  }
  return stops;
}

const fingerprint = (e: AnyEngine) => ({
  hash: e.log.hash(),
  end: e.log.end,
  tick: e.tick,
  summary: e.summary(),
  fires: e.triggerStates().map((s) => s.fires),
});

describe('suspending a tick at an event', () => {
  it('stops after the event the break test accepts, before the next queued one is delivered', () => {
    const engine = labEngine([
      { id: 'a', on: 'lab.ping', do: [{ behaviour: 'note' }] },
      { id: 'b', on: 'lab.hit', do: [{ behaviour: 'note' }] },
    ]);
    const delivered: string[] = [];
    engine.bus.on('*', (ev) => delivered.push(ev.type));
    engine.setBreak((ev, fired) => ev.type === 'lab.ping' && fired.includes('a'));
    engine.step(emit(ping({ n: 1 }), hit()));
    expect(engine.suspendedAt?.type).toBe('lab.ping');
    expect(engine.tick).toBe(0);
    expect(delivered).toEqual(['lab.ping']);
    expect(engine.world.notes).toEqual([]);
    expect(engine.bus.pending).toBe(2);
    engine.setBreak(null);
    engine.step();
    expect(engine.suspendedAt).toBeNull();
    expect(engine.tick).toBe(1);
    expect(delivered).toEqual(['lab.ping', 'lab.hit', 'trigger.fired', 'trigger.fired']);
    expect(engine.world.notes).toEqual(['a@0', 'b@0']);
  });

  it('finishTick runs the rest of the tick without stopping, and toggling a trigger finishes it first', () => {
    const engine = labEngine([{ id: 'a', on: 'lab.ping', do: [{ behaviour: 'note' }] }]);
    engine.setBreak(() => true);
    engine.step(emit(ping(), ping()));
    expect(engine.suspendedAt?.seq).toBe(0);
    engine.finishTick();
    expect(engine.suspendedAt).toBeNull();
    expect(engine.tick).toBe(1);
    engine.step(emit(ping()));
    expect(engine.suspendedAt?.tick).toBe(1);
    engine.setTriggerEnabled('a', false);
    expect(engine.tick).toBe(2);
    expect(engine.records.at(-1)).toEqual({ tick: 2, toggle: ['a', false] });
  });

  it('time travel abandons a suspended tick and replays to the same log', () => {
    const straight = engineOf('demo', 3);
    run(straight, 130, () => undefined);
    const engine = engineOf('demo', 3);
    run(engine, 120, () => undefined);
    engine.setBreak(() => true);
    engine.step(engine.scenario.idleInput);
    expect(engine.suspendedAt).not.toBeNull();
    engine.rewind(60);
    expect(engine.suspendedAt).toBeNull();
    expect(engine.tick).toBe(60);
    engine.setBreak(null);
    const pilot = engine.scenario.createAutopilot(1);
    while (engine.tick < 130) engine.step(pilot(engine.world, engine.runtime, engine.tick));
    expect(fingerprint(engine)).toEqual(fingerprint(straight));
  });

  it('pausing and continuing at any events gives the same log, hash and world as a straight run', () => {
    const straight = new Map<string, ReturnType<typeof fingerprint>>();
    fc.assert(
      fc.property(
        fc.constantFrom('demo' as const, 'cloud' as const),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.constantFrom('step', 'finish', 'retarget'), { minLength: 1, maxLength: 8 }),
        (name, seed, every, offset, moves) => {
          const ticks = name === 'cloud' ? 900 : 300;
          const key = `${name}/${seed}`;
          if (!straight.has(key)) {
            const e = engineOf(name, seed);
            run(e, ticks, () => undefined);
            straight.set(key, fingerprint(e));
          }
          const engine = engineOf(name, seed);
          let period = every;
          const test = (ev: SirenEvent, fired: readonly string[]) =>
            (ev.seq + offset) % period === 0 || (fired.length > 0 && ev.seq % (period + 1) === 0);
          engine.setBreak(test);
          let k = 0;
          const stops = run(engine, ticks, (e) => {
            const move = moves[k++ % moves.length];
            if (move === 'finish') e.finishTick();
            else {
              if (move === 'retarget') period = period + 1;
              e.step();
            }
          });
          expect(stops).toBeGreaterThan(0);
          expect(fingerprint(engine)).toEqual(straight.get(key));
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);

  it('a suspended tick shows the events delivered so far, and the log already holds the queued rest', () => {
    const engine = labEngine([{ id: 'a', on: 'lab.ping', do: [{ behaviour: 'note' }] }]);
    engine.setBreak((ev) => ev.seq === 1);
    engine.step(emit(ping({ n: 1 }), ping({ n: 2 })));
    expect(engine.suspendedAt?.seq).toBe(1);
    expect(events(engine).map((e) => e.type)).toEqual(['lab.ping', 'lab.ping', 'trigger.fired', 'trigger.fired']);
  });
});
