import type { CompiledRules, SirenEvent } from '../../../engine';
import type { Lesson, LessonCheck, TriggerMatch, ValueMatch, Where } from '../../../scenarios/lesson';

/** What the lesson's consumer saw since its last poll, and the state it can read now. */
export interface Observation {
  /** Events read since the last poll, oldest first. */
  readonly events: readonly SirenEvent[];
  /** The log was cut back (time travel) since the last poll. */
  readonly rewound: boolean;
  /** The event selected in the panels now. */
  readonly selected: SirenEvent | undefined;
  /** The rules running now. */
  readonly rules: CompiledRules;
  /** A retained event by offset (for causes). */
  at(seq: number): SirenEvent | undefined;
  /** What the classroom broker reports, when the page has joined a room. */
  readonly broker?: BrokerObservation;
}

/** The broker's figures a lesson step can check. */
export interface BrokerObservation {
  readonly state: string;
  readonly acked: number;
  readonly consumers: readonly { readonly name: string; readonly pending: number; readonly delivered: number }[];
}

/** Checks a broker step against what the broker reported last. */
function checkBroker(check: Extract<LessonCheck, { kind: 'broker' }>, b: BrokerObservation | undefined): boolean {
  if (!b) return false;
  const n = check.atLeast ?? 1;
  const durable = b.consumers.filter((c) => !c.name.startsWith('replay-'));
  switch (check.test) {
    case 'live':
      return b.state === 'live' && b.acked >= n;
    case 'consumer':
      return durable.length > 0;
    case 'lagging':
      return durable.some((c) => c.pending >= n);
    case 'caught-up':
      return durable.some((c) => c.pending === 0 && c.delivered > 0);
    case 'replay':
      return b.consumers.some((c) => c.name.startsWith('replay-') && c.delivered > 0);
  }
}

/** What a step remembers from when it began (so it can tell what changed since). */
export interface StepMemo {
  /** The triggers on the `changed` event type, as JSON, when the step began. */
  readonly rulesBaseline?: string;
  /** The selected offset when the step began. */
  readonly selectedAtStart?: number | null;
}

/** Where the learner is in one lesson (what the page remembers across visits). */
export interface LessonProgress {
  /** The step reached (steps.length once completed). */
  readonly step: number;
  readonly completed: boolean;
}

/** Progress per lesson id. */
export type Progress = Readonly<Record<string, LessonProgress>>;

/** The runner: which lesson and step are active, and what the step remembers. */
export interface RunnerState {
  readonly lesson: string;
  readonly step: number;
  readonly completed: boolean;
  readonly memo: StepMemo;
  /** Offset of the event that completed the previous step (shown and used to find what follows from it). */
  readonly lastMatch: number | null;
}

/** Payload fields match. */
export function matchesWhere(ev: SirenEvent, where: Where | undefined): boolean {
  if (!where) return true;
  const p = ev.payload as Record<string, unknown>;
  for (const k of Object.keys(where)) if (!Object.hasOwn(p, k) || p[k] !== where[k]) return false;
  return true;
}

/** The specs of the triggers listening to `type`, as JSON (to notice an edit). */
export function triggersOn(rules: CompiledRules, type: string): string {
  return JSON.stringify(rules.triggers.filter((t) => t.on === type).map((t) => t.spec));
}

/** A trigger in the rules matching every given part. */
export function hasTrigger(rules: CompiledRules, m: TriggerMatch): boolean {
  return rules.triggers.some(
    (t) =>
      (m.on === undefined || t.on === m.on) &&
      (m.mode === undefined || t.mode === m.mode) &&
      (m.once === undefined || t.once === m.once) &&
      (m.behaviour === undefined || t.spec.do.some((a) => a.behaviour === m.behaviour)),
  );
}

/** Every other trigger on `type` than `only` is as it was in `baseline` (a `triggersOn` JSON). */
function othersUnchanged(rules: CompiledRules, type: string, only: string, baseline: string | undefined): boolean {
  const before = (JSON.parse(baseline ?? '[]') as { id: string }[]).filter((t) => t.id !== only);
  const now = rules.triggers.filter((t) => t.on === type && t.id !== only).map((t) => t.spec);
  return JSON.stringify(before) === JSON.stringify(now);
}

