import { describe, expect, it } from 'vitest';
import { checkFact, compileFact, factType } from '../../../src/engine';
import type { FactContext, FactScope } from '../../../src/engine';
import { labCatalogue as catalogue, labEvents } from '../helpers';

const onHit: FactScope = {
  eventType: 'lab.hit',
  spec: labEvents['lab.hit'],
  anyFields: false,
  windows: new Set(['hits']),
  alarms: new Set(['hot']),
  vars: new Map([['score', 'number']]),
  timers: new Set(['calm']),
};
const onPing: FactScope = { ...onHit, eventType: 'lab.ping', spec: labEvents['lab.ping'] };
const noEvent: FactScope = { eventType: null, spec: undefined, anyFields: false };
const free: FactScope = { eventType: 'my.free', spec: undefined, anyFields: true };
const check = (path: string, scope: FactScope = onHit) => checkFact(catalogue, scope, path);

describe('checkFact', () => {
  it('accepts every kind of fact the scope can read', () => {
    for (const path of [
      'event.amount',
      'meta.tick',
      'entity.hp',
      'world.level',
      'window.hits.count',
      'alarm.hot.state',
      'var.score',
      'timer.calm.left',
    ])
      expect(check(path)).toBeNull();
    expect(check('event.anything', free)).toBeNull();
    expect(check('world.flag', noEvent)).toBeNull();
  });

  it('names an unknown root, and a root with nothing after it', () => {
    expect(check('evnt.amount')).toBe(
      'unknown fact root "evnt"; did you mean "event"? (facts look like "event.<field>", "meta.tick", "entity.<field>", "world.<fact>" or "window.<id>.<aggregate>")',
    );
    expect(check('world')).toBe('fact "world" needs a field after "world.", e.g. "world.level"');
    expect(check('event')).toBe('fact "event" needs a field after "event.", e.g. "event.x"');
  });

  it('suggests the closest field, world, meta and entity fact', () => {
    expect(check('event.amout')).toBe('unknown field "amout" of "lab.hit" events; did you mean "amount"?');
    expect(check('world.levl')).toBe('unknown world fact "world.levl"; did you mean "world.level"?');
    expect(check('meta.tik')).toBe('unknown meta fact "meta.tik"; did you mean "meta.tick"?');
    expect(check('entity.hpp')).toBe('unknown entity fact "entity.hpp"; did you mean "entity.hp"?');
  });

  it('refuses event facts where there is no event, and entity facts of events that name none', () => {
    expect(check('event.amount', noEvent)).toBe(
      'fact "event.amount" reads an event, but this trigger has no event (it is a "while" or "every" trigger); use world.* facts',
    );
    expect(check('entity.hp', onPing)).toBe(
      'fact "entity.hp": "lab.ping" events do not name an entity, so entity.* facts are not available',
    );
  });

  it('checks windows, alarms, variables and timers against what the file declares', () => {
    expect(check('window.hit.count')).toBe('unknown window "hit"; did you mean "hits"?');
    expect(check('window.hits.countt')).toMatch(/^unknown aggregate of window "hits" "countt"; did you mean "count"\?/);
    expect(check('window.hits.count.x')).toMatch(/^unknown aggregate of window "hits" "count\.x"/);
    expect(check('window.w.count', noEvent)).toBe(
      'fact "window.w.count" reads a window, but this file declares no "windows"',
    );
    expect(check('alarm.hto.state')).toBe('unknown alarm "hto"; did you mean "hot"?');
    expect(check('alarm.hot.stat')).toMatch(/^unknown fact of alarm "hot" "stat"; did you mean "state"\?/);
    expect(check('var.scor')).toBe('unknown variable "scor"; did you mean "score"?');
    expect(check('var.x', noEvent)).toBe('fact "var.x" reads a variable, but this file declares no "vars"');
    expect(check('timer.calm')).toBe(
      'fact "timer.calm": a timer is read as "timer.<name>.left" (seconds left, 0 when not running)',
    );
    expect(check('timer.clam.left')).toBe('unknown timer "clam"; did you mean "calm"?');
    expect(check('timer.t.left', noEvent)).toBe(
      'fact "timer.t.left" reads timer "t", but no "startTimer" in this file starts it',
    );
  });

  it('never accepts a name every object inherits', () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      expect(check(`world.${name}`)).toMatch(/^unknown world fact/);
      expect(check(`event.${name}`)).toMatch(/^unknown field/);
      expect(check(`meta.${name}`)).toMatch(/^unknown meta fact/);
      expect(check(`entity.${name}`)).toMatch(/^unknown entity fact/);
      expect(check(`var.${name}`)).toMatch(/^unknown variable/);
      expect(check(`window.${name}.count`)).toMatch(/^unknown window/);
      expect(check(`window.hits.${name}`)).toMatch(/^unknown aggregate/);
      expect(check(`alarm.hot.${name}`)).toMatch(/^unknown fact of alarm/);
    }
  });
});

