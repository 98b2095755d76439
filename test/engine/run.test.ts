import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine, exportRun, MAX_RUN_BYTES, parseRun, replayRun } from '../../src/engine';
import type { Engine, RunFile } from '../../src/engine';
import { demoScenario } from '../../src/scenarios/demo';
import type { DemoWorld } from '../../src/scenarios/demo';
import { scenarios } from '../../src/scenarios';
import { compile, demoCatalogue } from './helpers';

const demoText = readFileSync('public/rules/demo.json', 'utf8');
const demoRules = () => compile(demoText, demoCatalogue, 'public/rules/demo.json');
type DemoEngine = Engine<DemoWorld, null, { boost: boolean }>;

/** The input a player gives at a tick: boost on for a while, now and then. */
const inputAt = (tick: number) => ({ boost: Math.floor(tick / 45) % 3 === 1 });

function play(engine: DemoEngine, until: number): void {
  while (engine.tick < until) engine.step(inputAt(engine.tick));
}

function newEngine(options: { logCapacity?: number; snapshotEvery?: number } = {}): DemoEngine {
  return createEngine({ scenario: demoScenario, rules: demoRules(), seed: 7, ...options });
}

/** A run with input changes, a live rules edit and a trigger toggle. */
function recordedRun(): DemoEngine {
  const engine = newEngine();
  play(engine, 200);
  engine.applyRules(compile(demoText.replace('"value": 15', '"value": 5'), demoCatalogue, 'public/rules/demo.json'));
  play(engine, 350);
  engine.setTriggerEnabled('hit-hurts', false);
  play(engine, 400);
  engine.setTriggerEnabled('hit-hurts', true);
  play(engine, 500);
  return engine;
}

describe('export and replay', () => {
  it('replaying an exported run gives the same log hash, tick and world', () => {
    const original = recordedRun();
    const file = exportRun(original);
    expect(file).toMatchObject({
      format: 'siren-run',
      version: 1,
      scenario: 'demo',
      seed: 7,
      ticks: 500,
      hash: original.log.hash(),
    });
    const parsed = parseRun(JSON.stringify(file), scenarios);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const replayed = replayRun(parsed.run as RunFile<{ boost: boolean }>, demoScenario);
    expect(replayed.tick).toBe(500);
    expect(replayed.log.hash()).toBe(original.log.hash());
    expect(replayed.log.end).toBe(original.log.end);
    expect(replayed.world).toEqual(original.world);
    expect(replayed.triggerStates()).toEqual(original.triggerStates());
  });

  it('records keep one copy of each distinct input, safe from the caller reusing its object', () => {
    const engine = newEngine();
    const held = { boost: false };
    for (let t = 0; t < 40; t++) {
      held.boost = t % 10 >= 5; // one object, mutated: like a keyboard state
      engine.step(held);
    }
    const inputs = engine.records.filter((r) => r.input !== undefined).map((r) => r.input as { boost: boolean });
    expect(inputs.map((i) => i.boost)).toEqual([false, true, false, true, false, true, false, true]);
    expect(inputs.every((i) => i !== held)).toBe(true);
    expect(new Set(inputs).size).toBe(2);
  });

  it('a rules edit and a toggle after the last step are part of the replay', () => {
    const original = recordedRun();
    original.applyRules(
      compile(demoText.replace('"value": 15', '"value": 9'), demoCatalogue, 'public/rules/demo.json'),
    );
    original.setTriggerEnabled('tick-score', true);
    const replayed = replayRun(exportRun(original), demoScenario);
    expect(replayed.log.hash()).toBe(original.log.hash());
    expect(replayed.triggerStates()).toEqual(original.triggerStates());
    expect(replayed.rules.text).toBe(original.rules.text);
  });

  it('a replay with a different seed gives a different hash', () => {
    const file = exportRun(recordedRun());
    expect(replayRun({ ...file, seed: 8 }, demoScenario).log.hash()).not.toBe(file.hash);
  });

  it('the same seed, rules and inputs give the same hash in two engines', () => {
    const a = newEngine();
    const b = newEngine();
    play(a, 300);
    play(b, 300);
    expect(a.log.hash()).toBe(b.log.hash());
  });
});

