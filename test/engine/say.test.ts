import { describe, expect, it } from 'vitest';
import { createEngine, formatError, loadRules } from '../../src/engine';
import { emit, hit, labCatalogue, labScenario, ofType, ping } from './helpers';

const vars = { coins: { type: 'number', initial: 2 } };
const file = (triggers: unknown[]) => JSON.stringify({ version: 1, scenario: 'lab', vars, triggers });
const engineWith = (triggers: unknown[]) => {
  const r = loadRules(file(triggers), labCatalogue, 's.json');
  if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
  return createEngine({ scenario: labScenario, rules: r.rules, seed: 1 });
};
const errorsOf = (triggers: unknown[]) => {
  const r = loadRules(file(triggers), labCatalogue, 's.json');
  return r.ok ? [] : r.errors.map((e) => `${e.path}  ${e.message}`);
};

describe('say and playSound', () => {
  it('say emits message.shown with its {fact} placeholders filled in, as plain text', () => {
    const engine = engineWith([
      {
        id: 'tell',
        on: 'lab.hit',
        do: [
          { behaviour: 'say', text: '<b>{event.source}</b> hit {entity.name} for {event.amount}; coins {var.coins}' },
        ],
      },
    ]);
    engine.step(emit(hit({ target: 2, amount: 12.345, source: 'goon' })));
    expect(ofType(engine, 'message.shown').map((e) => e.payload)).toEqual([
      { text: '<b>goon</b> hit beta for 12.35; coins 2', seconds: 4 },
    ]);
  });

  it('say without placeholders keeps its text and seconds', () => {
    const engine = engineWith([{ id: 'hi', on: 'lab.ping', do: [{ behaviour: 'say', text: 'Hello', seconds: 2 }] }]);
    engine.step(emit(ping()));
    expect(ofType(engine, 'message.shown').map((e) => e.payload)).toEqual([{ text: 'Hello', seconds: 2 }]);
  });

  it('playSound emits sound.played with a sound of the catalogue', () => {
    const engine = engineWith([{ id: 'ding', on: 'lab.ping', do: [{ behaviour: 'playSound', sound: 'coin' }] }]);
    engine.step(emit(ping()));
    expect(ofType(engine, 'sound.played').map((e) => e.payload)).toEqual([{ sound: 'coin' }]);
  });

  it('rejects an unknown placeholder at the string, and a sound outside the catalogue', () => {
    expect(
      errorsOf([
        {
          id: 'x',
          on: 'lab.ping',
          do: [
            { behaviour: 'say', text: 'n={event.m} c={var.coin}' },
            { behaviour: 'playSound', sound: 'coins' },
          ],
        },
      ]),
    ).toEqual([
      'triggers[0].do[0].text  placeholder {event.m}: unknown field "m" of "lab.ping" events; did you mean "n"?',
      'triggers[0].do[0].text  placeholder {var.coin}: unknown variable "coin"; did you mean "coins"?',
      'triggers[0].do[1].sound  expected one of "siren", "radio", "hit", "shot", "coin", "alarm", "chime", found "coins"; did you mean "coin"?',
    ]);
  });
});
