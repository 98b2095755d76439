import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, loadRules } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { demoCatalogue } from '../engine/helpers';
import { hasStackTrace, runCli } from './run';
import type { CliResult } from './run';

const SIM = 'src/cli/sim.ts';
const dir = mkdtempSync(join(tmpdir(), 'siren-sim-'));
const ndjson = join(dir, 'out.ndjson');

interface Summary {
  scenario: string;
  seed: number;
  seconds: number;
  ticks: number;
  hash: string;
  events: Record<string, number>;
  triggers: Record<string, number>;
  final: Record<string, unknown>;
}

// The processes run once, in parallel, and the tests read their results.
let first: CliResult;
let again: CliResult;
/** Another seed, in text mode with --explain: one process for both. */
let explained: CliResult;

beforeAll(async () => {
  [first, again, explained] = await Promise.all([
    runCli(SIM, ['--scenario', 'demo', '--seed', '42', '--seconds', '20', '--json', '--events', ndjson]),
    runCli(SIM, ['--scenario', 'demo', '--seed', '42', '--seconds', '20', '--json']),
    runCli(SIM, ['--scenario', 'demo', '--seed', '43', '--seconds', '20', '--explain', 'big-hit-scores']),
  ]);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sim --json', { timeout: 60_000 }, () => {
  it('prints exactly one JSON object with the summary keys, and nothing on stderr', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]!) as Summary;
    expect(Object.keys(summary)).toEqual([
      'scenario',
      'seed',
      'seconds',
      'ticks',
      'hash',
      'events',
      'triggers',
      'final',
    ]);
    expect(summary).toMatchObject({ scenario: 'demo', seed: 42, seconds: 20, ticks: 1200 });
    expect(summary.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(summary.events['demo.hit']).toBeGreaterThan(0);
    expect(Object.keys(summary.triggers)).toContain('hit-hurts');
  });

  it('gives the same hash for the same seed, in a fresh process', () => {
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(first.stdout));
  });

  it('gives the hash an engine in this process gives for the same seed and rules', () => {
    const scenario = scenarios.demo!;
    const loaded = loadRules(readFileSync(scenario.rulesFile, 'utf8'), demoCatalogue, scenario.rulesFile);
    if (!loaded.ok) throw new Error('demo rules did not load');
    const engine = createEngine({ scenario, rules: loaded.rules, seed: 42 });
    const autopilot = scenario.createAutopilot(42);
    for (let i = 0; i < 1200; i++) engine.step(autopilot(engine.world, engine.runtime, engine.tick));
    expect(engine.log.hash()).toBe((JSON.parse(first.stdout) as Summary).hash);
  });

  it('gives a different hash for a different seed', () => {
    expect(explained.code).toBe(0);
    const other = /^hash ([0-9a-f]{16}) /m.exec(explained.stdout)?.[1];
    expect(other).toMatch(/^[0-9a-f]{16}$/);
    expect(other).not.toBe((JSON.parse(first.stdout) as Summary).hash);
  });
});

describe('sim --events', () => {
  it('writes one JSON event per line, as many as the summary counts', () => {
    const text = readFileSync(ndjson, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const events = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; type: string; tick: number });
    const summary = JSON.parse(first.stdout) as Summary;
    expect(events.length).toBe(Object.values(summary.events).reduce((a, b) => a + b, 0));
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    const counts: Record<string, number> = {};
    for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1;
    expect(counts).toEqual(summary.events);
  });
});

describe('sim --explain', () => {
  it("prints, for each event of the trigger's type, whether it fires and each condition's verdict with values", () => {
    expect(explained.code).toBe(0);
    expect(explained.stderr).toBe('');
    const lines = explained.stdout.split('\n');
    expect(lines[0]).toBe('explain big-hit-scores:');
    expect(
      lines.some((l) => /^tick \d+ seq \d+ demo\.hit \{"target":\d,"amount":\d+\} → (fired|did not fire)$/.test(l)),
    ).toBe(true);
    expect(lines.some((l) => /^ {2}[✓✗] event\.amount = \d+, expected ≥ 15$/.test(l))).toBe(true);
  });
});

describe('sim with bad flags', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown flag', ['--scenario', 'demo', '--sedd', '1'], /^Unknown option '--sedd'\nusage: /],
    [
      'a seed that is not a number',
      ['--scenario', 'demo', '--seed', 'abc'],
      /^--seed: expected a whole number from 0 to 4294967295, found "abc"\n$/,
    ],
    [
      'zero seconds',
      ['--scenario', 'demo', '--seconds', '0'],
      /^--seconds: expected a whole number from 1 to 86400, found 0\n$/,
    ],
    ['an unknown scenario', ['--scenario', 'dmeo'], /^--scenario: unknown scenario "dmeo"; did you mean "demo"\?\n$/],
    [
      'a missing rules file',
      ['--scenario', 'demo', '--rules', 'no/such/rules.json'],
      /^no\/such\/rules\.json: cannot read the rules file \(ENOENT\)\n$/,
    ],
    [
      'a bad rules file',
      ['--scenario', 'demo', '--rules', 'test/fixtures/bad-rules/85-several-errors.json'],
      new RegExp(
        `^${readFileSync('test/fixtures/bad-rules/85-several-errors.expected.txt', 'utf8').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
      ),
    ],
  ];

  it('each exits 2 with one clear message on stderr, nothing on stdout and no stack trace', async () => {
    const results = await Promise.all(cases.map(([, args]) => runCli(SIM, args)));
    results.forEach((r, i) => {
      const [what, , message] = cases[i]!;
      expect({ what, code: r.code, stdout: r.stdout }).toEqual({ what, code: 2, stdout: '' });
      expect(r.stderr, what).toMatch(message);
      expect(hasStackTrace(r.stderr), `${what}: ${r.stderr}`).toBe(false);
    });
  }, 120_000);
});
