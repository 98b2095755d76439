import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  exportRun,
  formatError,
  loadRules,
  loadRulesBytes,
  metaFacts,
  parseRun,
  replayRun,
} from '../../src/engine';
import type { Catalogue, FieldType } from '../../src/engine';
import { demoScenario } from '../../src/scenarios/demo';
import { demoCatalogue, labCatalogue, labScenario } from './helpers';
import type { LabInput } from './helpers';

type Json = Record<string, unknown>;

/** Custom events every generated file declares: one with typed fields, one with any fields. */
/** Runs per property; SIREN_FUZZ=<n> multiplies them for a long fuzzing session. */
const runs = (n: number) => n * Math.max(1, Number(process.env.SIREN_FUZZ ?? 1) || 1);

const DECLARED = [{ type: 'gen.typed', fields: { x: 'number', label: 'string' } }, 'gen.loose'] as const;

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const num = fc.oneof(fc.integer({ min: -50, max: 150 }), finite);
const str = fc.oneof(fc.constantFrom('alpha', 'beta', 'goon', 'police', 'demo.', ''), fc.string({ maxLength: 8 }));
const seconds = fc.oneof(
  fc.constant(0),
  fc.double({ min: 0, max: 30, noNaN: true }),
  fc.integer({ min: 0, max: 86_400 }),
);

/** The facts a trigger may read, with their types: event fields, meta, entity (if the event names one) and world. */
function factsFor(catalogue: Catalogue, on: string | null): [string, FieldType][] {
  const world = Object.entries(catalogue.worldFacts).map(([k, f]) => [`world.${k}`, f.type] as [string, FieldType]);
  if (on === null) return world;
  const declared = DECLARED.find((d) => (typeof d === 'string' ? d : d.type) === on);
  const spec = catalogue.events[on];
  const fields: [string, FieldType][] = declared
    ? typeof declared === 'string'
      ? []
      : Object.entries(declared.fields).map(([k, t]) => [`event.${k}`, t as FieldType])
    : Object.entries(spec?.fields ?? {}).map(([k, t]) => [`event.${k}`, t]);
  const meta = Object.entries(metaFacts).map(([k, f]) => [`meta.${k}`, f.type] as [string, FieldType]);
  const entity = spec?.entityField
    ? Object.entries(catalogue.entityFacts).map(([k, f]) => [`entity.${k}`, f.type] as [string, FieldType])
    : [];
  return [...fields, ...meta, ...entity, ...world];
}

/** A literal of a field type. */
function valueOf(type: FieldType): fc.Arbitrary<unknown> {
  const base = type.replace('?', '');
  const nullable = type.endsWith('?');
  const core =
    base === 'number'
      ? num
      : base === 'string'
        ? str
        : base === 'boolean'
          ? fc.boolean()
          : base === 'string[]'
            ? fc.array(str, { maxLength: 3 })
            : fc.array(num, { maxLength: 3 });
  return nullable ? fc.oneof(core, fc.constant(null)) : core;
}

/** A comparison of a fact with a value its type allows. */
function comparison(facts: [string, FieldType][]): fc.Arbitrary<Json> {
  return fc.constantFrom(...facts).chain(([fact, type]) => {
    const base = type.replace('?', '');
    const scalar = valueOf(type);
    const numberFacts = facts.filter(([, t]) => t === 'number').map(([f]) => f);
    const numberRef = numberFacts.length
      ? fc.record(
          {
            fact: fc.constantFrom(...numberFacts),
            times: fc.option(finite, { nil: undefined }),
            plus: fc.option(finite, { nil: undefined }),
          },
          { requiredKeys: ['fact'] },
        )
      : null;
    const options: fc.Arbitrary<Json>[] = [
      fc.record({ fact: fc.constant(fact), op: fc.constantFrom('eq', 'ne', 'anythingBut'), value: scalar }),
      fc.record({
        fact: fc.constant(fact),
        op: fc.constantFrom('in', 'notIn'),
        value: fc.array(scalar, { minLength: 1, maxLength: 4 }),
      }),
      fc.record(
        { fact: fc.constant(fact), op: fc.constant('exists'), value: fc.option(fc.boolean(), { nil: undefined }) },
        { requiredKeys: ['fact', 'op'] },
      ),
    ];
    if (base === 'number' || base === 'string')
      options.push(
        fc.record({
          fact: fc.constant(fact),
          op: fc.constantFrom('lt', 'lte', 'gt', 'gte'),
          value: base === 'number' ? num : str,
        }),
      );
    if (base === 'number')
      options.push(
        fc.record({
          fact: fc.constant(fact),
          op: fc.constant('between'),
          value: fc.tuple(num, num).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
        }),
      );
    if (base === 'number' && numberRef)
      options.push(fc.record({ fact: fc.constant(fact), op: fc.constantFrom('eq', 'lt', 'gte'), value: numberRef }));
    if (base === 'string')
      options.push(fc.record({ fact: fc.constant(fact), op: fc.constantFrom('startsWith', 'contains'), value: str }));
    if (base === 'string[]')
      options.push(fc.record({ fact: fc.constant(fact), op: fc.constant('contains'), value: str }));
    return fc.oneof(...options);
  });
}

