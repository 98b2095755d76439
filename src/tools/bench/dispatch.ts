import { formatError, loadRules, scenarioCatalogue } from '../../engine';
import type { CompiledRules, RulesFile, Scenario } from '../../engine';
import { benchTypes, createBenchScenario, createStream } from './benchScenario';
import type { BenchRuntime, BenchStream, BenchWorld } from './benchScenario';
import { runChecks } from './checks';
import { specialisedByType } from './closures';
import { DISPATCH_TRIGGERS, sirenRules } from './dispatchRules';
import { runSwitch } from './dispatchSwitch';
import { byName, expectSame, measure, measureOne } from './harness';
import type { Alternative, Measured, Reps } from './harness';
import { jsonLogicByType, jsonRulesEngine, runJsonLogic, runJsonRulesEngine } from './libraries';
import { measuredJson, ms, si, spread, times } from './report';
import type { BenchOptions, Benchmark, Table, Target } from './report';
import { busAlternative, runIndexed, sirenAlternative } from './siren';

const EVENTS = 200_000;
/** json-rules-engine is thousands of times slower: it gets a prefix of the stream and is compared in events/s. */
const JRE_EVENTS = 2_000;
const BATCH = 200;

/** Loads a rules file object through the real loader (parse, validate, compile). */
export function compile(
  file: RulesFile,
  scenario: Scenario<BenchWorld, BenchRuntime, null>,
  source: string,
): CompiledRules {
  const loaded = loadRules(JSON.stringify(file, null, 2), scenarioCatalogue(scenario), source);
  if (!loaded.ok) throw new Error(`bench rules do not load:\n${loaded.errors.map(formatError).join('\n')}`);
  return loaded.rules;
}

/** What every part of the dispatch benchmark works on: the stream, its scenario and Siren's compiled rules. */
interface Setup {
  readonly types: readonly string[];
  readonly stream: BenchStream;
  readonly scenario: Scenario<BenchWorld, BenchRuntime, null>;
  readonly rules: CompiledRules;
}

/** A contender that runs `work` over the whole stream once per sample. */
function plain(name: string, label: string, work: () => number): Alternative {
  return { name, label, units: EVENTS, prepare: () => work };
}

/** The contenders measured side by side on the whole stream. */
function mainAlternatives({ stream, scenario, rules }: Setup): Alternative[] {
  const events = stream.events;
  const siren = (name: string, label: string, hash: boolean, traceFires: boolean): Alternative =>
    sirenAlternative({ name, label, scenario, rules, events: EVENTS, batch: BATCH, variant: { hash, traceFires } });
  const logic = jsonLogicByType(DISPATCH_TRIGGERS);
  const specialised = specialisedByType(DISPATCH_TRIGGERS);
  return [
    plain('switch', 'hand-written switch (ceiling)', () => runSwitch(events)),
    plain('specialised', 'hand-specialised closures by type', () => runChecks(specialised, events)),
    plain('closures', "Siren's compiled closures by type, no bus", () => runIndexed(rules, events)),
    busAlternative({
      name: 'bus',
      label: 'Siren bus + log + compiled closures, no engine',
      rules,
      stream,
      batch: BATCH,
    }),
    siren('siren', 'Siren engine (hash on, trace on)', true, true),
    siren('siren-nohash', 'Siren engine, hash off', false, true),
    siren('siren-notrace', 'Siren engine, traceFires off', true, false),
    siren('siren-bare', 'Siren engine, hash + trace off', false, false),
    plain('json-logic', 'json-logic-js, indexed by type', () => runJsonLogic(logic, events)),
  ];
}

/**
 * json-rules-engine on a prefix of the stream, checked against Siren's own count on the same prefix (returned as
 * `sirenFires`).
 */
async function measureJsonRulesEngine(
  { types, stream, rules }: Setup,
  reps: Reps,
  progress: BenchOptions['progress'],
): Promise<{ result: Measured; sirenFires: number }> {
  const prefix = stream.events.slice(0, JRE_EVENTS);
  const prefixScenario = createBenchScenario({ types, stream, batch: BATCH, length: JRE_EVENTS });
  const sirenPrefix = await measureOne(
    sirenAlternative({
      name: 'siren',
      label: 'Siren (prefix)',
      scenario: prefixScenario,
      rules,
      events: JRE_EVENTS,
      batch: BATCH,
    }),
    { ...reps, warmup: 0, reps: 1 },
  );
  const jre = jsonRulesEngine(DISPATCH_TRIGGERS);
  progress(`dispatch: json-rules-engine × ${reps.reps} reps of ${JRE_EVENTS.toLocaleString('en-US')} events`);
  const result = await measureOne(
    {
      name: 'json-rules-engine',
      label: 'json-rules-engine (Engine.run per event)',
      units: JRE_EVENTS,
      prepare: () => () => runJsonRulesEngine(jre, prefix),
    },
    { ...reps, warmup: 1, reps: Math.max(3, Math.ceil(reps.reps / 2)) },
  );
  expectSame(`dispatch fires on the first ${JRE_EVENTS} events`, sirenPrefix.check, [result]);
  return { result, sirenFires: sirenPrefix.check };
}

