import jsonLogic from 'json-logic-js';
import type { RulesLogic } from 'json-logic-js';
import { Engine } from 'json-rules-engine';
import type { RuleProperties } from 'json-rules-engine';
import type { SirenEvent } from '../../engine';
import type { BenchPayload } from './benchScenario';
import type { NumOp, TriggerRow } from './dispatchRules';

const LOGIC_OP = { gte: '>=', gt: '>', lt: '<', lte: '<=' } as const satisfies Record<NumOp, string>;
const JRE_OP = {
  gte: 'greaterThanInclusive',
  gt: 'greaterThan',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
} as const satisfies Record<NumOp, string>;

/** The rows as json-logic rules, pre-indexed by event type (what a careful user of json-logic-js would do). */
export function jsonLogicByType(rows: readonly TriggerRow[]): Map<string, RulesLogic[]> {
  const byType = new Map<string, RulesLogic[]>();
  for (const [type, op, value, kindOp, kind] of rows) {
    const num = { [LOGIC_OP[op]]: [{ var: 'n' }, value] } as RulesLogic;
    const colour: RulesLogic =
      kindOp === 'in' ? { in: [{ var: 'kind' }, [...kind]] } : { '===': [{ var: 'kind' }, kind as string] };
    const key = `bench.e${type}`;
    byType.set(key, [...(byType.get(key) ?? []), { and: [num, colour] }]);
  }
  return byType;
}

/** Runs the stream through json-logic-js; returns how many rules held. */
export function runJsonLogic(
  byType: ReadonlyMap<string, readonly RulesLogic[]>,
  events: readonly SirenEvent<string, BenchPayload>[],
): number {
  let fired = 0;
  for (let i = 0; i < events.length; i++) {
    const ev = events[i] as SirenEvent<string, BenchPayload>;
    const list = byType.get(ev.type);
    if (!list) continue;
    for (let k = 0; k < list.length; k++)
      if (jsonLogic.truthy(jsonLogic.apply(list[k] as RulesLogic, ev.payload))) fired++;
  }
  return fired;
}

/** The rows as one json-rules-engine Engine with 50 rules; the event type is a fact like any other. */
export function jsonRulesEngine(rows: readonly TriggerRow[]): Engine {
  const rules: RuleProperties[] = rows.map(([type, op, value, kindOp, kind], i) => ({
    name: `t${i}`,
    conditions: {
      all: [
        { fact: 'type', operator: 'equal', value: `bench.e${type}` },
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
