import { render } from 'preact';
import { useMemo } from 'preact/hooks';
import type { MountPanel, PanelContext } from '../context';
import '../log/common.css';
import { Breakpoints } from './Breakpoints';
import { Controls, Now } from './controls';
import { createMarkerTracker, markerLegend, noMarks } from './markers';
import './style.css';
import { KeyMoments, Timeline } from './timeline';
import { useTimeControls } from './useTimeControls';

function TimePanel({ ctx }: { ctx: PanelContext }) {
  void ctx.version.value; // re-read on the page's refresh (≤ 4 Hz) and on every touch
  const engine = ctx.engine.value;
  const loop = ctx.loop;
  const marks = ctx.view.timeline ?? noMarks;
  const tracker = useMemo(() => createMarkerTracker(marks), [marks]);
  const c = useTimeControls(ctx, tracker);
  const { k, target } = c;
  const live = tracker.update(engine.log);
  const markers = k ? k.markers : live;
  const min = engine.oldestTick;
  const max = k ? k.session.furthest : engine.tick;
  const busy = target !== null && target !== engine.tick;
  const visible = markers.filter((m) => m.tick + 1 >= min && m.tick + 1 <= max);
  const span = { min, max, shown: target ?? engine.tick, visible };
  const state = k ? (busy ? 'replaying' : 'scrubbing') : loop.paused ? 'paused' : 'running';
  const atEnd = k && engine.tick === k.session.furthest && !busy;

  return (
    <div class="time-panel">
      <Controls engine={engine} loop={loop} c={c} />
      <Now engine={engine} state={state} busy={busy} target={target} />
      <Timeline engine={engine} span={span} c={c} />

      <p class="panel-note time-note">
        {k
          ? atEnd
            ? `Back at the furthest tick: the log hash is ${engine.log.hash()}${engine.log.hash() === k.session.furthestHash ? ', the same as before you scrubbed ✓' : `, not ${k.session.furthestHash} as before ✗`}.`
            : 'Paused in the past. Drag forward to re-run the recorded inputs (the same events come back, with the same offsets), or resume from here to play on live: the recorded future is then discarded.'
          : 'Drag the timeline to go back to any retained tick: the world, the log and every panel show that moment.'}
      </p>

      <KeyMoments
        engine={engine}
        legend={markerLegend(marks)}
        summary={marks.summary}
        visible={visible}
        jump={c.jump}
      />

      {ctx.debug && <Breakpoints ctx={ctx} debug={ctx.debug} />}

      <Explain />
    </div>
  );
}

/** How time travel works, in a paragraph. */
function Explain() {
  return (
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
  );
}

/** Mounts the time controls panel: pause, step, speed and the timeline. */
export const mount: MountPanel = (host, ctx) => {
  render(<TimePanel ctx={ctx} />, host);
  return () => render(null, host);
};
