import { z } from './zod';
import { own } from './own';
import type { Engine, EngineOptions } from './engine';
import { createEngine } from './engine';
import { applyRecord } from './record';
import type { RunRecord } from './record';
import type { AnyScenario, Scenario } from './scenario';
import { scenarioCatalogue } from './rules/catalogue';
import { loadRules } from './rules/loadRules';
import { describeFound, formatError, pathToString, RulesError } from './rules/errors';
import { err, errorMessage, fail, ok } from './result';
import type { Result } from './result';
import {
  runBadInput,
  runError,
  runMissingField,
  runNotJson,
  runRulesError,
  runTickAfterEnd,
  runTickBackwards,
  runTooLarge,
  runUnknownFields,
  runUnknownScenario,
  runWrongValue,
} from './runErrors';
import { breakpointsSchema } from './debug/breakpoints';
import type { BreakpointSpec } from './debug/breakpoints';

/** A run as a file: rules + seed + input records replay it exactly; `hash` says what the log must hash to. */
export interface RunFile<I = unknown> {
  format: 'siren-run';
  version: 1;
  scenario: string;
  seed: number;
  ticks: number;
  rulesSource: string;
  rules: string;
  records: RunRecord<I>[];
  hash: string;
  /** The debugger's breakpoints at export: metadata that neither the replay nor the hash depends on. */
  breakpoints?: BreakpointSpec[];
}

/** The largest run file accepted (about an hour of varied input). */
export const MAX_RUN_BYTES = 5_000_000;
/** The longest run accepted: one hour at 60 ticks a second (replayed in slices on the page). */
export const MAX_RUN_TICKS = 216_000;

const runSchema = z.strictObject({
  format: z.literal('siren-run'),
  version: z.literal(1),
  scenario: z.string().max(64),
  seed: z.number().int().min(0).max(0xffffffff),
  ticks: z.number().int().min(0).max(MAX_RUN_TICKS),
  rulesSource: z.string().max(500),
  rules: z.string().max(1_000_000),
  records: z
    .array(
      z.strictObject({
        tick: z.number().int().min(0),
        input: z.unknown().optional(),
        rules: z.string().max(1_000_000).optional(),
        source: z.string().max(500).optional(),
        toggle: z.tuple([z.string().max(64), z.boolean()]).optional(),
        external: z
          .array(
            z.strictObject({
              type: z.string().regex(/^room\.[A-Za-z0-9_.-]{1,120}$/),
              payload: z.record(
                z
                  .string()
                  .max(64)
                  .refine((k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype'),
                z.unknown(),
              ),
            }),
          )
          .max(1000)
          .optional(),
      }),
    )
    .max(1_000_000),
  hash: z.string().regex(/^[0-9a-f]{16}$/),
  breakpoints: breakpointsSchema.optional(),
});

/** What each field of a run file must be, for "expected …, found …" messages. */
const EXPECTED: Record<string, string> = {
  '': 'an object (a Siren run file)',
  format: '"siren-run"',
  version: '1',
  scenario: 'a scenario name',
  seed: 'a whole number from 0 to 4294967295',
  ticks: `a whole number from 0 to ${MAX_RUN_TICKS} (an hour)`,
  rulesSource: 'a string of at most 500 characters',
  rules: 'the rules file text, a string of at most 1000000 characters',
  records: 'an array of records {"tick", "input"?, "rules"?, "toggle"?}',
  tick: 'a whole number ≥ 0',
  toggle: '["<trigger id>", true or false]',
  external: 'an array of at most 1000 {"type": "room.<event type>", "payload": {…}}',
  type: '"room." and an event type',
  hash: '16 hex digits',
  breakpoints: 'a list of breakpoints {"kind": "trigger"|"event"|"fact", …, "enabled"}',
};

/** One zod issue of a run file as `file: path: expected …, found …`. */
function runIssue(file: string, issue: z.core.$ZodIssue, data: unknown): string {
  const path = issue.path as (string | number)[];
  const where = pathToString(path) || '(file)';
  if (issue.code === 'unrecognized_keys') return runUnknownFields(file, where, issue.keys);
  const found = path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
    data,
  );
  if (found === undefined) return runMissingField(file, where);
  const field = [...path].reverse().find((k) => typeof k === 'string') ?? '';
  const expected =
    path.length && typeof path[path.length - 1] === 'number' && field === 'records'
      ? 'a record {"tick", "input"?, "rules"?, "toggle"?}'
      : (own(EXPECTED, field) ?? issue.message);
  return runWrongValue(file, where, expected, describeFound(found));
}

/** Packs an engine's run for export (a tick suspended at an event is finished first: a run holds whole ticks). */
export function exportRun<W, R, I>(
  engine: Engine<W, R, I>,
  meta: { breakpoints?: readonly BreakpointSpec[] } = {},
): RunFile<I> {
  engine.finishTick();
  return {
    format: 'siren-run',
    version: 1,
    scenario: engine.scenario.name,
    seed: engine.seed,
    ticks: engine.tick,
    rulesSource: engine.initialRules.source,
    rules: engine.initialRules.text,
    records: engine.records.slice(),
    hash: engine.log.hash(),
    ...(meta.breakpoints?.length ? { breakpoints: meta.breakpoints.slice() } : {}),
  };
}

/** Checks an imported run's text completely (size, JSON, shape, scenario, inputs, rules); returns it or the errors. */
export function parseRun(
  text: string,
  scenarios: Readonly<Record<string, AnyScenario>>,
  file = 'run.json',
): Result<{ run: RunFile }> {
  if (text.length > MAX_RUN_BYTES) return fail(runTooLarge(file, text.length, MAX_RUN_BYTES));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(runNotJson(file, errorMessage(e)));
  }
  const parsed = runSchema.safeParse(data);
  if (!parsed.success) return err({ errors: parsed.error.issues.slice(0, 20).map((i) => runIssue(file, i, data)) });
  const run = parsed.data as RunFile;
  const scenario = own(scenarios, run.scenario);
  if (!scenario) return fail(runUnknownScenario(file, run.scenario, Object.keys(scenarios)));
  const errors: string[] = [];
  let last = -1;
  run.records.forEach((r, i) => {
    if (r.tick < last) errors.push(runTickBackwards(file, i, r.tick, last));
    if (r.tick > run.ticks) errors.push(runTickAfterEnd(file, i, r.tick, run.ticks));
    last = r.tick;
    if (r.input !== undefined) {
      const msg = scenario.checkInput(r.input);
      if (msg) errors.push(runBadInput(file, i, msg));
    }
  });
  const catalogue = scenarioCatalogue(scenario);
  const rules = loadRules(run.rules, catalogue, run.rulesSource);
  if (!rules.ok) errors.push(...rules.errors.map((e) => runError(file, 'rules', formatError(e))));
  run.records.forEach((r, i) => {
    if (r.rules === undefined) return;
    const more = loadRules(r.rules, catalogue, `records[${i}].rules`);
    if (!more.ok) errors.push(...more.errors.map((e) => runRulesError(file, formatError(e))));
  });
  return errors.length ? err({ errors: errors.slice(0, 50) }) : ok({ run });
}

