import type { Agents } from '../../game/motion';

/** Anything that moves in slots with a previous and a current position (agents, cars). */
export type Moving = Pick<Agents, 'x' | 'y' | 'prevX' | 'prevY'>;

/** The x where slot `i` is drawn, `alpha` of the way from the previous tick's position to the current one. */
export function drawnX(m: Moving, i: number, alpha: number): number {
  const from = m.prevX[i] ?? 0;
  return from + ((m.x[i] ?? 0) - from) * alpha;
}

/** The y where slot `i` is drawn, `alpha` of the way from the previous tick's position to the current one. */
export function drawnY(m: Moving, i: number, alpha: number): number {
  const from = m.prevY[i] ?? 0;
  return from + ((m.y[i] ?? 0) - from) * alpha;
}

/** How far slot `i` moved along x in the last tick. */
export function stepX(m: Moving, i: number): number {
  return (m.x[i] ?? 0) - (m.prevX[i] ?? 0);
}

/** How far slot `i` moved along y in the last tick. */
export function stepY(m: Moving, i: number): number {
  return (m.y[i] ?? 0) - (m.prevY[i] ?? 0);
}
