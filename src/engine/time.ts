/** The engine's fixed tick rate: every tick is 1/60 of a simulated second. */
export const TICKS_PER_SECOND = 60;

/** Ticks as seconds with one decimal, e.g. `1.5`. */
export function secondsText(ticks: number): string {
  return (ticks / TICKS_PER_SECOND).toFixed(1);
}

/** Game time of a tick as a mm:ss clock. */
export function formatClock(tick: number): string {
  const s = Math.floor(tick / TICKS_PER_SECOND);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
