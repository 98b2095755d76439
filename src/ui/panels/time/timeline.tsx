import { tickSeconds } from '../log/model';
import type { AnyEngine } from '../../../engine';
import type { Marker } from './markers';
import type { TimeControls } from './useTimeControls';

/** What the timeline spans and shows. */
export interface Span {
  min: number;
  max: number;
  shown: number;
  visible: readonly Marker[];
}

/** The slider over the retained ticks, the recorded future and the markers on it. */
export function Timeline({ engine, span, c }: { engine: AnyEngine; span: Span; c: TimeControls }) {
  const { k, seekTo, jump } = c;
  const { min, max, shown, visible } = span;
  const width = Math.max(1, max - min);
  const pos = (tick: number) => `${(((tick - min) / width) * 100).toFixed(3)}%`;
  return (
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
        onInput={(e) => seekTo(Number(e.currentTarget.value))}
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
  );
}

/** The key moments: the legend and the latest markers, newest first. */
export function KeyMoments(props: {
  engine: AnyEngine;
  legend: Readonly<Record<string, string>>;
  summary: string | undefined;
  visible: readonly Marker[];
  jump: (m: Marker) => void;
}) {
  const { engine, legend, summary, visible, jump } = props;
  return (
    <section class="time-markers" aria-label="Key moments">
      <h3>Key moments</h3>
      <p class="time-legend">
        {Object.keys(legend).map((kind) => (
          <span key={kind} class={`time-key mk-${kind}`}>
            {legend[kind]}
          </span>
        ))}
      </p>
      {visible.length === 0 ? (
        <p class="panel-note">
          None yet in the retained log: {summary ? `${summary} and ` : ''}rules changes appear here.
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
  );
}
