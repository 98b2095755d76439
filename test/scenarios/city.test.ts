import { describe, expect, it, vi } from 'vitest';
import { exportRun, parseRun, replayRun } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { checkCityInput, cityScenario, createCityScenario, idleCityInput } from '../../src/scenarios/city';
import { causedBy, cityRules, ofType, runCity } from './cityRun';
import type { CityRun } from './cityRun';

// Each test simulates up to a few minutes of city; allow for a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const STORY = [
  'damage',
  'health.changed',
  'crime.committed',
  'vehicle.entered',
  'pursuit.started',
  'npc.despawned',
  'pursuit.lost',
  'npc.spawned',
];

const cache = new Map<number, CityRun>();
/** The default 120-second run of a seed (each seed is simulated once per file). */
function story(seed: number): CityRun {
  let run = cache.get(seed);
  if (!run) cache.set(seed, (run = runCity(seed)));
  return run;
}

type Health = { entity: number; from: number; to: number };

describe('the city chase, told by the event log', () => {
  it.each([1, 2, 3])(
    'seed %i plays the whole story: crime, shots, a car, a pursuit, empty streets, escape, civilians back',
    (seed) => {
      const run = story(seed);
      const counts = Object.fromEntries(STORY.map((t) => [t, ofType(run, t).length]));
      for (const t of STORY) expect(counts[t], `${t} in seed ${seed}`).toBeGreaterThan(0);
    },
  );

  it.each([1, 2, 3])(
    'seed %i: civilians leave only because a pursuit started, and come back only after one was lost',
    (seed) => {
      const run = story(seed);
      for (const ev of ofType(run, 'npc.despawned')) {
        expect(ev.cause?.trigger).toBe('pursuit-clears-streets');
        expect(run.engine.log.at(ev.cause?.seq ?? -1)?.type).toBe('pursuit.started');
      }
      for (const ev of ofType(run, 'npc.spawned')) {
        expect(ev.cause?.trigger).toBe('escape-civilians-return');
        expect(run.engine.log.at(ev.cause?.seq ?? -1)?.type).toBe('pursuit.lost');
      }
      const firstStart = ofType(run, 'pursuit.started')[0]?.seq ?? Infinity;
      const firstLost = ofType(run, 'pursuit.lost')[0]?.seq ?? Infinity;
      expect(ofType(run, 'npc.despawned')[0]?.seq).toBeGreaterThan(firstStart);
      expect(ofType(run, 'npc.spawned')[0]?.seq).toBeGreaterThan(firstLost);
    },
  );

  it.each([1, 2, 3])(
    'seed %i: a pursuit turns the sirens on and the radio calls it in; escaping stands everyone down',
    (seed) => {
      const run = story(seed);
      const lines = ofType<{ line: string }>(run, 'radio.said').map((e) => e.payload.line);
      expect(lines).toContain('Suspect spotted, all units respond');
      for (const start of ofType(run, 'pursuit.started')) {
        const caused = causedBy(run, start.seq);
        expect(
          caused.some(
            (e) =>
              e.type === 'radio.said' && (e.payload as { line: string }).line === 'Suspect spotted, all units respond',
          ),
        ).toBe(true);
        expect(caused.some((e) => e.type === 'npc.despawned')).toBe(true);
      }
      const sirens = ofType<{ on: boolean }>(run, 'siren.changed').map((e) => e.payload.on);
      expect(sirens[0]).toBe(true);
      expect(sirens.slice(1).every((on, i) => on !== sirens[i])).toBe(true);
      for (const lost of ofType<{ reason: string }>(run, 'pursuit.lost')) {
        const caused = causedBy(run, lost.seq);
        if (lost.payload.reason === 'escaped')
          expect(
            caused.some(
              (e) =>
                e.type === 'radio.said' && (e.payload as { line: string }).line === 'All units stand down, we lost him',
            ),
          ).toBe(true);
      }
    },
  );

  it('every damage event becomes a health change (health goes down by the damage, with from/to)', () => {
    const run = story(1);
    const hits = ofType<{ target: number; amount: number }>(run, 'damage');
    expect(hits.some((e) => e.payload.target === 0 && e.cause === undefined)).toBe(true);
    for (const hit of hits) {
      const changes = causedBy(run, hit.seq, 'health.changed') as { payload: Health }[];
      for (const c of changes) {
        expect(c.payload.entity).toBe(hit.payload.target);
        expect(c.payload.to).toBe(Math.max(0, c.payload.from - hit.payload.amount));
      }
    }
  });

  it('crimes raise the wanted level by their severity', () => {
    const run = story(2);
    for (const crime of ofType<{ severity: number }>(run, 'crime.committed')) {
      const [change] = causedBy(run, crime.seq, 'wanted.changed') as { payload: { from: number; to: number } }[];
      if (change) expect(change.payload.to).toBe(Math.min(5, change.payload.from + crime.payload.severity));
    }
    expect(ofType(run, 'wanted.changed').length).toBeGreaterThan(0);
  });

  it('a car heals the player (unless they were already at full health)', () => {
    const heals = [1, 2, 3].flatMap((seed) => {
      const run = story(seed);
      return ofType(run, 'vehicle.entered').flatMap(
        (e) => causedBy(run, e.seq, 'health.changed') as { payload: Health }[],
      );
    });
    expect(heals.length).toBeGreaterThan(0);
    for (const h of heals) expect(h.payload.to).toBeGreaterThan(h.payload.from);
  });

  it('final reports health, life, wanted level, pursuit and civilians present', () => {
    const f = story(1).final;
    expect(f).toMatchObject({
      health: expect.any(Number),
      alive: expect.any(Boolean),
      wanted: expect.any(Number),
      pursuitActive: expect.any(Boolean),
      civiliansPresent: expect.any(Number),
    });
    expect(f.civiliansTotal).toBe(60);
  });
});

