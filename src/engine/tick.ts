import { createDraft, finishDraft } from 'immer';
import type { Draft } from 'immer';
import type { EngineCore } from './core';
import { runDue, runStateTriggers } from './dispatch';
import type { Dispatcher } from './dispatch';
import type { SirenEvent } from './events';
import { record, recordInput } from './record';
import type { StepContext } from './scenario';

/**
 * A tick's steps after the scenario's systems, in order: drain their events (1), run due delayed actions and timers
 * (2), drain (3), check state triggers (4), drain (5), close the tick's alarm periods (6), drain (7), commit (8).
 * Each drain may suspend the tick at an event.
 */
const DRAIN_STEP = 1;
const DUE = 2;
const STATE = 4;
const ALARMS = 6;
const DONE = 8;

/** Emits the events received from outside the run at the start of this tick, recording them with the tick. */
function feedInbox<W, R, I>(core: EngineCore<W, R, I>): void {
  if (!core.inbox.length) return;
  const external = core.inbox;
  core.inbox = [];
  record(core.recorder, { tick: core.tick, external });
  for (const e of external) core.bus.emitDynamic(e.type, e.payload);
}

/** Starts a tick: records the input, opens the draft and runs the scenario's systems (their events stay queued). */
export function beginTick<W, R, I>(
  core: EngineCore<W, R, I>,
  stepCtx: StepContext<W, R, I> & { world: Draft<W>; input: I; tick: number },
  input: I,
): void {
  recordInput(core.recorder, core.tick, input);
  core.bus.beginTick(core.tick);
  feedInbox(core);
  core.work.begin();
  const draft = createDraft(core.world as object) as Draft<W>;
  core.draft = draft;
  core.fc.world = draft;
  stepCtx.world = draft;
  stepCtx.input = input;
  stepCtx.tick = core.tick;
  core.scenario.step(stepCtx);
  core.phase = DRAIN_STEP;
}

/** Commits the tick's draft as the new world and moves to the next tick. */
function commitTick<W, R, I>(core: EngineCore<W, R, I>): void {
  core.world = finishDraft(core.draft as Draft<W>) as W;
  core.draft = null;
  core.fc.world = core.world;
  core.phase = 0;
  core.tick++;
}

/**
 * Runs the tick in progress from where it is: the systems' events, due delayed actions and timers, then state
 * triggers, each drained. With `breaks`, it stops after an event the core's break test accepts and returns false;
 * running it again later resumes with the next queued event, so the tick ends exactly as it would have straight.
 */
export function continueTick<W, R, I>(
  core: EngineCore<W, R, I>,
  d: Dispatcher<W, R, I>,
  breaks: boolean,
  emit: (type: string, payload: object) => void,
): boolean {
  const stop = breaks && core.breakTest ? (ev: SirenEvent) => shouldStop(core, ev) : undefined;
  core.suspendedAt = null;
  while (core.phase !== 0) {
    if (core.phase === DUE) runDue(d);
    else if (core.phase === STATE) runStateTriggers(d);
    else if (core.phase === ALARMS) core.alarms.close(core.tick + 1, emit);
    else if (!core.bus.drain(stop)) return false;
    if (++core.phase === DONE) commitTick(core);
  }
  // Fires and actions no test saw (a replay, a finished tick) must not be credited to the next tested event.
  if (!stop) {
    core.fired.length = 0;
    core.ran.length = 0;
  }
  return true;
}

function shouldStop<W, R, I>(core: EngineCore<W, R, I>, ev: SirenEvent): boolean {
  const hit = (core.breakTest as NonNullable<typeof core.breakTest>)(ev, core.fired, core.ran);
  core.fired.length = 0;
  core.ran.length = 0;
  if (hit) core.suspendedAt = ev;
  return hit;
}
