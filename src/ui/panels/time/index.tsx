import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SPEEDS } from '../../../engine';
import type { MountPanel, PanelContext } from '../context';
import '../log/common.css';
import { tickSeconds } from '../log/model';
import type { Marker, MarkerKind } from './markers';
import { createMarkerTracker } from './markers';
import { Breakpoints } from './Breakpoints';
import { currentSession, kept } from './kept';
import type { Kept } from './kept';
import { startScrub } from './scrub';
import './style.css';

/** Milliseconds of re-simulation per animation frame when scrubbing far forward (the page stays responsive). */
const FRAME_BUDGET_MS = 12;

const KIND_TEXT: Record<MarkerKind, string> = {
  pursuit: 'pursuit started',
  lost: 'pursuit ended',
  died: 'player died',
  damage: 'hits on you',
  rules: 'rules loaded',
};

const fmt = (n: number) => n.toLocaleString('en');

function TimePanel({ ctx }: { ctx: PanelContext }) {
  void ctx.version.value; // re-read on the page's refresh (≤ 4 Hz) and on every touch
  const engine = ctx.engine.value;
  const loop = ctx.loop;
  const tracker = useMemo(() => createMarkerTracker(), []);
  const [target, setTarget] = useState<number | null>(null);
  const targetRef = useRef<number | null>(null);
  const raf = useRef(0);
  useEffect(() => () => cancelAnimationFrame(raf.current), []);

  const live = tracker.update(engine.log);
  const k = currentSession(engine);
  const markers = k ? k.markers : live;
  const min = engine.oldestTick;
  const max = k ? k.session.furthest : engine.tick;
  const busy = target !== null && target !== engine.tick;

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

  const span = Math.max(1, max - min);
  const pos = (tick: number) => `${(((tick - min) / span) * 100).toFixed(3)}%`;
  const visible = markers.filter((m) => m.tick + 1 >= min && m.tick + 1 <= max);
  const shown = target ?? engine.tick;
  const state = k ? (busy ? 'replaying' : 'scrubbing') : loop.paused ? 'paused' : 'running';
  const atEnd = k && engine.tick === k.session.furthest && !busy;

  return (
    <div class="time-panel">
      <div class="time-controls" role="group" aria-label="Game clock">
        <button
          type="button"
          class={`time-btn time-play${k ? ' primary' : ''}`}
          onClick={togglePause}
          title={k ? 'Continue live from this tick (the recorded future is discarded)' : 'Pause or resume (P)'}
        >
          {k ? '▶ Resume from here' : loop.paused ? '▶ Resume' : 'Pause'}
        </button>
        <button
          type="button"
          class="time-btn time-step"
          onClick={step}
          title={
            k && engine.tick < k.session.furthest
              ? 'One tick forward along the recorded run'
              : 'Run exactly one tick, then stay paused (.)'
          }
        >
          Step ▸|
        </button>
        <span class="time-speeds" role="group" aria-label="Speed">
          {SPEEDS.map((s) => (
            <button
              key={s}
              type="button"
              class={`time-speed${loop.speed === s ? ' active' : ''}`}
              aria-pressed={loop.speed === s}
              onClick={() => setSpeed(s)}
            >
              ×{s}
            </button>
          ))}
        </span>
      </div>

      <div class="time-now">
        <span class={`time-state ${state}`}>{state}</span>
        <span class="time-clock" data-tick={engine.tick}>
          {tickSeconds(engine.tick)} <span class="time-tick">tick {fmt(engine.tick)}</span>
        </span>
        {busy && <span class="time-busy">→ {tickSeconds(target ?? 0)}…</span>}
      </div>

      <div class="time-line">
        <input
          type="range"
          class="time-slider"
          aria-label="Timeline: drag to go back to any retained tick, and forward again"
          min={min}
          max={max}
          step={1}
          value={shown}
          disabled={max <= min}
          onInput={(e) => seekTo(Number((e.currentTarget as HTMLInputElement).value))}
        />
        <div class="time-track" aria-hidden="true">
          {k && k.session.furthest > engine.tick && (
            <div class="time-future" style={{ left: pos(engine.tick), right: '0%' }} />
          )}
          {visible.map((m) => (
            <button
              key={`${m.kind}-${m.seq}`}
              type="button"
              tabIndex={-1}
              class={`time-marker mk-${m.kind}`}
              style={{ left: pos(m.tick + 1) }}
              title={`${tickSeconds(m.tick)}: ${m.label}`}
              onClick={() => jump(m)}
            />
          ))}
        </div>
        <div class="time-ends">
          <span>{tickSeconds(min)}</span>
          <span>{k ? `furthest reached ${tickSeconds(max)}` : `now ${tickSeconds(max)}`}</span>
        </div>
      </div>

      <p class="panel-note time-note">
        {k
          ? atEnd
            ? `Back at the furthest tick: the log hash is ${engine.log.hash()}${engine.log.hash() === k.session.furthestHash ? ', the same as before you scrubbed ✓' : `, not ${k.session.furthestHash} as before ✗`}.`
            : 'Paused in the past. Drag forward to re-run the recorded inputs (the same events come back, with the same offsets), or resume from here to play on live: the recorded future is then discarded.'
          : 'Drag the timeline to go back to any retained tick: the world, the log and every panel show that moment.'}
      </p>

      <section class="time-markers" aria-label="Key moments">
        <h3>Key moments</h3>
        <p class="time-legend">
          {(Object.keys(KIND_TEXT) as MarkerKind[]).map((kind) => (
            <span key={kind} class={`time-key mk-${kind}`}>
              {KIND_TEXT[kind]}
            </span>
          ))}
        </p>
        {visible.length === 0 ? (
          <p class="panel-note">
            None yet in the retained log: pursuits, deaths, hits on you and rules changes appear here.
          </p>
        ) : (
          <ul>
            {visible
              .slice(-40)
              .reverse()
              .map((m) => (
                <li key={`${m.kind}-${m.seq}`}>
                  <button
                    type="button"
                    class={`time-moment mk-${m.kind}${m.tick + 1 === engine.tick ? ' here' : ''}`}
                    onClick={() => jump(m)}
                  >
                    <span class="time-dot" />
                    <span class="time-at">{tickSeconds(m.tick)}</span> {m.label}
                  </button>
                </li>
              ))}
          </ul>
        )}
      </section>

      {ctx.debug && <Breakpoints ctx={ctx} debug={ctx.debug} />}

      <section class="time-explain">
        <h3>How time travel works</h3>
        <p>
          The engine keeps a snapshot of the world every second and a record of every input and rules change. Going back
          restores the nearest snapshot before that tick and re-runs the recorded inputs up to it: the simulation is
          deterministic (a seeded random generator, a fixed 1/60 s step), so the same inputs produce the same events at
          the same offsets, and the log's hash comes out the same. That is what replaying a topic from an offset means:
          the log, not the world, is the source of truth.
        </p>
      </section>
    </div>
  );
}

/** Mounts the time controls panel: pause, step, speed and the timeline. */
export const mount: MountPanel = (host, ctx) => {
  render(<TimePanel ctx={ctx} />, host);
  return () => render(null, host);
};