/** A condition tree over the facts, at most `depth` levels deep. */
function condition(facts: [string, FieldType][], depth = 3): fc.Arbitrary<Json> {
  if (depth <= 0) return comparison(facts);
  const inner = condition(facts, depth - 1);
  return fc.oneof(
    { weight: 4, arbitrary: comparison(facts) },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: inner.map((not) => ({ not })) },
  );
}

/** An action of any behaviour of the catalogue, with parameters its schema accepts (literals or facts). */
function action(catalogue: Catalogue, facts: [string, FieldType][], ids: string[]): fc.Arbitrary<Json> {
  const numberFacts = facts.filter(([, t]) => t === 'number').map(([f]) => f);
  const boolFacts = facts.filter(([, t]) => t === 'boolean').map(([f]) => f);
  const param = (schema: { safeParse(v: unknown): { success: boolean } }): fc.Arbitrary<unknown> => {
    if (schema.safeParse(1).success && schema.safeParse('x').success) return fc.oneof(num, str, fc.boolean());
    if (schema.safeParse(1).success)
      return numberFacts.length
        ? fc.oneof(
            num,
            fc.record(
              { fact: fc.constantFrom(...numberFacts), times: fc.option(finite, { nil: undefined }) },
              { requiredKeys: ['fact'] },
            ),
          )
        : num;
    if (schema.safeParse(true).success)
      return boolFacts.length
        ? fc.oneof(fc.boolean(), fc.record({ fact: fc.constantFrom(...boolFacts) }))
        : fc.boolean();
    return str;
  };
  const behaviours = [...catalogue.behaviours.values()].filter(
    (b) => !((b.name === 'enableTrigger' || b.name === 'disableTrigger') && !ids.length),
  );
  return fc.constantFrom(...behaviours).chain((b) => {
    if (b.name === 'emit')
      return fc.oneof(
        fc
          .record({
            x: fc.oneof(num, ...(numberFacts.length ? [fc.record({ fact: fc.constantFrom(...numberFacts) })] : [])),
            label: str,
          })
          .map((payload) => ({ behaviour: 'emit', event: 'gen.typed', payload })),
        fc
          .dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(num, str, fc.boolean()), { maxKeys: 3 })
          .map((payload) => ({ behaviour: 'emit', event: 'gen.loose', payload })),
      );
    if (b.name === 'enableTrigger' || b.name === 'disableTrigger')
      return fc.constantFrom(...ids).map((trigger) => ({ behaviour: b.name, trigger }));
    if (b.name === 'setVar')
      return fc.oneof(
        num.map((value) => ({ behaviour: 'setVar', var: 'n', value })),
        str.map((value) => ({ behaviour: 'setVar', var: 's', value })),
        fc.boolean().map((value) => ({ behaviour: 'setVar', var: 'b', value })),
      );
    if (b.name === 'say')
      return fc
        .record({
          text: fc.string({ minLength: 1, maxLength: 20 }).map((t) => t.replace(/[{}]/g, '')),
          n: fc.boolean(),
        })
        .map(({ text, n }) => ({ behaviour: 'say', text: `${text || 'x'}${n ? ' {var.n}' : ''}` }));
    if (b.name === 'playSound') return fc.constantFrom('coin', 'alarm').map((sound) => ({ behaviour: b.name, sound }));
    if (b.name === 'startTimer' || b.name === 'stopTimer')
      return fc
        .record({ seconds: fc.double({ min: 1 / 60, max: 3, noNaN: true }), repeat: fc.boolean() })
        .map((t) =>
          b.name === 'stopTimer' ? { behaviour: b.name, timer: 'tm' } : { behaviour: b.name, timer: 'tm', ...t },
        );
    const varParam = Object.entries(b.params).find(([, p]) => p.kind === 'var');
    const entries = Object.entries(b.params).map(([name, p]) => {
      const optional = p.schema.safeParse(undefined).success;
      const arb = param(p.schema);
      return [name, optional ? fc.option(arb, { nil: undefined }) : arb] as const;
    });
    if (varParam) entries.push([varParam[0], fc.constant(varParam[1].varType === 'boolean' ? 'b' : 'n')]);
    return fc.record(Object.fromEntries(entries)).map((params) => ({
      behaviour: b.name,
      ...Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)),
    }));
  });
}