/** A replay in progress: advance it a slice at a time (the page never blocks on a long run). */
export interface Replay<W, R, I> {
  readonly engine: Engine<W, R, I>;
  /** Ticks replayed so far, of `run.ticks`. */
  readonly done: number;
  /** Replays at most `maxTicks` more ticks; returns true once the run's last tick is reached. */
  advance(maxTicks: number): boolean;
}

/** Starts replaying a (checked) run from its rules, seed and records. */
export function createReplay<W, R, I>(
  run: RunFile<I>,
  scenario: Scenario<W, R, I>,
  options: Partial<EngineOptions<W, R, I>> = {},
): Replay<W, R, I> {
  const catalogue = scenarioCatalogue(scenario);
  const loaded = loadRules(run.rules, catalogue, run.rulesSource);
  if (!loaded.ok) throw new RulesError(loaded.errors);
  const engine = createEngine({ ...options, scenario, rules: loaded.rules, seed: run.seed });
  let input = scenario.idleInput;
  let k = 0;
  // Records at the last tick (a rules edit or toggle after the last step) are applied too: they are part of the run.
  const applyDue = () => {
    while (k < run.records.length && (run.records[k] as RunRecord<I>).tick <= engine.tick) {
      input = applyRecord(engine, run.records[k++] as RunRecord<I>, catalogue, input, run.rulesSource);
    }
  };
  return {
    engine,
    get done() {
      return engine.tick;
    },
    advance(maxTicks) {
      for (let n = 0; ; n++) {
        applyDue();
        if (engine.tick >= run.ticks) return true;
        if (n >= maxTicks) return false;
        engine.step(input);
      }
    },
  };
}

/** Replays a (checked) run from its rules, seed and records; returns the engine at the run's last tick. */
export function replayRun<W, R, I>(
  run: RunFile<I>,
  scenario: Scenario<W, R, I>,
  options: Partial<EngineOptions<W, R, I>> = {},
): Engine<W, R, I> {
  const replay = createReplay(run, scenario, options);
  replay.advance(Infinity);
  return replay.engine;
}
