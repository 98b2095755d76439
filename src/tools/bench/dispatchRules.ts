import type { RulesFile } from '../../engine';
import { benchType } from './benchScenario';

/** A numeric comparison on `event.n`. */
export type NumOp = 'gte' | 'gt' | 'lt' | 'lte';

/** One bench trigger: on bench.e<type>, `n <op> value` and `kind` equal to one colour or in a pair. */
export type TriggerRow =
  | readonly [type: number, op: NumOp, value: number, kindOp: 'eq', kind: string]
  | readonly [type: number, op: NumOp, value: number, kindOp: 'in', kind: readonly [string, string]];

/**
 * The 50 triggers of the dispatch benchmark (5 on each of 10 event types), written out so the hand-written switch in
 * dispatchSwitch.ts can inline the very same conditions. About 0.7 of them fire per event.
 */
export const DISPATCH_TRIGGERS: readonly TriggerRow[] = [
  [0, 'gte', 51, 'in', ['red', 'green']],
  [0, 'lt', 35, 'eq', 'amber'],
  [0, 'lt', 25, 'eq', 'blue'],
  [0, 'lt', 40, 'in', ['red', 'blue']],
  [0, 'gte', 77, 'eq', 'amber'],
  [1, 'gt', 62, 'in', ['green', 'red']],
  [1, 'gt', 59, 'in', ['blue', 'green']],
  [1, 'gte', 56, 'in', ['blue', 'red']],
  [1, 'gte', 72, 'eq', 'green'],
  [1, 'lte', 43, 'in', ['amber', 'blue']],
  [2, 'gte', 76, 'eq', 'green'],
  [2, 'lt', 23, 'eq', 'amber'],
  [2, 'lte', 29, 'eq', 'green'],
  [2, 'gte', 64, 'in', ['green', 'amber']],
  [2, 'lt', 21, 'in', ['amber', 'green']],
  [3, 'lt', 29, 'eq', 'red'],
  [3, 'gte', 73, 'eq', 'blue'],
  [3, 'lt', 45, 'eq', 'green'],
  [3, 'gt', 71, 'eq', 'green'],
  [3, 'gt', 68, 'eq', 'green'],
  [4, 'lt', 40, 'eq', 'green'],
  [4, 'gt', 53, 'in', ['red', 'green']],
  [4, 'lt', 42, 'in', ['amber', 'blue']],
  [4, 'lt', 27, 'eq', 'red'],
  [4, 'lte', 46, 'eq', 'amber'],
  [5, 'gte', 54, 'in', ['green', 'blue']],
  [5, 'lt', 22, 'in', ['red', 'blue']],
  [5, 'lt', 41, 'eq', 'amber'],
  [5, 'gt', 63, 'eq', 'amber'],
  [5, 'lt', 42, 'eq', 'amber'],
  [6, 'lte', 42, 'eq', 'amber'],
  [6, 'lt', 36, 'in', ['amber', 'green']],
  [6, 'gte', 73, 'in', ['amber', 'green']],
  [6, 'gte', 56, 'eq', 'amber'],
  [6, 'lt', 47, 'eq', 'red'],
  [7, 'lt', 40, 'in', ['blue', 'amber']],
  [7, 'gte', 59, 'eq', 'amber'],
  [7, 'gte', 57, 'in', ['amber', 'blue']],
  [7, 'gt', 60, 'eq', 'blue'],
  [7, 'lte', 35, 'eq', 'amber'],
  [8, 'gt', 58, 'in', ['amber', 'blue']],
  [8, 'gte', 79, 'in', ['amber', 'green']],
  [8, 'lte', 20, 'in', ['blue', 'amber']],
  [8, 'gte', 60, 'in', ['green', 'red']],
  [8, 'lt', 40, 'eq', 'red'],
  [9, 'lte', 29, 'eq', 'green'],
  [9, 'gte', 56, 'eq', 'green'],
  [9, 'lte', 32, 'in', ['green', 'red']],
  [9, 'gt', 57, 'eq', 'blue'],
  [9, 'lt', 35, 'in', ['blue', 'green']],
];

/** The rows as a Siren rules file: each trigger counts once when both conditions hold. */
export function sirenRules(rows: readonly TriggerRow[]): RulesFile {
  return {
    version: 1,
    scenario: 'bench',
    triggers: rows.map(([type, op, value, kindOp, kind], i) => ({
      id: `t${i}`,
      on: benchType(type),
      when: {
        all: [
          { fact: 'event.n', op, value },
          { fact: 'event.kind', op: kindOp, value: kind },
        ],
      },
      do: [{ behaviour: 'count' }],
    })),
  };
}
