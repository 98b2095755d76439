import { exportRun, loadRules } from '../../../engine';
import type { AnyEngine, RunFile, RunRecord } from '../../../engine';

/**
 * A scrub session: the run's future (records up to the furthest tick reached), kept when the learner first scrubs,
 * so the timeline can go back (rewind) and forward again (re-simulating with the recorded inputs) to any tick in
 * between. It is valid only while nothing else moves the engine: any other step, rules change or engine swap ends it.
 */
export interface ScrubSession {
  readonly engine: AnyEngine;
  /** The furthest tick reached before scrubbing: forward scrubs stop there. */
  readonly furthest: number;
  /** The log hash the run had at `furthest` (scrubbing back there reproduces it). */
  readonly furthestHash: string;
  /** True while the engine is exactly where this session last left it. */
  current(engine: AnyEngine): boolean;
  /**
   * Moves the engine towards `tick` (clamped to the retained range): back by rewinding, forward by stepping the
   * recorded future, at most `maxSteps` forward ticks per call. Returns true once the engine is there.
   */
  seek(tick: number, maxSteps?: number): boolean;
}

/** How far before a target a rules edit can be re-applied by the engine's rewind (well over its snapshot spacing). */
const EDIT_MARGIN_TICKS = 600;

/** The source each recorded rules edit was applied with, read back from the log's `rules.loaded` events (by tick, in order). */
function recordedSources(engine: AnyEngine, records: readonly RunRecord[]): Map<RunRecord, string> {
  const byTick = new Map<number, string[]>();
  for (const ev of engine.log.slice(engine.log.start)) {
    if (ev.type !== 'rules.loaded') continue;
    const list = byTick.get(ev.tick) ?? [];
    list.push(String((ev.payload as { source?: unknown }).source));
    byTick.set(ev.tick, list);
  }
  const out = new Map<RunRecord, string>();
  for (const r of records) {
    if (r.rules === undefined) continue;
    const source = byTick.get(r.tick)?.shift();
    if (source !== undefined) out.set(r, source);
  }
  return out;
}

/** What a session replays from: the engine, its recorded future (records in tick order) and each rules edit's source. */
interface Future {
  readonly engine: AnyEngine;
  readonly records: readonly RunRecord[];
  readonly sources: ReadonlyMap<RunRecord, string>;
}

/** Index of the first record at or after `tick` (binary search over records in tick order). */
function firstAt(records: readonly RunRecord[], tick: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = records[mid];
    if (r && r.tick < tick) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The input in force at `tick`: the last recorded input at or before it. */
function inputAt({ engine, records }: Future, tick: number): unknown {
  for (let i = firstAt(records, tick + 1) - 1; i >= 0; i--) {
    const input = records[i]?.input;
    if (input !== undefined) return input;
  }
  return engine.scenario.idleInput;
}

/** Applies what was recorded at the engine's current tick, in order: rules changes, toggles and the input (returned). */
function applyRecordsAt({ engine, records, sources }: Future, input: unknown): unknown {
  const at = engine.tick;
  for (let i = firstAt(records, at); ; i++) {
    const r = records[i];
    if (!r || r.tick !== at) return input;
    if (r.input !== undefined) input = r.input;
    if (r.toggle) engine.setTriggerEnabled(r.toggle[0], r.toggle[1]);
    if (r.rules !== undefined) {
      const loaded = loadRules(r.rules, engine.catalogue, sources.get(r) ?? engine.rules.source);
      if (loaded.ok) engine.applyRules(loaded.rules);
    }
  }
}

/**
 * Where to rewind to on the way back to `to`: the engine's own re-simulation would re-apply recorded rules edits under
 * the wrong source (records do not carry it, and `rules.loaded` names it), so land before any edit just before
 * `to` and step the rest here.
 */
function landingBefore({ engine, records, sources }: Future, to: number): number {
  let x = to;
  for (;;) {
    const edit = records.find(
      (r) => r.rules !== undefined && sources.has(r) && r.tick < x && r.tick >= x - EDIT_MARGIN_TICKS,
    );
    if (!edit || edit.tick <= engine.oldestTick) return Math.max(x, engine.oldestTick);
    x = edit.tick;
  }
}

/**
 * Moves the engine towards `target` within `[oldestTick, furthest]`, at most `maxSteps` forward ticks; true once
 * there. Back by rewinding, forward by stepping the recorded inputs and edits.
 */
function seekWithin(f: Future, furthest: number, target: number, maxSteps: number): boolean {
  const { engine } = f;
  const to = Math.max(engine.oldestTick, Math.min(Math.round(target), furthest));
  if (to < engine.tick) engine.rewind(landingBefore(f, to));
  let steps = 0;
  let input = inputAt(f, engine.tick - 1);
  while (engine.tick < to && steps < maxSteps) {
    input = applyRecordsAt(f, input);
    engine.step(input);
    steps++;
  }
  // At the furthest tick, controls recorded after its last step (a rules edit while paused) belong to the run too.
  if (engine.tick === furthest && engine.records.length < f.records.length) applyRecordsAt(f, input);
  return engine.tick === to;
}

/** Starts a scrub session at the engine's current tick, keeping its future. */
export function startScrub(engine: AnyEngine): ScrubSession {
  const run: RunFile = exportRun(engine);
  const future: Future = { engine, records: run.records, sources: recordedSources(engine, run.records) };
  let expectTick = engine.tick;
  let expectRecords = engine.records.length;
  return {
    engine,
    furthest: run.ticks,
    furthestHash: run.hash,
    current: (e) => e === engine && e.tick === expectTick && e.records.length === expectRecords,
    seek(target, maxSteps = Infinity) {
      const arrived = seekWithin(future, run.ticks, target, maxSteps);
      expectTick = engine.tick;
      expectRecords = engine.records.length;
      return arrived;
    },
  };
}
