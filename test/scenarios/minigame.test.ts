import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRules, scenarioCatalogue } from '../../src/engine';
import { cityScenario } from '../../src/scenarios/city';
import { cityRules, ofType, runCity } from './cityRun';
import type { RulesDoc } from './cityRun';

const minigame = () => JSON.parse(readFileSync('public/rules/minigame.json', 'utf8')) as RulesDoc;
const catalogue = scenarioCatalogue(cityScenario);

describe('the mini-game (public/rules/minigame.json)', () => {
  it('adds a coin per escaped pursuit and, at three, says so and plays a sound; same seed, same hash', () => {
    const run = runCity(1, 160, minigame());
    const coins = ofType<{ name: string; to: number }>(run, 'var.changed').map((e) => e.payload.to);
    const escapes = ofType<{ reason: string }>(run, 'pursuit.lost').filter((e) => e.payload.reason === 'escaped');
    expect(coins).toEqual(escapes.map((_, i) => i + 1));
    expect(coins.slice(0, 3)).toEqual([1, 2, 3]);
    const said = ofType<{ text: string }>(run, 'message.shown').map((e) => e.payload.text);
    expect(said).toContain('Three coins! You win the mini-game.');
    expect(said.slice(0, 2)).toEqual(['Escaped! Coins: 1', 'Escaped! Coins: 2']);
    expect(ofType<{ sound: string }>(run, 'sound.played').map((e) => e.payload.sound)).toContain('chime');
    expect(runCity(1, 160, minigame()).hash).toBe(run.hash);
  });
});

describe('tune', () => {
  const withTune = (value: unknown) => {
    const doc = cityRules();
    doc.triggers.push({
      id: 'slow-police',
      on: 'crime.committed',
      do: [{ behaviour: 'tune', name: 'policeSpeed', value }],
    });
    return doc;
  };

  it('rejects a literal out of its range at load, at the value', () => {
    const r = loadRules(JSON.stringify(withTune(3)), catalogue, 'c.json');
    expect(r.ok ? [] : r.errors.map((e) => `${e.path}  ${e.message}`)).toEqual([
      `triggers[${cityRules().triggers.length}].do[0].value  "policeSpeed" (police speed, a multiplier of patrol, search and chase speeds) takes 0.25 to 2, found 3`,
    ]);
  });

  it('sets world.tunes, which the police read: slower police change the run', () => {
    const slow = runCity(42, 60, withTune(0.5));
    expect(slow.engine.world.tunes).toEqual({ policeSpeed: 0.5 });
    expect(slow.hash).not.toBe(runCity(42, 60).hash);
  });

  it('clamps a value read from a fact into range, with an engine.warning naming the trigger', () => {
    const doc = cityRules();
    doc.triggers.push({
      id: 'wild-tune',
      on: 'crime.committed',
      do: [{ behaviour: 'tune', name: 'goonDamage', value: { fact: 'world.wanted', times: 10 } }],
    });
    const run = runCity(42, 60, doc);
    const warn = ofType<{ reason: string; triggers: string[] }>(run, 'engine.warning').find((e) =>
      e.payload.triggers.includes('wild-tune'),
    );
    expect(warn?.payload.reason).toMatch(
      /^tune: "goonDamage" \(goon bullet damage, a multiplier\) takes 0 to 5, found \d+; clamped to 5$/,
    );
    expect(run.engine.world.tunes?.goonDamage).toBe(5);
  });
});

describe('spawn', () => {
  const withSpawn = (action: Record<string, unknown>) => {
    const doc = cityRules();
    doc.triggers.push({ id: 'more', on: 'crime.committed', do: [{ behaviour: 'spawn', ...action }] });
    return doc;
  };

  it('puts police reserve units on duty, bounded by the reserve', () => {
    const run = runCity(1, 60, withSpawn({ kind: 'police', count: 20 }));
    const changed = ofType<{ from: number; to: number }>(run, 'police.changed').find(
      (e) => e.cause?.trigger === 'more',
    );
    expect(changed?.payload.to).toBe(run.engine.world.police.max);
  });

  it('rejects a count over 20 and an unknown kind at load', () => {
    const r = loadRules(JSON.stringify(withSpawn({ kind: 'ninja', count: 21 })), catalogue, 'c.json');
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      'expected one of "goon", "police", "civilian", found "ninja"',
      'expected a number ≤ 20, found 21',
    ]);
  });
});
