import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gateOpen, gateStatus, triggerBlockers } from '../../src/engine';
import type { SirenEvent, TriggerState } from '../../src/engine';
import { emit, hit, idle, labEngine, ping } from './helpers';

/** Runs per property; SIREN_FUZZ=<n> multiplies them for a long fuzzing session. */
const runs = (n: number) => n * Math.max(1, Number(process.env.SIREN_FUZZ ?? 1) || 1);

const IDS = ['t0', 't1', 't2', 't3'];

/** A trigger on a lab event with any mix of enabled, once, cooldown, delay and a condition on its payload. */
const trigger = (id: string) =>
  fc
    .record({
      on: fc.constantFrom('lab.ping', 'lab.hit'),
      enabled: fc.boolean(),
      once: fc.boolean(),
      cooldown: fc.option(fc.constantFrom(1 / 60, 0.05, 0.1, 0.5), { nil: undefined }),
      delay: fc.option(fc.constantFrom(1 / 60, 0.05), { nil: undefined }),
      op: fc.option(fc.constantFrom('gt', 'lt', 'eq'), { nil: undefined }),
      value: fc.integer({ min: 0, max: 5 }),
    })
    .map((r) => ({
      id,
      on: r.on,
      enabled: r.enabled,
      once: r.once,
      ...(r.cooldown === undefined ? {} : { cooldown: r.cooldown }),
      ...(r.delay === undefined ? {} : { delay: r.delay }),
      ...(r.op === undefined
        ? {}
        : { when: { fact: r.on === 'lab.ping' ? 'event.n' : 'event.amount', op: r.op, value: r.value } }),
      do: [{ behaviour: 'note' }],
    }));

const triggers = fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...IDS.slice(0, n).map(trigger)));

type Step =
  | { kind: 'ping' | 'hit'; value: number }
  | { kind: 'idle'; ticks: number }
  | { kind: 'toggle'; id: string; enabled: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('ping' as const, 'hit' as const), value: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('idle' as const), ticks: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('toggle' as const), id: fc.constantFrom(...IDS), enabled: fc.boolean() }),
);

describe('triggerBlockers', () => {
  it("predicts the engine's real fire/no-fire decisions: no blockers and a holding condition exactly when it fires", () => {
    fc.assert(
      fc.property(triggers, fc.array(step, { maxLength: 40 }), (specs, steps) => {
        const engine = labEngine(specs);
        for (const s of steps) {
          if (s.kind === 'idle') idle(engine, s.ticks);
          else if (s.kind === 'toggle') engine.setTriggerEnabled(s.id, s.enabled);
          else {
            const before = engine.triggerStates().map((x) => ({ ...x }));
            const tick = engine.tick;
            const from = engine.log.end;
            engine.step(emit(s.kind === 'ping' ? ping({ n: s.value }) : hit({ amount: s.value })));
            const ev = engine.log.slice(from).find((e) => e.cause === undefined) as SirenEvent;
            for (const t of engine.rules.triggers) {
              const state = before[t.index] as TriggerState;
              const blockers = triggerBlockers(state, t, ev, tick);
              const x = engine.explain(t.id, ev);
              const predicted = blockers.length === 0 && (x.condition?.pass ?? true);
              const fired = engine.log
                .slice(from)
                .some((e) => e.type === 'trigger.fired' && e.cause?.seq === ev.seq && e.cause.trigger === t.id);
              expect({ trigger: t.id, fired }).toEqual({ trigger: t.id, fired: predicted });
              expect(x.firedFor).toBe(fired);
              if (t.on === ev.type) expect(blockers.length === 0).toBe(gateOpen(state, tick));
              expect(gateStatus(state, tick) === 'ready').toBe(gateOpen(state, tick));
            }
          }
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it('names every reason at once: disabled, spent and cooling down, with the cooldown and seconds left', () => {
    const engine = labEngine([{ id: 't', on: 'lab.ping', once: true, cooldown: 2, do: [{ behaviour: 'note' }] }]);
    engine.step(emit(ping()));
    engine.setTriggerEnabled('t', false);
    idle(engine, 29);
    const t = engine.rules.byId.get('t');
    const s = engine.triggerStates()[0] as TriggerState;
    expect(t && triggerBlockers(s, t, null, engine.tick)).toEqual([
      'it is disabled',
      'it fires once and already fired at tick 0',
      'it is cooling down until tick 120 (1.5 s left of its 2 s cooldown)',
      'it needs a "lab.ping" event to test against',
    ]);
    expect(gateStatus(s, engine.tick)).toBe('disabled');
  });
});
