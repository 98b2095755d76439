import { z } from '../zod';
import type { Catalogue } from './catalogue';
import { metaFacts } from './catalogue';
import { eventDeclSchema, idPattern, seconds, triggerSchema, varNamePattern, varSchema, windowSchema } from './format';
import { alarmSchema } from '../alarms/spec';
import { operatorNames } from './operators';

/**
 * Builds the JSON Schema editors use for autocomplete and squiggles, from the same zod pieces the loader checks with,
 * filled in with the catalogues' event types, facts and behaviours.
 */
export function rulesJsonSchema(catalogues: readonly Catalogue[]): Record<string, unknown> {
  const head = { $id: 'https://siren.invalid/rules.schema.json', title: 'Siren rules file' };
  if (catalogues.length === 1) return { ...scenarioSchema(catalogues), ...head };
  // Several scenarios: one branch each, chosen by "scenario" (behaviour names may mean different things in each).
  const definitions: Record<string, unknown> = {};
  const branches = catalogues.map((c) => {
    const {
      definitions: defs = {},
      $schema: _s,
      ...body
    } = scenarioSchema([c]) as { definitions?: Record<string, unknown>; $schema?: string };
    const prefix = `${c.scenario}_`;
    const rename = (v: unknown) =>
      JSON.parse(JSON.stringify(v).replaceAll('"#/definitions/', `"#/definitions/${prefix}`)) as unknown;
    for (const [k, d] of Object.entries(defs)) definitions[prefix + k] = rename(d);
    return { if: { properties: { scenario: { const: c.scenario } }, required: ['scenario'] }, then: rename(body) };
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    ...head,
    type: 'object',
    required: ['version', 'scenario', 'triggers'],
    properties: {
      scenario: { enum: catalogues.map((c) => c.scenario), description: 'Which scenario these rules drive' },
    },
    allOf: branches,
    definitions,
  };
}

/** The union of the catalogues' names, sorted: event types, and the facts an editor can complete. */
function namesOf(catalogues: readonly Catalogue[]): { eventTypes: string[]; knownFacts: string[] } {
  const sorted = (names: string[]) => [...new Set(names)].sort();
  const eventTypes = sorted(catalogues.flatMap((c) => Object.keys(c.events)));
  const worldFacts = sorted(catalogues.flatMap((c) => Object.keys(c.worldFacts).map((k) => `world.${k}`)));
  const entityFacts = sorted(catalogues.flatMap((c) => Object.keys(c.entityFacts).map((k) => `entity.${k}`)));
  const eventFacts = sorted(
    catalogues.flatMap((c) => Object.values(c.events).flatMap((e) => Object.keys(e.fields).map((f) => `event.${f}`))),
  );
  const knownFacts = [...eventFacts, ...Object.keys(metaFacts).map((k) => `meta.${k}`), ...entityFacts, ...worldFacts];
  return { eventTypes, knownFacts };
}

/** The value schemas conditions and parameters share: a fact path, a fact reference, a literal. */
interface Values {
  readonly factPath: z.ZodType;
  readonly factRef: z.ZodType;
  readonly literal: z.ZodType;
}

/** The value schemas, the fact paths offering the known facts. */
function valueSchemas(knownFacts: readonly string[]): Values {
  const factPath = z
    .union([
      z.enum(knownFacts as [string, ...string[]]),
      z.string().regex(/^(event|meta|entity|world|window|alarm)\.[A-Za-z0-9_.:-]+$/),
    ])
    .describe('A fact: event.<field>, meta.seq|tick|type, entity.<field>, world.<path> or window.<id>.<aggregate>');
  const factRef = z
    .strictObject({ fact: factPath, times: z.number().optional(), plus: z.number().optional() })
    .describe('Reads a fact instead of a literal; numbers are multiplied by "times", then "plus" is added');
  const literal = z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(z.union([z.string(), z.number(), z.boolean()])),
  ]);
  return { factPath, factRef, literal };
}

/** A condition: all / any / not of conditions, or one comparison of a fact with a value. */
function conditionSchema({ factPath, factRef, literal }: Values): z.ZodType {
  const affix = z
    .union([z.strictObject({ startsWith: z.string() }), z.strictObject({ endsWith: z.string() })])
    .describe('For anythingBut: a string that does not start (or end) with this');
  const comparison = z
    .strictObject({
      fact: factPath,
      op: z.enum(operatorNames).describe(operatorNames.join(' ')),
      value: z.union([literal, factRef, affix]).optional(),
    })
    .describe('Compares a fact with a value');
  const condition: z.ZodType = z.union([
    z.strictObject({
      get all() {
        return z.array(condition).min(1).describe('Every condition must hold');
      },
    }),
    z.strictObject({
      get any() {
        return z.array(condition).min(1).describe('At least one condition must hold');
      },
    }),
    z.strictObject({
      get not() {
        return condition.describe('The condition must not hold');
      },
    }),
    comparison,
  ]);
  return condition;
}

