import { CompletionContext } from '@codemirror/autocomplete';
import type { Completion } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { operatorNames, rulesJsonSchema, scenarioCatalogue } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { rulesCompletion } from '../../src/ui/panels/rules/completions';
import { triggerIdAt } from '../../src/ui/panels/rules/jsonSpot';
import { hoverAt } from '../../src/ui/panels/rules/hover';
import type { JsonSchema } from '../../src/ui/panels/rules/schemaWalk';
import { schemasAt, typeSummary } from '../../src/ui/panels/rules/schemaWalk';

const catalogue = scenarioCatalogue(scenarios.city as (typeof scenarios)[string]);
const schema = rulesJsonSchema([catalogue]) as JsonSchema;
const complete = rulesCompletion(catalogue, schema);

/** A state with the text and the cursor where `|` is. */
function at(doc: string): { state: EditorState; pos: number } {
  const pos = doc.indexOf('|');
  return { state: EditorState.create({ doc: doc.replace('|', ''), extensions: [json()] }), pos };
}

/** Labels offered at `|` (explicit: as after Ctrl+Space). */
function labels(doc: string, explicit = true): string[] {
  const { state, pos } = at(doc);
  return complete(new CompletionContext(state, pos, explicit))?.options.map((o: Completion) => o.label) ?? [];
}

/** A rules file around one trigger. */
const T = (trigger: string) => `{ "version": 1, "scenario": "city", "triggers": [${trigger}] }`;

describe('rules completion', () => {
  it("offers the facts a trigger can read: its event's fields, meta, entity (when the event names one), world", () => {
    const facts = labels(T('{ "id": "x", "on": "damage", "when": { "fact": "|" }, "do": [] }'));
    expect(facts.slice(0, 3)).toEqual(['event.target', 'event.source', 'event.amount']);
    expect(facts).toContain('meta.tick');
    expect(facts).toContain('entity.health');
    expect(facts).toContain('world.player.inCar');
    expect(facts).not.toContain('event.severity');
  });

  it('offers only world facts in state and timer triggers, and no entity facts for events without an entity', () => {
    const state = labels(T('{ "id": "x", "while": { "all": [{ "fact": "|" }] }, "do": [] }'));
    expect(state.every((f) => f.startsWith('world.'))).toBe(true);
    const timer = labels(T('{ "id": "x", "every": 2, "when": { "fact": "|" }, "do": [] }'));
    expect(timer.every((f) => f.startsWith('world.'))).toBe(true);
    const noEntity = labels(T('{ "id": "x", "on": "wanted.changed", "when": { "fact": "|" }, "do": [] }'));
    expect(noEntity).toContain('event.to');
    expect(noEntity.some((f) => f.startsWith('entity.'))).toBe(false);
  });

  it('offers facts in behaviour parameters too, scoped the same way', () => {
    const facts = labels(
      T('{ "id": "x", "on": "vehicle.entered", "do": [{ "behaviour": "changeHealth", "entity": { "fact": "ev|" } }] }'),
    );
    expect(facts).toContain('event.vehicle');
  });

  it('offers the aggregates of the windows the file declares', () => {
    const doc = `{ "version": 1, "scenario": "city", "windows": [{ "id": "hits", "on": "damage", "last": 5 }], "triggers": [{ "id": "x", "every": 1, "when": { "fact": "window.|" }, "do": [] }] }`;
    expect(labels(doc)).toEqual(expect.arrayContaining(['window.hits.count', 'window.hits.avg']));
  });

  it("offers the alarms' facts and the treatments of an alarm", () => {
    const doc = `{ "version": 1, "scenario": "cloud", "alarms": [{ "id": "hot", "on": "pool.sampled", "value": "event.cpu", "period": 5, "comparison": "gt", "threshold": 70, "periods": 3, "toAlarm": 2 }], "triggers": [{ "id": "x", "every": 1, "when": { "fact": "alarm.|" }, "do": [] }] }`;
    expect(labels(doc)).toEqual(expect.arrayContaining(['alarm.hot.state', 'alarm.hot.datapoints']));
    const missing = `{ "version": 1, "scenario": "cloud", "alarms": [{ "id": "hot", "missing": "|" }], "triggers": [] }`;
    expect(labels(missing)).toEqual(['missing', 'ignore', 'breaching', 'notBreaching']);
  });

  it('offers fields of an event the file declares', () => {
    const doc = `{ "version": 1, "scenario": "city", "events": [{ "type": "my.alarm", "fields": { "level": "number" } }], "triggers": [{ "id": "x", "on": "my.alarm", "when": { "fact": "|" }, "do": [] }] }`;
    expect(labels(doc)[0]).toBe('event.level');
  });

  it("offers operators, event types (the file's own too), behaviours and trigger ids", () => {
    expect(labels(T('{ "id": "x", "on": "damage", "when": { "fact": "event.amount", "op": "|" }, "do": [] }'))).toEqual(
      operatorNames,
    );
    const events = labels(
      `{ "version": 1, "scenario": "city", "events": ["my.event"], "triggers": [{ "id": "x", "on": "|" }] }`,
    );
    expect(events).toContain('damage');
    expect(events).toContain('my.event');
    expect(labels(T('{ "id": "x", "on": "damage", "do": [{ "behaviour": "|" }] }'))).toContain('despawnCivilians');
    expect(
      labels(
        T(
          '{ "id": "first", "on": "damage", "do": [] }, { "id": "x", "on": "damage", "do": [{ "behaviour": "disableTrigger", "trigger": "|" }] }',
        ),
      ),
    ).toEqual(['first', 'x']);
  });

  it('offers the keys an object may still have, from the JSON Schema', () => {
    const top = labels('{ "|" }');
    expect(top[0]).toBe('$schema');
    expect(top).toEqual(expect.arrayContaining(['version', 'scenario', 'description', 'events', 'triggers']));
    const trigger = labels(T('{ "id": "x", "on": "damage", "|" }'));
    expect(trigger).toContain('when');
    expect(trigger).not.toContain('id');
    expect(labels(T('{ "id": "x", "on": "damage", "when": { "|" } }'))).toEqual([
      'all',
      'any',
      'not',
      'fact',
      'op',
      'value',
    ]);
    // An action's keys are its behaviour's parameters; before the behaviour is named, only "behaviour" itself.
    expect(labels(T('{ "id": "x", "on": "damage", "do": [{ "behaviour": "changeHealth", "|" }] }'))).toEqual([
      'entity',
      'amount',
    ]);
    expect(labels(T('{ "id": "x", "on": "damage", "do": [{ | }] }'))).toEqual(['behaviour']);
  });

  it('inserts a key with its colon and an empty value of its type', () => {
    const { state, pos } = at(T('{ "id": "x", "|" }'));
    const result = complete(new CompletionContext(state, pos, true));
    const on = result?.options.find((o) => o.label === 'on');
    expect(on?.detail).toBe(`one of ${Object.keys(catalogue.events).length}`);
    expect(typeof on?.apply).toBe('function');
  });

  it('offers literal values the schema lists (booleans, the scenario)', () => {
    expect(labels(T('{ "id": "x", "once": | }'))).toEqual(['true', 'false']);
    expect(labels('{ "version": 1, "scenario": "|" }')).toEqual(['city']);
  });

  it('stays quiet outside strings unless asked', () => {
    expect(labels(T('{ "id": "x", | }'), false)).toEqual([]);
    expect(labels(T('{ "id": "x", | }'), true)).toContain('on');
  });
});

