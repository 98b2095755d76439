import { describe, expect, it } from 'vitest';
import { createCatalogue, engineEvents, eventSpecOf, metaFacts, scenarioCatalogue } from '../../../src/engine';
import type { EventSpec } from '../../../src/engine';
import { labCatalogue, labEvents, labScenario } from '../helpers';

describe('a scenario catalogue', () => {
  it("holds the engine's events and behaviours next to the scenario's own", () => {
    expect(labCatalogue.scenario).toBe('lab');
    expect(Object.keys(labCatalogue.events)).toEqual([...Object.keys(engineEvents), ...Object.keys(labEvents)]);
    for (const name of ['note', 'setLevel', 'setFlag', 'boom', 'emit', 'setVar', 'startTimer', 'say'])
      expect(labCatalogue.behaviours.has(name)).toBe(true);
    expect(labCatalogue.worldFacts).toBe(labScenario.worldFacts);
    expect(labCatalogue.entityFacts).toBe(labScenario.entityFacts);
  });

  it("a scenario behaviour with an engine behaviour's name replaces it", () => {
    const mine = { name: 'say', description: 'mine', params: {}, run: () => undefined };
    const c = createCatalogue({
      scenario: 's',
      events: {},
      behaviours: [mine] as never,
      worldFacts: {},
      entityFacts: {},
    });
    expect(c.behaviours.get('say')).toBe(mine);
    expect(scenarioCatalogue({ ...labScenario, behaviours: [] }).behaviours.has('note')).toBe(false);
  });

  it('every event has the meta facts seq, tick and type', () => {
    expect(Object.keys(metaFacts)).toEqual(['seq', 'tick', 'type']);
    expect(metaFacts.tick?.type).toBe('number');
    expect(metaFacts.type?.type).toBe('string');
  });
});

describe('eventSpecOf', () => {
  const mine: EventSpec = { description: 'declared', producer: 'rules', fields: { n: 'number' } };
  const declared = new Map([['my.event', mine]]);

  it("finds the catalogue's events first, then those the file declares", () => {
    expect(eventSpecOf(labCatalogue, declared, 'lab.hit')).toBe(labEvents['lab.hit']);
    expect(eventSpecOf(labCatalogue, declared, 'trigger.fired')).toBe(engineEvents['trigger.fired']);
    expect(eventSpecOf(labCatalogue, declared, 'my.event')).toBe(mine);
    expect(eventSpecOf(labCatalogue, new Map(), 'my.event')).toBeUndefined();
  });

  it('never answers with an inherited property for a hostile name', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(eventSpecOf(labCatalogue, new Map(), name)).toBeUndefined();
  });
});