/** The variables every generated file declares. */
const GEN_VARS = {
  n: { type: 'number', initial: 0 },
  s: { type: 'string', initial: '' },
  b: { type: 'boolean', initial: false },
};

/** A trigger every generated file has, so that a generated stopTimer names a timer some startTimer starts. */
const TIMER_TRIGGER = {
  id: 'timer-start',
  every: 2,
  do: [{ behaviour: 'startTimer', timer: 'tm', seconds: 0.5, repeat: true }],
};

/** A whole valid rules file for a catalogue: random on / while / every triggers, conditions, options and actions. */
function rulesFileArb(catalogue: Catalogue): fc.Arbitrary<Json> {
  const eventTypes = [...Object.keys(catalogue.events), ...DECLARED.map((d) => (typeof d === 'string' ? d : d.type))];
  return fc.integer({ min: 1, max: 8 }).chain((count) => {
    const ids = Array.from({ length: count }, (_, i) => `t${i}`);
    const trigger = (id: string) =>
      fc.oneof(fc.constant('on'), fc.constant('while'), fc.constant('every')).chain((mode) => {
        const on = mode === 'on' ? fc.constantFrom(...eventTypes) : fc.constant(null);
        return on.chain((type) => {
          const facts = factsFor(catalogue, type);
          const base = {
            description: fc.option(str, { nil: undefined }),
            enabled: fc.option(fc.boolean(), { nil: undefined }),
            once: fc.option(fc.boolean(), { nil: undefined }),
            cooldown: fc.option(seconds, { nil: undefined }),
            priority: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: undefined }),
            delay: fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: undefined }),
            do: fc.array(action(catalogue, facts, ids), { minLength: 1, maxLength: 3 }),
          };
          const modeFields: Record<string, fc.Arbitrary<unknown>> = mode === 'on'
            ? { on: fc.constant(type as string), when: fc.option(condition(facts), { nil: undefined }) }
            : mode === 'while'
              ? { while: condition(facts), for: fc.option(seconds, { nil: undefined }) }
              : {
                  every: fc.double({ min: 1 / 60, max: 10, noNaN: true }),
                  when: fc.option(condition(facts), { nil: undefined }),
                };
          return fc
            .record({ ...base, ...modeFields })
            .map((t) => ({ id, ...Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) }));
        });
      });
    return fc.tuple(...ids.map(trigger)).map((triggers) => ({
      $schema: './rules.schema.json',
      version: 1,
      scenario: catalogue.scenario,
      events: [...DECLARED],
      vars: GEN_VARS,
      triggers: [...triggers, TIMER_TRIGGER],
    }));
  });
}

/** A random event stream for the lab: typed payloads mostly, now and then odd ones. */
const labEvent = fc.oneof(
  fc.record({
    type: fc.constant('lab.ping'),
    payload: fc.record({
      n: num,
      name: str,
      tags: fc.array(str, { maxLength: 3 }),
      opt: fc.oneof(num, fc.constant(null)),
    }),
  }),
  fc.record({
    type: fc.constant('lab.hit'),
    payload: fc.record({ target: fc.integer({ min: 0, max: 3 }), amount: num, source: str }),
  }),
  fc.record({
    type: fc.constantFrom('lab.ping', 'lab.hit', 'gen.loose'),
    payload: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  }),
);
const labInputs = fc.array(
  fc.array(labEvent, { maxLength: 3 }).map((emit): LabInput => ({ emit })),
  { minLength: 1, maxLength: 40 },
);

