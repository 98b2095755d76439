import type { Catalogue } from './rules/catalogue';
import type { CompiledRules } from './rules/compileRules';
import { loadRules } from './rules/loadRules';

/** One entry of a run's record: an input change, a rules change or a trigger toggle, at a tick. */
export interface RunRecord<I = unknown> {
  readonly tick: number;
  readonly input?: I;
  /** Rules file text applied at this tick, and where it came from (it is in the log, so replay needs it). */
  readonly rules?: string;
  readonly source?: string;
  readonly toggle?: readonly [string, boolean];
  /** Events from outside the run (a classmate's, via the classroom broker), fed into the bus at the start of this tick. */
  readonly external?: readonly ExternalEvent[];
}

/** An event that came from outside the run: recorded, so the run replays without its source. */
export interface ExternalEvent {
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** The run record being written: input changes, rules changes and toggles, in order. */
export interface RunRecorder<I> {
  readonly records: RunRecord<I>[];
  /** True while time travel re-simulates recorded ticks: nothing new is recorded then. */
  replaying: boolean;
  /** The last recorded input, as JSON (an unchanged input is not recorded again). */
  lastInputJson: string;
  /** One shared copy of each distinct input: a long run toggles between few, and callers may mutate theirs. */
  readonly inputs: Map<string, I>;
}

/** An empty recorder. */
export function createRecorder<I>(): RunRecorder<I> {
  return { records: [], replaying: false, lastInputJson: '', inputs: new Map() };
}

/** Records a rules change or toggle (not while replaying). */
export function record<I>(rec: RunRecorder<I>, r: RunRecord<I>): void {
  if (!rec.replaying) rec.records.push(r);
}

/** Records the input of a tick when it differs from the last one (not while replaying). */
export function recordInput<I>(rec: RunRecorder<I>, tick: number, input: I): void {
  if (rec.replaying) return;
  const json = JSON.stringify(input);
  if (json === rec.lastInputJson) return;
  rec.lastInputJson = json;
  let kept = rec.inputs.get(json);
  if (kept === undefined && json !== undefined) {
    kept = JSON.parse(json) as I;
    if (rec.inputs.size < 1024) rec.inputs.set(json, kept);
  }
  rec.records.push({ tick, input: kept });
}

/** What a record is applied to: the engine's own controls, so a replayed change goes the way the original did. */
export interface RecordTarget {
  readonly rules: CompiledRules;
  setTriggerEnabled(id: string, enabled: boolean): void;
  applyRules(rules: CompiledRules): void;
  /** Queues an event from outside the run for the start of the next tick. */
  receive(type: string, payload: Readonly<Record<string, unknown>>): void;
}

/**
 * Applies one record's external events (queued for its tick), trigger toggle and rules change (a rules text that no longer loads is skipped); returns the
 * input in force after it: the record's, else `input`.
 */
export function applyRecord<I>(
  target: RecordTarget,
  r: RunRecord<I>,
  catalogue: Catalogue,
  input: I,
  source: string = target.rules.source,
): I {
  for (const e of r.external ?? []) target.receive(e.type, e.payload);
  if (r.toggle) target.setTriggerEnabled(r.toggle[0], r.toggle[1]);
  if (r.rules !== undefined) {
    const loaded = loadRules(r.rules, catalogue, r.source ?? source);
    if (loaded.ok) target.applyRules(loaded.rules);
  }
  return r.input !== undefined ? r.input : input;
}
