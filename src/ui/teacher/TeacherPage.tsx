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

/** The teacher's page: students, merged log with filters, the durable consumer's lag, and replay from a sequence. */
export function TeacherPage(props: {
  room: string;
  link: TeacherLink;
  live: RoomModel;
  replay: RoomModel;
  startReplay(seq: number): void;
}) {
  const { link, live, replay } = props;
  const [, setTick] = useState(0);
  const [lag, setLag] = useState<ConsumerLag[]>([]);
  const [student, setStudent] = useState('');
  const [type, setType] = useState('');
  const [from, setFrom] = useState('1');
  const [showReplay, setShowReplay] = useState(false);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    const l = setInterval(() => void link.consumers().then(setLag, () => undefined), 2 * REFRESH_MS);
    return () => {
      clearInterval(t);
      clearInterval(l);
    };
  }, [link]);
  const now = Date.now();
  const rows = [...live.students.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const r of rows) if (Math.floor(now / 1000) > r.second + 1) r.perSecond = 0;
  const mine = lag.find((c) => c.name === link.durable);
  const source = showReplay ? replay : live;
  return (
    <div class="teacher">
      <header>
        <h1>Siren classroom — room {props.room}</h1>
        <p>
          {rows.length} students, {fmt(live.read)} events read up to stream sequence {fmt(live.lastStream)}
          {link.drops.dropped ? `, ${fmt(link.drops.dropped)} malformed messages dropped` : ''}
        </p>
      </header>
      <Students rows={rows} />
      <section class="t-consumer">
        <strong>Your durable consumer “{link.durable}”</strong>: lag{' '}
        <span class={`t-lag${(mine?.pending ?? 0) > 0 ? ' behind' : ''}`} data-lag={mine?.pending ?? 0}>
          {fmt(mine?.pending ?? 0)}
        </span>
        , acks pending {fmt(mine?.ackPending ?? 0)}{' '}
        <button
          type="button"
          class="t-pause"
          onClick={() => void (link.paused ? link.resume() : link.pause()).then(() => setTick((n) => n + 1))}
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
      <section class="t-controls">
        <label>
          student{' '}
          <select value={student} onChange={(e) => setStudent((e.target as HTMLSelectElement).value)}>
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
            value={type}
            onInput={(e) => setType((e.target as HTMLInputElement).value.trim())}
            placeholder="e.g. wanted"
          />
        </label>{' '}
        <label>
          replay the room from sequence{' '}
          <input class="t-from" value={from} size={8} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
        </label>{' '}
        <button
          type="button"
          class="t-replay"
          onClick={() => {
            const n = Number(from);
            if (!Number.isInteger(n) || n < 1) return;
            props.startReplay(n);
            setShowReplay(true);
          }}
        >
          Replay
        </button>{' '}
        {showReplay && (
          <button type="button" onClick={() => setShowReplay(false)}>
            Back to live ({fmt(replay.read)} replayed)
          </button>
        )}
      </section>
      <Log lines={filterLog(source.log, student, type, 200)} />
    </div>
  );
}
