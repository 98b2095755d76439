import { createWindows } from './applyRules';
import type { EngineCore, Pending } from './core';
import { copyDelayLoops } from './delayLoops';
import type { DelayLoops } from './delayLoops';
import { applyRecord } from './record';
import type { RecordTarget, RunRecord } from './record';
import type { CompiledRules } from './rules/compileRules';
import { createAlarmSet } from './alarms/runtime';
import type { AlarmSnapshot } from './alarms/runtime';
import { copyWindowState } from './rules/windows';
import type { WindowState } from './rules/windows';
import { copyTriggerStates } from './triggers';
import type { TriggerState } from './triggers';
import type { Timers } from './timers';
import type { Vars } from './vars';

/** Everything needed to resume the run at a tick. */
interface Snapshot<W> {
  readonly tick: number;
  readonly world: W;
  readonly runtime: unknown;
  readonly rng: readonly number[];
  readonly triggers: TriggerState[];
  readonly windows: WindowState[];
  readonly alarms: AlarmSnapshot;
  readonly pending: Pending[];
  readonly delayLoops: DelayLoops;
  readonly vars: Vars;
  readonly timers: Timers;
  readonly rules: CompiledRules;
  readonly logEnd: number;
  readonly hashState: readonly number[];
  readonly records: number;
}

/** Time travel's bounded history: a snapshot every `every` ticks, at most `max` of them. */
export interface History<W> {
  readonly snapshots: Snapshot<W>[];
  readonly every: number;
  readonly max: number;
}

/** An empty history keeping about `historyTicks` ticks in snapshots `every` ticks apart. */
export function createHistory<W>(every: number, historyTicks: number): History<W> {
  return { snapshots: [], every, max: Math.max(1, Math.ceil(historyTicks / every)) };
}

/** Snapshots the engine's state now, dropping the oldest snapshot past the limit. */
export function takeSnapshot<W, R, I>(h: History<W>, core: EngineCore<W, R, I>): void {
  h.snapshots.push({
    tick: core.tick,
    world: core.world,
    runtime: core.scenario.saveRuntime(core.runtime),
    rng: core.rng.save(),
    triggers: copyTriggerStates(core.states),
    windows: core.windows.states.map(copyWindowState),
    alarms: core.alarms.save(),
    pending: core.pending.slice(),
    delayLoops: copyDelayLoops(core.delayLoops),
    vars: new Map(core.vars),
    timers: new Map(core.timers),
    rules: core.rules,
    logEnd: core.log.end,
    hashState: core.log.hashState(),
    records: core.recorder.records.length,
  });
  if (h.snapshots.length > h.max) h.snapshots.shift();
}

/** The first tick time travel can go back to. */
export function oldestTick<W, R, I>(h: History<W>, core: EngineCore<W, R, I>): number {
  return h.snapshots[0]?.tick ?? core.tick;
}

function lastWhere<T>(list: readonly T[], pass: (x: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (pass(list[i] as T)) return list[i];
  return undefined;
}

/** Puts the engine back in a snapshot's state (its log and hash too), dropping later snapshots and records. */
function restore<W, R, I>(h: History<W>, core: EngineCore<W, R, I>, snap: Snapshot<W>): void {
  core.recorder.records.length = snap.records;
  h.snapshots.length = h.snapshots.indexOf(snap) + 1;
  core.tick = snap.tick;
  core.world = snap.world;
  core.fc.world = snap.world;
  core.scenario.restoreRuntime(core.runtime, snap.runtime);
  core.rng.restore(snap.rng);
  core.states = copyTriggerStates(snap.triggers);
  core.windows = createWindows(snap.rules);
  core.windows.states = snap.windows.map(copyWindowState);
  core.alarms = createAlarmSet(snap.rules.alarms, undefined, snap.alarms);
  core.pending = snap.pending.slice();
  core.delayLoops = copyDelayLoops(snap.delayLoops);
  core.vars = new Map(snap.vars);
  core.timers = new Map(snap.timers);
  core.rules = snap.rules;
  core.log.truncate(snap.logEnd, snap.hashState);
  // A tick suspended at an event is abandoned: its draft, queue and the fires it collected go.
  core.phase = 0;
  core.suspendedAt = null;
  core.draft = null;
  core.fired.length = 0;
  core.ran.length = 0;
  core.bus.clear();
}

/**
 * Goes back to `target` (clamped to the retained history): restores the newest snapshot at or before it, then
 * re-simulates to it with the recorded inputs, rules changes and toggles, applied through `engine` as they first were.
 */
export function rewind<W, R, I>(
  h: History<W>,
  core: EngineCore<W, R, I>,
  target: number,
  engine: RecordTarget & { step(input: I): void },
): void {
  const clamped = Math.max(oldestTick(h, core), Math.min(target, core.tick));
  const snap = lastWhere(h.snapshots, (s) => s.tick <= clamped);
  if (!snap) return;
  const { recorder } = core;
  const future = recorder.records.slice(snap.records).filter((r) => r.tick < clamped);
  const before = recorder.records.slice(0, snap.records);
  let input: I = lastWhere(before, (r) => r.input !== undefined)?.input ?? core.scenario.idleInput;
  restore(h, core, snap);
  core.inbox = [];
  let k = 0;
  recorder.replaying = true;
  try {
    while (core.tick < clamped) {
      while (k < future.length && (future[k] as RunRecord<I>).tick <= core.tick) {
        const r = future[k++] as RunRecord<I>;
        recorder.records.push(r);
        input = applyRecord(engine, r, core.catalogue, input);
      }
      engine.step(input);
    }
  } finally {
    recorder.replaying = false;
  }
  recorder.lastInputJson = JSON.stringify(input);
}
