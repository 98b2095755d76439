import type { FlowConsumer, FlowLayout, FlowProducer, FlowSnapshot, FlowTopic } from './model';
import { edgePath, flowLayout } from './model';

const fmt = (n: number) => n.toLocaleString('en');
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A box of the layout (SVG user units). */
type Box = FlowLayout['topic'];

/** A producer or consumer with its box and its place in its column. */
interface Placed<T> {
  readonly item: T;
  readonly box: Box;
  readonly i: number;
}

/** Each item with its box (the layout has one box per item). */
function placed<T>(items: readonly T[], boxes: readonly Box[]): Placed<T>[] {
  return items.flatMap((item, i) => {
    const box = boxes[i];
    return box ? [{ item, box, i }] : [];
  });
}

/** Where the i-th of n edges meets the topic's side, spread over its height. */
function spread(t: Box, i: number, n: number): number {
  return t.y + 14 + (t.h - 28) * (n === 1 ? 0.5 : i / (n - 1));
}

/** Producers → topic → consumers as inline SVG; edges pulse when something flowed since the last refresh. */
export function Diagram({ snap, own, paused }: { snap: FlowSnapshot; own: string; paused: boolean }) {
  const L = flowLayout(snap.producers.length, snap.consumers.length);
  const producers = placed(snap.producers, L.producers);
  const consumers = placed(snap.consumers, L.consumers);
  return (
    <svg
      class="flow-svg"
      viewBox={`0 0 ${L.width} ${L.height}`}
      role="img"
      aria-label="Producers publish to the topic (the event log); consumers read it from their own offsets"
    >
      <Edges t={L.topic} producers={producers} consumers={consumers} own={own} paused={paused} />
      {producers.map(({ item, box }) => (
        <ProducerNode key={item.name} p={item} b={box} />
      ))}
      <TopicNode t={L.topic} topic={snap.topic} />
      {consumers.map(({ item, box, i }) => (
        <ConsumerNode key={`n-${i}`} c={item} b={box} own={own} />
      ))}
    </svg>
  );
}

/** The edges from each producer into the topic and from the topic to each consumer; active ones pulse. */
function Edges(props: {
  t: Box;
  producers: readonly Placed<FlowProducer>[];
  consumers: readonly Placed<FlowConsumer>[];
  own: string;
  paused: boolean;
}) {
  const { t, producers, consumers, own, paused } = props;
  return (
    <g class="flow-edges">
      {producers.map(({ item: p, box, i }) => (
        <path
          key={`p-${p.name}`}
          class={`flow-edge${p.recent > 0 ? ' active' : ''}`}
          d={edgePath(box, t, spread(t, i, producers.length))}
        />
      ))}
      {consumers.map(({ item: c, box, i }) => (
        <path
          key={`c-${i}`}
          class={`flow-edge${c.moved ? ' active' : ''}${c.name === own && paused ? ' paused' : ''}`}
          d={edgePath({ ...t, y: spread(t, i, consumers.length) - t.h / 2 }, box)}
        />
      ))}
    </g>
  );
}

/** A producer's box: its name, how many events and of which types, and how many arrived since the last refresh. */
function ProducerNode({ p, b }: { p: FlowProducer; b: Box }) {
  return (
    <g class={`flow-node producer${p.name === 'rules' ? ' rules' : ''}`} data-producer={p.name}>
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
}

/** The topic's box: the log's offsets, how many it retains and keeps, and its rate. */
function TopicNode({ t, topic }: { t: Box; topic: FlowTopic }) {
  return (
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
        {fmt(topic.start)}–{fmt(topic.end)}
      </text>
      <text x={t.x + t.w / 2} y={t.y + 64} class="flow-sub" text-anchor="middle">
        {fmt(topic.retained)} retained
      </text>
      <text x={t.x + t.w / 2} y={t.y + 76} class="flow-sub" text-anchor="middle">
        (keeps {fmt(topic.capacity)})
      </text>
      <text x={t.x + t.w / 2} y={t.y + 96} class="flow-rate" text-anchor="middle">
        {fmt(topic.rate)} events/s
      </text>
    </g>
  );
}

/** A consumer's box: the trigger system or a log reader (this panel's own marked), its next offset and its lag. */
function ConsumerNode({ c, b, own }: { c: FlowConsumer; b: Box; own: string }) {
  const mine = c.kind === 'reader' && c.name === own;
  return (
    <g class={`flow-node consumer${mine ? ' own' : ''}${c.lag > 0 ? ' lagging' : ''}`} data-consumer={c.name}>
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
}
