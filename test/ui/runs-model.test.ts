import { describe, expect, it } from 'vitest';
import { parseRun, replayRun } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { checkImport, replayVerdict, runFileName, runFileText } from '../../src/ui/panels/runs/model';
import { runScenario } from './helpers';

describe('run files', () => {
  const engine = runScenario('city', 8, { seed: 11 });

  it('exports a file that parses back exactly, with a descriptive name', () => {
    const { run, text } = runFileText(engine);
    expect(runFileName(run)).toBe('siren-city-seed11-8s.siren-run.json');
    const parsed = parseRun(text, scenarios, 'x.siren-run.json');
    expect(parsed.ok && parsed.run).toEqual(JSON.parse(JSON.stringify(run)));
    expect(text.split('\n').length).toBeLessThan(run.records.length + 40);
  });

  it('replays an imported run to the same tick and hash', () => {
    const { run, text } = runFileText(engine);
    const checked = checkImport(text, 'x.json', scenarios, 'city');
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const again = replayRun(checked.run, scenarios.city as (typeof scenarios)[string]);
    const v = replayVerdict(again, run);
    expect(v.ok).toBe(true);
    expect(v.text).toBe(`Replayed to tick 480: hash ${run.hash} — matches the exported hash ✓`);
    again.step();
    expect(replayVerdict(again, run).text).toMatch(
      /^Replayed to tick 481: hash [0-9a-f]{16} — differs from the exported hash [0-9a-f]{16} ✗$/,
    );
  });

  it('lists every error of a bad file and refuses another scenario', () => {
    const bad = checkImport('{"format":"siren-run","version":2,"seed":-1}', 'bad.json', scenarios, 'city');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.length).toBeGreaterThanOrEqual(3);
    expect(checkImport('nope', 'n.json', scenarios, 'city')).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^n\.json: not valid JSON/)],
    });
    const demo = runScenario('demo', 1);
    const other = checkImport(runFileText(demo).text, 'd.json', scenarios, 'city');
    expect(other).toEqual({
      ok: false,
      errors: ['d.json: scenario: this run is of "demo", but the page plays "city"; open it with ?scenario=demo'],
    });
  });
});