/** The comparisons (leaves) of a condition tree. */
function* comparisons(cond: unknown): Generator<{ fact?: unknown; value?: unknown }> {
  if (typeof cond !== 'object' || cond === null) return;
  const c = cond as Record<string, unknown>;
  if (Array.isArray(c.all)) for (const x of c.all) yield* comparisons(x);
  else if (Array.isArray(c.any)) for (const x of c.any) yield* comparisons(x);
  else if (Object.hasOwn(c, 'not')) yield* comparisons(c.not);
  else yield c;
}

/** The trigger's condition compares `fact` with the number the match asks for. */
export function hasValue(rules: CompiledRules, m: ValueMatch): boolean {
  const t = rules.byId.get(m.trigger);
  if (!t) return false;
  for (const c of comparisons(t.spec.when)) {
    if (c.fact !== m.fact || typeof c.value !== 'number') continue;
    if (m.value !== undefined && c.value === m.value) return true;
    if (m.atLeast !== undefined && c.value >= m.atLeast) return true;
  }
  return false;
}

/** What a step remembers as it begins. */
export function beginMemo(check: LessonCheck, rules: CompiledRules, selected: number | null): StepMemo {
  if (check.kind === 'rules' && check.changed) return { rulesBaseline: triggersOn(rules, check.changed) };
  if (check.kind === 'selected') return { selectedAtStart: selected };
  return {};
}

const num = (v: unknown) => (typeof v === 'number' ? v : NaN);

/** Whether `ev` passes an event check's cause and named test. */
function eventMatches(check: Extract<LessonCheck, { kind: 'event' }>, ev: SirenEvent, obs: Observation): boolean {
  if (ev.type !== check.type || !matchesWhere(ev, check.where)) return false;
  let cause: SirenEvent | undefined;
  if (check.causedBy || check.test) {
    if (!ev.cause) return false;
    cause = obs.at(ev.cause.seq);
    if (!cause) return false;
  }
  if (check.causedBy && cause) {
    const c = check.causedBy;
    if (
      cause.type !== c.type ||
      !matchesWhere(cause, c.where) ||
      (c.trigger !== undefined && ev.cause?.trigger !== c.trigger)
    )
      return false;
  }
  if (check.test === 'total-drop-differs-from-cause-amount' && cause) {
    const entity = (ev.payload as { entity?: unknown }).entity;
    let drop = 0;
    let lowest = Infinity;
    for (const e of obs.events) {
      if (e.type !== ev.type || e.cause?.seq !== cause.seq || (e.payload as { entity?: unknown }).entity !== entity)
        continue;
      const p = e.payload as { from?: unknown; to?: unknown };
      drop += num(p.from) - num(p.to);
      lowest = Math.min(lowest, num(p.to));
    }
    // At zero health the drop is cut short, so it says nothing about the rule.
    return lowest > 0 && Number.isFinite(drop) && drop !== num((cause.payload as { amount?: unknown }).amount);
  }
  return true;
}

/**
 * Checks a step against an observation: the matching event (its offset), true when met without one event, or
 * false. Event checks see only events read since the step began.
 */
export function checkStep(check: LessonCheck, obs: Observation, memo: StepMemo): number | boolean {
  switch (check.kind) {
    case 'event': {
      for (const ev of obs.events) if (eventMatches(check, ev, obs)) return ev.seq;
      return false;
    }
    case 'trigger.fired': {
      for (const ev of obs.events) {
        if (ev.type !== 'trigger.fired') continue;
        const id = (ev.payload as { trigger?: unknown }).trigger;
        if (check.trigger !== undefined && id !== check.trigger) continue;
        if (check.mode !== undefined && (typeof id !== 'string' || obs.rules.byId.get(id)?.mode !== check.mode))
          continue;
        return ev.seq;
      }
      return false;
    }
    case 'not-fired': {
      const fired = new Set<number>();
      for (const ev of obs.events) {
        const p = ev.payload as { trigger?: unknown; seq?: unknown };
        if (ev.type === 'trigger.fired' && p.trigger === check.trigger && typeof p.seq === 'number') fired.add(p.seq);
      }
      for (const ev of obs.events)
        if (ev.type === check.type && matchesWhere(ev, check.where) && !fired.has(ev.seq)) return ev.seq;
      return false;
    }
    case 'rules': {
      if (check.changed !== undefined && triggersOn(obs.rules, check.changed) === memo.rulesBaseline) return false;
      if (check.only !== undefined && check.changed !== undefined)
        if (!othersUnchanged(obs.rules, check.changed, check.only, memo.rulesBaseline)) return false;
      if (check.has && !hasTrigger(obs.rules, check.has)) return false;
      if (check.values && !check.values.every((m) => hasValue(obs.rules, m))) return false;
      return (
        !check.alarms ||
        check.alarms.every((a) => obs.rules.alarms.some((x) => x.id === a.id && x.spec.threshold === a.threshold))
      );
    }
    case 'selected': {
      const s = obs.selected;
      if (!s || s.seq === memo.selectedAtStart || s.type !== check.type || !matchesWhere(s, check.where)) return false;
      return s.seq;
    }
    case 'caught-up':
      return obs.events.length >= check.atLeast;
    case 'rewound':
      return obs.rewound;
    case 'broker':
      return checkBroker(check, obs.broker);
    case 'read':
      return false;
  }
}

