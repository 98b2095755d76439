import type { FlowSnapshot } from './model';
import { edgePath, flowLayout } from './model';

const fmt = (n: number) => n.toLocaleString('en');
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Producers → topic → consumers as inline SVG; edges pulse when something flowed since the last refresh. */
export function Diagram({ snap, own, paused }: { snap: FlowSnapshot; own: string; paused: boolean }) {
  const L = flowLayout(snap.producers.length, snap.consumers.length);
  const t = L.topic;
  const spread = (i: number, n: number) => t.y + 14 + (t.h - 28) * (n === 1 ? 0.5 : i / (n - 1));
  return (
    <svg
      class="flow-svg"
      viewBox={`0 0 ${L.width} ${L.height}`}
      role="img"
      aria-label="Producers publish to the topic (the event log); consumers read it from their own offsets"
    >
      <g class="flow-edges">
        {snap.producers.map((p, i) => (
          <path
            key={`p-${p.name}`}
            class={`flow-edge${p.recent > 0 ? ' active' : ''}`}
            d={edgePath(L.producers[i] as (typeof L.producers)[number], t, spread(i, snap.producers.length))}
          />
        ))}
        {snap.consumers.map((c, i) => {
          const box = L.consumers[i] as (typeof L.consumers)[number];
          return (
            <path
              key={`c-${i}`}
              class={`flow-edge${c.moved ? ' active' : ''}${c.name === own && paused ? ' paused' : ''}`}
              d={edgePath({ ...t, y: spread(i, snap.consumers.length) - t.h / 2 }, box)}
            />
          );
        })}
      </g>
      {snap.producers.map((p, i) => {
        const b = L.producers[i] as (typeof L.producers)[number];
        return (
          <g key={p.name} class={`flow-node producer${p.name === 'rules' ? ' rules' : ''}`} data-producer={p.name}>
            <title>{`${p.name} produces ${p.types.join(', ')} (${fmt(p.total)} events seen)`}</title>
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={5} />
            <text x={b.x + 7} y={b.y + 12} class="flow-name">
              {clip(p.name, 17)}
            </text>
            <text x={b.x + 7} y={b.y + 24} class="flow-sub">
              {clip(`${fmt(p.total)} · ${p.types.join(' ')}`, 22)}
            </text>
            {p.recent > 0 && (
              <text x={b.x + b.w + 3} y={b.y + 7} class="flow-plus">
                +{p.recent}
              </text>
            )}
          </g>
        );
      })}
      <g class="flow-node topic">
        <title>The topic: an append-only, bounded log with offsets</title>
        <rect x={t.x} y={t.y} width={t.w} height={t.h} rx={6} />
        <text x={t.x + t.w / 2} y={t.y + 17} class="flow-name" text-anchor="middle">
          topic: the log
        </text>
        <text x={t.x + t.w / 2} y={t.y + 33} class="flow-sub" text-anchor="middle">
          offsets
        </text>
        <text x={t.x + t.w / 2} y={t.y + 46} class="flow-sub flow-offsets" text-anchor="middle">
          {fmt(snap.topic.start)}–{fmt(snap.topic.end)}
        </text>
        <text x={t.x + t.w / 2} y={t.y + 64} class="flow-sub" text-anchor="middle">
          {fmt(snap.topic.retained)} retained
        </text>
        <text x={t.x + t.w / 2} y={t.y + 76} class="flow-sub" text-anchor="middle">
          (keeps {fmt(snap.topic.capacity)})
        </text>
        <text x={t.x + t.w / 2} y={t.y + 96} class="flow-rate" text-anchor="middle">
          {fmt(snap.topic.rate)} events/s
        </text>
      </g>
      {snap.consumers.map((c, i) => {
        const b = L.consumers[i] as (typeof L.consumers)[number];
        const mine = c.kind === 'reader' && c.name === own;
        return (
          <g
            key={`n-${i}`}
            class={`flow-node consumer${mine ? ' own' : ''}${c.lag > 0 ? ' lagging' : ''}`}
            data-consumer={c.name}
          >
            <title>
              {c.kind === 'sync'
                ? 'The trigger system is handed every event as it is appended: it never lags.'
                : `Log reader "${c.name}": next offset ${c.offset}, ${c.lag} behind`}
            </title>
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={5} />
            <text x={b.x + 7} y={b.y + 12} class="flow-name">
              {clip(c.kind === 'sync' ? 'triggers (sync)' : mine ? `${c.name} (this panel)` : c.name, 19)}
            </text>
            <text x={b.x + 7} y={b.y + 24} class="flow-sub">
              @{fmt(c.offset)} · lag <tspan class="flow-lagnum">{fmt(c.lag)}</tspan>
            </text>
          </g>
        );
      })}
    </svg>
  );
}
