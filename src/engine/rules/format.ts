import { z } from '../zod';
import type { FieldType } from '../events';
import { TICKS_PER_SECOND } from '../time';
import type { Op } from './operators';
import { alarmSchema } from '../alarms/spec';
import type { AlarmSpec } from '../alarms/spec';

/** Seconds, as rules write durations; converted to ticks with ceil(seconds × 60). */
export const seconds = z.number().min(0).max(86_400);

/** Trigger ids: short, readable, safe in URLs and paths. */
export const idPattern = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;
/** Event type names: dotted lower-case words. */
export const eventTypePattern = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/;

/** The most triggers one file may hold. */
export const MAX_TRIGGERS = 10_000;

/** The payload field types a rules file may declare. */
export const fieldTypes = [
  'number',
  'string',
  'boolean',
  'string[]',
  'number[]',
  'number?',
  'string?',
] as const satisfies readonly FieldType[];

/** A custom event type a rules file declares (a bare name, or with fields). */
export const eventDeclSchema = z.union([
  z.string().regex(eventTypePattern, 'an event type like "alarm.raised"'),
  z.strictObject({
    type: z.string().regex(eventTypePattern, 'an event type like "alarm.raised"'),
    description: z.string().max(500).optional(),
    fields: z.record(z.string(), z.enum(fieldTypes)).optional(),
  }),
]);

/** The structure of one trigger; conditions and actions are checked by the semantic pass for precise errors. */
export const triggerSchema = z.strictObject({
  id: z.string().regex(idPattern, 'an id of letters, digits and _ . : - starting with a letter (at most 64)'),
  description: z.string().max(1000).optional(),
  enabled: z.boolean().optional(),
  once: z.boolean().optional(),
  cooldown: seconds.optional(),
  priority: z.number().int().min(-1000).max(1000).optional(),
  delay: seconds.optional(),
  on: z.string().optional(),
  while: z.unknown().optional(),
  for: seconds.optional(),
  every: z
    .number()
    .min(1 / 60)
    .max(86_400)
    .optional(),
  when: z.unknown().optional(),
  do: z.array(z.unknown()).min(1).max(64),
});

/** The most events one window keeps. */
export const MAX_WINDOW_EVENTS = 1000;

/** A sliding window over recent events of one type (N of M, averages, …), read as `window.<id>.<aggregate>`. */
export const windowSchema = z.strictObject({
  id: z.string().regex(idPattern, 'an id of letters, digits and _ . : - starting with a letter (at most 64)'),
  description: z.string().max(1000).optional(),
  on: z.string(),
  value: z.string().optional(),
  last: z.number().int().min(1).max(MAX_WINDOW_EVENTS).optional(),
  seconds: z
    .number()
    .min(1 / 60)
    .max(86_400)
    .optional(),
  where: z.unknown().optional(),
});

/** Variable names: letters, digits and _ (read as `var.<name>`). */
export const varNamePattern = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** The types a rules variable may have. */
export const varTypes = ['number', 'string', 'boolean'] as const;

/** A rules variable: world state the rules own, read as `var.<name>` and changed by setVar, changeVar, toggleVar. */
export const varSchema = z.strictObject({
  type: z.enum(varTypes),
  initial: z.union([z.number(), z.string().max(1000), z.boolean()]),
  description: z.string().max(1000).optional(),
});

/** The most variables one file may declare. */
export const MAX_VARS = 200;

/** The structure of a whole rules file. */
export const rulesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1),
  scenario: z.string(),
  description: z.string().max(2000).optional(),
  events: z.array(eventDeclSchema).max(500).optional(),
  windows: z.array(windowSchema).max(100).optional(),
  alarms: z.array(alarmSchema).max(100).optional(),
  vars: z.record(z.string(), varSchema).optional(),
  triggers: z.array(triggerSchema).max(MAX_TRIGGERS),
});

/** A reference to a fact, optionally scaled and offset (`times`, then `plus`) when it is a number. */
export interface FactRef {
  fact: string;
  times?: number;
  plus?: number;
}

/** A comparison of a fact with a value (a literal or another fact). */
export interface Comparison {
  fact: string;
  op: Op;
  value?: unknown;
}

/** A condition tree. */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Comparison;

/** One action: a behaviour name and its parameters (literals or fact references). */
export interface ActionSpec {
  behaviour: string;
  [param: string]: unknown;
}

/** A trigger as written in the file. */
export type TriggerSpec = Omit<z.infer<typeof triggerSchema>, 'when' | 'while' | 'do'> & {
  when?: Condition;
  while?: Condition;
  do: ActionSpec[];
};

/** A window as written in the file. */
export type WindowSpec = Omit<z.infer<typeof windowSchema>, 'where'> & { where?: Condition };

/** A variable's type. */
export type VarType = (typeof varTypes)[number];

/** A variable's value. */
export type VarValue = number | string | boolean;

/** A variable as written in the file. */
export type VarSpec = z.infer<typeof varSchema>;

/** A custom event declaration, normalised. */
export interface EventDecl {
  type: string;
  description?: string;
  fields?: Record<string, FieldType>;
}

/** A validated rules file. */
export interface RulesFile {
  $schema?: string;
  version: 1;
  scenario: string;
  description?: string;
  events?: (string | EventDecl)[];
  windows?: WindowSpec[];
  alarms?: AlarmSpec[];
  vars?: Record<string, VarSpec>;
  triggers: TriggerSpec[];
}

/** Seconds to ticks at 60 Hz: ceil(seconds × 60). */
export function secondsToTicks(s: number): number {
  return Math.max(0, Math.ceil(s * TICKS_PER_SECOND - 1e-9));
}

/** True when a JSON value is a `{ "fact": … }` reference. */
export function isFactRef(v: unknown): v is FactRef {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === 'string';
}
