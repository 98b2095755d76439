import { describe, expect, it } from 'vitest';
import { createEngine, loadRules } from '../../src/engine';
import type { AnyEngine } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { startScrub } from '../../src/ui/panels/time/scrub';
import { rulesFor } from './helpers';

const city = scenarios.city as (typeof scenarios)[string];

/** A city run driven by the autopilot, with a rules edit and a toggle on the way; the log hash at every tick. */
function recordedRun(ticks: number): { engine: AnyEngine; hashes: string[]; healths: number[] } {
  const rules = rulesFor('city');
  const engine: AnyEngine = createEngine({ scenario: city, rules, seed: 3, logCapacity: 20_000 });
  const pilot = city.createAutopilot(3);
  const hashes: string[] = [];
  const healths: number[] = [];
  const edited = rules.text.replace(
    '"amount": { "fact": "event.amount", "times": -1 }',
    '"amount": { "fact": "event.amount", "times": -2 }',
  );
  while (engine.tick < ticks) {
    hashes[engine.tick] = engine.log.hash();
    healths[engine.tick] = engine.world.player.health as number;
    if (engine.tick === 150) {
      const r = loadRules(edited, engine.catalogue, rules.source);
      if (!r.ok) throw new Error('edit failed');
      engine.applyRules(r.rules);
    }
    if (engine.tick === 200) engine.setTriggerEnabled('car-heals', false);
    engine.step(pilot(engine.world, engine.runtime, engine.tick));
  }
  hashes[engine.tick] = engine.log.hash();
  healths[engine.tick] = engine.world.player.health as number;
  return { engine, hashes, healths };
}

describe('scrubbing the timeline', () => {
  const { engine, hashes, healths } = recordedRun(420);
  const furthest = engine.tick;
  const records = JSON.stringify(engine.records);
  const session = startScrub(engine);

  it('keeps the furthest tick and its hash', () => {
    expect(session.furthest).toBe(420);
    expect(session.furthestHash).toBe(hashes[420]);
    expect(session.current(engine)).toBe(true);
  });

  it('goes back to any retained tick: the log hash and world are those of that tick', () => {
    for (const t of [300, 61, 130, 0, 199]) {
      expect(session.seek(t)).toBe(true);
      expect(engine.tick).toBe(t);
      expect(engine.log.hash()).toBe(hashes[t]);
      expect(engine.world.player.health).toBe(healths[t]);
    }
  });

  it('goes forward again along the recorded inputs, rules edits and toggles, to the same hash', () => {
    session.seek(100);
    for (const t of [151, 201, 333, furthest]) {
      expect(session.seek(t)).toBe(true);
      expect(engine.log.hash()).toBe(hashes[t]);
    }
    expect(engine.tick).toBe(furthest);
    expect(JSON.stringify(engine.records)).toBe(records);
    expect(engine.triggerStates().find((s) => s.id === 'car-heals')?.enabled).toBe(false);
  });

  it('never goes past the furthest tick reached, nor before the oldest retained', () => {
    expect(session.seek(furthest + 500)).toBe(true);
    expect(engine.tick).toBe(furthest);
    session.seek(-50);
    expect(engine.tick).toBe(engine.oldestTick);
  });

  it('moves forward in bounded chunks when asked to', () => {
    session.seek(0);
    expect(session.seek(300, 100)).toBe(false);
    expect(engine.tick).toBe(100);
    expect(session.seek(300, 100)).toBe(false);
    expect(session.seek(300, 100)).toBe(true);
    expect(engine.log.hash()).toBe(hashes[300]);
  });

  it('ends when anything else moves the engine', () => {
    expect(session.current(engine)).toBe(true);
    engine.step();
    expect(session.current(engine)).toBe(false);
  });
});

describe('a scrub session over rules loaded from another source', () => {
  it('re-applies a recorded rules edit with the same outcome', () => {
    const rules = rulesFor('city');
    const engine: AnyEngine = createEngine({ scenario: city, rules, seed: 5, logCapacity: 20_000 });
    const pilot = city.createAutopilot(5);
    while (engine.tick < 240) {
      if (engine.tick === 100) {
        const r = loadRules(rules.text, engine.catalogue, 'editor');
        if (r.ok) engine.applyRules(r.rules);
      }
      engine.step(pilot(engine.world, engine.runtime, engine.tick));
    }
    const hash = engine.log.hash();
    const s = startScrub(engine);
    s.seek(30);
    s.seek(240);
    expect(engine.log.hash()).toBe(hash);
    // Back to just after the edit (the engine's own rewind would re-apply it under the old source), then forward.
    expect(s.seek(110)).toBe(true);
    expect(engine.tick).toBe(110);
    expect(
      engine.log
        .slice(0)
        .filter((e) => e.type === 'rules.loaded')
        .map((e) => (e.payload as { source: string }).source),
    ).toEqual(['editor']);
    s.seek(240);
    expect(engine.log.hash()).toBe(hash);
  });
});
