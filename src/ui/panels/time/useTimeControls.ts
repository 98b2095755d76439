import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnyEngine } from '../../../engine';
import type { PanelContext } from '../context';
import type { Marker, MarkerTracker } from './markers';
import { currentSession, kept } from './kept';
import type { Kept } from './kept';
import { startScrub } from './scrub';

/** Milliseconds of re-simulation per animation frame when scrubbing far forward (the page stays responsive). */
const FRAME_BUDGET_MS = 12;

/** Keeps the run's future (first scrub only) and pauses: from now on the timeline moves within it. */
function ensureSession(ctx: PanelContext, engine: AnyEngine, tracker: MarkerTracker): Kept {
  const have = currentSession(engine);
  if (have) return have;
  ctx.loop.paused = true;
  const fresh: Kept = { session: startScrub(engine), markers: tracker.update(engine.log).slice() };
  kept.set(engine, fresh);
  return fresh;
}

/** One frame's re-simulation towards `to` in the kept session; true once there, or when the session has ended. */
function seekSlice(ctx: PanelContext, to: number): boolean {
  const now = ctx.engine.value;
  const s = kept.get(now)?.session;
  if (!s || !s.current(now)) return true;
  const t0 = performance.now();
  let arrived = false;
  while (!arrived && performance.now() - t0 < FRAME_BUDGET_MS) arrived = s.seek(to, 30);
  ctx.touch();
  return arrived;
}

/** The tick being sought (null when none), seeking it a frame budget at a time, and stopping. */
function useSeek(ctx: PanelContext) {
  const [target, setTarget] = useState<number | null>(null);
  const targetRef = useRef<number | null>(null);
  const raf = useRef(0);
  useEffect(() => () => cancelAnimationFrame(raf.current), []);

  function clear(): void {
    targetRef.current = null;
    setTarget(null);
  }

  /** Re-simulates towards the target within a frame budget, continuing next frame if needed. */
  function work(): void {
    raf.current = 0;
    const to = targetRef.current;
    if (to === null || seekSlice(ctx, to)) clear();
    else raf.current = requestAnimationFrame(work);
  }

  function start(tick: number): void {
    targetRef.current = tick;
    setTarget(tick);
    if (!raf.current) raf.current = requestAnimationFrame(work);
  }

  function stop(): void {
    cancelAnimationFrame(raf.current);
    raf.current = 0;
    clear();
  }

  return { target, start, stop };
}

/** The Time panel's clock: scrubbing to a tick within a frame budget, jumping to markers, pause, step and speed. */
export function useTimeControls(ctx: PanelContext, tracker: MarkerTracker) {
  const engine = ctx.engine.value;
  const loop = ctx.loop;
  const seek = useSeek(ctx);
  const k = currentSession(engine);

  function seekTo(tick: number): void {
    ensureSession(ctx, engine, tracker);
    seek.start(tick);
  }

  function jump(m: Marker): void {
    ctx.selected.value = m.seq;
    seekTo(m.tick + 1);
  }

  function resume(): void {
    seek.stop();
    kept.delete(engine);
    loop.paused = false;
    ctx.touch();
  }

  function togglePause(): void {
    if (k) return resume();
    loop.paused = !loop.paused;
    ctx.touch();
  }

  function step(): void {
    if (k && engine.tick < k.session.furthest) {
      k.session.seek(engine.tick + 1);
    } else {
      loop.paused = true;
      loop.stepOnce();
    }
    ctx.touch();
  }

  function setSpeed(s: number): void {
    loop.speed = s;
    ctx.touch();
  }

  return { k, target: seek.target, seekTo, jump, resume, togglePause, step, setSpeed };
}

/** What useTimeControls returns. */
export type TimeControls = ReturnType<typeof useTimeControls>;
