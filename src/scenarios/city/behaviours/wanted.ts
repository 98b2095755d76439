import type { BehaviourContext } from '../../../engine';
import type { CityRuntime, CityWorld } from '../types';

/** The highest wanted level. */
export const MAX_WANTED = 5;

/** Sets the wanted level (clamped to 0 … 5) and emits wanted.changed when it moves. */
export function setWantedLevel(ctx: BehaviourContext<CityWorld, CityRuntime>, level: number): void {
  const from = ctx.world.wanted;
  const to = Math.max(0, Math.min(MAX_WANTED, Math.round(level)));
  if (to === from) return;
  ctx.world.wanted = to;
  ctx.emit('wanted.changed', { from, to });
}
