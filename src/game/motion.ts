/** Kinds of agent, one byte each in `Agents.kind`. */
export const AgentKind = { Player: 0, Civilian: 1, Goon: 2, Police: 3 } as const;
/** An agent kind value. */
export type AgentKind = (typeof AgentKind)[keyof typeof AgentKind];
/** Names of the agent kinds, indexed by value (what events and rules call them). */
export const agentKindNames = ['player', 'civilian', 'goon', 'police'] as const;

/** Everyone in the city as parallel typed arrays (structure of arrays); an agent is an index. */
export interface Agents {
  /** Number of agent slots (the arrays' length). */
  readonly count: number;
  /** Position in metres now, and at the start of this tick (renderers interpolate between them). */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly prevX: Float64Array;
  readonly prevY: Float64Array;
  /** Facing in radians (0 = +x, π/2 = +y, down the screen); for police, where their sight cone points. */
  readonly heading: Float64Array;
  /** Current speed in m/s. */
  readonly speed: Float64Array;
  /** AgentKind of each slot. */
  readonly kind: Uint8Array;
  /** 1 while alive, 0 once dead (bodies stay where they fell until respawned). */
  readonly alive: Uint8Array;
  /** 1 while in the world, 0 when despawned or an inactive reserve slot (draw nothing). */
  readonly present: Uint8Array;
  /** Index of the car this agent is in (see Cars), -1 on foot. */
  readonly car: Int32Array;
  /** Where the agent is heading now (AI waypoint), and its home / sidewalk offset. */
  readonly goalX: Float64Array;
  readonly goalY: Float64Array;
  readonly homeX: Float64Array;
  readonly homeY: Float64Array;
  /** Tick before which the agent may not shoot again. */
  readonly cooldown: Int32Array;
  /** AI: tick at which to pick a new goal (0 = keep the current goal until reached). */
  readonly replanAt: Int32Array;
  /** Tick before which a car cannot hurt this agent again (one knock per impact). */
  readonly hitUntil: Int32Array;
  /** Police only: 1 when this unit sees the player this tick. */
  readonly sees: Uint8Array;
}

/** Kinds of car, one byte each in `Cars.kind`. */
export const CarKind = { Civilian: 0, Police: 1 } as const;
/** A car kind value. */
export type CarKind = (typeof CarKind)[keyof typeof CarKind];

/** Every car (parked, driven by the player, or a police car) as parallel typed arrays. */
export interface Cars {
  readonly count: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly prevX: Float64Array;
  readonly prevY: Float64Array;
  readonly heading: Float64Array;
  readonly speed: Float64Array;
  /** CarKind of each slot. */
  readonly kind: Uint8Array;
  /** 1 while in the world (reserve police cars are 0 until called in). */
  readonly present: Uint8Array;
  /** Agent driving it, -1 when parked / empty. */
  readonly driver: Int32Array;
  /** Agent that owns it: -1 for a stranger's car (taking it is theft), else the agent. */
  readonly owner: Int32Array;
  /** Paint colour index (0–7) for the renderer. */
  readonly colour: Uint8Array;
}

/** Creates `n` agent slots, all absent. */
export function createAgents(n: number): Agents {
  const f = () => new Float64Array(n);
  return {
    count: n,
    x: f(),
    y: f(),
    prevX: f(),
    prevY: f(),
    heading: f(),
    speed: f(),
    kind: new Uint8Array(n),
    alive: new Uint8Array(n),
    present: new Uint8Array(n),
    car: new Int32Array(n).fill(-1),
    goalX: f(),
    goalY: f(),
    homeX: f(),
    homeY: f(),
    cooldown: new Int32Array(n),
    replanAt: new Int32Array(n),
    hitUntil: new Int32Array(n),
    sees: new Uint8Array(n),
  };
}

/** Creates `n` car slots, all absent. */
export function createCars(n: number): Cars {
  const f = () => new Float64Array(n);
  return {
    count: n,
    x: f(),
    y: f(),
    prevX: f(),
    prevY: f(),
    heading: f(),
    speed: f(),
    kind: new Uint8Array(n),
    present: new Uint8Array(n),
    driver: new Int32Array(n).fill(-1),
    owner: new Int32Array(n).fill(-1),
    colour: new Uint8Array(n),
  };
}

/** Copies positions into prevX/prevY: call at the start of each tick. */
export function savePrevious(m: { x: Float64Array; y: Float64Array; prevX: Float64Array; prevY: Float64Array }): void {
  m.prevX.set(m.x);
  m.prevY.set(m.y);
}

/** A copy of every typed array of a struct of arrays (for snapshots). */
export function copyArrays<T extends object>(soa: T): Record<string, ArrayLike<number>> {
  const out: Record<string, ArrayLike<number>> = {};
  for (const [k, v] of Object.entries(soa)) if (ArrayBuffer.isView(v)) out[k] = (v as unknown as Float64Array).slice();
  return out;
}

/** Restores typed arrays saved by copyArrays, in place. */
export function restoreArrays<T extends object>(soa: T, saved: Record<string, ArrayLike<number>>): void {
  for (const [k, v] of Object.entries(soa))
    if (ArrayBuffer.isView(v) && saved[k]) (v as unknown as Float64Array).set(saved[k]);
}
