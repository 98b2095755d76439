import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelContext } from '../context';
import type { Marker, MarkerTracker } from './markers';
import { currentSession, kept } from './kept';
import type { Kept } from './kept';
import { startScrub } from './scrub';

/** Milliseconds of re-simulation per animation frame when scrubbing far forward (the page stays responsive). */
const FRAME_BUDGET_MS = 12;

/** The Time panel's clock: scrubbing to a tick within a frame budget, jumping to markers, pause, step and speed. */
export function useTimeControls(ctx: PanelContext, tracker: MarkerTracker) {
  const engine = ctx.engine.value;
  const loop = ctx.loop;
  const [target, setTarget] = useState<number | null>(null);
  const targetRef = useRef<number | null>(null);
  const raf = useRef(0);
  useEffect(() => () => cancelAnimationFrame(raf.current), []);
  const k = currentSession(engine);

  /** Keeps the run's future (first scrub only) and pauses: from now on the timeline moves within it. */
  function ensureSession(): Kept {
    const have = currentSession(engine);
    if (have) return have;
    loop.paused = true;
    const fresh: Kept = { session: startScrub(engine), markers: tracker.update(engine.log).slice() };
    kept.set(engine, fresh);
    return fresh;
  }

  /** Re-simulates towards the target within a frame budget, continuing next frame if needed. */
  function work(): void {
    raf.current = 0;
    const to = targetRef.current;
    const now = ctx.engine.value;
    const s = kept.get(now)?.session;
    if (to === null || !s || !s.current(now)) {
      targetRef.current = null;
      setTarget(null);
      return;
    }
    const t0 = performance.now();
    let arrived = false;
    while (!arrived && performance.now() - t0 < FRAME_BUDGET_MS) arrived = s.seek(to, 30);
    ctx.touch();
    if (arrived) {
      targetRef.current = null;
      setTarget(null);
    } else raf.current = requestAnimationFrame(work);
  }

  function seekTo(tick: number): void {
    ensureSession();
    targetRef.current = tick;
    setTarget(tick);
    if (!raf.current) raf.current = requestAnimationFrame(work);
  }

  function jump(m: Marker): void {
    ctx.selected.value = m.seq;
    seekTo(m.tick + 1);
  }

  function resume(): void {
    cancelAnimationFrame(raf.current);
    raf.current = 0;
    targetRef.current = null;
    setTarget(null);
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

  return { k, target, seekTo, jump, resume, togglePause, step, setSpeed };
}

/** What useTimeControls returns. */
export type TimeControls = ReturnType<typeof useTimeControls>;
