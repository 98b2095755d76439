import { render } from 'preact';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { settle } from '../../../engine';
import type { Watch, WatchChange } from '../../../engine';
import type { DebugSession } from '../../debug/session';
import type { MountPanel, PanelContext } from '../context';
import { scrubTo } from '../time/kept';
import { sparkline } from './sparkline';
import '../log/common.css';
import './style.css';

const W = 240;
const H = 36;

const show = (v: unknown) =>
  v === undefined ? '—' : typeof v === 'string' && v.startsWith('{') ? v : JSON.stringify(v);

type GoTo = (tick: number, seq: number | null) => void;

/** The fact's name and value now, with "break on change" and unpin. */
function WatchHead({ debug, w, now }: { debug: DebugSession; w: Watch; now: unknown }) {
  const breaking = debug.breakpoints.value.some((b) => b.kind === 'fact' && b.fact === w.fact && b.enabled);
  return (
    <div class="watch-head">
      <code class="watch-fact">{w.fact}</code>
      <span class="watch-value" data-value={show(now)}>
        {show(now)}
      </span>
      <button
        type="button"
        class={`mini-btn watch-btn${breaking ? ' on' : ''}`}
        data-action="break-on-change"
        disabled={breaking || !w.read}
        title="Pause the game when this fact changes"
        onClick={() => debug.add({ kind: 'fact', fact: w.fact, enabled: true })}
      >
        ⏸ break on change
      </button>
      <button type="button" class="mini-btn watch-btn" title="Unpin" onClick={() => debug.unwatch(w.fact)}>
        ×
      </button>
    </div>
  );
}

/** The fact's history from `from` to `to` as a line: click it to travel there, or a dot to go to that change. */
function WatchSparkline({ w, from, to, goTo }: { w: Watch; from: number; to: number; goTo: GoTo }) {
  const line = sparkline(w, from, to, W, H);
  const onLine = (e: JSX.TargetedMouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    goTo(Math.round(from + ((e.clientX - box.left) / Math.max(1, box.width)) * (to - from)), null);
  };
  return (
    <svg class="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} onClick={onLine} role="img">
      <title>{`${w.fact} from tick ${from} to ${to}: ${line.dots.length} changes, ${show(line.min)}…${show(line.max)}`}</title>
      <polyline points={line.points} fill="none" stroke="currentColor" stroke-width="1.5" />
      {line.dots.map((d) => (
        <circle
          class="spark-dot"
          cx={d.x}
          cy={d.y}
          r="3"
          data-tick={d.tick}
          onClick={(e) => {
            e.stopPropagation();
            goTo(d.tick + 1, d.seq);
          }}
        >
          <title>{`tick ${d.tick}: ${show(d.value)}`}</title>
        </circle>
      ))}
    </svg>
  );
}

/** The last change: its value, tick and event, and the triggers that made it (each opens in the Rules editor). */
function LastChange({ debug, last }: { debug: DebugSession; last: WatchChange }) {
  return (
    <p class="watch-last">
      became {show(last.value)} at tick {last.tick} (after event #{last.seq}){' '}
      {last.triggers.length ? (
        <>
          by{' '}
          {last.triggers.map((t) => (
            <button
              type="button"
              class="mini-btn watch-from"
              data-action="where-from"
              title={`Show trigger "${t}" in the Rules editor`}
              onClick={() => debug.whereFrom(t, 'watches', last.seq)}
            >
              {t}
            </button>
          ))}
        </>
      ) : (
        'by the game’s systems, not a rule'
      )}
    </p>
  );
}

/** One pinned fact: its value now, its history as a sparkline (click to go there), the last change and its source. */
function WatchRow({ ctx, debug, w }: { ctx: PanelContext; debug: DebugSession; w: Watch }) {
  // Its props stay the same objects: the row subscribes to the refresh itself, or it would never re-render.
  void ctx.version.value;
  const engine = ctx.engine.value;
  const from = engine.oldestTick;
  const to = Math.max(engine.tick, from + 1);
  const now = w.read ? settle(w.read(null, engine.facts)) : undefined;
  const last = w.changes.at(-1);
  const goTo: GoTo = (tick, seq) => {
    if (seq !== null) ctx.selected.value = seq;
    scrubTo(ctx, Math.min(tick, engine.tick));
  };
  return (
    <li class="watch" data-fact={w.fact}>
      <WatchHead debug={debug} w={w} now={now} />
      {w.errors.map((e) => (
        <div class="watch-error">{e.message}</div>
      ))}
      <WatchSparkline w={w} from={from} to={to} goTo={goTo} />
      {last && <LastChange debug={debug} last={last} />}
    </li>
  );
}

function WatchesPanel({ ctx }: { ctx: PanelContext }) {
  void ctx.version.value; // re-read on the page's refresh (≤ 4 Hz)
  const [fact, setFact] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const debug = ctx.debug;
  if (!debug) return <p class="panel-note">Watches need the running page.</p>;
  const rules = ctx.engine.value.rules;
  const names = [
    ...Object.keys(ctx.catalogue.worldFacts).map((f) => `world.${f}`),
    ...rules.windows.flatMap((w) => [`window.${w.id}.avg`, `window.${w.id}.count`]),
  ];
  const pin = (e: Event) => {
    e.preventDefault();
    const errs = debug.watch(fact);
    setErrors(errs);
    if (!errs.length) setFact('');
  };
  return (
    <div class="watches-panel">
      <form class="watch-add" onSubmit={pin}>
        <input
          class="mini-field"
          aria-label="Fact to watch"
          list="watch-names"
          placeholder="a fact, e.g. world.wanted"
          value={fact}
          onInput={(e) => setFact((e.target as HTMLInputElement).value)}
        />
        <datalist id="watch-names">
          {names.map((n) => (
            <option value={n} />
          ))}
        </datalist>
        <button type="submit" class="mini-btn watch-btn" data-action="pin">
          Pin
        </button>
      </form>
      {errors.length > 0 && (
        <ul class="watch-errors" role="alert">
          {errors.map((m) => (
            <li>{m}</li>
          ))}
        </ul>
      )}
      {debug.watches.value.length === 0 && (
        <p class="panel-note">
          Pin a fact to follow its value: its history over the retained time is drawn as a line you can click to travel
          there, and each change says which trigger made it.
        </p>
      )}
      <ul class="watch-list">
        {debug
          .debugger()
          .watches.filter((w) => debug.watches.value.includes(w.fact))
          .map((w) => (
            <WatchRow key={w.fact} ctx={ctx} debug={debug} w={w} />
          ))}
      </ul>
    </div>
  );
}

/** Mounts the Watches panel: pinned facts with their values, sparklines and where each change came from. */
export const mount: MountPanel = (host, ctx) => {
  render(<WatchesPanel ctx={ctx} />, host);
  return () => render(null, host);
};
