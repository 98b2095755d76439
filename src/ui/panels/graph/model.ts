import { actionEmits, analyseLoops, parseJson } from '../../../engine';
import type { CompiledRules, CompiledTrigger } from '../../../engine';
import type { Layout } from './layout';
import { layoutGraph } from './layout';

/** A node of the rule graph: an event type, a trigger, or one action (a behaviour) of a trigger. */
export interface GraphNode {
  readonly id: string;
  readonly kind: 'event' | 'trigger' | 'behaviour';
  readonly label: string;
  /** The trigger it is or belongs to (null for events). */
  readonly trigger: string | null;
  /** For triggers: where they are in the rules file, 1-based. */
  readonly line?: number;
  readonly column?: number;
  /** For triggers: "every 2 s", "while …", "once", "cooldown 1 s", "delay 0.5 s"; empty when nothing to say. */
  readonly note?: string;
}

/** An edge: listens (event → trigger), does (trigger → behaviour), emits (behaviour → event), enables or disables (behaviour → trigger). */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'listens' | 'does' | 'emits' | 'enables' | 'disables';
  /** The trigger whose firings this edge carries: its fire count is the edge's. */
  readonly trigger: string;
  /** On a cycle of triggers re-firing each other: 'loop' when nothing guards it (a load warning), 'guarded' otherwise. */
  readonly cycle: 'loop' | 'guarded' | null;
}

/** The rule graph of compiled rules, laid out. */
export interface RuleGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly layout: Layout;
  /** How many loops (unguarded) and guarded cycles the rules have. */
  readonly loops: number;
  readonly guardedCycles: number;
}

const ev = (type: string) => `e:${type}`;
const tr = (id: string) => `t:${id}`;

function triggerNote(t: CompiledTrigger): string {
  const s = t.spec;
  const parts = [
    t.mode === 'every' ? `every ${s.every} s` : t.mode === 'while' ? 'while (a state trigger)' : '',
    t.once ? 'once' : '',
    s.cooldown ? `cooldown ${s.cooldown} s` : '',
    s.delay ? `delay ${s.delay} s` : '',
    t.enabled ? '' : 'off at start',
  ];
  return parts.filter(Boolean).join(' · ');
}

/** Builds the graph of event types → triggers → behaviours → emitted events, with enable/disable edges and cycles marked. */
export function buildRuleGraph(rules: CompiledRules): RuleGraph {
  const doc = parseJson(rules.text, rules.source).doc;
  const { loops, cyclic, unguarded } = analyseLoops(rules.triggers);
  const listeners = new Map<string, string[]>();
  for (const t of rules.triggers)
    if (t.mode === 'on' && t.on) listeners.set(t.on, [...(listeners.get(t.on) ?? []), t.id]);
  const same = (m: ReadonlyMap<string, number>, a: string, b: string) => m.has(a) && m.get(a) === m.get(b);
  /** How a link from trigger `a` to the triggers listening to `type` sits on a cycle. */
  const cycleVia = (a: string, type: string): GraphEdge['cycle'] => {
    const to = listeners.get(type) ?? [];
    if (to.some((b) => same(unguarded, a, b))) return 'loop';
    return to.some((b) => same(cyclic, a, b)) ? 'guarded' : null;
  };
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const eventNode = (type: string) => {
    if (!nodes.has(ev(type))) nodes.set(ev(type), { id: ev(type), kind: 'event', label: type, trigger: null });
  };
  for (const t of rules.triggers) {
    if (t.on) eventNode(t.on);
    const at = doc.locate(['triggers', t.index]);
    nodes.set(tr(t.id), { id: tr(t.id), kind: 'trigger', label: t.id, trigger: t.id, ...at, note: triggerNote(t) });
  }
  for (const t of rules.triggers) {
    if (t.mode === 'on' && t.on) {
      const closes = rules.triggers.some((u) => same(cyclic, u.id, t.id) && actionEmitsAny(u, t.on as string));
      const loop = rules.triggers.some((u) => same(unguarded, u.id, t.id) && actionEmitsAny(u, t.on as string));
      edges.push({
        from: ev(t.on),
        to: tr(t.id),
        kind: 'listens',
        trigger: t.id,
        cycle: loop ? 'loop' : closes ? 'guarded' : null,
      });
    }
    t.actions.forEach((a, i) => {
      const b = `b:${t.id}#${i}`;
      const emits = actionEmits(t, i);
      const cycles = emits.map((e) => cycleVia(t.id, e));
      const cycle = cycles.includes('loop') ? 'loop' : cycles.includes('guarded') ? 'guarded' : null;
      nodes.set(b, { id: b, kind: 'behaviour', label: a.behaviour.name, trigger: t.id });
      edges.push({ from: tr(t.id), to: b, kind: 'does', trigger: t.id, cycle });
      emits.forEach((e, k) => {
        eventNode(e);
        edges.push({ from: b, to: ev(e), kind: 'emits', trigger: t.id, cycle: cycles[k] ?? null });
      });
      const target = (t.spec.do[i] as { trigger?: unknown }).trigger;
      const name = a.behaviour.name;
      if (
        (name === 'enableTrigger' || name === 'disableTrigger') &&
        typeof target === 'string' &&
        rules.byId.has(target)
      )
        edges.push({
          from: b,
          to: tr(target),
          kind: name === 'enableTrigger' ? 'enables' : 'disables',
          trigger: t.id,
          cycle: null,
        });
    });
  }
  const list = [...nodes.values()];
  // Enable/disable edges do not carry events: they are drawn, but do not shape the layers.
  const shaping = edges.filter((e) => e.kind !== 'enables' && e.kind !== 'disables');
  return {
    nodes: list,
    edges,
    layout: layoutGraph(
      list.map((n) => n.id),
      shaping,
    ),
    loops: loops.filter((l) => !l.guarded).length,
    guardedCycles: loops.filter((l) => l.guarded).length,
  };
}

function actionEmitsAny(t: CompiledTrigger, type: string): boolean {
  for (let i = 0; i < t.actions.length; i++) if (actionEmits(t, i).includes(type)) return true;
  return false;
}
