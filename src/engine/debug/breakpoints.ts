import { z } from '../zod';
import type { SirenEvent } from '../events';
import type { Catalogue } from '../rules/catalogue';
import { eventSpecOf } from '../rules/catalogue';
import { compileCondition } from '../rules/compileCondition';
import type { Test } from '../rules/ruleTypes';
import type { CompiledRules } from '../rules/compileRules';
import type { RuleError } from '../rules/errors';
import { unknownName } from '../rules/errors';
import { checkFact, compileFact } from '../rules/facts';
import type { FactContext, FactGetter, FactScope } from '../rules/ruleTypes';
import type { Condition } from '../rules/format';
import { eventTypePattern, idPattern } from '../rules/format';
import { parseCondition } from './condition';

/** A breakpoint as it is stored and exported: what stops the game, and whether it is on. */
export type BreakpointSpec =
  | { kind: 'trigger'; trigger: string; enabled: boolean }
  | { kind: 'event'; event: string; when?: string; enabled: boolean }
  | { kind: 'fact'; fact: string; enabled: boolean };

/** The format of a stored or exported breakpoint list (bounded, like every other input). */
export const breakpointsSchema = z
  .array(
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('trigger'), trigger: z.string().regex(idPattern), enabled: z.boolean() }),
      z.strictObject({
        kind: z.literal('event'),
        event: z.string().regex(eventTypePattern).max(100),
        when: z.string().max(2000).optional(),
        enabled: z.boolean(),
      }),
      z.strictObject({ kind: z.literal('fact'), fact: z.string().max(200), enabled: z.boolean() }),
    ]),
  )
  .max(100);

/** A breakpoint compiled against the current rules: `hit` says whether it stops after an event. */
export interface CompiledBreakpoint {
  readonly spec: BreakpointSpec;
  /** What the banner says, e.g. `trigger "hit-hurts" fired`. */
  readonly label: string;
  /** For a fact breakpoint: reads the fact now. */
  readonly read?: FactGetter;
  hit(ev: SirenEvent, fired: readonly string[], fc: FactContext, last: { value?: unknown }): boolean;
}

/** Short text for a breakpoint, as the lists and the banner show it. */
export function describeBreakpoint(b: BreakpointSpec): string {
  if (b.kind === 'trigger') return `trigger "${b.trigger}" fires`;
  if (b.kind === 'event') return `event "${b.event}"${b.when ? ` where ${b.when}` : ''}`;
  return `${b.fact} changes`;
}

const FILE = 'breakpoint';
const error = (message: string, path = '', column = 1): RuleError => ({ file: FILE, line: 1, column, path, message });

/** A fact's value to keep and compare: objects (which may be drafts of a tick in progress) as their JSON text. */
export function settle(v: unknown): unknown {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : v;
}

function windowIds(rules: CompiledRules): Set<string> {
  return new Set(rules.windows.map((w) => w.id));
}

/** Checks and compiles a fact path a breakpoint or watch reads: `world.*`, `window.<id>.<aggregate>`, and the like. */
export function compileWorldFact(
  catalogue: Catalogue,
  rules: CompiledRules,
  fact: string,
): { ok: true; read: FactGetter } | { ok: false; errors: RuleError[] } {
  const scope: FactScope = { eventType: null, spec: undefined, anyFields: false, windows: windowIds(rules) };
  const root = fact.slice(0, Math.max(0, fact.indexOf('.')));
  if (root === 'event' || root === 'meta' || root === 'entity')
    return {
      ok: false,
      errors: [error(`${JSON.stringify(fact)} belongs to one event; watch a fact of the world, like "world.<fact>"`)],
    };
  const msg = checkFact(catalogue, scope, fact);
  return msg ? { ok: false, errors: [error(msg, 'fact')] } : { ok: true, read: compileFact(scope, fact) };
}

function compileEventBreak(
  catalogue: Catalogue,
  rules: CompiledRules,
  b: Extract<BreakpointSpec, { kind: 'event' }>,
): { ok: true; test: Test | null } | { ok: false; errors: RuleError[] } {
  const spec = eventSpecOf(catalogue, rules.declared, b.event);
  if (!spec) {
    const known = [...Object.keys(catalogue.events), ...rules.declared.keys()];
    return { ok: false, errors: [error(unknownName('event type', b.event, known), 'event')] };
  }
  if (!b.when?.trim()) return { ok: true, test: null };
  const parsed = parseCondition(b.when, catalogue, rules, b.event, FILE);
  if (!parsed.ok) return parsed;
  const scope: FactScope = {
    eventType: b.event,
    spec,
    anyFields: rules.file.events?.some((d) => typeof d !== 'string' && d.type === b.event && !d.fields) ?? false,
    windows: windowIds(rules),
  };
  return { ok: true, test: compileCondition(scope, parsed.condition as Condition).test };
}

/** Checks a breakpoint against the rules and compiles it; a bad one gets located errors (`breakpoint:1:col  path  …`). */
export function compileBreakpoint(
  catalogue: Catalogue,
  rules: CompiledRules,
  b: BreakpointSpec,
): { ok: true; breakpoint: CompiledBreakpoint } | { ok: false; errors: RuleError[] } {
  const label = describeBreakpoint(b);
  if (b.kind === 'trigger') {
    if (!rules.byId.has(b.trigger))
      return { ok: false, errors: [error(unknownName('trigger', b.trigger, [...rules.byId.keys()]), 'trigger')] };
    const id = b.trigger;
    return { ok: true, breakpoint: { spec: b, label, hit: (_ev, fired) => fired.includes(id) } };
  }
  if (b.kind === 'event') {
    const c = compileEventBreak(catalogue, rules, b);
    if (!c.ok) return c;
    const { test } = c;
    const type = b.event;
    return {
      ok: true,
      breakpoint: { spec: b, label, hit: (ev, _fired, fc) => ev.type === type && (!test || safely(test, ev, fc)) },
    };
  }
  const f = compileWorldFact(catalogue, rules, b.fact);
  if (!f.ok) return f;
  const read = f.read;
  const hit: CompiledBreakpoint['hit'] = (ev, _fired, fc, last) => {
    const now = settle(read(ev, fc));
    const changed = 'value' in last && !Object.is(now, last.value);
    last.value = now;
    return changed;
  };
  return { ok: true, breakpoint: { spec: b, label, read, hit } };
}

function safely(test: Test, ev: SirenEvent, fc: FactContext): boolean {
  try {
    return test(ev, fc);
  } catch {
    return false;
  }
}
