import { z } from '../../src/engine/zod';
import {
  behaviourFactory,
  createEngine,
  defineEvents,
  formatError,
  loadRules,
  scenarioCatalogue,
} from '../../src/engine';
import type { CompiledRules, Engine, EngineOptions, Scenario, SirenEvent } from '../../src/engine';
import { demoScenario } from '../../src/scenarios/demo';

/**
 * "lab": a tiny scenario for tests. Each tick it emits exactly the events its input lists, so a test decides what
 * happens when; its behaviours write notes into the world so a test can see which trigger ran, when, and with what.
 */
export interface LabWorld {
  level: number;
  flag: boolean;
  name: string;
  notes: string[];
  targets: { id: number; hp: number; name: string }[];
}

/** The lab's input: the events to emit this tick. */
export interface LabInput {
  emit: { type: string; payload: Record<string, unknown> }[];
}

export const labEvents = defineEvents({
  'lab.ping': {
    description: 'A ping with a few kinds of fields.',
    producer: 'input',
    fields: { n: 'number', name: 'string', tags: 'string[]', opt: 'number?' },
  },
  'lab.hit': {
    description: 'A target was hit.',
    producer: 'input',
    fields: { target: 'number', amount: 'number', source: 'string' },
    entityField: 'target',
  },
});

const define = behaviourFactory<LabWorld, null>();

const note = define({
  name: 'note',
  description: 'Appends "<trigger>@<tick>" (and the value, if any) to world.notes.',
  params: { value: { schema: z.unknown().optional(), description: 'Anything to record.' } },
  run(ctx, p) {
    ctx.world.notes.push(`${ctx.trigger}@${ctx.tick}${p.value === undefined ? '' : `=${JSON.stringify(p.value)}`}`);
  },
});

const setLevel = define({
  name: 'setLevel',
  description: 'Sets world.level.',
  params: { to: { schema: z.number(), description: 'The new level.' } },
  run(ctx, p) {
    ctx.world.level = p.to;
  },
});

const setFlag = define({
  name: 'setFlag',
  description: 'Sets world.flag.',
  params: { on: { schema: z.boolean(), description: 'The new flag.' } },
  run(ctx, p) {
    ctx.world.flag = p.on;
  },
});

const boom = define({
  name: 'boom',
  description: 'Always throws.',
  params: {},
  run() {
    throw new Error('kaboom');
  },
});

export const labScenario: Scenario<LabWorld, null, LabInput> = {
  name: 'lab',
  description: 'A test scenario driven entirely by its input.',
  events: labEvents,
  behaviours: [note, setLevel, setFlag, boom],
  worldFacts: {
    level: { type: 'number', description: 'a number' },
    flag: { type: 'boolean', description: 'a flag' },
    name: { type: 'string', description: 'a name' },
  },
  entityFacts: {
    hp: { type: 'number', description: 'hit points' },
    name: { type: 'string', description: 'a name' },
  },
  rulesFile: '(none)',
  init: () => ({
    world: {
      level: 0,
      flag: false,
      name: 'lab',
      notes: [],
      targets: [
        { id: 1, hp: 100, name: 'alpha' },
        { id: 2, hp: 20, name: 'beta' },
      ],
    },
    runtime: null,
  }),
  step(ctx) {
    for (const e of ctx.input.emit) ctx.emit(e.type, e.payload);
  },
  saveRuntime: () => null,
  restoreRuntime: () => undefined,
  entity: (world, _runtime, id) => world.targets.find((t) => t.id === id),
  idleInput: { emit: [] },
  checkInput: (input) =>
    typeof input === 'object' && input !== null && Array.isArray((input as LabInput).emit)
      ? null
      : 'expected {"emit": [...]}',
  createAutopilot: () => () => ({ emit: [] }),
  summary: (world) => ({ level: world.level, notes: world.notes.length }),
};

export const labCatalogue = scenarioCatalogue(labScenario);
export const demoCatalogue = scenarioCatalogue(demoScenario);

type Json = Record<string, unknown>;

/** A rules file object for a scenario. */
export function rulesFile(scenario: string, triggers: Json[], events?: unknown[]): Json {
  return { version: 1, scenario, ...(events ? { events } : {}), triggers };
}

/** Compiles a rules object (or text) for the lab, failing the test with the formatted errors if it does not load. */
export function labRules(triggers: Json[], events?: unknown[]): CompiledRules {
  return compile(JSON.stringify(rulesFile('lab', triggers, events)), labCatalogue);
}

/** Compiles rules text against a catalogue or throws with every formatted error. */
export function compile(text: string, catalogue = labCatalogue, file = 'test.json'): CompiledRules {
  const r = loadRules(text, catalogue, file);
  if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
  return r.rules;
}

/** An engine running the lab under these triggers. */
export function labEngine(
  triggers: Json[],
  events?: unknown[],
  options: Partial<EngineOptions<LabWorld, null, LabInput>> = {},
): Engine<LabWorld, null, LabInput> {
  return createEngine({ scenario: labScenario, rules: labRules(triggers, events), seed: 1, ...options });
}

/** An input that emits these events this tick. */
export function emit(...events: [string, Json][]): LabInput {
  return { emit: events.map(([type, payload]) => ({ type, payload })) };
}

/** A lab.ping payload with defaults. */
export function ping(
  over: Partial<{ n: number; name: string; tags: string[]; opt: number | null }> = {},
): [string, Json] {
  return ['lab.ping', { n: 1, name: 'alpha', tags: ['a', 'b'], opt: null, ...over }];
}

/** A lab.hit payload with defaults. */
export function hit(over: Partial<{ target: number; amount: number; source: string }> = {}): [string, Json] {
  return ['lab.hit', { target: 1, amount: 5, source: 'goon', ...over }];
}

/** Steps an engine `n` ticks with the idle input. */
export function idle<W, R, I>(engine: Engine<W, R, I>, n: number): void {
  for (let i = 0; i < n; i++) engine.step();
}

/** Every retained event of the engine's log. */
export function events(engine: { log: { start: number; slice(o: number): SirenEvent[] } }): SirenEvent[] {
  return engine.log.slice(engine.log.start);
}

/** Events of one type. */
export function ofType(engine: { log: { start: number; slice(o: number): SirenEvent[] } }, type: string): SirenEvent[] {
  return events(engine).filter((e) => e.type === type);
}

/** Fire count of a trigger. */
export function fires<W, R, I>(engine: Engine<W, R, I>, id: string): number {
  return engine.triggerStates().find((s) => s.id === id)?.fires ?? -1;
}
