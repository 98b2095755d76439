import type { EventSpec, EventSpecs, FieldType } from '../events';
import { engineEvents } from '../events';
import type { BehaviourDef } from '../behaviours';
import { engineBehaviours } from '../behaviours';
import { own } from '../own';

/** A fact a rule can read from the world or an entity. */
export interface FactSpec {
  readonly type: FieldType;
  readonly description: string;
}

/** Everything a scenario offers rules: its events, behaviours and facts. The loader checks names against it. */
export interface Catalogue {
  readonly scenario: string;
  /** Engine and scenario events. */
  readonly events: EventSpecs;
  readonly behaviours: ReadonlyMap<string, BehaviourDef>;
  /** `world.<path>` facts. */
  readonly worldFacts: Readonly<Record<string, FactSpec>>;
  /** `entity.<field>` facts, for events that name an entity. */
  readonly entityFacts: Readonly<Record<string, FactSpec>>;
}

/** Builds a catalogue from a scenario's own registries plus the engine's. */
export function createCatalogue(parts: {
  scenario: string;
  events: EventSpecs;
  behaviours: readonly BehaviourDef[];
  worldFacts: Record<string, FactSpec>;
  entityFacts: Record<string, FactSpec>;
}): Catalogue {
  const behaviours = new Map<string, BehaviourDef>();
  for (const b of [...engineBehaviours, ...parts.behaviours]) behaviours.set(b.name, b);
  return {
    scenario: parts.scenario,
    events: { ...engineEvents, ...parts.events },
    behaviours,
    worldFacts: parts.worldFacts,
    entityFacts: parts.entityFacts,
  };
}

/** The meta facts every event has. */
export const metaFacts: Record<string, FactSpec> = {
  seq: { type: 'number', description: "the event's offset in the log" },
  tick: { type: 'number', description: 'the tick the event happened in (60 per second)' },
  type: { type: 'string', description: 'the event type' },
};

/** The spec of an event type the rules can see: the catalogue's or one the file declares. */
export function eventSpecOf(
  catalogue: Catalogue,
  declared: ReadonlyMap<string, EventSpec>,
  type: string,
): EventSpec | undefined {
  return own(catalogue.events, type) ?? declared.get(type);
}

/** The catalogue of a scenario: what its rules files may name. */
export function scenarioCatalogue(s: {
  name: string;
  events: EventSpecs;
  behaviours: readonly object[];
  worldFacts: Record<string, FactSpec>;
  entityFacts: Record<string, FactSpec>;
}): Catalogue {
  return createCatalogue({ ...s, scenario: s.name, behaviours: s.behaviours as readonly BehaviourDef[] });
}
