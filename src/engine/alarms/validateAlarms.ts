import type { EventSpec } from '../events';
import type { Catalogue } from '../rules/catalogue';
import { unknownName } from '../rules/errors';
import { checkFact, factType } from '../rules/facts';
import type { FactScope } from '../rules/facts';
import { MAX_ALARM_SPAN_SECONDS } from './spec';

type Path = (string | number)[];
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What the alarm checks need from the rules validator. */
export interface AlarmCheckContext {
  readonly catalogue: Catalogue;
  readonly error: (path: Path, message: string) => void;
  readonly eventTypes: readonly string[];
  readonly specOf: (type: string) => EventSpec | undefined;
  readonly anyFields: (type: string) => boolean;
  readonly windows: ReadonlySet<string>;
  /** Adds the "declare it in events" hint to an unknown event type message. */
  readonly declareHint: (message: string) => string;
}

/** The ids of a file's alarms; a repeated id is reported. */
export function alarmIdsOf(alarms: unknown, error: (path: Path, message: string) => void): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(alarms)) return ids;
  alarms.forEach((a, i) => {
    if (!isObj(a) || typeof a.id !== 'string') return;
    if (ids.has(a.id)) error(['alarms', i, 'id'], `duplicate alarm id ${JSON.stringify(a.id)}; ids must be unique`);
    ids.add(a.id);
  });
  return ids;
}

/** Checks each alarm's meaning: its event type, its numeric value fact, M ≤ N and the one-day limit. */
export function checkAlarms(alarms: unknown, ids: ReadonlySet<string>, ctx: AlarmCheckContext): void {
  if (!Array.isArray(alarms)) return;
  alarms.forEach((a, i) => {
    if (!isObj(a)) return;
    const path: Path = ['alarms', i];
    const { periods, toAlarm, period } = a;
    if (typeof periods === 'number' && typeof toAlarm === 'number' && toAlarm > periods)
      ctx.error(
        [...path, 'toAlarm'],
        `"toAlarm" (M, datapoints to alarm) is ${toAlarm}, more than "periods" (N, evaluation periods) ${periods}; M of N needs M ≤ N`,
      );
    if (typeof periods === 'number' && typeof period === 'number' && periods * period > MAX_ALARM_SPAN_SECONDS)
      ctx.error(
        [...path, 'periods'],
        `"periods" × "period" is ${periods} × ${period} s = ${periods * period} s; an alarm may look back at most one day (${MAX_ALARM_SPAN_SECONDS} s)`,
      );
    if (a.value === undefined && a.statistic !== 'count')
      ctx.error(
        path,
        'missing required field "value" (a numeric fact of each event, e.g. "event.cpu"); only "statistic": "count" needs none',
      );
    if (typeof a.on !== 'string') return;
    const spec = ctx.specOf(a.on);
    if (!spec) return ctx.error([...path, 'on'], ctx.declareHint(unknownName('event type', a.on, ctx.eventTypes)));
    if (typeof a.value !== 'string') return;
    const scope: FactScope = {
      eventType: a.on,
      spec,
      anyFields: ctx.anyFields(a.on),
      windows: ctx.windows,
      alarms: ids,
    };
    const msg = checkFact(ctx.catalogue, scope, a.value);
    const type = msg ? undefined : factType(ctx.catalogue, scope, a.value);
    if (msg) ctx.error([...path, 'value'], msg);
    else if (type !== undefined && type !== 'number' && type !== 'number?')
      ctx.error([...path, 'value'], `an alarm's value must be a number; ${JSON.stringify(a.value)} is a ${type}`);
  });
}
