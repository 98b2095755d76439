import { describe, expect, it } from 'vitest';
import { secondsToTicks } from '../../src/engine';
import { emit, fires, hit, idle, labEngine, labRules, ofType, ping } from './helpers';

const note = (value?: unknown) => ({ behaviour: 'note', ...(value === undefined ? {} : { value }) });
const ticksOf = (notes: readonly string[], id: string) =>
  notes.filter((n) => n.startsWith(`${id}@`)).map((n) => Number(n.slice(id.length + 1).split('=')[0]));

describe('trigger options', () => {
  it('an "on" trigger fires once per matching event and records trigger.fired with the event it matched', () => {
    const engine = labEngine([{ id: 't', on: 'lab.ping', do: [note()] }]);
    engine.step(emit(ping(), ping(), hit()));
    expect(fires(engine, 't')).toBe(2);
    const fired = ofType(engine, 'trigger.fired');
    expect(fired.map((e) => e.payload)).toEqual([
      { trigger: 't', seq: 0 },
      { trigger: 't', seq: 1 },
    ]);
    expect(fired[0]!.cause).toEqual({ seq: 0, trigger: 't' });
  });

  it('enabled: false never fires until enabled', () => {
    const engine = labEngine([{ id: 't', on: 'lab.ping', enabled: false, do: [note()] }]);
    engine.step(emit(ping()));
    expect(fires(engine, 't')).toBe(0);
    engine.setTriggerEnabled('t', true);
    engine.step(emit(ping()));
    expect(fires(engine, 't')).toBe(1);
    engine.setTriggerEnabled('t', false);
    engine.step(emit(ping()));
    expect(fires(engine, 't')).toBe(1);
  });

  it('once fires for the first match only', () => {
    const engine = labEngine([{ id: 't', on: 'lab.ping', once: true, do: [note()] }]);
    engine.step(emit(ping(), ping()));
    engine.step(emit(ping()));
    expect(fires(engine, 't')).toBe(1);
    expect(engine.triggerStates()[0]!.spent).toBe(true);
  });

  it('cooldown blocks for ceil(seconds × 60) ticks after a fire', () => {
    expect([0.5, 1, 0.01, 0.02, 1 / 60, 0].map(secondsToTicks)).toEqual([30, 60, 1, 2, 1, 0]);
    const engine = labEngine([{ id: 't', on: 'lab.ping', cooldown: 0.5, do: [note()] }]);
    for (let i = 0; i < 70; i++) engine.step(emit(ping()));
    expect(ticksOf(engine.world.notes, 't')).toEqual([0, 30, 60]);
    const fine = labEngine([{ id: 't', on: 'lab.ping', cooldown: 0.02, do: [note()] }]); // 1.2 ticks → 2
    for (let i = 0; i < 6; i++) fine.step(emit(ping()));
    expect(ticksOf(fine.world.notes, 't')).toEqual([0, 2, 4]);
  });

  it('priority: higher first, then file order', () => {
    const engine = labEngine([
      { id: 'a0', on: 'lab.ping', do: [note()] },
      { id: 'b10', on: 'lab.ping', priority: 10, do: [note()] },
      { id: 'c-5', on: 'lab.ping', priority: -5, do: [note()] },
      { id: 'd0', on: 'lab.ping', do: [note()] },
      { id: 'e10', on: 'lab.ping', priority: 10, do: [note()] },
    ]);
    engine.step(emit(ping()));
    expect(engine.world.notes).toEqual(['b10@0', 'e10@0', 'a0@0', 'd0@0', 'c-5@0']);
  });

  it('delay runs the behaviours ceil(seconds × 60) ticks later, with the event that matched', () => {
    const engine = labEngine([{ id: 't', on: 'lab.ping', delay: 0.5, do: [note({ fact: 'event.n' })] }]);
    engine.step(emit(ping({ n: 7 })));
    expect(fires(engine, 't')).toBe(1); // fired now…
    idle(engine, 29); // ticks 1…29
    expect(engine.world.notes).toEqual([]);
    idle(engine, 1);
    expect(engine.world.notes).toEqual(['t@30=7']); // …ran at tick 30
  });

  it('a while trigger fires once when its condition becomes true, not every tick, and re-arms when it becomes false', () => {
    const engine = labEngine([
      { id: 'raise', on: 'lab.ping', do: [{ behaviour: 'setFlag', on: true }] },
      { id: 'lower', on: 'lab.hit', do: [{ behaviour: 'setFlag', on: false }] },
      { id: 'w', while: { fact: 'world.flag', op: 'eq', value: true }, do: [note()] },
    ]);
    idle(engine, 3);
    expect(fires(engine, 'w')).toBe(0);
    engine.step(emit(ping())); // tick 3: becomes true
    idle(engine, 20);
    engine.step(emit(ping())); // still true: no new edge
    expect(ticksOf(engine.world.notes, 'w')).toEqual([3]);
    engine.step(emit(hit())); // tick 25: false
    idle(engine, 2);
    engine.step(emit(ping())); // tick 28: true again
    expect(ticksOf(engine.world.notes, 'w')).toEqual([3, 28]);
    expect(
      ofType(engine, 'trigger.fired')
        .filter((e) => (e.payload as { trigger: string }).trigger === 'w')
        .map((e) => (e.payload as { seq: number }).seq),
    ).toEqual([-1, -1]);
  });

  it('a while trigger whose edge came while it was disabled fires once it is enabled, if the condition still holds', () => {
    const engine = labEngine([
      { id: 'raise', on: 'lab.ping', do: [{ behaviour: 'setFlag', on: true }] },
      { id: 'w', while: { fact: 'world.flag', op: 'eq', value: true }, enabled: false, do: [note()] },
    ]);
    engine.step(emit(ping())); // tick 0: becomes true while disabled
    idle(engine, 4);
    expect(fires(engine, 'w')).toBe(0);
    engine.setTriggerEnabled('w', true);
    idle(engine, 3);
    expect(ticksOf(engine.world.notes, 'w')).toEqual([5]); // fires at the first tick it is allowed, once
  });

  it('a while trigger with "for" fires only after the condition held that long, and not if it broke off sooner', () => {
    const engine = labEngine([
      { id: 'raise', on: 'lab.ping', do: [{ behaviour: 'setFlag', on: true }] },
      { id: 'lower', on: 'lab.hit', do: [{ behaviour: 'setFlag', on: false }] },
      { id: 'w', while: { fact: 'world.flag', op: 'eq', value: true }, for: 0.5, do: [note()] },
    ]);
    engine.step(emit(ping())); // tick 0: true
    idle(engine, 20);
    engine.step(emit(hit())); // tick 21: false after 21 ticks < 30
    idle(engine, 5);
    expect(fires(engine, 'w')).toBe(0);
    engine.step(emit(ping())); // tick 27: true again
    idle(engine, 40);
    expect(ticksOf(engine.world.notes, 'w')).toEqual([57]);
  });

  it('every fires on a timer, every ceil(seconds × 60) ticks', () => {
    const engine = labEngine([{ id: 'e', every: 0.5, do: [note()] }]);
    idle(engine, 100);
    expect(ticksOf(engine.world.notes, 'e')).toEqual([30, 60, 90]);
  });

  it('every with a "when" fires only on the ticks where the condition holds', () => {
    const engine = labEngine([
      { id: 'set', on: 'lab.ping', do: [{ behaviour: 'setLevel', to: { fact: 'event.n' } }] },
      { id: 'e', every: 0.25, when: { fact: 'world.level', op: 'gte', value: 3 }, do: [note()] },
    ]);
    idle(engine, 20);
    engine.step(emit(ping({ n: 3 })));
    idle(engine, 40);
    expect(ticksOf(engine.world.notes, 'e')).toEqual([30, 45, 60]);
  });

  it('enableTrigger and disableTrigger behaviours switch other triggers', () => {
    const engine = labEngine([
      { id: 'target', on: 'lab.ping', enabled: false, do: [note()] },
      {
        id: 'on',
        on: 'lab.hit',
        when: { fact: 'event.source', op: 'eq', value: 'on' },
        do: [{ behaviour: 'enableTrigger', trigger: 'target' }],
      },
      {
        id: 'off',
        on: 'lab.hit',
        when: { fact: 'event.source', op: 'eq', value: 'off' },
        do: [{ behaviour: 'disableTrigger', trigger: 'target' }],
      },
    ]);
    engine.step(emit(ping()));
    engine.step(emit(hit({ source: 'on' })));
    engine.step(emit(ping()));
    engine.step(emit(hit({ source: 'off' })));
    engine.step(emit(ping()));
    expect(ticksOf(engine.world.notes, 'target')).toEqual([2]);
    // enabled in the same tick, before a later event of the tick
    engine.step(emit(hit({ source: 'on' }), ping()));
    expect(ticksOf(engine.world.notes, 'target')).toEqual([2, 5]);
  });

  it('emits declared custom events with payloads read from facts, caused by the trigger', () => {
    const engine = labEngine(
      [
        {
          id: 'relay',
          on: 'lab.ping',
          do: [
            {
              behaviour: 'emit',
              event: 'lab.relayed',
              payload: {
                n: { fact: 'event.n', times: 2, plus: 1 },
                who: { fact: 'event.name' },
                fixed: 'x',
                level: { fact: 'world.level' },
              },
            },
          ],
        },
        {
          id: 'listen',
          on: 'lab.relayed',
          when: { fact: 'event.n', op: 'eq', value: 7 },
          do: [note({ fact: 'event.who' })],
        },
      ],
      [{ type: 'lab.relayed', fields: { n: 'number', who: 'string', fixed: 'string', level: 'number' } }],
    );
    engine.step(emit(ping({ n: 3, name: 'zed' })));
    const relayed = ofType(engine, 'lab.relayed');
    expect(relayed).toHaveLength(1);
    expect(relayed[0]!.payload).toEqual({ n: 7, who: 'zed', fixed: 'x', level: 0 });
    expect(relayed[0]!.cause).toEqual({ seq: 0, trigger: 'relay' });
    expect(engine.world.notes).toEqual(['listen@0="zed"']);
  });

  it('behaviour parameters read facts, with times then plus applied to numbers', () => {
    const engine = labEngine([
      { id: 't', on: 'lab.ping', do: [{ behaviour: 'setLevel', to: { fact: 'event.n', times: 10, plus: -1 } }] },
    ]);
    engine.step(emit(ping({ n: 4 })));
    expect(engine.world.level).toBe(39);
  });

  it('meta facts read the event envelope', () => {
    const engine = labEngine([
      {
        id: 't',
        on: 'lab.ping',
        when: { fact: 'meta.tick', op: 'gte', value: 2 },
        do: [note({ fact: 'meta.seq' }), note({ fact: 'meta.type' })],
      },
    ]);
    for (let i = 0; i < 3; i++) engine.step(emit(ping()));
    expect(engine.world.notes).toEqual(['t@2=2', 't@2="lab.ping"']);
  });

  it('entity facts read the entity the event names (missing entity: the fact is missing)', () => {
    const engine = labEngine([
      { id: 't', on: 'lab.hit', when: { fact: 'entity.hp', op: 'gt', value: 50 }, do: [note({ fact: 'entity.name' })] },
    ]);
    engine.step(emit(hit({ target: 1 }), hit({ target: 2 }), hit({ target: 99 })));
    expect(engine.world.notes).toEqual(['t@0="alpha"']);
  });

  it('world facts read the world as the tick has changed it so far', () => {
    const engine = labEngine([
      { id: 'set', on: 'lab.hit', do: [{ behaviour: 'setLevel', to: { fact: 'event.amount' } }] },
      {
        id: 't',
        on: 'lab.ping',
        when: { fact: 'world.level', op: 'gte', value: 3 },
        do: [note({ fact: 'world.level' })],
      },
    ]);
    engine.step(emit(ping(), hit({ amount: 5 }), ping()));
    expect(engine.world.notes).toEqual(['t@0=5']);
  });

  it('a behaviour that throws becomes engine.error {trigger, message}; the other actions and the tick go on', () => {
    const engine = labEngine([{ id: 'bad', on: 'lab.ping', do: [{ behaviour: 'boom' }, note()] }]);
    engine.step(emit(ping()));
    engine.step(emit(ping()));
    const errors = ofType(engine, 'engine.error');
    expect(errors.map((e) => e.payload)).toEqual([
      { trigger: 'bad', message: 'behaviour "boom" failed: kaboom' },
      { trigger: 'bad', message: 'behaviour "boom" failed: kaboom' },
    ]);
    expect(errors[0]!.cause).toEqual({ seq: 0, trigger: 'bad' });
    expect(engine.world.notes).toEqual(['bad@0', 'bad@1']);
    expect(engine.tick).toBe(2);
  });

  it("triggers on the engine's own events see errors (rules can react to them)", () => {
    const engine = labEngine([
      { id: 'bad', on: 'lab.ping', do: [{ behaviour: 'boom' }] },
      { id: 'watch', on: 'engine.error', do: [note({ fact: 'event.trigger' })] },
    ]);
    engine.step(emit(ping()));
    expect(engine.world.notes).toEqual(['watch@0="bad"']);
  });

  it('applying new rules keeps once and cooldown state of triggers whose id is unchanged', () => {
    const v1 = [
      { id: 'once', on: 'lab.ping', once: true, do: [note()] },
      { id: 'cool', on: 'lab.ping', cooldown: 10, do: [note()] },
    ];
    const engine = labEngine(v1);
    engine.step(emit(ping()));
    expect(engine.world.notes).toEqual(['once@0', 'cool@0']);
    engine.applyRules(labRules([...v1, { id: 'fresh', on: 'lab.ping', once: true, cooldown: 10, do: [note()] }]));
    engine.step(emit(ping()));
    expect(engine.world.notes).toEqual(['once@0', 'cool@0', 'fresh@1']);
    const states = Object.fromEntries(engine.triggerStates().map((s) => [s.id, s]));
    expect(states.once).toMatchObject({ spent: true, fires: 1 });
    expect(states.cool).toMatchObject({ cooldownUntil: 600, fires: 1 });
    // a renamed trigger is a new trigger
    engine.applyRules(labRules([{ id: 'once-2', on: 'lab.ping', once: true, do: [note()] }]));
    engine.step(emit(ping()));
    expect(engine.world.notes.at(-1)).toBe('once-2@2');
    expect(ofType(engine, 'rules.loaded').map((e) => e.payload)).toEqual([
      { triggers: 3, source: 'test.json' },
      { triggers: 1, source: 'test.json' },
    ]);
    expect(engine.records.filter((r) => r.rules !== undefined).map((r) => r.tick)).toEqual([1, 2]);
  });

  it('applied rules take effect at once: removed triggers stop, new ones start', () => {
    const engine = labEngine([{ id: 'old', on: 'lab.ping', do: [note()] }]);
    engine.step(emit(ping()));
    engine.applyRules(labRules([{ id: 'new', on: 'lab.ping', do: [note()] }]));
    engine.step(emit(ping()));
    expect(engine.world.notes).toEqual(['old@0', 'new@1']);
  });
});
