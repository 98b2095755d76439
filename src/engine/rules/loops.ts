import type { CompiledTrigger } from './compileRules';
import type { RuleError } from './errors';
import { formatError } from './errors';

/** A loader warning: located like an error, but the file still loads. */
export type RuleWarning = RuleError;

/** A cycle of triggers that can re-fire each other through the events they emit. */
export interface RuleLoop {
  /** The triggers in firing order, starting with the first in the file; the last one's event fires the first again. */
  readonly triggers: readonly string[];
  /** `events[i]` is what `triggers[i]` emits that fires `triggers[i + 1]` (and the last fires the first). */
  readonly events: readonly string[];
  /** True when a trigger on the way has `once`, `cooldown` or `delay`, which bounds how fast it can go round. */
  readonly guarded: boolean;
  /** Every trigger of the strongly connected component the cycle runs in, in file order (a superset of `triggers`). */
  readonly members: readonly string[];
}

/** The loops of a rules file, and for each trigger on a cycle the component it belongs to. */
export interface LoopAnalysis {
  /** Unguarded loops first (each one a warning), then guarded cycles, each in file order. */
  readonly loops: readonly RuleLoop[];
  /** Trigger id → component number, for triggers on any cycle: an edge between two of the same number is on one. */
  readonly cyclic: ReadonlyMap<string, number>;
  /** The same, over triggers without once, cooldown or delay only: edges on an unguarded loop. */
  readonly unguarded: ReadonlyMap<string, number>;
}

/** The event types one action of a trigger may emit: its behaviour's declared `emits`, and the events its literal "event" parameters name. */
export function actionEmits(t: CompiledTrigger, i: number): string[] {
  const b = (t.actions[i] as CompiledTrigger['actions'][number]).behaviour;
  const out = new Set(b.emits ?? []);
  const spec = t.spec.do[i] as Record<string, unknown>;
  for (const [name, p] of Object.entries(b.params))
    if (p.kind === 'event' && Object.hasOwn(spec, name) && typeof spec[name] === 'string') out.add(spec[name]);
  return [...out];
}

/** The event types a trigger's actions may emit, over all its actions. */
export function emittedEvents(t: CompiledTrigger): string[] {
  const out = new Set<string>();
  for (let i = 0; i < t.actions.length; i++) for (const e of actionEmits(t, i)) out.add(e);
  return [...out];
}

/** True when a trigger bounds its own re-firing: `once`, a cooldown or a delay. */
export const isGuarded = (t: CompiledTrigger): boolean => t.once || t.cooldownTicks > 0 || t.delayTicks > 0;

type Edges = ReadonlyMap<string, readonly { to: string; event: string }[]>;

/** Trigger → triggers its emitted events fire ("on" triggers only: state and timer triggers do not hear events). */
export function triggerEdges(triggers: readonly CompiledTrigger[]): Edges {
  const byOn = new Map<string, CompiledTrigger[]>();
  for (const t of triggers) {
    if (t.mode !== 'on' || !t.on) continue;
    const list = byOn.get(t.on);
    if (list) list.push(t);
    else byOn.set(t.on, [t]);
  }
  const edges = new Map<string, { to: string; event: string }[]>();
  for (const t of triggers) {
    const out: { to: string; event: string }[] = [];
    for (const event of emittedEvents(t)) for (const u of byOn.get(event) ?? []) out.push({ to: u.id, event });
    edges.set(t.id, out);
  }
  return edges;
}

