import type { AlarmFact } from '../alarms/spec';
import type { VarType } from './format';
import type { EventSpec, SirenEvent } from '../events';

/** An aggregate a window can report, read as `window.<id>.<aggregate>` (described in windows.ts). */
export type WindowAggregate = 'count' | 'matching' | 'ratio' | 'sum' | 'avg' | 'min' | 'max' | 'last' | 'full';

/** What a fact getter can read besides the event: the world and entity lookup. */
export interface FactContext {
  readonly world: unknown;
  entity(id: unknown): Readonly<Record<string, unknown>> | undefined;
  /** An aggregate of one of the rules' windows (`window.<id>.<aggregate>`). */
  window?(id: string, aggregate: WindowAggregate): number;
  /** A fact of one of the rules' alarms (`alarm.<id>.state|datapoints`). */
  alarm?(id: string, fact: AlarmFact): string;
  /** A rules variable's value (`var.<name>`). */
  variable?(name: string): unknown;
  /** Seconds a rules timer has left (`timer.<name>.left`), 0 when it is not running. */
  timerLeft?(name: string): number;
}

/** Reads one fact. */
export type FactGetter = (ev: SirenEvent | null, fc: FactContext) => unknown;

/** Where a fact is read: the event type a trigger listens to (null for state and timer triggers). */
export interface FactScope {
  readonly eventType: string | null;
  readonly spec: EventSpec | undefined;
  /** True when the event was declared without a field list, so any `event.<field>` is allowed. */
  readonly anyFields: boolean;
  /** Ids of the windows the rules file declares (for `window.<id>.<aggregate>` facts). */
  readonly windows?: ReadonlySet<string>;
  /** Ids of the alarms the rules file declares (for `alarm.<id>.state` and `alarm.<id>.datapoints`). */
  readonly alarms?: ReadonlySet<string>;
  /** The variables the rules file declares, with their types (for `var.<name>` facts). */
  readonly vars?: ReadonlyMap<string, VarType>;
  /** The timers the file's startTimer actions name (for `timer.<name>.left` facts). */
  readonly timers?: ReadonlySet<string>;
}

/** A compiled condition: a fast test. */
export type Test = (ev: SirenEvent | null, fc: FactContext) => boolean;
