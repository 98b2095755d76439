import { describe, expect, it } from 'vitest';
import { cityParams, MAX_CIVILIANS } from '../../src/ui/city/params';
import { parseParams } from '../../src/ui/urlParams';

const PAGE = 'http://127.0.0.1:5173/';
const parse = (q: string) => parseParams(q, PAGE, { city: cityParams, cloud: [] });

describe('URL parameters', () => {
  it('civilians asks the city for that many civilians', () => {
    expect(parse('?civilians=2000')).toEqual({
      options: expect.objectContaining({ scenario: 'city', scenarioParams: new Map([['civilians', 2000]]) }),
      errors: [],
    });
    expect(parse('').options.scenarioParams.size).toBe(0);
  });

  it('a bad civilians value is reported with what was expected and found, and ignored', () => {
    for (const bad of ['-1', '2.5', 'lots', '', String(MAX_CIVILIANS + 1), '1e3']) {
      const { options, errors } = parse(`?civilians=${encodeURIComponent(bad)}`);
      expect(options.scenarioParams.has('civilians')).toBe(false);
      expect(errors).toEqual([
        `URL parameter "civilians": expected a whole number from 0 to ${MAX_CIVILIANS}, found ${JSON.stringify(bad)}; it was ignored`,
      ]);
    }
  });

  it('civilians on another scenario is refused', () => {
    const { options, errors } = parse('?scenario=cloud&civilians=100');
    expect(options.scenario).toBe('cloud');
    expect(options.scenarioParams.size).toBe(0);
    expect(errors[0]).toMatch(/only the city has civilians, not "cloud"/);
  });

  it('unknown parameters are named with a suggestion', () => {
    expect(parse('?civilian=5').errors[0]).toMatch(/^URL parameter "civilian": .*civilians/);
  });
  it('names every object inherits are unknown scenarios and parameters, never a crash', () => {
    const { options, errors } = parse('?scenario=constructor&toString=1');
    expect(options.scenario).toBe('city');
    expect(errors).toEqual([
      'URL parameter "toString": unknown parameter "toString"; expected one of "scenario", "seed", "rules", "autopilot", "muted", "room", "name", "broker", "civilians"; it was ignored',
      'URL parameter "scenario": unknown scenario "constructor"; expected one of "city", "cloud"; playing "city"',
    ]);
  });

  it('many or huge unknown parameters: five named, the rest counted, long names and values cut to 80 characters', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `${'k'.repeat(1000)}${i}`);
    const { errors } = parse(`?${keys.map((k) => `${k}=1`).join('&')}&seed=${'9'.repeat(5000)}`);
    expect(errors).toHaveLength(7);
    expect(errors[0]).toBe(
      `URL parameter "${'k'.repeat(80)}"… (1,001 characters): unknown parameter "${'k'.repeat(80)}"… (1,001 characters); expected one of "scenario", "seed", "rules", "autopilot", "muted", "room", "name", "broker", "civilians"; it was ignored`,
    );
    expect(errors[5]).toBe('1995 more unknown URL parameters were ignored');
    expect(errors[6]).toBe(
      `URL parameter "seed": expected a whole number from 0 to 4294967295, found "${'9'.repeat(80)}"… (5,000 characters); using seed 1`,
    );
  });
});
