import { render } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { LogReader } from '../../../engine';
import type { MountPanel, PanelContext } from '../context';
import { Diagram } from './diagram';
import { ClassroomFlow } from './classroom';
import { catchUpSize, createFlowTracker, ensureReader } from './model';
import './style.css';

/** The panel's own consumer group name, and the fewest events of its backlog it reads per refresh (more when far behind). */
const OWN_READER = 'flow';
const BATCH = 400;

/** The panel's consumer state lives with its reader, so switching tabs keeps it paused (or catching up) where it was. */
interface Consumer {
  paused: boolean;
  read: number;
  version: number;
  /** Lag left after the last poll: the backlog, as opposed to what arrived since. */
  backlog: number;
}
const consumers = new WeakMap<LogReader, Consumer>();

const fmt = (n: number) => n.toLocaleString('en');

function FlowPanel({ ctx }: { ctx: PanelContext }) {
  const version = ctx.version.value; // re-read on the page's refresh (≤ 4 Hz)
  const engine = ctx.engine.value;
  const tracker = useMemo(() => createFlowTracker(), []);
  const [, setBump] = useState(0);

  // This panel is a consumer too: it polls its own reader, a batch per refresh, unless the learner paused it.
  const reader = ensureReader(engine.log, OWN_READER);
  let own = consumers.get(reader);
  if (!own) consumers.set(reader, (own = { paused: false, read: 0, version: -1, backlog: reader.lag() }));
  if (!own.paused && own.version !== version) {
    // Each refresh: what arrived since the last one, plus a quarter of the backlog (at least a batch), so it catches up visibly.
    own.version = version;
    own.read += reader.poll(catchUpSize(reader.lag(), own.backlog, BATCH)).length;
    own.backlog = reader.lag();
  }
  const paused = own.paused;
  const setPaused = (p: boolean) => {
    const c = own;
    c.paused = p;
    if (!p) c.backlog = reader.lag();
    setBump((n) => n + 1);
  };
  const snap = tracker.update(engine);
  const me = snap.consumers.find((c) => c.kind === 'reader' && c.name === OWN_READER);
  const link = ctx.classroom?.() ?? null;

  return (
    <div class="flow-panel">
      <Diagram snap={snap} own={OWN_READER} paused={paused} />
      <div class="flow-own">
        <div class="flow-own-line">
          <span>
            <strong>Your consumer</strong> “{OWN_READER}”: offset {fmt(reader.offset)}, lag{' '}
            <span class={`flow-lag${(me?.lag ?? 0) > 0 ? ' behind' : ''}`}>{fmt(me?.lag ?? 0)}</span>, read{' '}
            {fmt(own.read)}
          </span>
          <button type="button" class="mini-btn flow-pause" onClick={() => setPaused(!paused)} aria-pressed={paused}>
            {paused ? 'Resume consumer' : 'Pause consumer'}
          </button>
        </div>
        <p class="panel-note">
          {paused
            ? 'Paused: the game goes on producing, so its lag grows, and nobody else notices. Resume and it catches up from its own offset, ' +
              'a batch per refresh.'
            : (me?.lag ?? 0) > BATCH
              ? 'Catching up: reading a batch per refresh from its own offset.'
              : 'Pause it and watch the lag grow while the game, the HUD and the triggers carry on.'}
          {(me?.missed ?? 0) > 0 &&
            ` ${fmt(me?.missed ?? 0)} events were evicted before it read them: the log keeps only the newest ${fmt(snap.topic.capacity)}.`}
        </p>
      </div>
      {link && <ClassroomFlow link={link} />}
      <section class="flow-explain">
        <h3>Publish / subscribe, loosely coupled</h3>
        <p>
          Producers (the game systems on the left, and the rules' behaviours) only publish facts of a given event type
          to the topic; they do not know who listens. The topic is an append-only log: every event gets the next offset
          and stays, immutable, until the bounded log evicts it. Each consumer reads at its own pace from its own
          offset: the trigger system reads every event as it is appended (lag 0), the HUD and audio read once a frame,
          and a slow or paused consumer just falls behind (its lag) without slowing anyone else. Add or remove a
          consumer and no producer changes: the event types in the log are the contract.
        </p>
      </section>
    </div>
  );
}

/** Mounts the flow view panel. */
export const mount: MountPanel = (host, ctx) => {
  render(<FlowPanel ctx={ctx} />, host);
  return () => render(null, host);
};
