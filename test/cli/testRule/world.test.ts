import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine';
import type { AnyScenario } from '../../../src/engine';
import { UsageError } from '../../../src/cli/args';
import { parseWorld, withWorld } from '../../../src/cli/testRule/world';
import { cityScenario } from '../../../src/scenarios/city';
import { demoScenario } from '../../../src/scenarios/demo';

/** The UsageError message parseWorld throws for this text (fails the test if it throws none or another kind). */
function errorOf(text: string, scenario: AnyScenario = demoScenario): string {
  try {
    parseWorld(text, scenario);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`no error for ${text}`);
}

describe('parseWorld', () => {
  it('reads top-level and nested world facts as dotted paths', () => {
    expect([...parseWorld('{"score": 3, "alarm": true}', demoScenario)]).toEqual([
      ['score', 3],
      ['alarm', true],
    ]);
    expect([...parseWorld('{"wanted": 2, "player": {"inCar": true, "zone": "garage"}}', cityScenario)]).toEqual([
      ['wanted', 2],
      ['player.inCar', true],
      ['player.zone', 'garage'],
    ]);
    expect(parseWorld('{}', demoScenario).size).toBe(0);
  });

  it('refuses text that is not a JSON object', () => {
    expect(errorOf('{')).toMatch(/^--world: not valid JSON \(/);
    for (const text of ['[1]', 'null', '3', '"x"'])
      expect(errorOf(text)).toBe('--world: expected an object of world facts, e.g. {"wanted": 3}');
  });

  it('names every unknown fact (with did-you-mean) and every value of the wrong type', () => {
    expect(errorOf('{"alarms": true, "score": "x"}')).toBe(
      '--world: unknown world fact "world.alarms"; did you mean "world.alarm"?\n--world: world.score is number, found "x"',
    );
    expect(errorOf('{"player": {"inCra": true}}', cityScenario)).toMatch(
      /^--world: unknown world fact "world\.player\.inCra"; did you mean "world\.player\.inCar"\?$/,
    );
    expect(errorOf('{"player": 3}', cityScenario)).toMatch(/^--world: unknown world fact "world\.player"/);
  });

  it('refuses keys that could reach a prototype', () => {
    expect(errorOf('{"__proto__": {"score": 1}}')).toBe('--world: key "__proto__" is not allowed');
    expect(errorOf('{"constructor": 1, "prototype": 2}')).toBe(
      '--world: key "constructor" is not allowed\n--world: key "prototype" is not allowed',
    );
    expect(errorOf('{"player": {"__proto__": {}}}', cityScenario)).toBe(
      '--world: key "player.__proto__" is not allowed',
    );
  });
});

describe('withWorld', () => {
  it("changes the scenario's initial world by the override and leaves the rest as it was", () => {
    const override = parseWorld('{"wanted": 4, "player": {"inCar": true}}', cityScenario);
    const changed = withWorld(cityScenario, override);
    const plain = cityScenario.init(createRng(1));
    const start = changed.init(createRng(1)) as typeof plain;
    expect(start.world.wanted).toBe(4);
    expect(start.world.player).toEqual({ ...plain.world.player, inCar: true });
    expect(start.world.police).toEqual(plain.world.police);
    expect(cityScenario.init(createRng(1)).world.wanted).toBe(0);
    expect(changed.name).toBe('city');
  });

  it('an empty override gives the same world', () => {
    const start = withWorld(demoScenario, new Map()).init(createRng(2));
    expect(start.world).toEqual(demoScenario.init(createRng(2)).world);
  });
});
