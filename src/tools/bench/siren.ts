import { createBus, createEngine, createLog } from '../../engine';
import type { CompiledRules, EngineOptions, FactContext, SirenEvent } from '../../engine';
import type { Alternative } from './harness';
import { ticksFor } from './benchScenario';
import type { BenchPayload, BenchRuntime, BenchStream, BenchWorld } from './benchScenario';
import type { Scenario } from '../../engine';

/** Options of a Siren engine alternative. */
export type SirenVariant = Pick<EngineOptions<BenchWorld, BenchRuntime, null>, 'hash' | 'traceFires' | 'limits'>;

/**
 * The whole engine path as an alternative: a fresh engine per sample (untimed), then timed ticks in which the bench
 * scenario emits its stream and the `count` behaviour counts. `check` reports fires, or what `measure` returns.
 */
export function sirenAlternative(opts: {
  name: string;
  label: string;
  scenario: Scenario<BenchWorld, BenchRuntime, null>;
  rules: CompiledRules;
  events: number;
  batch: number;
  variant?: SirenVariant;
  check?: (engine: ReturnType<typeof createEngine<BenchWorld, BenchRuntime, null>>) => number;
}): Alternative {
  const ticks = ticksFor(opts.events, opts.batch);
  return {
    name: opts.name,
    label: opts.label,
    units: opts.events,
    prepare() {
      const engine = createEngine({ scenario: opts.scenario, rules: opts.rules, seed: 1, ...opts.variant });
      return () => {
        for (let t = 0; t < ticks; t++) engine.step();
        return opts.check ? opts.check(engine) : engine.runtime.fired;
      };
    },
  };
}

const noFacts: FactContext = { world: { level: 0, alarm: false }, entity: () => undefined };

/** Siren's compiled closures indexed by type, without bus, log or engine: what the trigger system costs alone. */
export function runIndexed(rules: CompiledRules, events: readonly SirenEvent[]): number {
  let fired = 0;
  const byType = rules.byType;
  for (let i = 0; i < events.length; i++) {
    const ev = events[i] as SirenEvent;
    const list = byType.get(ev.type);
    if (!list) continue;
    for (let k = 0; k < list.length; k++) {
      const test = list[k]?.test;
      if (!test || test(ev, noFacts)) fired++;
    }
  }
  return fired;
}

/** The same closures scanned linearly, every trigger checked for its type: what the index saves. */
export function runScan(rules: CompiledRules, events: readonly SirenEvent[]): number {
  let fired = 0;
  const all = rules.triggers;
  for (let i = 0; i < events.length; i++) {
    const ev = events[i] as SirenEvent;
    for (let k = 0; k < all.length; k++) {
      const t = all[k] as CompiledRules['triggers'][number];
      if (t.on === ev.type && (!t.test || t.test(ev, noFacts))) fired++;
    }
  }
  return fired;
}

/** Siren's bus and log (hash off) with a consumer running the compiled closures: the trigger system over the bus, no engine. */
export function busAlternative(opts: {
  name: string;
  label: string;
  rules: CompiledRules;
  stream: BenchStream;
  batch: number;
}): Alternative {
  const { rules, stream, batch } = opts;
  const length = stream.types.length;
  return {
    name: opts.name,
    label: opts.label,
    units: length,
    prepare() {
      const bus = createBus<Record<string, unknown>>(createLog(50_000, { hash: false }));
      let fired = 0;
      bus.setConsumer((ev) => {
        const list = rules.byType.get(ev.type);
        if (!list) return;
        for (let k = 0; k < list.length; k++) {
          const test = list[k]?.test;
          if (!test || test(ev, noFacts)) fired++;
        }
      });
      return () => {
        for (let i = 0; i < length; i += batch) {
          bus.beginTick(i / batch);
          const stop = Math.min(i + batch, length);
          for (let k = i; k < stop; k++) bus.emitDynamic(stream.types[k] as string, stream.payloads[k] as BenchPayload);
          bus.drain();
        }
        return fired;
      };
    },
  };
}