describe('changing a rule changes the story', () => {
  it('with the car-heal trigger disabled, getting into a car heals nobody', () => {
    const rules = cityRules();
    const t = rules.triggers.find((x) => x.id === 'car-heals');
    if (!t) throw new Error('car-heals missing');
    t.enabled = false;
    for (const seed of [1, 2, 3]) {
      const run = runCity(seed, 120, rules);
      expect(ofType(run, 'vehicle.entered').length).toBeGreaterThan(0);
      for (const e of ofType(run, 'vehicle.entered')) expect(causedBy(run, e.seq, 'health.changed')).toEqual([]);
    }
  });

  it('when police bullets heal, police damage raises the player’s health', () => {
    const rules = cityRules();
    const hurt = rules.triggers.find((x) => x.id === 'damage-hurts');
    if (!hurt) throw new Error('damage-hurts missing');
    hurt.when = { fact: 'event.source', op: 'ne', value: 'police' };
    rules.triggers.push({
      id: 'police-bullets-heal',
      on: 'damage',
      when: { fact: 'event.source', op: 'eq', value: 'police' },
      do: [{ behaviour: 'changeHealth', entity: { fact: 'event.target' }, amount: { fact: 'event.amount' } }],
    });
    // A wound that keeps bleeding, so there is always health to gain.
    rules.triggers.push({
      id: 'bleeding',
      every: 2,
      when: { fact: 'world.player.health', op: 'gt', value: 30 },
      do: [{ behaviour: 'changeHealth', entity: 0, amount: -10 }],
    } as never);
    const run = runCity(1, 120, rules);
    const police = ofType<{ source: string }>(run, 'damage').filter((e) => e.payload.source === 'police');
    expect(police.length).toBeGreaterThan(0);
    const changes = police.flatMap((e) => causedBy(run, e.seq, 'health.changed') as { payload: Health }[]);
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) expect(c.payload.to).toBeGreaterThan(c.payload.from);
  });

  it('without the despawn action, civilians stay in the streets during a pursuit', () => {
    const rules = cityRules();
    rules.triggers = rules.triggers.filter((x) => x.id !== 'pursuit-clears-streets');
    const run = runCity(1, 120, rules);
    expect(ofType(run, 'pursuit.started').length).toBeGreaterThan(0);
    expect(ofType(run, 'npc.despawned')).toEqual([]);
    const civilianDeaths = ofType<{ kind: string }>(run, 'npc.died').filter(
      (e) => e.payload.kind === 'civilian',
    ).length;
    expect(run.final.civiliansPresent).toBe(60 - civilianDeaths + ofType(run, 'npc.spawned').length);
  });
});

