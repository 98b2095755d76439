import { describe, expect, it } from 'vitest';
import type { ExplainNode, SirenEvent } from '../../src/engine';
import { emit, hit, idle, labEngine, ping } from './helpers';

/** The explain tree as indented lines, the way a panel or the CLI shows it. */
function lines(node: ExplainNode | null, indent = ''): string[] {
  if (!node) return [];
  return [
    `${indent}${node.pass ? '✓' : '✗'} ${node.text}`,
    ...(node.children ?? []).flatMap((c) => lines(c, indent + '  ')),
  ];
}

function lastOf(engine: { log: { slice(o: number): SirenEvent[] } }, type: string): SirenEvent {
  const list = engine.log.slice(0).filter((e) => e.type === type);
  return list[list.length - 1] as SirenEvent;
}

describe('explain', () => {
  it('gives each comparison its verdict with the actual and expected values', () => {
    const engine = labEngine([
      {
        id: 'police-only',
        on: 'lab.hit',
        when: { fact: 'event.source', op: 'in', value: ['police'] },
        do: [{ behaviour: 'note' }],
      },
    ]);
    engine.step(emit(hit({ source: 'goon' })));
    const x = engine.explain('police-only', lastOf(engine, 'lab.hit'));
    expect(x.wouldFire).toBe(false);
    expect(x.blockers).toEqual([]);
    expect(x.condition).toMatchObject({
      kind: 'compare',
      pass: false,
      fact: 'event.source',
      op: 'in',
      actual: 'goon',
      expected: ['police'],
    });
    expect(x.condition?.text).toBe('event.source = "goon", expected in ["police"]');
  });

  it('writes each operator the way a person reads it', () => {
    const engine = labEngine([
      {
        id: 't',
        on: 'lab.hit',
        when: {
          all: [
            { fact: 'event.amount', op: 'gte', value: 10 },
            { fact: 'event.amount', op: 'lt', value: { fact: 'world.level', plus: 1 } },
            { fact: 'event.source', op: 'ne', value: 'goon' },
            { fact: 'event.amount', op: 'between', value: [1, 3] },
            { fact: 'entity.hp', op: 'exists' },
            { fact: 'event.source', op: 'startsWith', value: 'go' },
            { not: { fact: 'entity.name', op: 'eq', value: 'alpha' } },
            {
              any: [
                { fact: 'event.target', op: 'eq', value: 2 },
                { fact: 'meta.tick', op: 'gt', value: 100 },
              ],
            },
          ],
        },
        do: [{ behaviour: 'note' }],
      },
    ]);
    engine.step(emit(hit({ target: 1, amount: 5, source: 'goon' })));
    expect(lines(engine.explain('t', lastOf(engine, 'lab.hit')).condition)).toEqual([
      '✗ 6 of 8 do not hold',
      '  ✗ event.amount = 5, expected ≥ 10',
      '  ✗ event.amount = 5, expected < 1 (world.level)',
      '  ✗ event.source = "goon", expected ≠ "goon"',
      '  ✗ event.amount = 5, expected between [1,3]',
      '  ✓ entity.hp = 100, expected present',
      '  ✓ event.source = "goon", expected startsWith "go"',
      '  ✗ the inner condition holds, so "not" fails',
      '    ✓ entity.name = "alpha", expected = "alpha"',
      '  ✗ none of 2 holds',
      '    ✗ event.target = 1, expected = 2',
      '    ✗ meta.tick = 0, expected > 100',
    ]);
  });

  it('says "missing" for a fact the event or entity does not have', () => {
    const engine = labEngine([
      { id: 't', on: 'lab.hit', when: { fact: 'entity.hp', op: 'gt', value: 50 }, do: [{ behaviour: 'note' }] },
    ]);
    engine.step(emit(hit({ target: 99 })));
    expect(engine.explain('t', lastOf(engine, 'lab.hit')).condition?.text).toBe('entity.hp = missing, expected > 50');
  });

  it('would fire when every condition holds and nothing blocks it', () => {
    const engine = labEngine([
      {
        id: 't',
        on: 'lab.ping',
        when: { fact: 'event.n', op: 'eq', value: 1 },
        enabled: false,
        do: [{ behaviour: 'note' }],
      },
    ]);
    engine.step(emit(ping({ n: 1 })));
    engine.setTriggerEnabled('t', true);
    const x = engine.explain('t', lastOf(engine, 'lab.ping'));
    expect(x).toMatchObject({ trigger: 't', wouldFire: true, blockers: [] });
    expect(lines(x.condition)).toEqual(['✓ event.n = 1, expected = 1']);
  });

  it('names a disabled trigger as the blocker, even when the condition holds, and the field that disables it', () => {
    const engine = labEngine([{ id: 't', on: 'lab.ping', enabled: false, do: [{ behaviour: 'note' }] }]);
    engine.step(emit(ping()));
    const x = engine.explain('t', lastOf(engine, 'lab.ping'));
    expect(x).toMatchObject({ wouldFire: false, blockers: ['it is disabled ("enabled": false)'], condition: null });
  });

  it('names a spent "once" trigger, with the tick it fired', () => {
    const engine = labEngine([{ id: 't', on: 'lab.ping', once: true, do: [{ behaviour: 'note' }] }]);
    idle(engine, 2);
    engine.step(emit(ping()));
    expect(engine.explain('t', lastOf(engine, 'lab.ping'))).toMatchObject({ firedFor: true, wouldFire: true });
    engine.step(emit(ping()));
    expect(engine.explain('t', lastOf(engine, 'lab.ping')).blockers).toEqual([
      'it fires once and already fired at tick 2',
    ]);
  });

  it('names a cooldown, with the tick it ends, the seconds left and its length', () => {
    const engine = labEngine([{ id: 't', on: 'lab.ping', cooldown: 2, do: [{ behaviour: 'note' }] }]);
    engine.step(emit(ping()));
    idle(engine, 28);
    engine.step(emit(ping()));
    expect(engine.explain('t', lastOf(engine, 'lab.ping')).blockers).toEqual([
      'it is cooling down until tick 120 (1.5 s left of its 2 s cooldown)',
    ]);
  });

  it('names an event of another type, a state trigger given an event, and an unknown id', () => {
    const engine = labEngine([
      { id: 't', on: 'lab.ping', do: [{ behaviour: 'note' }] },
      { id: 'w', while: { fact: 'world.flag', op: 'eq', value: true }, do: [{ behaviour: 'note' }] },
    ]);
    engine.step(emit(hit()));
    const ev = lastOf(engine, 'lab.hit');
    expect(engine.explain('t', ev).blockers).toEqual(['it listens to "lab.ping", not "lab.hit"']);
    expect(engine.explain('w', ev).blockers).toEqual(['it is a "while" trigger: it reads the world, not events']);
    expect(engine.explain('nope', ev)).toEqual({
      trigger: 'nope',
      wouldFire: false,
      firedFor: false,
      blockers: ['no trigger with id "nope"'],
      condition: null,
    });
  });

  it('explains a state trigger against the current world', () => {
    const engine = labEngine([
      { id: 'w', while: { fact: 'world.flag', op: 'eq', value: true }, do: [{ behaviour: 'note' }] },
    ]);
    const x = engine.explain('w', null);
    expect(x.wouldFire).toBe(false);
    expect(lines(x.condition)).toEqual(['✗ world.flag = false, expected = true']);
  });

  it('explaining changes nothing', () => {
    const engine = labEngine([{ id: 't', on: 'lab.ping', once: true, do: [{ behaviour: 'setLevel', to: 5 }] }]);
    engine.step(emit(hit()));
    const before = {
      hash: engine.log.hash(),
      end: engine.log.end,
      world: engine.world,
      states: JSON.stringify(engine.triggerStates()),
    };
    engine.explain('t', lastOf(engine, 'lab.hit'));
    expect({
      hash: engine.log.hash(),
      end: engine.log.end,
      world: engine.world,
      states: JSON.stringify(engine.triggerStates()),
    }).toEqual(before);
  });
});