describe('rewind (time travel)', () => {
  it('rewinding, then stepping again with the same inputs, gives the same hash as the original run', () => {
    const engine = newEngine();
    play(engine, 300);
    const hash = engine.log.hash();
    const world = engine.world;
    const end = engine.log.end;
    engine.rewind(130);
    expect(engine.tick).toBe(130);
    play(engine, 300);
    expect(engine.log.hash()).toBe(hash);
    expect(engine.log.end).toBe(end);
    expect(engine.world).toEqual(world);
  });

  it('the hash at the rewound tick is the hash the run had at that tick', () => {
    const engine = newEngine();
    play(engine, 130);
    const at130 = engine.log.hash();
    play(engine, 250);
    engine.rewind(130);
    expect(engine.log.hash()).toBe(at130);
  });

  it('replays recorded rules edits and toggles when rewinding past them', () => {
    const original = recordedRun();
    const hash = original.log.hash();
    original.rewind(180);
    while (original.tick < 500) {
      const t = original.tick;
      if (t === 200)
        original.applyRules(
          compile(demoText.replace('"value": 15', '"value": 5'), demoCatalogue, 'public/rules/demo.json'),
        );
      if (t === 350) original.setTriggerEnabled('hit-hurts', false);
      if (t === 400) original.setTriggerEnabled('hit-hurts', true);
      original.step(inputAt(t));
    }
    expect(original.log.hash()).toBe(hash);
  });

  it('rewinds correctly even when the log has evicted events since the snapshot', () => {
    const engine = newEngine({ logCapacity: 16 });
    play(engine, 300);
    const hash = engine.log.hash();
    const end = engine.log.end;
    engine.rewind(70);
    expect(engine.log.start).toBeLessThanOrEqual(engine.log.end);
    expect(engine.log.slice(engine.log.start).every((e) => e !== undefined)).toBe(true);
    play(engine, 300);
    expect(engine.log.end).toBe(end);
    expect(engine.log.hash()).toBe(hash);
  });

  it('rewind clamps to the oldest tick kept and to the present', () => {
    const engine = createEngine({
      scenario: demoScenario,
      rules: demoRules(),
      seed: 7,
      historyTicks: 120,
      snapshotEvery: 60,
    });
    play(engine, 400);
    expect(engine.oldestTick).toBeGreaterThan(0);
    engine.rewind(0);
    expect(engine.tick).toBe(engine.oldestTick);
    engine.rewind(10_000);
    expect(engine.tick).toBe(engine.oldestTick);
  });
});

describe('parseRun', () => {
  const good = () => exportRun(recordedRun()) as unknown as Record<string, unknown>;
  const errorsOf = (text: string) => {
    const r = parseRun(text, scenarios, 'my-run.json');
    return r.ok ? [] : r.errors;
  };

  it('accepts an exported run', () => {
    expect(parseRun(JSON.stringify(good()), scenarios).ok).toBe(true);
  });

  it('rejects text that is not JSON', () => {
    const [e] = errorsOf('{"format": "siren-run",');
    expect(e).toMatch(/^my-run\.json: not valid JSON: /);
  });

  it('rejects a file of another format', () => {
    expect(errorsOf(JSON.stringify({ ...good(), format: 'other' }))).toEqual([
      'my-run.json: format: expected "siren-run", found the string "other"',
    ]);
    expect(errorsOf('[]')).toEqual([
      'my-run.json: (file): expected an object (a Siren run file), found an empty array',
    ]);
  });

  it('rejects an unknown scenario, listing the known ones', () => {
    expect(errorsOf(JSON.stringify({ ...good(), scenario: 'dmeo' }))).toEqual([
      'my-run.json: scenario: unknown scenario "dmeo"; did you mean "demo"?',
    ]);
  });

  it('rejects an input record of the wrong shape', () => {
    const run = good();
    (run.records as unknown[]).push({ tick: 500, input: { boost: 'yes' } });
    expect(errorsOf(JSON.stringify(run))).toEqual([
      `my-run.json: records[${(run.records as unknown[]).length - 1}].input: expected {"boost": true|false}`,
    ]);
  });

  it("rejects bad rules, with the rules' own located errors", () => {
    const errors = errorsOf(JSON.stringify({ ...good(), rules: demoText.replace('"changeHp"', '"changeHP"') }));
    expect(errors).toEqual([
      'my-run.json: rules: public/rules/demo.json:16:24  triggers[0].do[0].behaviour  unknown behaviour "changeHP"; did you mean "changeHp"?',
    ]);
  });

  it('rejects records whose ticks go backwards or past the end', () => {
    const run = good();
    run.records = [
      { tick: 0, input: { boost: false } },
      { tick: 50, input: { boost: true } },
      { tick: 20, input: { boost: false } },
      { tick: 9999, input: { boost: false } },
    ];
    expect(errorsOf(JSON.stringify(run))).toEqual([
      'my-run.json: records[2].tick: ticks must not go backwards (20 after 50)',
      'my-run.json: records[3].tick: 9999 is after the end of the run (500)',
    ]);
  });

  it('rejects unknown fields and wrong types, naming each', () => {
    const errors = errorsOf(JSON.stringify({ ...good(), seed: -1, extra: true, hash: 'xyz' }));
    expect(errors).toContain('my-run.json: (file): unknown field "extra"');
    expect(errors).toContain('my-run.json: seed: expected a whole number from 0 to 4294967295, found -1');
    expect(errors).toContain('my-run.json: hash: expected 16 hex digits, found the string "xyz"');
  });

  it('rejects an oversize file before parsing it', () => {
    expect(errorsOf(' '.repeat(MAX_RUN_BYTES + 1))).toEqual([
      `my-run.json: too large (${MAX_RUN_BYTES + 1} characters; the limit is ${MAX_RUN_BYTES})`,
    ]);
  });
});
