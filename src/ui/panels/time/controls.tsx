import { SPEEDS } from '../../../engine';
import type { AnyEngine, Loop } from '../../../engine';
import { tickSeconds } from '../log/model';
import type { TimeControls } from './useTimeControls';

const fmt = (n: number) => n.toLocaleString('en');

/** Pause or resume, step, and the speeds. */
export function Controls({ engine, loop, c }: { engine: AnyEngine; loop: Loop; c: TimeControls }) {
  const { k, togglePause, step, setSpeed } = c;
  return (
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
  );
}

/** The state of the clock and the tick shown. */
export function Now({
  engine,
  state,
  busy,
  target,
}: {
  engine: AnyEngine;
  state: string;
  busy: boolean;
  target: number | null;
}) {
  return (
    <div class="time-now">
      <span class={`time-state ${state}`}>{state}</span>
      <span class="time-clock" data-tick={engine.tick}>
        {tickSeconds(engine.tick)} <span class="time-tick">tick {fmt(engine.tick)}</span>
      </span>
      {busy && <span class="time-busy">→ {tickSeconds(target ?? 0)}…</span>}
    </div>
  );
}
