import { describe, expect, it } from 'vitest';
import { createEngine, formatError, loadRules } from '../../src/engine';
import { emit, fires, hit, idle, labCatalogue, labScenario, ping } from './helpers';

const file = (windows: unknown[], triggers: unknown[]) =>
  JSON.stringify({ version: 1, scenario: 'lab', windows, triggers });
const engineWith = (windows: unknown[], triggers: unknown[]) => {
  const r = loadRules(file(windows, triggers), labCatalogue, 'w.json');
  if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
  return createEngine({ scenario: labScenario, rules: r.rules, seed: 1 });
};
const errorsOf = (windows: unknown[], triggers: unknown[] = []) => {
  const r = loadRules(file(windows, triggers), labCatalogue, 'w.json');
  return r.ok ? [] : r.errors.map((e) => `${e.path}  ${e.message}`);
};

describe('windows', () => {
  const highHits = {
    id: 'big',
    on: 'lab.hit',
    value: 'event.amount',
    last: 5,
    where: { fact: 'event.amount', op: 'gt', value: 70 },
  };

  it('fires an N-of-M trigger once 3 of the last 5 events breach, counting the event being handled', () => {
    const engine = engineWith(
      [highHits],
      [
        {
          id: 'alarm',
          on: 'lab.hit',
          when: { fact: 'window.big.matching', op: 'gte', value: 3 },
          do: [{ behaviour: 'note' }],
        },
      ],
    );
    for (const amount of [80, 10, 90, 20]) engine.step(emit(hit({ amount })));
    expect(fires(engine, 'alarm')).toBe(0);
    engine.step(emit(hit({ amount: 75 }))); // 80, 10, 90, 20, 75: three over 70
    expect(fires(engine, 'alarm')).toBe(1);
    engine.step(emit(hit({ amount: 5 }))); // 10, 90, 20, 75, 5: two
    expect(fires(engine, 'alarm')).toBe(1);
  });

  it('gives count, sum, avg, min, max, last, ratio and full over what it holds', () => {
    const aggs = ['count', 'matching', 'ratio', 'sum', 'avg', 'min', 'max', 'last', 'full'];
    const engine = engineWith(
      [highHits],
      [
        {
          id: 'read',
          on: 'lab.ping',
          do: aggs.map((a) => ({ behaviour: 'note', value: { fact: `window.big.${a}` } })),
        },
      ],
    );
    for (const amount of [10, 80, 30]) engine.step(emit(hit({ amount })));
    engine.step(emit(ping()));
    expect(engine.world.notes.map((n) => n.split('=')[1])).toEqual([
      '3',
      '1',
      String(1 / 3),
      '120',
      '40',
      '10',
      '80',
      '30',
      '0',
    ]);
  });

  it('a time window forgets events older than its seconds, and state triggers can read it', () => {
    const engine = engineWith(
      [{ id: 'recent', on: 'lab.hit', seconds: 1 }],
      [{ id: 'burst', while: { fact: 'window.recent.count', op: 'gte', value: 2 }, do: [{ behaviour: 'note' }] }],
    );
    engine.step(emit(hit()));
    idle(engine, 70);
    engine.step(emit(hit())); // the first is 71 ticks old: gone
    expect(fires(engine, 'burst')).toBe(0);
    engine.step(emit(hit()));
    expect(fires(engine, 'burst')).toBe(1);
  });

  it('survives rewind: the window is restored with the snapshot', () => {
    const engine = engineWith(
      [highHits],
      [
        {
          id: 'alarm',
          on: 'lab.hit',
          when: { fact: 'window.big.matching', op: 'gte', value: 2 },
          do: [{ behaviour: 'note' }],
        },
      ],
    );
    for (let i = 0; i < 130; i++) engine.step(i % 20 === 0 ? emit(hit({ amount: 99 })) : undefined);
    const hash = engine.log.hash();
    engine.rewind(61);
    for (let i = 61; i < 130; i++) engine.step(i % 20 === 0 ? emit(hit({ amount: 99 })) : undefined);
    expect(engine.log.hash()).toBe(hash);
  });

  it('rejects bad windows with located, helpful errors', () => {
    expect(errorsOf([{ id: 'w', on: 'lab.hit' }])).toEqual([
      'windows[0]  a window needs exactly one of "last" (how many events) or "seconds" (how long); found neither',
    ]);
    expect(errorsOf([{ id: 'w', on: 'lab.hitt', last: 3 }])[0]).toContain('did you mean "lab.hit"?');
    expect(errorsOf([{ id: 'w', on: 'lab.hit', last: 3, value: 'event.source' }])).toEqual([
      'windows[0].value  a window\'s value must be a number; "event.source" is a string',
    ]);
    expect(
      errorsOf(
        [{ id: 'w', on: 'lab.hit', last: 3 }],
        [
          {
            id: 't',
            on: 'lab.ping',
            when: { fact: 'window.x.count', op: 'gt', value: 1 },
            do: [{ behaviour: 'note' }],
          },
        ],
      )[0],
    ).toContain('unknown window "x"');
    expect(
      errorsOf(
        [{ id: 'w', on: 'lab.hit', last: 3 }],
        [{ id: 't', on: 'lab.ping', when: { fact: 'window.w.avrg', op: 'gt', value: 1 }, do: [{ behaviour: 'note' }] }],
      )[0],
    ).toContain('did you mean "avg"?');
  });
});
