import { describe, expect, it } from 'vitest';
import { createEngine, formatError, loadRules } from '../../src/engine';
import { emit, idle, labCatalogue, labScenario, ofType, ping } from './helpers';

const file = (triggers: unknown[]) => JSON.stringify({ version: 1, scenario: 'lab', triggers });
const engineWith = (triggers: unknown[]) => {
  const r = loadRules(file(triggers), labCatalogue, 't.json');
  if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
  return createEngine({ scenario: labScenario, rules: r.rules, seed: 1 });
};
const errorsOf = (triggers: unknown[]) => {
  const r = loadRules(file(triggers), labCatalogue, 't.json');
  return r.ok ? [] : r.errors.map((e) => `${e.path}  ${e.message}`);
};
const done = (engine: Parameters<typeof ofType>[0]) => ofType(engine, 'timer.done').map((e) => [e.tick, e.payload]);
const start = (action: Record<string, unknown>) => ({
  id: 'start',
  on: 'lab.ping',
  do: [{ behaviour: 'startTimer', timer: 'fuse', ...action }],
});

describe('rules timers', () => {
  it('startTimer emits timer.done {timer} after its seconds, once', () => {
    const engine = engineWith([start({ seconds: 0.5 })]);
    engine.step(emit(ping()));
    idle(engine, 60);
    expect(done(engine)).toEqual([[30, { timer: 'fuse' }]]);
  });

  it('a repeating timer runs out every period until stopTimer stops it', () => {
    const engine = engineWith([
      start({ seconds: 0.25, repeat: true }),
      { id: 'stop', on: 'lab.hit', do: [{ behaviour: 'stopTimer', timer: 'fuse' }] },
    ]);
    engine.step(emit(ping()));
    idle(engine, 45);
    engine.step(emit(['lab.hit', { target: 1, amount: 1, source: 'x' }]));
    idle(engine, 60);
    expect(done(engine).map(([tick]) => tick)).toEqual([15, 30, 45]);
  });

  it('timer.<name>.left reads the seconds left, and 0 when not running', () => {
    const engine = engineWith([
      start({ seconds: 1 }),
      {
        id: 'look',
        every: 0.25,
        when: { fact: 'timer.fuse.left', op: 'gte', value: 0 },
        do: [{ behaviour: 'note', value: { fact: 'timer.fuse.left' } }],
      },
    ]);
    idle(engine, 10);
    engine.step(emit(ping()));
    idle(engine, 80);
    expect(engine.world.notes).toEqual([
      'look@15=0.9166666666666666',
      'look@30=0.6666666666666666',
      'look@45=0.4166666666666667',
      'look@60=0.16666666666666666',
      'look@75=0',
      'look@90=0',
    ]);
  });

  it('lets a trigger listen to timer.done', () => {
    const engine = engineWith([
      start({ seconds: 0.1 }),
      {
        id: 'boom',
        on: 'timer.done',
        when: { fact: 'event.timer', op: 'eq', value: 'fuse' },
        do: [{ behaviour: 'note' }],
      },
    ]);
    engine.step(emit(ping()));
    idle(engine, 10);
    expect(engine.world.notes).toEqual(['boom@6']);
  });

  it('are in snapshots: a rewind before a timer ran out runs it out again at the same tick', () => {
    const engine = engineWith([start({ seconds: 2 })]);
    idle(engine, 50);
    engine.step(emit(ping())); // tick 50: runs out at 170
    idle(engine, 100);
    engine.rewind(120);
    idle(engine, 60);
    expect(done(engine)).toEqual([[170, { timer: 'fuse' }]]);
  });

  it('rejects an unknown timer in a fact or stopTimer, and a bad name or duration', () => {
    expect(
      errorsOf([
        start({ seconds: 0 }),
        {
          id: 'x',
          on: 'lab.ping',
          when: { fact: 'timer.fuze.left', op: 'gt', value: 0 },
          do: [
            { behaviour: 'stopTimer', timer: 'fus' },
            { behaviour: 'startTimer', timer: 'a.b', seconds: 1 },
          ],
        },
      ]),
    ).toEqual([
      'triggers[0].do[0].seconds  expected a number ≥ 0.0167, found 0',
      'triggers[1].when.fact  unknown timer "fuze"; did you mean "fuse"?',
      'triggers[1].do[0].timer  unknown timer "fus"; did you mean "fuse"?',
      'triggers[1].do[1].timer  expected a timer name of letters, digits and _ starting with a letter, found the string "a.b"',
    ]);
  });
});
