import { formatError, loadRules, scenarioCatalogue } from '../../engine';
import type { CompiledRules, RulesFile, Scenario } from '../../engine';
import { benchTypes, createBenchScenario, createStream } from './benchScenario';
import type { BenchRuntime, BenchWorld } from './benchScenario';
import { runSpecialised, specialisedByType } from './closures';
import { DISPATCH_TRIGGERS, sirenRules } from './dispatchRules';
import { runSwitch } from './dispatchSwitch';
import { expectSame, measure } from './harness';
import type { Alternative, Measured } from './harness';
import { jsonLogicByType, jsonRulesEngine, runJsonLogic, runJsonRulesEngine } from './libraries';
import { measuredJson, ms, si, spread, times } from './report';
import type { Benchmark } from './report';
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

/** Issues 2 and 7: one seeded stream through Siren and the alternatives, side by side. */
export const dispatchBenchmark: Benchmark = {
  name: 'dispatch',
  description: 'bus + 50 triggers over 10 event types: Siren vs a switch, closures, json-logic-js, json-rules-engine',
  async run({ reps, progress }) {
    const types = benchTypes(10);
    const stream = createStream(7, EVENTS, types);
    const scenario = createBenchScenario({ types, stream, batch: BATCH });
    const rules = compile(sirenRules(DISPATCH_TRIGGERS), scenario, 'bench/dispatch.json');
    const expected = runSwitch(stream.events);
    const siren = (name: string, label: string, hash: boolean, traceFires: boolean): Alternative =>
      sirenAlternative({ name, label, scenario, rules, events: EVENTS, batch: BATCH, variant: { hash, traceFires } });
    const logic = jsonLogicByType(DISPATCH_TRIGGERS);
    const specialised = specialisedByType(DISPATCH_TRIGGERS);
    const alts: Alternative[] = [
      {
        name: 'switch',
        label: 'hand-written switch (ceiling)',
        units: EVENTS,
        prepare: () => () => runSwitch(stream.events),
      },
      {
        name: 'specialised',
        label: 'hand-specialised closures by type',
        units: EVENTS,
        prepare: () => () => runSpecialised(specialised, stream.events),
      },
      {
        name: 'closures',
        label: "Siren's compiled closures by type, no bus",
        units: EVENTS,
        prepare: () => () => runIndexed(rules, stream.events),
      },
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
      {
        name: 'json-logic',
        label: 'json-logic-js, indexed by type',
        units: EVENTS,
        prepare: () => () => runJsonLogic(logic, stream.events),
      },
    ];
    progress(`dispatch: ${alts.length} alternatives × ${reps.reps} reps of ${EVENTS.toLocaleString('en-US')} events`);
    const main = await measure(alts, reps);
    expectSame('dispatch fires', expected, main);

    // json-rules-engine on a prefix, checked against Siren's own count on the same prefix.
    const prefix = stream.events.slice(0, JRE_EVENTS);
    const prefixScenario = createBenchScenario({ types, stream, batch: BATCH, length: JRE_EVENTS });
    const sirenPrefix = await measure(
      [
        sirenAlternative({
          name: 'siren',
          label: 'Siren (prefix)',
          scenario: prefixScenario,
          rules,
          events: JRE_EVENTS,
          batch: BATCH,
        }),
      ],
      { ...reps, warmup: 0, reps: 1 },
    );
    const jre = jsonRulesEngine(DISPATCH_TRIGGERS);
    progress(`dispatch: json-rules-engine × ${reps.reps} reps of ${JRE_EVENTS.toLocaleString('en-US')} events`);
    const [jreResult] = await measure(
      [
        {
          name: 'json-rules-engine',
          label: 'json-rules-engine (Engine.run per event)',
          units: JRE_EVENTS,
          prepare: () => () => runJsonRulesEngine(jre, prefix),
        },
      ],
      { ...reps, warmup: 1, reps: Math.max(3, Math.ceil(reps.reps / 2)) },
    );
    expectSame(`dispatch fires on the first ${JRE_EVENTS} events`, (sirenPrefix[0] as Measured).check, [
      jreResult as Measured,
    ]);

    const all = [...main, jreResult as Measured];
    const by = (name: string) => all.find((m) => m.name === name) as Measured;
    const sw = by('switch');
    const s = by('siren');
    const rows = all.map((m) => [
      m.label,
      times(m.perSecond / sw.perSecond),
      m === s ? '—' : times(s.perSecond / m.perSecond),
      `${si(m.perSecond)}/s`,
      ms(m.medianMs),
      spread(m),
    ]);
    // The targets for three layers: the whole engine as shipped, without its two optional features, and the trigger
    // matching alone (what the switch, json-logic-js and json-rules-engine themselves do).
    const targets = [s, by('siren-bare'), by('closures')].flatMap((m) => {
      const slower = sw.perSecond / m.perSecond;
      const vsLogic = m.perSecond / by('json-logic').perSecond;
      const vsJre = m.perSecond / by('json-rules-engine').perSecond;
      const who =
        m === s
          ? 'Siren engine'
          : m.name === 'siren-bare'
            ? 'Siren engine, hash + trace off,'
            : "Siren's trigger matching";
      return [
        {
          what: `${who} slowdown vs switch`,
          target: '≤ 4× (aim 3×)',
          actual: `${slower.toFixed(1)}×`,
          ok: slower <= 4,
        },
        { what: `${who} vs json-logic-js`, target: '≥ 10×', actual: times(vsLogic), ok: vsLogic >= 10 },
        { what: `${who} vs json-rules-engine`, target: '≥ 1,000×', actual: times(vsJre), ok: vsJre >= 1000 },
      ];
    });
    return {
      tables: [
        {
          title: `dispatch — ${EVENTS.toLocaleString('en-US')} seeded events, 10 types, 50 triggers (2 conditions each), ${(expected / EVENTS).toFixed(2)} fires/event`,
          columns: ['alternative', 'throughput ÷ switch', 'Siren ÷ this', 'events/s', 'median ms', 'spread'],
          rows,
          notes: [
            `every alternative fired ${expected.toLocaleString('en-US')} behaviours; json-rules-engine ran the first ${JRE_EVENTS.toLocaleString('en-US')} events and matched Siren's ${(sirenPrefix[0] as Measured).check} there`,
            `Siren = createEngine + a bench scenario emitting ${BATCH} events per tick + bus + log + trigger match + a counting behaviour (runtime, not immer); trace on means each fire also emits a trigger.fired event`,
            'hand-specialised closures: one closure per trigger with both conditions inline, what a specialising rules compiler could reach; compiled closures: what loadRules builds today',
          ],
        },
      ],
      targets,
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