/** Starts (or resumes) a lesson at the step its progress reached; a completed lesson starts over. */
export function startLesson(
  lesson: Lesson,
  progress: LessonProgress | undefined,
  rules: CompiledRules,
  selected: number | null,
): RunnerState {
  const step = progress && !progress.completed ? Math.min(progress.step, lesson.steps.length - 1) : 0;
  return enterStep(lesson, step, rules, selected, null);
}

function enterStep(
  lesson: Lesson,
  step: number,
  rules: CompiledRules,
  selected: number | null,
  lastMatch: number | null,
): RunnerState {
  if (step >= lesson.steps.length)
    return { lesson: lesson.id, step: lesson.steps.length, completed: true, memo: {}, lastMatch };
  const check = (lesson.steps[step] as Lesson['steps'][number]).check;
  return { lesson: lesson.id, step, completed: false, memo: beginMemo(check, rules, selected), lastMatch };
}

/** Feeds an observation to the runner: the active step passes and the next begins, or nothing changes. */
export function observe(state: RunnerState, lesson: Lesson, obs: Observation): RunnerState {
  if (state.completed) return state;
  const step = lesson.steps[state.step];
  if (!step) return state;
  const met = checkStep(step.check, obs, state.memo);
  if (met === false) return state;
  return enterStep(
    lesson,
    state.step + 1,
    obs.rules,
    obs.selected?.seq ?? null,
    typeof met === 'number' ? met : state.lastMatch,
  );
}

/** Moves on without the check (the learner skips the step, or confirms a reading step). */
export function nextStep(
  state: RunnerState,
  lesson: Lesson,
  rules: CompiledRules,
  selected: number | null,
): RunnerState {
  if (state.completed) return state;
  return enterStep(lesson, state.step + 1, rules, selected, state.lastMatch);
}

/** Goes back to the first step. */
export function restartLesson(lesson: Lesson, rules: CompiledRules, selected: number | null): RunnerState {
  return enterStep(lesson, 0, rules, selected, null);
}

/** The progress to remember for a runner state. */
export function progressOf(state: RunnerState): LessonProgress {
  return { step: state.step, completed: state.completed };
}

/** The newest retained event a `selected` step can point at: what follows from the last match first, else the newest match. */
export function candidateFor(
  check: LessonCheck,
  events: { at(seq: number): SirenEvent | undefined; readonly start: number; readonly end: number },
  lastMatch: number | null,
  scanLimit = 20_000,
): SirenEvent | undefined {
  if (check.kind !== 'selected') return undefined;
  const fits = (ev: SirenEvent | undefined): ev is SirenEvent =>
    !!ev && ev.type === check.type && matchesWhere(ev, check.where);
  if (lastMatch !== null && fits(events.at(lastMatch))) return events.at(lastMatch);
  let newest: SirenEvent | undefined;
  const stop = Math.max(events.start, events.end - scanLimit);
  for (let o = events.end - 1; o >= stop; o--) {
    const ev = events.at(o);
    if (!fits(ev)) continue;
    if (lastMatch !== null && ev.cause?.seq === lastMatch) return ev;
    newest ??= ev;
    // Only look further back for the one that follows from the last match while it can still be there.
    if (lastMatch === null || o <= lastMatch) break;
  }
  return newest;
}
