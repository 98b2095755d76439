import { buildGrid } from '../../../game';
import type { SpatialGrid } from '../../../game';
import type { StepContext } from '../../../engine';
import type { CityInput, CityRuntime, CityWorld } from '../types';

/** What every city system gets: the engine's step context for the city. */
export type CityContext = StepContext<CityWorld, CityRuntime, CityInput>;

/** Reports a crime: counts it and emits `crime.committed` (the rules decide what it costs). */
export function commitCrime(ctx: CityContext, kind: string, severity: number): void {
  ctx.world.crimes++;
  ctx.emit('crime.committed', { kind, severity });
}

/** The spatial grid over present agents, built on first use in a tick (most ticks need no proximity query). */
export function agentGrid(ctx: CityContext): SpatialGrid {
  const { grid, agents: a } = ctx.runtime;
  if (grid.builtAt !== ctx.tick) {
    buildGrid(grid, a.x, a.y, a.present, a.count);
    grid.builtAt = ctx.tick;
  }
  return grid;
}
