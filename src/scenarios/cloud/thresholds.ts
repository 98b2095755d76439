import type { CompiledRules, Condition } from '../../engine';

/** What the running rules say puts an alarm into ALARM, as far as it can be read off simple conditions. */
export interface AlarmRule {
  readonly alarm: string;
  /** The trigger that sets ALARM. */
  readonly trigger: string;
  readonly op: 'gt' | 'gte' | 'lt' | 'lte';
  /** The CPU threshold (%). */
  readonly threshold: number;
  /** N of M: how many of the last `of` samples must breach (null when the rule reads an average). */
  readonly datapoints: number | null;
  readonly of: number | null;
}

const OPS = new Set(['gt', 'gte', 'lt', 'lte']);

/** The comparisons a condition requires all at once (inside `all` groups; `any` and `not` are not read). */
function required(c: Condition | undefined): { fact: string; op: string; value?: unknown }[] {
  if (!c) return [];
  if ('all' in c) return c.all.flatMap(required);
  if ('fact' in c) return [c];
  return [];
}

/**
 * Each alarm of the rules' `alarms`; then, for each alarm set by setAlarm, the first trigger that sets it to ALARM from a window over CPU samples: either "N of the last M
 * samples breach" (`window.<id>.matching` with the window's `where`) or "all of them do" (`window.<id>.max` below,
 * or `.min` above, a value). The renderer draws these as threshold lines; rules it cannot read are skipped.
 */
export function alarmRules(rules: CompiledRules): AlarmRule[] {
  // The rules' "alarms" say it outright: N of M datapoints compared with a threshold.
  const out: AlarmRule[] = rules.alarms.map((a) => ({
    alarm: a.id,
    trigger: '',
    op: a.spec.comparison,
    threshold: a.spec.threshold,
    datapoints: a.spec.toAlarm,
    of: a.spec.periods,
  }));
  for (const t of rules.triggers) {
    for (const a of t.spec.do) {
      if (
        a.behaviour !== 'setAlarm' ||
        a.state !== 'ALARM' ||
        typeof a.alarm !== 'string' ||
        out.some((r) => r.alarm === a.alarm)
      )
        continue;
      for (const c of required(t.spec.when)) {
        const m = /^window\.([^.]+)\.(matching|max|min|avg|last)$/.exec(c.fact);
        const w = m && rules.windows.find((x) => x.id === m[1]);
        if (!m || !w || typeof c.value !== 'number' || !OPS.has(c.op)) continue;
        const of = w.spec.last ?? null;
        if (m[2] === 'matching') {
          const where = required(w.spec.where)[0];
          if (!where || typeof where.value !== 'number' || !OPS.has(where.op) || (c.op !== 'gte' && c.op !== 'gt'))
            continue;
          const n = c.op === 'gt' ? c.value + 1 : c.value;
          out.push({
            alarm: a.alarm,
            trigger: t.id,
            op: where.op as AlarmRule['op'],
            threshold: where.value,
            datapoints: n,
            of,
          });
        } else {
          const all =
            (m[2] === 'max' && (c.op === 'lt' || c.op === 'lte')) ||
            (m[2] === 'min' && (c.op === 'gt' || c.op === 'gte'));
          out.push({
            alarm: a.alarm,
            trigger: t.id,
            op: c.op as AlarmRule['op'],
            threshold: c.value,
            datapoints: all ? of : null,
            of,
          });
        }
        break;
      }
    }
  }
  return out;
}
