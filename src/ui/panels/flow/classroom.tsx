import type { ClassroomLink } from '../../classroom/link';

const fmt = (n: number) => n.toLocaleString('en');

/**
 * The real broker beside the local log, when the page has joined a room: this page's latest events with their local
 * offset and their stream sequence, and the room's durable consumers with their pending (lag) and ack-pending counts.
 */
export function ClassroomFlow({ link }: { link: ClassroomLink }) {
  link.watch();
  const s = link.status();
  const acks = link.recentAcks().slice(-8);
  const consumers = link.consumers();
  return (
    <section class="flow-classroom">
      <h3>
        The room on the broker: {link.params.room} (stream SIREN, last sequence {fmt(link.streamLast())})
      </h3>
      <p class="panel-note">
        You publish as “{link.params.name}”: {s.state}, {fmt(s.acked)} acknowledged, {fmt(s.queued)} queued
        {s.dropped ? `, ${fmt(s.dropped)} dropped while offline` : ''}; heard {fmt(s.heard)} classmates’ events
        {s.refused ? ` (${fmt(s.refused)} refused)` : ''}.
      </p>
      <table class="flow-acks">
        <thead>
          <tr>
            <th>local offset</th>
            <th>stream sequence</th>
          </tr>
        </thead>
        <tbody>
          {acks.map(([local, stream]) => (
            <tr key={local}>
              <td>{fmt(local)}</td>
              <td>{fmt(stream)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table class="flow-broker-consumers">
        <thead>
          <tr>
            <th>durable consumer</th>
            <th>pending (lag)</th>
            <th>ack pending</th>
            <th>delivered up to</th>
          </tr>
        </thead>
        <tbody>
          {consumers.length === 0 && (
            <tr>
              <td colSpan={4}>no durable consumer on this room yet (the teacher’s view makes one)</td>
            </tr>
          )}
          {consumers.map((c) => (
            <tr key={c.name}>
              <td>{c.name}</td>
              <td class={c.pending > 0 ? 'flow-lag behind' : 'flow-lag'}>{fmt(c.pending)}</td>
              <td>{fmt(c.ackPending)}</td>
              <td>{fmt(c.delivered)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