/** A rules file with two variables and a timer, around one trigger. */
const V = (trigger: string) =>
  `{ "version": 1, "scenario": "city", "vars": { "coins": { "type": "number", "initial": 0, "description": "coins won" }, "won": { "type": "boolean" } }, "triggers": [{ "id": "t0", "on": "damage", "do": [{ "behaviour": "startTimer", "timer": "fuse", "seconds": 3 }] }, ${trigger}] }`;

describe('completion of variables, timers and placeholders', () => {
  it("offers the file's variables for a var parameter, only those of the type the behaviour needs", () => {
    expect(labels(V('{ "id": "x", "on": "damage", "do": [{ "behaviour": "setVar", "var": "|" }] }'))).toEqual([
      'coins',
      'won',
    ]);
    expect(labels(V('{ "id": "x", "on": "damage", "do": [{ "behaviour": "changeVar", "var": "|" }] }'))).toEqual([
      'coins',
    ]);
    expect(labels(V('{ "id": "x", "on": "damage", "do": [{ "behaviour": "toggleVar", "var": "|" }] }'))).toEqual([
      'won',
    ]);
  });

  it("offers a spawn's zone kinds and near's one value from the schema", () => {
    expect(
      labels(T('{ "id": "x", "on": "damage", "do": [{ "behaviour": "spawn", "kind": "goon", "zone": "|" }] }')),
    ).toEqual(['turf', 'park', 'garage', 'alley', 'hospital']);
    expect(
      labels(T('{ "id": "x", "on": "damage", "do": [{ "behaviour": "spawn", "kind": "goon", "near": "|" }] }')),
    ).toEqual(['player']);
  });

  it('offers the timers the file starts for a timer parameter', () => {
    expect(labels(V('{ "id": "x", "on": "damage", "do": [{ "behaviour": "stopTimer", "timer": "|" }] }'))).toEqual([
      'fuse',
    ]);
  });

  it('offers var.<name> and timer.<name>.left facts in conditions', () => {
    const facts = labels(V('{ "id": "x", "on": "damage", "when": { "fact": "|" }, "do": [] }'));
    expect(facts).toEqual(expect.arrayContaining(['var.coins', 'var.won', 'timer.fuse.left']));
  });

  it('offers, after { in a say text, the facts a placeholder may read there, and closes the brace', () => {
    const doc = V('{ "id": "x", "on": "damage", "do": [{ "behaviour": "say", "text": "Hit for {|" }] }');
    const { state, pos } = at(doc);
    const result = complete(new CompletionContext(state, pos, false));
    const names = result?.options.map((o) => o.label) ?? [];
    expect(names).toEqual(expect.arrayContaining(['event.amount', 'var.coins', 'world.wanted', 'meta.tick']));
    expect(names).not.toContain('event.severity');
    expect(result?.from).toBe(pos);
    expect(typeof result?.options[0]?.apply).toBe('function');
    // Plain text outside a placeholder gets nothing, not the event types or anything else.
    expect(
      labels(V('{ "id": "x", "on": "damage", "do": [{ "behaviour": "say", "text": "Hit {event.amount} fo|" }] }')),
    ).toEqual([]);
  });
});

