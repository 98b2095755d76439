import { useEffect, useState } from 'preact/hooks';
import type { ConsumerLag } from '../../net/consumer';
import type { RoomEvent } from '../../net/message';
import type { TeacherLink } from './link';
import { filterLog } from './model';
import type { RoomModel, StudentRow } from './model';

/** How often the view re-reads the model and the broker's lag (never per message). */
export const REFRESH_MS = 250;
const fmt = (n: number) => n.toLocaleString('en');

function Students({ rows }: { rows: StudentRow[] }) {
  return (
    <table class="t-students">
      <thead>
        <tr>
          <th>student</th>
          <th>health</th>
          <th>wanted</th>
          <th>pursuit</th>
          <th>events/s</th>
          <th>events</th>
          <th>last event</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name} data-student={r.name}>
            <td>{r.name}</td>
            <td>{r.health ?? '–'}</td>
            <td class="t-stars">{'★'.repeat(r.wanted) || '–'}</td>
            <td>{r.pursuit}</td>
            <td>{fmt(r.perSecond)}</td>
            <td>{fmt(r.total)}</td>
            <td>
              {r.lastType} <span class="t-seq">#{r.lastStream}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Log({ lines }: { lines: RoomEvent[] }) {
  return (
    <ol class="t-log">
      {lines.map((e) => (
        <li key={e.stream}>
          <span class="t-seq">{e.stream}</span> <span class="t-student">{e.student}</span> <span>{e.type}</span>{' '}
          <span class="t-payload">{JSON.stringify(e.payload)}</span>
        </li>
      ))}
    </ol>
  );
}

/** Redraws every REFRESH_MS and polls the broker's consumer lag half as often; returns the lag and a redraw. */
function useRefresh(link: TeacherLink): { lag: ConsumerLag[]; redraw(): void } {
  const [, setTick] = useState(0);
  const [lag, setLag] = useState<ConsumerLag[]>([]);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    const l = setInterval(() => void link.consumers().then(setLag, () => undefined), 2 * REFRESH_MS);
    return () => {
      clearInterval(t);
      clearInterval(l);
    };
  }, [link]);
  return { lag, redraw: () => setTick((n) => n + 1) };
}

/** The room's name and how much of it has been read. */
function Header({
  room,
  students,
  link,
  live,
}: {
  room: string;
  students: number;
  link: TeacherLink;
  live: RoomModel;
}) {
  return (
    <header>
      <h1>Siren classroom — room {room}</h1>
      <p>
        {students} students, {fmt(live.read)} events read up to stream sequence {fmt(live.lastStream)}
        {link.drops.dropped ? `, ${fmt(link.drops.dropped)} malformed messages dropped` : ''}
      </p>
    </header>
  );
}

/** The teacher's durable consumer: its lag, Pause/Resume, and every consumer of the room. */
function Consumer({ link, lag, redraw }: { link: TeacherLink; lag: ConsumerLag[]; redraw(): void }) {
  const mine = lag.find((c) => c.name === link.durable);
  return (
    <section class="t-consumer">
      <strong>Your durable consumer “{link.durable}”</strong>: lag{' '}
      <span class={`t-lag${(mine?.pending ?? 0) > 0 ? ' behind' : ''}`} data-lag={mine?.pending ?? 0}>
        {fmt(mine?.pending ?? 0)}
      </span>
      , acks pending {fmt(mine?.ackPending ?? 0)}{' '}
      <button
        type="button"
        class="t-pause"
        onClick={() => void (link.paused ? link.resume() : link.pause()).then(redraw)}
      >
        {link.paused ? 'Resume' : 'Pause'}
      </button>
      <ul class="t-consumers">
        {lag.map((c) => (
          <li key={c.name}>
            {c.name}: pending {fmt(c.pending)}, ack pending {fmt(c.ackPending)}, delivered up to {fmt(c.delivered)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the log shows: a student, an event type; and replaying the room from a stream sequence. */
interface LogFilter {
  student: string;
  type: string;
  showReplay: boolean;
}

/** The filters and the replay controls. */
function Controls(props: {
  rows: StudentRow[];
  filter: LogFilter;
  setFilter(f: LogFilter): void;
  replayed: number;
  startReplay(seq: number): void;
}) {
  const { rows, filter, setFilter } = props;
  const [from, setFrom] = useState('1');
  return (
    <section class="t-controls">
      <label>
        student{' '}
        <select value={filter.student} onChange={(e) => setFilter({ ...filter, student: e.currentTarget.value })}>
          <option value="">all</option>
          {rows.map((r) => (
            <option key={r.name} value={r.name}>
              {r.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        type{' '}
        <input
          class="t-type"
          value={filter.type}
          onInput={(e) => setFilter({ ...filter, type: e.currentTarget.value.trim() })}
          placeholder="e.g. wanted"
        />
      </label>{' '}
      <label>
        replay the room from sequence{' '}
        <input class="t-from" value={from} size={8} onInput={(e) => setFrom(e.currentTarget.value)} />
      </label>{' '}
      <button
        type="button"
        class="t-replay"
        onClick={() => {
          const n = Number(from);
          if (!Number.isInteger(n) || n < 1) return;
          props.startReplay(n);
          setFilter({ ...filter, showReplay: true });
        }}
      >
        Replay
      </button>{' '}
      {filter.showReplay && (
        <button type="button" onClick={() => setFilter({ ...filter, showReplay: false })}>
          Back to live ({fmt(props.replayed)} replayed)
        </button>
      )}
    </section>
  );
}

/** The teacher's page: students, merged log with filters, the durable consumer's lag, and replay from a sequence. */
export function TeacherPage(props: {
  room: string;
  link: TeacherLink;
  live: RoomModel;
  replay: RoomModel;
  startReplay(seq: number): void;
}) {
  const { link, live, replay } = props;
  const { lag, redraw } = useRefresh(link);
  const [filter, setFilter] = useState<LogFilter>({ student: '', type: '', showReplay: false });
  const now = Date.now();
  const rows = [...live.students.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const r of rows) if (Math.floor(now / 1000) > r.second + 1) r.perSecond = 0;
  const source = filter.showReplay ? replay : live;
  return (
    <div class="teacher">
      <Header room={props.room} students={rows.length} link={link} live={live} />
      <Students rows={rows} />
      <Consumer link={link} lag={lag} redraw={redraw} />
      <Controls
        rows={rows}
        filter={filter}
        setFilter={setFilter}
        replayed={replay.read}
        startReplay={props.startReplay}
      />
      <Log lines={filterLog(source.log, filter.student, filter.type, 200)} />
    </div>
  );
}
