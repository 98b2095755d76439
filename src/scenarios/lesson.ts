/**
 * The lesson format every scenario's lessons use: each step is plain data, checked by the lessons panel by watching
 * the event log (never a timer).
 */

/** Payload fields an event must have, compared with `===`. */
export type Where = Readonly<Record<string, string | number | boolean>>;

/** Named checks on an event that plain field equality cannot express. */
export type EventTest =
  /** The `{from, to}` changes one cause made to this entity drop it by a total other than the cause's `amount` (a rule changed how much it hurts). */
  'total-drop-differs-from-cause-amount';

/** What a trigger in the running rules must look like. */
export interface TriggerMatch {
  readonly on?: string;
  readonly mode?: 'on' | 'while' | 'every';
  /** One of its actions runs this behaviour. */
  readonly behaviour?: string;
  readonly once?: boolean;
}

/** A number in a trigger's condition: a comparison on `fact` in trigger `trigger` with exactly `value`, or at least `atLeast`. */
export interface ValueMatch {
  readonly trigger: string;
  readonly fact: string;
  readonly value?: number;
  readonly atLeast?: number;
}

/**
 * Checks on the real broker: `live` — this page's events are acknowledged (at least `atLeast`); `consumer` — a durable
 * consumer reads the room; `lagging` — one has at least `atLeast` pending; `caught-up` — one has none pending again;
 * `replay` — a consumer named `replay-…` reads the room from a chosen sequence.
 */
export type BrokerTest = 'live' | 'consumer' | 'lagging' | 'caught-up' | 'replay';

/** How a step knows the learner did it. Event checks look only at events appended since the step began. */
export type LessonCheck =
  /** An event of this type (with these payload fields), optionally caused by another (its cause's type, fields, trigger). */
  | {
      readonly kind: 'event';
      readonly type: string;
      readonly where?: Where;
      readonly causedBy?: { readonly type: string; readonly where?: Where; readonly trigger?: string };
      readonly test?: EventTest;
    }
  /** A `trigger.fired` event: of this trigger id, or of any trigger of this mode in the running rules. */
  | { readonly kind: 'trigger.fired'; readonly trigger?: string; readonly mode?: 'on' | 'while' | 'every' }
  /** An event of this type that the trigger did not fire on (it was disabled, spent or cooling down). */
  | { readonly kind: 'not-fired'; readonly type: string; readonly where?: Where; readonly trigger: string }
  /**
   * The running rules: the triggers on event type `changed` differ from when the step began (with `only`: and every
   * one but that trigger is as it was), one trigger matches `has`, and every `values` comparison is there.
   */
  | {
      readonly kind: 'rules';
      readonly changed?: string;
      readonly only?: string;
      readonly has?: TriggerMatch;
      readonly values?: readonly ValueMatch[];
      /** Alarms of the running rules that must have these thresholds. */
      readonly alarms?: readonly { readonly id: string; readonly threshold: number }[];
    }
  /** What the classroom broker reports (the page must have joined a room): see `BrokerTest`. */
  | { readonly kind: 'broker'; readonly test: BrokerTest; readonly atLeast?: number }
  /** The learner selected (in any panel) an event of this type, other than the one selected when the step began. */
  | { readonly kind: 'selected'; readonly type: string; readonly where?: Where }
  /** This lesson's own log consumer read at least this many events at once: it fell behind and caught up. */
  | { readonly kind: 'caught-up'; readonly atLeast: number }
  /** The log was cut back by time travel since the step began. */
  | { readonly kind: 'rewound' }
  /** Nothing to watch: the learner reads and goes on. */
  | { readonly kind: 'read' };

/** One step: what to do, how it is checked, and the help around it. */
export interface LessonStep {
  readonly id: string;
  /** The instruction; `backticks` mark code, blank lines separate paragraphs. */
  readonly text: string;
  readonly hint?: string;
  /** Rules text to paste (shown with a copy button). */
  readonly snippet?: string;
  /** Variables the snippet reads: the text tells the learner to declare them in the file's "vars". */
  readonly vars?: Readonly<
    Record<string, { readonly type: 'number' | 'string' | 'boolean'; readonly initial: number | string | boolean }>
  >;
  readonly check: LessonCheck;
  /** A button that opens the panel the step needs. */
  readonly action?: { readonly open: string; readonly label: string };
}

/** A lesson: a short sequence of steps about one idea. */
export interface Lesson {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly LessonStep[];
}