/** One action schema per behaviour of the catalogues (the first of each name): its name and its parameters. */
function actionSchemas(catalogues: readonly Catalogue[], eventTypes: readonly string[], v: Values): z.ZodObject[] {
  const behaviours = [
    ...new Map(catalogues.flatMap((c) => [...c.behaviours.values()].map((b) => [b.name, b]))).values(),
  ];
  return behaviours.map((b) => {
    const shape: Record<string, z.ZodType> = { behaviour: z.literal(b.name).describe(b.description) };
    for (const [name, p] of Object.entries(b.params)) {
      const optional = p.schema.safeParse(undefined).success;
      let s: z.ZodType =
        p.kind === 'event'
          ? z.enum(eventTypes as [string, ...string[]]).or(z.string())
          : p.kind === 'trigger'
            ? z.string().regex(idPattern)
            : p.kind === 'payload'
              ? z.record(z.string(), z.union([v.literal, v.factRef]))
              : z.union([p.schema, v.factRef]);
      s = s.describe(p.description);
      shape[name] = optional ? s.optional() : s;
    }
    return z.strictObject(shape).describe(b.description);
  });
}

/** An event type: one the catalogues know, or any other (a rules file's own events). */
const eventTypeSchema = (eventTypes: readonly string[]) => z.enum(eventTypes as [string, ...string[]]).or(z.string());

/** A trigger, its event type, conditions and actions offering the catalogues' names. */
function triggerFileSchema(eventTypes: readonly string[], condition: z.ZodType, actions: readonly z.ZodObject[]) {
  return triggerSchema.extend({
    on: eventTypeSchema(eventTypes).optional().describe('The event type this trigger listens to'),
    when: condition.optional().describe('Only fire when this condition holds'),
    while: condition
      .optional()
      .describe('A state trigger: fires when this condition becomes true (after holding "for" seconds)'),
    for: seconds.optional().describe('With "while": seconds the condition must hold first'),
    every: z
      .number()
      .min(1 / 60)
      .max(86_400)
      .optional()
      .describe('A timer: fires every this many seconds'),
    cooldown: seconds.optional().describe('Seconds after firing during which it will not fire again'),
    delay: seconds.optional().describe('Seconds between matching and running the behaviours'),
    do: z
      .array(z.discriminatedUnion('behaviour', actions as unknown as [z.ZodObject, ...z.ZodObject[]]))
      .min(1)
      .max(64)
      .describe('What to do when it fires'),
  });
}

/** A window, its event type, value and condition offering the catalogues' names. */
function windowFileSchema(eventTypes: readonly string[], factPath: z.ZodType, condition: z.ZodType) {
  return windowSchema.extend({
    on: eventTypeSchema(eventTypes).describe('The event type this window collects'),
    value: factPath.optional().describe('A numeric fact of each event (e.g. "event.cpu") for sum/avg/min/max/last'),
    last: z.number().int().min(1).max(1000).optional().describe('Keep the last N events (N of M: M)'),
    seconds: z
      .number()
      .min(1 / 60)
      .max(86_400)
      .optional()
      .describe('Keep the events of the last N seconds'),
    where: condition.optional().describe('Events for which this holds count as "matching" (N of M: N)'),
  });
}

/** An alarm, its event type and value offering the catalogues' names, every field described. */
function alarmFileSchema(eventTypes: readonly string[], factPath: z.ZodType) {
  const { shape } = alarmSchema;
  return alarmSchema.extend({
    on: eventTypeSchema(eventTypes).describe('The event type whose events make the metric'),
    value: factPath.optional().describe('A numeric fact of each event (e.g. "event.cpu"); not needed for "count"'),
    comparison: shape.comparison.describe('How a datapoint is compared with the threshold'),
    threshold: shape.threshold.describe('The threshold datapoints are compared with'),
    periods: shape.periods.describe('Evaluation periods (N): how many recent datapoints are evaluated'),
    toAlarm: shape.toAlarm.describe('Datapoints to alarm (M): how many of the N must breach for ALARM'),
    period: shape.period.describe('Seconds of events aggregated into one datapoint'),
    statistic: shape.statistic.describe('How a period\'s values become its datapoint (default "avg")'),
    missing: shape.missing.describe(
      'How missing datapoints (periods without events) are treated, as CloudWatch does (default "missing")',
    ),
  });
}

/** The schema of rules files for the given catalogues' names (one, for the per-scenario branches and the editor). */
function scenarioSchema(catalogues: readonly Catalogue[]): Record<string, unknown> {
  const { eventTypes, knownFacts } = namesOf(catalogues);
  const values = valueSchemas(knownFacts);
  const condition = conditionSchema(values);
  const actions = actionSchemas(catalogues, eventTypes, values);
  const file = z.strictObject({
    $schema: z.string().optional(),
    version: z.literal(1),
    scenario: z.enum(catalogues.map((c) => c.scenario) as [string, ...string[]]),
    description: z.string().optional(),
    events: z.array(eventDeclSchema).optional().describe('Custom event types this file emits'),
    windows: z
      .array(windowFileSchema(eventTypes, values.factPath, condition))
      .optional()
      .describe('Sliding windows over recent events, read as window.<id>.<aggregate>'),
    alarms: z
      .array(alarmFileSchema(eventTypes, values.factPath))
      .optional()
      .describe('CloudWatch-style alarms: emit alarm.changed, read as alarm.<id>.state and alarm.<id>.datapoints'),
    vars: z
      .record(z.string().regex(varNamePattern), varSchema)
      .optional()
      .describe('Variables the rules own, read as var.<name>, changed by setVar, changeVar and toggleVar'),
    triggers: z.array(triggerFileSchema(eventTypes, condition, actions)),
  });
  return z.toJSONSchema(file, { target: 'draft-7', unrepresentable: 'any' });
}
