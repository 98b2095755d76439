import jsonLogic from 'json-logic-js';
import type { RulesLogic } from 'json-logic-js';
import { Engine } from 'json-rules-engine';
import type { RuleProperties } from 'json-rules-engine';
import type { SirenEvent } from '../../engine';
import { benchType } from './benchScenario';
import type { BenchPayload } from './benchScenario';
import { indexByType } from './checks';
import type { NumOp, TriggerRow } from './dispatchRules';

const LOGIC_OP = { gte: '>=', gt: '>', lt: '<', lte: '<=' } as const satisfies Record<NumOp, string>;
const JRE_OP = {
  gte: 'greaterThanInclusive',
  gt: 'greaterThan',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
} as const satisfies Record<NumOp, string>;

/** One row as a json-logic rule: both conditions under `and`. */
function jsonLogicRule([, op, value, kindOp, kind]: TriggerRow): RulesLogic {
  const num = { [LOGIC_OP[op]]: [{ var: 'n' }, value] } as RulesLogic;
  const colour: RulesLogic =
    kindOp === 'in' ? { in: [{ var: 'kind' }, [...kind]] } : { '===': [{ var: 'kind' }, kind] };
  return { and: [num, colour] };
}

/** The rows as json-logic rules, pre-indexed by event type (what a careful user of json-logic-js would do). */
export function jsonLogicByType(rows: readonly TriggerRow[]): Map<string, RulesLogic[]> {
  return indexByType(rows, jsonLogicRule);
}

/** Runs the stream through json-logic-js; returns how many rules held. */
export function runJsonLogic(
  byType: ReadonlyMap<string, readonly RulesLogic[]>,
  events: readonly SirenEvent<string, BenchPayload>[],
): number {
  let fired = 0;
  for (const ev of events)
    for (const rule of byType.get(ev.type) ?? []) if (jsonLogic.truthy(jsonLogic.apply(rule, ev.payload))) fired++;
  return fired;
}

/** The rows as one json-rules-engine Engine with 50 rules; the event type is a fact like any other. */
export function jsonRulesEngine(rows: readonly TriggerRow[]): Engine {
  const rules: RuleProperties[] = rows.map(([type, op, value, kindOp, kind], i) => ({
    name: `t${i}`,
    conditions: {
      all: [
        { fact: 'type', operator: 'equal', value: benchType(type) },
        { fact: 'n', operator: JRE_OP[op], value },
        { fact: 'kind', operator: kindOp === 'in' ? 'in' : 'equal', value: kindOp === 'in' ? [...kind] : kind },
      ],
    },
    event: { type: `t${i}` },
  }));
  return new Engine(rules);
}

/** Runs events through json-rules-engine one `run` at a time; returns how many rules succeeded. */
export async function runJsonRulesEngine(
  engine: Engine,
  events: readonly SirenEvent<string, BenchPayload>[],
): Promise<number> {
  let fired = 0;
  for (const ev of events) {
    const result = await engine.run({ type: ev.type, n: ev.payload.n, kind: ev.payload.kind });
    fired += result.events.length;
  }
  return fired;
}