const loadOk = (file: Json, catalogue: Catalogue) => {
  const r = loadRules(JSON.stringify(file, null, 2), catalogue, 'gen.json');
  if (!r.ok)
    throw new Error(
      `generated file did not load:\n${r.errors.map(formatError).join('\n')}\n${JSON.stringify(file, null, 2)}`,
    );
  return r.rules;
};

// Generous timeouts: the runs are small, but CI machines may be busy.
describe('properties', { timeout: 30_000 }, () => {
  it('any generated valid rules file loads without errors and round-trips through JSON', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(demoCatalogue, labCatalogue).chain((c) => rulesFileArb(c).map((f) => [c, f] as const)),
        ([catalogue, file]) => {
          const rules = loadOk(file, catalogue);
          const triggers = file.triggers as Json[];
          expect(rules.triggers.map((t) => t.id)).toEqual(triggers.map((t) => t.id));
          expect(rules.stateTriggers.length).toBe(triggers.filter((t) => t.while !== undefined).length);
          expect(rules.timerTriggers.length).toBe(triggers.filter((t) => t.every !== undefined).length);
          expect([...rules.byType.values()].reduce((n, l) => n + l.length, 0)).toBe(
            triggers.filter((t) => t.on !== undefined).length,
          );
          const again = loadOk(JSON.parse(JSON.stringify(file)), catalogue);
          expect(
            again.triggers.map((t) => [
              t.id,
              t.mode,
              t.cooldownTicks,
              t.delayTicks,
              t.everyTicks,
              t.forTicks,
              t.actions.length,
            ]),
          ).toEqual(
            rules.triggers.map((t) => [
              t.id,
              t.mode,
              t.cooldownTicks,
              t.delayTicks,
              t.everyTicks,
              t.forTicks,
              t.actions.length,
            ]),
          );
        },
      ),
      { numRuns: runs(80) },
    );
  });

  it('engine.step never throws, whatever the rules, seed and event stream, and every tick completes', () => {
    fc.assert(
      fc.property(
        rulesFileArb(labCatalogue),
        fc.integer({ min: 0, max: 0xffffffff }),
        labInputs,
        (file, seed, inputs) => {
          const engine = createEngine({
            scenario: labScenario,
            rules: loadOk(file, labCatalogue),
            seed,
            limits: { maxDepth: 16, maxEventsPerTick: 400 },
          });
          for (const input of inputs) engine.step(input);
          for (let i = 0; i < 30; i++) engine.step();
          expect(engine.tick).toBe(inputs.length + 30);
        },
      ),
      { numRuns: runs(40) },
    );
  });

  it('the demo never throws under generated rules and any seed', () => {
    fc.assert(
      fc.property(
        rulesFileArb(demoCatalogue),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
        (file, seed, boosts) => {
          const engine = createEngine({
            scenario: demoScenario,
            rules: loadOk(file, demoCatalogue),
            seed,
            limits: { maxDepth: 16, maxEventsPerTick: 400 },
          });
          for (const boost of boosts) for (let i = 0; i < 20; i++) engine.step({ boost });
          expect(engine.tick).toBe(boosts.length * 20);
        },
      ),
      { numRuns: runs(30) },
    );
  });

  it('is deterministic: the same seed, rules and inputs give the same hash', () => {
    fc.assert(
      fc.property(
        rulesFileArb(labCatalogue),
        fc.integer({ min: 0, max: 0xffffffff }),
        labInputs,
        (file, seed, inputs) => {
          const run = () => {
            const engine = createEngine({
              scenario: labScenario,
              rules: loadOk(file, labCatalogue),
              seed,
              limits: { maxDepth: 16, maxEventsPerTick: 400 },
            });
            for (const input of inputs) engine.step(input);
            for (let i = 0; i < 20; i++) engine.step();
            return [engine.log.hash(), engine.log.end, JSON.stringify(engine.world)];
          };
          expect(run()).toEqual(run());
        },
      ),
      { numRuns: runs(25) },
    );
  });

  it('an exported run replays to the same hash and world, for random rules, inputs, toggles and a rules change', () => {
    const scenarios = { lab: labScenario };
    fc.assert(
      fc.property(
        rulesFileArb(labCatalogue),
        rulesFileArb(labCatalogue),
        fc.integer({ min: 0, max: 0xffffffff }),
        labInputs,
        fc.array(fc.tuple(fc.nat(60), fc.constantFrom('t0', 't1', 't2', 't3'), fc.boolean()), { maxLength: 4 }),
        fc.nat(60),
        (file, next, seed, inputs, toggles, changeAt) => {
          const engine = createEngine({
            scenario: labScenario,
            rules: loadOk(file, labCatalogue),
            seed,
            limits: { maxDepth: 16, maxEventsPerTick: 400 },
          });
          const steps = [...inputs, ...Array.from({ length: 20 }, () => labScenario.idleInput)];
          steps.forEach((input, tick) => {
            for (const [at, id, on] of toggles) if (at === tick) engine.setTriggerEnabled(id, on);
            if (tick === changeAt) engine.applyRules(loadOk(next, labCatalogue));
            engine.step(input);
          });
          const parsed = parseRun(JSON.stringify(exportRun(engine)), scenarios);
          if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
          const replayed = replayRun(parsed.run, labScenario, { limits: { maxDepth: 16, maxEventsPerTick: 400 } });
          expect([replayed.log.hash(), replayed.log.end, replayed.tick, JSON.stringify(replayed.world)]).toEqual([
            engine.log.hash(),
            engine.log.end,
            engine.tick,
            JSON.stringify(engine.world),
          ]);
        },
      ),
      { numRuns: runs(25) },
    );
  });

  it('rewinding to any tick gives the hash a straight run to that tick gives', () => {
    fc.assert(
      fc.property(
        rulesFileArb(labCatalogue),
        fc.integer({ min: 0, max: 0xffffffff }),
        labInputs,
        fc.nat(1000),
        (file, seed, inputs, at) => {
          const make = () =>
            createEngine({
              scenario: labScenario,
              rules: loadOk(file, labCatalogue),
              seed,
              snapshotEvery: 7,
              limits: { maxDepth: 16, maxEventsPerTick: 400 },
            });
          const steps = [...inputs, ...Array.from({ length: 15 }, () => labScenario.idleInput)];
          const target = at % (steps.length + 1);
          const straight = make();
          for (const input of steps.slice(0, target)) straight.step(input);
          const full = make();
          for (const input of steps) full.step(input);
          full.rewind(target);
          expect([full.tick, full.log.hash(), full.log.end, JSON.stringify(full.world)]).toEqual([
            target,
            straight.log.hash(),
            straight.log.end,
            JSON.stringify(straight.world),
          ]);
        },
      ),
      { numRuns: runs(25) },
    );
  });

  it('random bytes never crash loadRulesBytes: it returns rules or located errors', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = loadRulesBytes(bytes, demoCatalogue, 'bytes.json');
        if (!r.ok) for (const e of r.errors) expect(e.line >= 1 && e.column >= 1).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });

  it('random text and random JSON values never crash loadRules', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v) ?? ''),
    );
    fc.assert(
      fc.property(text, (t) => {
        const r = loadRules(t, demoCatalogue, 'text.json');
        expect(r.ok || r.errors.length > 0).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });

  it('a valid file with one part replaced by a random JSON value loads or gives located errors, never throws', () => {
    const paths = (v: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
      v !== null && typeof v === 'object'
        ? [prefix, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...prefix, Array.isArray(v) ? Number(k) : k]))]
        : [prefix];
    fc.assert(
      fc.property(rulesFileArb(demoCatalogue), fc.nat(), fc.jsonValue({ maxDepth: 3 }), (file, pick, replacement) => {
        const all = paths(file).filter((p) => p.length > 0);
        const path = all[pick % all.length] as (string | number)[];
        const copy = JSON.parse(JSON.stringify(file));
        let target = copy;
        for (const k of path.slice(0, -1)) target = target[k];
        target[path[path.length - 1] as string] = replacement;
        const r = loadRules(JSON.stringify(copy, null, 2), demoCatalogue, 'mutated.json');
        if (!r.ok) for (const e of r.errors) expect(e.line >= 1 && e.column >= 1 && e.message.length > 0).toBe(true);
      }),
      { numRuns: runs(120) },
    );
  });
});
