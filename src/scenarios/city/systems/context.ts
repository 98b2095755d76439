import { scanRadius } from '../../../game';
import type { StepContext } from '../../../engine';
import type { CityInput, CityRuntime, CityWorld } from '../types';

/** What every city system gets: the engine's step context for the city. */
export type CityContext = StepContext<CityWorld, CityRuntime, CityInput>;

/** Reports a crime: counts it and emits `crime.committed` (the rules decide what it costs). */
export function commitCrime(ctx: CityContext, kind: string, severity: number): void {
  ctx.world.crimes++;
  ctx.emit('crime.committed', { kind, severity });
}

/**
 * Writes into runtime.scratch.ids the present agents within r metres of (px, py) and returns how many: the ids a
 * query of the spatial grid would give, in its order, found by one pass over the agents. A tick makes at most one
 * such query (the player shoots on foot or runs people over in a car), and building the grid for it costs several
 * times more than the pass.
 */
export function agentsNear(ctx: CityContext, px: number, py: number, r: number): number {
  const { grid, agents: a, scratch } = ctx.runtime;
  return scanRadius(grid, a.x, a.y, a.present, a.count, px, py, r, scratch.ids);
}
