import { behaviourFactory, createRng } from '../../engine';
import type { EventSpec, Scenario, SirenEvent } from '../../engine';

/** The payload every bench event carries: a number and a colour to compare on. */
export interface BenchPayload {
  readonly n: number;
  readonly kind: string;
}

/** The colours `kind` takes, evenly. */
export const KINDS = ['red', 'green', 'blue', 'amber'] as const;

/** A seeded event stream, built once and fed identically to every alternative. */
export interface BenchStream {
  readonly types: readonly string[];
  readonly payloads: readonly BenchPayload[];
  /** The same events as log records (seq, type, tick, payload), for the alternatives without a bus. */
  readonly events: readonly SirenEvent<string, BenchPayload>[];
}

/** The name of bench event type `i`: bench.e<i>. */
export function benchType(i: number): string {
  return `bench.e${i}`;
}

/** Names `count` event types: bench.e0, bench.e1, … */
export function benchTypes(count: number): string[] {
  return Array.from({ length: count }, (_, i) => benchType(i));
}

/** Builds `length` events of the given types with n uniform in 0…99 and kind uniform over KINDS. */
export function createStream(seed: number, length: number, types: readonly string[]): BenchStream {
  const rng = createRng(seed);
  const t: string[] = [];
  const payloads: BenchPayload[] = [];
  const events: SirenEvent<string, BenchPayload>[] = [];
  for (let i = 0; i < length; i++) {
    const type = rng.pick(types);
    const payload = Object.freeze({ n: rng.int(0, 99), kind: rng.pick(KINDS) });
    t.push(type);
    payloads.push(payload);
    events.push(Object.freeze({ seq: i, type, tick: 0, payload }));
  }
  return { types: t, payloads, events };
}

/** The bench world: two facts for `while` triggers; everything counted lives in the runtime, outside immer. */
export interface BenchWorld {
  level: number;
  alarm: boolean;
}

/** Where the stream is read from and what the `count` behaviour adds to. */
export interface BenchRuntime {
  cursor: number;
  fired: number;
}

const define = behaviourFactory<BenchWorld, BenchRuntime>();

/** The behaviour the bench rules run: one increment in the runtime, so the numbers measure dispatch, not immer. */
export const countBehaviour = define({
  name: 'count',
  description: 'Adds one to the bench counter.',
  params: {},
  run(ctx) {
    ctx.runtime.fired++;
  },
});

/** A scenario whose `step` emits the next `batch` events of the stream each tick (the first `length` of them). */
export function createBenchScenario(opts: {
  types: readonly string[];
  stream?: BenchStream;
  batch?: number;
  length?: number;
}): Scenario<BenchWorld, BenchRuntime, null> {
  const { stream } = opts;
  const batch = opts.batch ?? 200;
  const end = Math.min(opts.length ?? Infinity, stream?.types.length ?? 0);
  const fields: EventSpec['fields'] = { n: 'number', kind: 'string' };
  const events: Record<string, EventSpec> = {};
  for (const type of opts.types) events[type] = { description: 'A bench event.', producer: 'bench', fields };
  return {
    name: 'bench',
    description: 'Feeds a pre-built event stream through the engine, a batch per tick.',
    events,
    behaviours: [countBehaviour],
    worldFacts: {
      level: { type: 'number', description: 'a level that timers and state triggers read' },
      alarm: { type: 'boolean', description: 'a flag' },
    },
    entityFacts: {},
    rulesFile: '',
    init: () => ({ world: { level: 0, alarm: false }, runtime: { cursor: 0, fired: 0 } }),
    step(ctx) {
      if (!stream) return;
      const r = ctx.runtime;
      const stop = Math.min(r.cursor + batch, end);
      for (let i = r.cursor; i < stop; i++) ctx.emit(stream.types[i] as string, stream.payloads[i] as BenchPayload);
      r.cursor = stop;
    },
    saveRuntime: (r) => ({ ...r }),
    restoreRuntime: (r, saved) => void Object.assign(r, saved),
    entity: () => undefined,
    idleInput: null,
    checkInput: (input) => (input === null ? null : 'expected null'),
    createAutopilot: () => () => null,
    summary: (_w, r) => ({ fired: r.fired }),
  };
}

/** Ticks needed to feed `length` events at `batch` per tick. */
export function ticksFor(length: number, batch: number): number {
  return Math.ceil(length / batch);
}
