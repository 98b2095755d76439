import { render } from 'preact';
import { useMemo } from 'preact/hooks';
import type { MountPanel, PanelContext } from '../context';
import { editorGoto } from '../rules/goto';
import type { GraphEdge, GraphNode, RuleGraph } from './model';
import { buildRuleGraph } from './model';
import './style.css';

const COL = 190;
const ROW = 38;
const W = 150;
const H = 26;
const PAD = 12;

type Pos = { x: number; y: number };

/** The top-left corner of a node. */
function place(g: RuleGraph, id: string): Pos {
  const at = g.layout.at.get(id) ?? { layer: 0, row: 0 };
  return { x: PAD + at.layer * COL, y: PAD + at.row * ROW };
}

/** A curve from the right of one node to the left of the next; a backward edge loops round below both. */
function edgePath(a: Pos, b: Pos): string {
  const [x1, y1, x2, y2] = [a.x + W, a.y + H / 2, b.x, b.y + H / 2];
  if (x2 > x1) {
    const dx = (x2 - x1) / 2;
    return `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`;
  }
  const low = Math.max(a.y, b.y) + H + 14;
  return `M${x1},${y1} C${x1 + 40},${low} ${x2 - 40},${low} ${x2},${y2}`;
}

function Edge({ g, e, fires }: { g: RuleGraph; e: GraphEdge; fires: number | undefined }) {
  const a = place(g, e.from);
  const b = place(g, e.to);
  const cls = `g-edge g-${e.kind}${e.cycle ? ` g-${e.cycle}` : ''}`;
  const showCount =
    e.kind === 'listens' || (e.kind === 'does' && !g.edges.some((x) => x.kind === 'listens' && x.to === e.from));
  return (
    <g class={cls} data-trigger={e.trigger} data-kind={e.kind} data-cycle={e.cycle ?? ''}>
      <path d={edgePath(a, b)} marker-end="url(#g-arrow)" />
      {showCount && fires !== undefined && (
        <text class="g-count" x={(a.x + W + b.x) / 2} y={(a.y + b.y + H) / 2 - 3} text-anchor="middle">
          {fires}
        </text>
      )}
    </g>
  );
}

function Node({ g, n, onOpen }: { g: RuleGraph; n: GraphNode; onOpen: (n: GraphNode) => void }) {
  const p = place(g, n.id);
  const title =
    n.kind === 'trigger'
      ? `trigger ${n.label} at ${n.line}:${n.column}${n.note ? ` (${n.note})` : ''}: click to show it in the Rules editor`
      : n.kind === 'event'
        ? `event type ${n.label}`
        : `behaviour ${n.label} of trigger ${n.trigger}`;
  const open = n.kind === 'trigger' ? () => onOpen(n) : undefined;
  return (
    <g
      class={`g-node g-${n.kind}`}
      data-id={n.id}
      transform={`translate(${p.x},${p.y})`}
      onClick={open}
      onKeyDown={open && ((e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && open())}
      tabIndex={open ? 0 : undefined}
      role={open ? 'button' : undefined}
      aria-label={open ? title : undefined}
    >
      <title>{title}</title>
      <rect width={W} height={H} rx={n.kind === 'event' ? 13 : 4} />
      <text x={W / 2} y={H / 2 + 4} text-anchor="middle">
        {n.label.length > 22 ? `${n.label.slice(0, 21)}…` : n.label}
      </text>
    </g>
  );
}

function GraphPanel({ ctx }: { ctx: PanelContext }) {
  void ctx.version.value; // re-read on the page's refresh (≤ 4 Hz): new rules, live fire counts
  const rules = ctx.rules();
  const g = useMemo(() => buildRuleGraph(rules), [rules]);
  const fires = new Map(ctx.engine.value.triggerStates().map((s, i) => [rules.triggers[i]?.id ?? '', s.fires]));
  const onOpen = (n: GraphNode) => {
    if (!n.trigger || n.line === undefined || n.column === undefined) return;
    editorGoto.value = { trigger: n.trigger, line: n.line, column: n.column };
    ctx.open('editor');
  };
  const width = PAD * 2 + Math.max(1, g.layout.layers) * COL;
  const height = PAD * 2 + Math.max(1, g.layout.rows) * ROW + 30;
  return (
    <div class="rule-graph">
      <p class="g-summary" data-loops={g.loops} data-guarded={g.guardedCycles}>
        {g.nodes.filter((n) => n.kind === 'trigger').length} triggers ·{' '}
        {g.loops ? (
          <span class="g-warn">
            ⚠ {g.loops} loop{g.loops === 1 ? '' : 's'} with no once, cooldown or delay
          </span>
        ) : (
          'no unguarded loops'
        )}
        {g.guardedCycles > 0 && ` · ${g.guardedCycles} guarded cycle${g.guardedCycles === 1 ? '' : 's'}`}
      </p>
      <p class="g-legend">
        <span class="g-key g-key-event">event</span> <span class="g-key g-key-trigger">trigger (click: edit)</span>{' '}
        <span class="g-key g-key-behaviour">behaviour</span> <span class="g-key g-key-loop">loop</span>{' '}
        <span class="g-key g-key-guarded">guarded cycle</span> <span class="g-key g-key-enables">enables/disables</span>{' '}
        numbers: fires
      </p>
      <div class="g-scroll">
        <svg width={width} height={height} role="img" aria-label="Rule graph: events, triggers, behaviours">
          <defs>
            <marker id="g-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0,0 L8,4 L0,8 z" />
            </marker>
          </defs>
          {g.edges.map((e, i) => (
            <Edge key={i} g={g} e={e} fires={fires.get(e.trigger)} />
          ))}
          {g.nodes.map((n) => (
            <Node key={n.id} g={g} n={n} onOpen={onOpen} />
          ))}
        </svg>
      </div>
    </div>
  );
}

/** The rule graph panel: event types → triggers → behaviours → the events they emit, with live fire counts and cycles. */
export const mount: MountPanel = (host, ctx) => {
  render(<GraphPanel ctx={ctx} />, host);
  return () => render(null, host);
};