/** Strongly connected components that hold a cycle (more than one trigger, or one that re-fires itself), in file order. */
function cyclicComponents(ids: readonly string[], edges: Edges, keep: (id: string) => boolean): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const { to } of edges.get(v) ?? []) {
      if (!keep(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(v, Math.min(low.get(v) as number, low.get(to) as number));
      } else if (onStack.has(to)) low.set(v, Math.min(low.get(v) as number, index.get(to) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const comp: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      comp.push(w);
    } while (w !== v);
    if (comp.length > 1 || (edges.get(v) ?? []).some((e) => e.to === v)) out.push(comp);
  };
  for (const id of ids) if (keep(id) && !index.has(id)) visit(id);
  const order = new Map(ids.map((id, i) => [id, i]));
  for (const c of out) c.sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
  return out.sort((a, b) => (order.get(a[0] as string) as number) - (order.get(b[0] as string) as number));
}

/** The shortest way from a component's first trigger round to itself, inside the component. */
function shortestCycle(comp: readonly string[], edges: Edges): { triggers: string[]; events: string[] } {
  const start = comp[0] as string;
  const members = new Set(comp);
  const prev = new Map<string, { from: string; event: string }>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i] as string;
    for (const { to, event } of edges.get(v) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const triggers = [v];
        const events = [event];
        for (let w = v; w !== start;) {
          const p = prev.get(w) as { from: string; event: string };
          triggers.unshift(p.from);
          events.unshift(p.event);
          w = p.from;
        }
        return { triggers, events };
      }
      if (!prev.has(to)) {
        prev.set(to, { from: v, event });
        queue.push(to);
      }
    }
  }
  return { triggers: [start], events: [] };
}

/** Finds every cycle of triggers re-firing each other through emitted events, guarded or not. */
export function analyseLoops(triggers: readonly CompiledTrigger[]): LoopAnalysis {
  const edges = triggerEdges(triggers);
  const ids = triggers.map((t) => t.id);
  const byId = new Map(triggers.map((t) => [t.id, t]));
  const guarded = (id: string) => isGuarded(byId.get(id) as CompiledTrigger);
  const all = cyclicComponents(ids, edges, () => true);
  const bare = cyclicComponents(ids, edges, (id) => !guarded(id));
  const numbered = (comps: string[][]) => new Map(comps.flatMap((c, n) => c.map((id) => [id, n] as const)));
  const bareEdges: Edges = new Map([...edges].map(([k, v]) => [k, v.filter((e) => !guarded(e.to))]));
  const loops: RuleLoop[] = bare.map((c) => ({ ...shortestCycle(c, bareEdges), guarded: false, members: c }));
  for (const c of all) {
    if (bare.some((b) => b.length === c.length && c.includes(b[0] as string))) continue;
    const cycle = shortestCycle(c, edges);
    if (cycle.triggers.some(guarded)) loops.push({ ...cycle, guarded: true, members: c });
  }
  return { loops, cyclic: numbered(all), unguarded: numbered(bare) };
}

/** Where a trigger is in the file, 1-based. */
export type TriggerLocator = (index: number) => { line: number; column: number };

/** One warning per unguarded loop, at its first trigger, naming every trigger of the loop with its line:col. */
export function loopWarnings(
  triggers: readonly CompiledTrigger[],
  locate: TriggerLocator,
  file: string,
  analysis: LoopAnalysis = analyseLoops(triggers),
): RuleWarning[] {
  const byId = new Map(triggers.map((t) => [t.id, t]));
  return analysis.loops
    .filter((l) => !l.guarded)
    .map((l) => {
      const first = byId.get(l.triggers[0] as string) as CompiledTrigger;
      const named = (id: string) => {
        const at = locate((byId.get(id) as CompiledTrigger).index);
        return `${JSON.stringify(id)} (${at.line}:${at.column})`;
      };
      const steps = l.triggers.map((id, i) => `${named(id)} emits ${JSON.stringify(l.events[i])}`);
      const others = l.members.filter((id) => !l.triggers.includes(id));
      const also = others.length ? `; also in this loop: ${others.map(named).join(', ')}` : '';
      const message =
        l.members.length === 1
          ? `trigger ${steps[0]}, which fires it again; it has no "once", "cooldown" or "delay", so one event re-fires it until the cascade limit cuts the tick short`
          : `triggers fire each other in a loop: ${steps.join(' → ')} → ${JSON.stringify(first.id)}${also}; none has "once", "cooldown" or "delay", so one event re-fires them until the cascade limit cuts the tick short`;
      return { file, ...locate(first.index), path: `triggers[${first.index}]`, message };
    });
}

/** Formats a warning as the CLI prints it: `file:line:col  path  warning: message`. */
export function formatWarning(w: RuleWarning): string {
  return formatError({ ...w, message: `warning: ${w.message}` });
}
