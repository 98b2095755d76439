import { indexByType } from './checks';
import type { Check } from './checks';
import type { TriggerRow } from './dispatchRules';

/** One closure per operator and colour test, with both conditions inline (what a specialising compiler could emit). */
function specialise([, op, v, kindOp, kind]: TriggerRow): Check {
  if (kindOp === 'eq') {
    switch (op) {
      case 'gte':
        return (p) => p.n >= v && p.kind === kind;
      case 'gt':
        return (p) => p.n > v && p.kind === kind;
      case 'lt':
        return (p) => p.n < v && p.kind === kind;
      case 'lte':
        return (p) => p.n <= v && p.kind === kind;
    }
  }
  const [a, b] = kind;
  switch (op) {
    case 'gte':
      return (p) => p.n >= v && (p.kind === a || p.kind === b);
    case 'gt':
      return (p) => p.n > v && (p.kind === a || p.kind === b);
    case 'lt':
      return (p) => p.n < v && (p.kind === a || p.kind === b);
    case 'lte':
      return (p) => p.n <= v && (p.kind === a || p.kind === b);
  }
}

/** The rows as hand-specialised closures, indexed by event type (run them with `runChecks`). */
export function specialisedByType(rows: readonly TriggerRow[]): Map<string, Check[]> {
  return indexByType(rows, specialise);
}