describe('entity facts', () => {
  it('let a rule ask who was hit (entity.kind, entity.health)', () => {
    const rules = cityRules();
    rules.triggers.push({
      id: 'civilians-cry-out',
      on: 'damage',
      when: {
        all: [
          { fact: 'entity.kind', op: 'eq', value: 'civilian' },
          { fact: 'entity.health', op: 'gt', value: 0 },
        ],
      },
      do: [{ behaviour: 'radio', line: 'Help!' }],
    });
    const run = runCity(1, 30, rules);
    const cries = ofType<{ line: string }>(run, 'radio.said').filter((e) => e.payload.line === 'Help!');
    expect(cries.length).toBeGreaterThan(0);
    for (const c of cries) {
      const hit = run.engine.log.at(c.cause?.seq ?? -1) as {
        type: string;
        payload: { target: number; source: string };
      };
      expect(hit.type).toBe('damage');
      expect(hit.payload.target).toBeGreaterThan(0);
      expect(hit.payload.source).toBe('player');
    }
    const goonHits = ofType<{ source: string }>(run, 'damage').filter((e) => e.payload.source === 'goon');
    for (const g of goonHits) expect(causedBy(run, g.seq, 'radio.said')).toEqual([]);
  });
});

describe('determinism', () => {
  it('the same seed gives the same log hash; different seeds give different runs', () => {
    const again = runCity(1);
    expect(again.hash).toBe(story(1).hash);
    expect(new Set([story(1).hash, story(2).hash, story(3).hash]).size).toBe(3);
  });

  it('an exported run replays to the same hash, and rewinding re-simulates exactly', () => {
    const run = runCity(4, 30, cityRules(), 36_000);
    const file = JSON.parse(JSON.stringify(exportRun(run.engine)));
    const parsed = parseRun(JSON.stringify(file), scenarios);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(replayRun(parsed.run, cityScenario).log.hash()).toBe(run.hash);
    const hashAt = run.engine.log.hash();
    run.engine.rewind(900);
    const inputs = run.engine.records;
    expect(run.engine.tick).toBe(900);
    // Step the recorded inputs forward again from tick 900.
    let input = [...inputs].reverse().find((r) => r.input !== undefined)?.input ?? idleCityInput;
    const future = (file.records as { tick: number; input?: typeof input }[]).filter((r) => r.tick >= 900);
    let k = 0;
    while (run.engine.tick < 1800) {
      while (k < future.length && future[k]!.tick <= run.engine.tick) input = future[k++]!.input ?? input;
      run.engine.step(input);
    }
    expect(run.engine.log.hash()).toBe(hashAt);
  });
});

describe('input records', () => {
  it('accept exactly the six boolean controls', () => {
    expect(checkCityInput(idleCityInput)).toBeNull();
    expect(checkCityInput({ ...idleCityInput, up: true, shoot: true })).toBeNull();
    expect(checkCityInput({ ...idleCityInput, jump: true })).toMatch(/unknown control "jump"/);
    expect(checkCityInput({ up: true })).toMatch(/missing control "down"/);
    expect(checkCityInput({ ...idleCityInput, left: 1 })).toMatch(/"left" must be true or false/);
    expect(checkCityInput(null)).toMatch(/expected/);
    expect(checkCityInput([1])).toMatch(/array/);
  });
});

// Speed is the bench's job (`npm run bench -- --only world,headless`); these pin what a big city is made of.
describe('a stress city', () => {
  it('runs 2,000 civilians and 60 police with the city rules', async () => {
    const { createEngine, loadRules, scenarioCatalogue } = await import('../../src/engine');
    const stress = createCityScenario({ civilians: 2000, police: 60 });
    const loaded = loadRules(JSON.stringify(cityRules()), scenarioCatalogue(stress), 'city.json');
    if (!loaded.ok) throw new Error('rules');
    const engine = createEngine({ scenario: stress, rules: loaded.rules, seed: 1, historyTicks: 600 });
    const pilot = stress.createAutopilot(1);
    for (let i = 0; i < 300; i++) engine.step(pilot(engine.world, engine.runtime, engine.tick));
    expect(engine.summary()).toMatchObject({ civiliansTotal: 2000 });
    expect(engine.runtime.map.streets.nodesX).toBe(17);
    expect(engine.runtime.ranges.police[1] - engine.runtime.ranges.police[0]).toBeGreaterThanOrEqual(60);
  });
});