describe("hover and the cursor's trigger", () => {
  it('explains keys from the schema and names from the catalogue', () => {
    const hover = (doc: string) => {
      const { state, pos } = at(doc);
      return hoverAt(state, pos, catalogue, schema);
    };
    expect(hover(T('{ "id": "x", "coo|ldown": 3 }'))).toMatchObject({
      title: 'cooldown',
      kind: 'number',
      text: 'Seconds after firing during which it will not fire again',
    });
    expect(hover(T('{ "id": "x", "on": "damage", "when": { "fact": "world.wan|ted" } }'))).toMatchObject({
      title: 'world.wanted',
      kind: 'world fact · number',
    });
    expect(hover(T('{ "id": "x", "on": "dam|age" }'))).toMatchObject({ title: 'damage', kind: 'event · from combat' });
    expect(hover(T('{ "id": "x", "on": "damage", "do": [{ "behaviour": "ra|dio" }] }'))?.text).toMatch(
      /Parameters: line, name\.$/,
    );
    expect(
      hover(T('{ "id": "x", "on": "damage", "when": { "fact": "event.amount", "op": "bet|ween" } }')),
    ).toMatchObject({ kind: 'operator · value: range' });
  });

  it('explains variables, timers and placeholders from what the file declares', () => {
    const hover = (doc: string) => {
      const { state, pos } = at(doc);
      return hoverAt(state, pos, catalogue, schema);
    };
    expect(
      hover(V('{ "id": "x", "on": "damage", "do": [{ "behaviour": "setVar", "var": "co|ins", "value": 1 }] }')),
    ).toMatchObject({
      title: 'coins',
      kind: 'variable · number',
      text: 'initial 0 · coins won',
    });
    expect(hover(V('{ "id": "x", "on": "damage", "when": { "fact": "var.w|on" }, "do": [] }'))).toMatchObject({
      kind: 'variable · boolean',
      text: 'declared in "vars"',
    });
    expect(hover(V('{ "id": "x", "on": "damage", "when": { "fact": "timer.fu|se.left" }, "do": [] }'))?.kind).toBe(
      'timer · number',
    );
    const placeholder = hover(
      V(
        '{ "id": "x", "on": "damage", "do": [{ "behaviour": "say", "text": "Hit {event.amount}, {var.co|ins} coins" }] }',
      ),
    );
    expect(placeholder).toMatchObject({ title: '{var.coins}', kind: 'placeholder · variable · number' });
    expect(placeholder?.text).toBe('Filled in with initial 0 · coins won.');
    expect(
      hover(V('{ "id": "x", "on": "damage", "do": [{ "behaviour": "say", "text": "Hit {event.am|ount}" }] }')),
    ).toMatchObject({
      title: '{event.amount}',
      kind: 'placeholder · event field · number',
    });
    expect(hover('{ "vars": { "co|ins": { "type": "number", "initial": 0 } } }')).toMatchObject({
      kind: 'variable · number',
    });
  });

  it('knows which trigger the cursor is in', () => {
    const { state, pos } = at(
      T('{ "id": "a", "on": "damage", "do": [] }, { "id": "b", "on": "damage", "when": { "fact": "ev|ent.amount" } }'),
    );
    expect(triggerIdAt(state, pos)).toBe('b');
    const outside = at('{ "version": 1, | "triggers": [] }');
    expect(triggerIdAt(outside.state, outside.pos)).toBeNull();
  });
});

describe('the schema walk', () => {
  it('follows $ref, anyOf and the behaviour discriminator down a path', () => {
    const doc = { triggers: [{ do: [{ behaviour: 'radio' }] }] };
    const line = schemasAt(schema, ['triggers', 0, 'do', 0, 'line'], doc);
    expect(line.length).toBeGreaterThan(0);
    expect(typeSummary(schema, { anyOf: line })).toBe('string | fact');
    expect(schemasAt(schema, ['triggers', 0, 'when', 'all', 0, 'op'], doc).some((s) => Array.isArray(s.enum))).toBe(
      true,
    );
  });
});