/**
 * The targets for three layers: the whole engine as shipped, without its two optional features, and the trigger
 * matching alone (what the switch, json-logic-js and json-rules-engine themselves do).
 */
function dispatchTargets(all: readonly Measured[]): Target[] {
  const sw = byName(all, 'switch');
  const layers: [Measured, string][] = [
    [byName(all, 'siren'), 'Siren engine'],
    [byName(all, 'siren-bare'), 'Siren engine, hash + trace off,'],
    [byName(all, 'closures'), "Siren's trigger matching"],
  ];
  return layers.flatMap(([m, who]) => {
    const slower = sw.perSecond / m.perSecond;
    const vsLogic = m.perSecond / byName(all, 'json-logic').perSecond;
    const vsJre = m.perSecond / byName(all, 'json-rules-engine').perSecond;
    return [
      { what: `${who} slowdown vs switch`, target: '≤ 4× (aim 3×)', actual: `${slower.toFixed(1)}×`, ok: slower <= 4 },
      { what: `${who} vs json-logic-js`, target: '≥ 10×', actual: times(vsLogic), ok: vsLogic >= 10 },
      { what: `${who} vs json-rules-engine`, target: '≥ 1,000×', actual: times(vsJre), ok: vsJre >= 1000 },
    ];
  });
}

/** The printed table: every contender against the switch and against Siren. */
function dispatchTable(all: readonly Measured[], expected: number, sirenFires: number): Table {
  const sw = byName(all, 'switch');
  const s = byName(all, 'siren');
  return {
    title: `dispatch — ${EVENTS.toLocaleString('en-US')} seeded events, 10 types, 50 triggers (2 conditions each), ${(expected / EVENTS).toFixed(2)} fires/event`,
    columns: ['alternative', 'throughput ÷ switch', 'Siren ÷ this', 'events/s', 'median ms', 'spread'],
    rows: all.map((m) => [
      m.label,
      times(m.perSecond / sw.perSecond),
      m === s ? '—' : times(s.perSecond / m.perSecond),
      `${si(m.perSecond)}/s`,
      ms(m.medianMs),
      spread(m),
    ]),
    notes: [
      `every alternative fired ${expected.toLocaleString('en-US')} behaviours; json-rules-engine ran the first ${JRE_EVENTS.toLocaleString('en-US')} events and matched Siren's ${sirenFires} there`,
      `Siren = createEngine + a bench scenario emitting ${BATCH} events per tick + bus + log + trigger match + a counting behaviour (runtime, not immer); trace on means each fire also emits a trigger.fired event`,
      'hand-specialised closures: one closure per trigger with both conditions inline, what a specialising rules compiler could reach; compiled closures: what loadRules builds today',
    ],
  };
}

/** Issues 2 and 7: one seeded stream through Siren and the alternatives, side by side. */
export const dispatchBenchmark: Benchmark = {
  name: 'dispatch',
  description: 'bus + 50 triggers over 10 event types: Siren vs a switch, closures, json-logic-js, json-rules-engine',
  async run({ reps, progress }) {
    const types = benchTypes(10);
    const stream = createStream(7, EVENTS, types);
    const scenario = createBenchScenario({ types, stream, batch: BATCH });
    const setup: Setup = {
      types,
      stream,
      scenario,
      rules: compile(sirenRules(DISPATCH_TRIGGERS), scenario, 'bench/dispatch.json'),
    };
    const expected = runSwitch(stream.events);
    const alts = mainAlternatives(setup);
    progress(`dispatch: ${alts.length} alternatives × ${reps.reps} reps of ${EVENTS.toLocaleString('en-US')} events`);
    const main = await measure(alts, reps);
    expectSame('dispatch fires', expected, main);
    const jre = await measureJsonRulesEngine(setup, reps, progress);
    const all = [...main, jre.result];
    return {
      tables: [dispatchTable(all, expected, jre.sirenFires)],
      targets: dispatchTargets(all),
      data: {
        events: EVENTS,
        jreEvents: JRE_EVENTS,
        batch: BATCH,
        fires: expected,
        results: all.map((m) => ({ name: m.name, ...measuredJson(m) })),
      },
    };
  },
};
