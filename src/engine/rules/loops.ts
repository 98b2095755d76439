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

/** The names of a behaviour's parameters that name an event type, worked out once per behaviour. */
const eventParamsOf = new WeakMap<object, readonly string[]>();
function eventParams(b: CompiledTrigger['actions'][number]['behaviour']): readonly string[] {
  let names = eventParamsOf.get(b);
  if (!names) {
    names = Object.entries(b.params)
      .filter(([, p]) => p.kind === 'event')
      .map(([name]) => name);
    eventParamsOf.set(b, names);
  }
  return names;
}

/** The event types one action of a trigger may emit: its behaviour's declared `emits`, and the events its literal "event" parameters name. */
export function actionEmits(t: CompiledTrigger, i: number): string[] {
  const action = t.actions[i];
  if (!action) return [];
  const out = new Set(action.behaviour.emits ?? []);
  const spec = t.spec.do[i] as Record<string, unknown>;
  for (const name of eventParams(action.behaviour)) {
    const event = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (typeof event === 'string') out.add(event);
  }
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

/** Trigger i's emitted events fire the triggers `to[i]` (indices into the file's triggers), `via[i]` the event of each. */
interface TriggerGraph {
  readonly to: readonly (readonly number[])[];
  readonly via: readonly (readonly string[])[];
}

const NO_EDGES: readonly never[] = [];

/** Calls `visit` with each event type a trigger may emit, first occurrences first (a repeat may follow). */
function forEachEmitted(t: CompiledTrigger, visit: (event: string) => void): void {
  t.actions.forEach((action, i) => {
    for (const e of action.behaviour.emits ?? NO_EDGES) visit(e);
    const names = eventParams(action.behaviour);
    if (!names.length) return;
    const spec = t.spec.do[i] as Record<string, unknown>;
    for (const name of names) {
      const event = Object.hasOwn(spec, name) ? spec[name] : undefined;
      if (typeof event === 'string') visit(event);
    }
  });
}

/**
 * The graph of triggers firing triggers, over the triggers `keep` accepts ("on" triggers only: state and timer
 * triggers do not hear events). An edge repeats when two actions emit the same event; cycles and paths do not change.
 */
function triggerGraph(triggers: readonly CompiledTrigger[], keep: (t: CompiledTrigger) => boolean): TriggerGraph {
  const byOn = new Map<string, number[]>();
  triggers.forEach((t, i) => {
    if (t.mode !== 'on' || !t.on || !keep(t)) return;
    const list = byOn.get(t.on);
    if (list) list.push(i);
    else byOn.set(t.on, [i]);
  });
  const to: (readonly number[])[] = [];
  const via: (readonly string[])[] = [];
  for (const t of triggers) {
    let targets: number[] | undefined;
    let events: string[] | undefined;
    if (keep(t))
      forEachEmitted(t, (event) => {
        for (const u of byOn.get(event) ?? NO_EDGES) {
          (targets ??= []).push(u);
          (events ??= []).push(event);
        }
      });
    to.push(targets ?? NO_EDGES);
    via.push(events ?? NO_EDGES);
  }
  return { to, via };
}

/** Tarjan's bookkeeping, one slot per trigger. */
interface Tarjan {
  readonly index: number[];
  readonly low: number[];
  readonly onStack: boolean[];
  readonly stack: number[];
  next: number;
}

/** Numbers a trigger as Tarjan's search reaches it. */
function open(s: Tarjan, v: number): void {
  s.index[v] = s.low[v] = s.next++;
  s.stack.push(v);
  s.onStack[v] = true;
}

/** Pops the component whose root is `v` off Tarjan's stack, in file order. */
function closeComponent(s: Tarjan, v: number): number[] {
  const comp: number[] = [];
  for (let w = s.stack.pop(); w !== undefined; w = s.stack.pop()) {
    s.onStack[w] = false;
    comp.push(w);
    if (w === v) break;
  }
  return comp.sort((a, b) => a - b);
}

/** Strongly connected components of the triggers `keep` marks (null: all) that hold a cycle (more than one trigger, or one that re-fires itself), in file order; iterative, so a long chain cannot overflow the stack. */
function cyclicComponents(g: TriggerGraph, keep: readonly boolean[] | null): number[][] {
  const n = g.to.length;
  const s: Tarjan = {
    index: new Array<number>(n).fill(-1),
    low: new Array<number>(n).fill(0),
    onStack: [],
    stack: [],
    next: 0,
  };
  const edge = new Array<number>(n).fill(0);
  const out: number[][] = [];
  for (let root = 0; root < n; root++) {
    if ((keep && !keep[root]) || s.index[root] !== -1) continue;
    open(s, root);
    const call = [root];
    for (let v = root; call.length; v = call[call.length - 1] ?? root) {
      const succ = g.to[v] ?? [];
      const k = edge[v] ?? 0;
      const w = succ[k];
      if (w !== undefined) {
        edge[v] = k + 1;
        if (keep && !keep[w]) continue;
        if (s.index[w] === -1) {
          open(s, w);
          call.push(w);
        } else if (s.onStack[w]) s.low[v] = Math.min(s.low[v] ?? 0, s.index[w] ?? 0);
        continue;
      }
      call.pop();
      const parent = call[call.length - 1];
      if (parent !== undefined) s.low[parent] = Math.min(s.low[parent] ?? 0, s.low[v] ?? 0);
      if (s.low[v] !== s.index[v]) continue;
      const comp = closeComponent(s, v);
      if (comp.length > 1 || succ.includes(v)) out.push(comp);
    }
  }
  return out.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

/** The shortest way from a component's first trigger round to itself, inside the component, as trigger indices and events. */
function shortestCycle(comp: readonly number[], g: TriggerGraph): { triggers: number[]; events: string[] } {
  const start = comp[0] ?? 0;
  const members = new Set(comp);
  const prev = new Map<number, { from: number; event: string }>();
  const queue = [start];
  for (const v of queue) {
    const to = g.to[v] ?? [];
    for (let k = 0; k < to.length; k++) {
      const u = to[k] ?? -1;
      const event = g.via[v]?.[k] ?? '';
      if (!members.has(u)) continue;
      if (u === start) return traceBack(prev, start, v, event);
      if (!prev.has(u)) {
        prev.set(u, { from: v, event });
        queue.push(u);
      }
    }
  }
  return { triggers: [start], events: [] };
}

/** Follows breadth-first predecessors from `last` back to `start`: the cycle `start → … → last → start`. */
function traceBack(
  prev: ReadonlyMap<number, { from: number; event: string }>,
  start: number,
  last: number,
  event: string,
): { triggers: number[]; events: string[] } {
  const triggers = [last];
  const events = [event];
  for (let w = last; w !== start;) {
    const p = prev.get(w);
    if (!p) break;
    triggers.unshift(p.from);
    events.unshift(p.event);
    w = p.from;
  }
  return { triggers, events };
}

/** A component's shortest cycle as a loop of trigger ids. */
function loopOf(
  triggers: readonly CompiledTrigger[],
  g: TriggerGraph,
  comp: readonly number[],
  guarded: boolean,
): RuleLoop {
  const id = (i: number) => triggers[i]?.id ?? '';
  const cycle = shortestCycle(comp, g);
  return { triggers: cycle.triggers.map(id), events: cycle.events, guarded, members: comp.map(id) };
}

/** The loops no trigger on the way bounds (`once`, `cooldown`, `delay`): what the loader warns about. */
export function unguardedLoops(triggers: readonly CompiledTrigger[]): RuleLoop[] {
  const g = triggerGraph(triggers, (t) => !isGuarded(t));
  return cyclicComponents(g, null).map((c) => loopOf(triggers, g, c, false));
}

/** Finds every cycle of triggers re-firing each other through emitted events, guarded or not. */
export function analyseLoops(triggers: readonly CompiledTrigger[]): LoopAnalysis {
  const g = triggerGraph(triggers, () => true);
  const unguarded = triggers.map((t) => !isGuarded(t));
  const all = cyclicComponents(g, null);
  const bare = cyclicComponents(g, unguarded);
  const sizeOfBare = new Map(bare.flatMap((c) => c.map((i) => [i, c.length] as const)));
  const loops = bare.map((c) => loopOf(triggers, g, c, false));
  const indexOf = new Map(triggers.map((t, i) => [t.id, i]));
  for (const c of all) {
    if (sizeOfBare.get(c[0] ?? -1) === c.length) continue;
    const loop = loopOf(triggers, g, c, true);
    if (loop.triggers.some((id) => !unguarded[indexOf.get(id) ?? -1])) loops.push(loop);
  }
  const numbered = (comps: number[][]) =>
    new Map(comps.flatMap((c, n) => c.map((i) => [triggers[i]?.id ?? '', n] as const)));
  return { loops, cyclic: numbered(all), unguarded: numbered(bare) };
}

/** Where a trigger is in the file, 1-based. */
export type TriggerLocator = (index: number) => { line: number; column: number };

/** One warning per unguarded loop, at its first trigger, naming every trigger of the loop with its line:col. */
export function loopWarnings(
  triggers: readonly CompiledTrigger[],
  locate: TriggerLocator,
  file: string,
  loops: readonly RuleLoop[] = unguardedLoops(triggers),
): RuleWarning[] {
  const byId = new Map(triggers.map((t) => [t.id, t]));
  return loops
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
