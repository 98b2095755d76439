import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyseLoops,
  configureFreezing,
  createEngine,
  formatWarning,
  loadRulesBytes,
  scenarioCatalogue,
} from '../../../src/engine';
import type { CompiledRules } from '../../../src/engine';
import { scenarios } from '../../../src/scenarios';
import { demoCatalogue } from '../helpers';

const DIR = 'test/fixtures/loop-warnings';
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

function demoRules(triggers: object[], events: string[] = []): CompiledRules {
  const text = JSON.stringify({ version: 1, scenario: 'demo', events, triggers });
  const r = loadRulesBytes(new TextEncoder().encode(text), demoCatalogue, 'x.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.rules;
}
const emitting = (id: string, on: string, event: string, extra: object = {}) => ({
  id,
  on,
  ...extra,
  do: [{ behaviour: 'emit', event }],
});

describe('static loop warnings', () => {
  it('the corpus has fixtures, each with its expected warnings', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
  });

  for (const f of fixtures) {
    it(`${f} loads, with exactly the expected warnings`, () => {
      const path = `${DIR}/${f}`;
      const r = loadRulesBytes(readFileSync(path), demoCatalogue, path);
      expect(r.ok).toBe(true);
      const want = readFileSync(path.replace(/\.json$/, '.expected.txt'), 'utf8').trimEnd();
      expect(r.ok ? r.warnings.map(formatWarning).join('\n') : '').toBe(want);
    });
  }

  it('the bundled rules files have no loops', () => {
    for (const s of Object.values(scenarios)) {
      const path = s.rulesFile;
      const r = loadRulesBytes(readFileSync(path), scenarioCatalogue(s), path);
      expect(r.ok && r.warnings, path).toEqual([]);
    }
  });

  it('finds guarded cycles too, and marks which triggers are on an unguarded one', () => {
    const rules = demoRules(
      [
        emitting('a', 'a.went', 'b.went'),
        emitting('b', 'b.went', 'a.went', { cooldown: 1 }),
        emitting('c', 'c.went', 'c.went'),
        emitting('d', 'demo.pulse', 'a.went'),
      ],
      ['a.went', 'b.went', 'c.went'],
    );
    const { loops, cyclic, unguarded } = analyseLoops(rules.triggers);
    expect(loops).toEqual([
      { triggers: ['c'], events: ['c.went'], guarded: false, members: ['c'] },
      { triggers: ['a', 'b'], events: ['b.went', 'a.went'], guarded: true, members: ['a', 'b'] },
    ]);
    expect(cyclic.get('a')).toBe(cyclic.get('b'));
    expect(cyclic.has('d')).toBe(false);
    expect([...unguarded.keys()]).toEqual(['c']);
  });

  it('state and timer triggers are never on a loop: no event fires them', () => {
    const rules = demoRules([
      { id: 'tick', every: 1, do: [{ behaviour: 'addScore', amount: 1 }] },
      {
        id: 'score',
        on: 'demo.score.changed',
        when: { fact: 'event.to', op: 'lt', value: 3 },
        do: [{ behaviour: 'changeHp', entity: 1, amount: 1 }],
      },
    ]);
    expect(analyseLoops(rules.triggers).loops).toEqual([]);
  });

  it('5,000 triggers firing each other round 500 events are followed without running out of stack', () => {
    const events = Array.from({ length: 500 }, (_, i) => `e${i}.went`);
    const on = (i: number) => events[i % events.length] as string;
    const chain = Array.from({ length: 5_000 }, (_, i) => emitting(`t${i}`, on(i), on(i + 1)));
    const { loops, cyclic } = analyseLoops(demoRules(chain, events).triggers);
    expect(loops).toHaveLength(1);
    expect(loops[0]?.members).toHaveLength(5_000);
    expect(loops[0]?.triggers).toHaveLength(500);
    expect(loops[0]?.triggers.slice(0, 3)).toEqual(['t0', 't1', 't2']);
    expect(cyclic.get('t4999')).toBe(cyclic.get('t0'));
  });
});

describe('behaviours declare what they emit', () => {
  for (const s of Object.values(scenarios)) {
    it(`${s.name}: every behaviour has an emits list, and a run emits nothing else`, () => {
      const catalogue = scenarioCatalogue(s);
      for (const b of catalogue.behaviours.values()) expect(b.emits, `${s.name}: ${b.name}`).toBeDefined();
      const text = readFileSync(s.rulesFile, 'utf8');
      const r = loadRulesBytes(new TextEncoder().encode(text), catalogue, s.rulesFile);
      if (!r.ok) throw new Error('bundled rules do not load');
      configureFreezing(false);
      const engine = createEngine({ scenario: s, rules: r.rules, seed: 3, historyTicks: 60 });
      const auto = s.createAutopilot(3);
      for (let i = 0; i < 60 * 60; i++) engine.step(auto(engine.world, engine.runtime, engine.tick));
      configureFreezing(true);
      const engineMade = new Set(['trigger.fired', 'engine.error', 'engine.warning']);
      for (const ev of engine.log.slice(engine.log.start)) {
        const by = ev.cause?.trigger;
        if (!by || engineMade.has(ev.type)) continue;
        const t = r.rules.byId.get(by);
        const may = new Set(t?.actions.flatMap((a) => [...(a.behaviour.emits ?? [])]));
        for (const a of t?.spec.do ?? []) if (typeof a.event === 'string') may.add(a.event);
        expect(may.has(ev.type), `${s.name}: "${by}" emitted "${ev.type}", not in its behaviours' emits`).toBe(true);
      }
    });
  }
});