describe('factType', () => {
  it('is the declared type of each kind of fact', () => {
    expect(factType(catalogue, onHit, 'event.source')).toBe('string');
    expect(factType(catalogue, onPing, 'event.opt')).toBe('number?');
    expect(factType(catalogue, onHit, 'world.flag')).toBe('boolean');
    expect(factType(catalogue, onHit, 'entity.name')).toBe('string');
    expect(factType(catalogue, onHit, 'meta.type')).toBe('string');
    expect(factType(catalogue, onHit, 'window.hits.avg')).toBe('number');
    expect(factType(catalogue, onHit, 'alarm.hot.datapoints')).toBe('string');
    expect(factType(catalogue, onHit, 'var.score')).toBe('number');
    expect(factType(catalogue, onHit, 'timer.calm.left')).toBe('number');
  });

  it('is unknown for fields of an event declared without a field list, and for inherited names', () => {
    expect(factType(catalogue, free, 'event.anything')).toBeUndefined();
    expect(factType(catalogue, onHit, 'event.toString')).toBeUndefined();
    expect(factType(catalogue, onHit, 'world.__proto__')).toBeUndefined();
  });
});

describe('compileFact', () => {
  const world = { level: 7, nested: { a: { b: 3 } }, pair: { x: 1 } };
  const targets: Record<string, Record<string, unknown>> = { 1: { hp: 40 } };
  const fc: FactContext = {
    world,
    entity: (id) => (typeof id === 'number' ? targets[id] : undefined),
    window: (id, agg) => (id === 'hits' && agg === 'count' ? 4 : 0),
    alarm: (id, f) => `${id}:${f}`,
    variable: (name) => (name === 'score' ? 12 : undefined),
    timerLeft: (name) => (name === 'calm' ? 1.5 : 0),
  };
  const ev = { seq: 3, type: 'lab.hit', tick: 8, payload: { target: 1, amount: 5 } };
  const read = (path: string, scope: FactScope = onHit, e: typeof ev | null = ev) => compileFact(scope, path)(e, fc);

  it('reads the event, its meta facts, its entity and the world, at any depth', () => {
    expect(read('event.amount')).toBe(5);
    expect(read('meta.seq')).toBe(3);
    expect(read('meta.tick')).toBe(8);
    expect(read('entity.hp')).toBe(40);
    expect(read('world.level')).toBe(7);
    expect(read('world.pair.x')).toBe(1);
    expect(read('world.nested.a.b')).toBe(3);
    expect(read('world.nested.q.b')).toBeUndefined();
    expect(read('world.missing.x')).toBeUndefined();
  });

  it('reads windows, alarms, variables and timers through the fact context', () => {
    expect(read('window.hits.count')).toBe(4);
    expect(read('alarm.hot.state')).toBe('hot:state');
    expect(read('var.score')).toBe(12);
    expect(read('timer.calm.left')).toBe(1.5);
    expect(read('timer.other.left')).toBe(0);
  });

  it('reads a missing event as nothing', () => {
    expect(read('event.amount', onHit, null)).toBeUndefined();
    expect(read('entity.hp', onHit, null)).toBeUndefined();
  });

  it('reads an inherited name only as an own property, never a function', () => {
    expect(read('event.toString')).toBeUndefined();
    expect(read('world.constructor')).toBeUndefined();
    expect(read('world.pair.toString')).toBeUndefined();
    expect(read('entity.hasOwnProperty')).toBeUndefined();
    expect(read('meta.valueOf')).toBeUndefined();
    const own = { ...ev, payload: { ...ev.payload, toString: 9 } };
    expect(read('event.toString', onHit, own)).toBe(9);
  });
});
