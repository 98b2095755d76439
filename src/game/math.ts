/** Length of a vector: √(dx² + dy²) (much faster than Math.hypot in V8). */
export function len(dx: number, dy: number): number {
  return Math.sqrt(dx * dx + dy * dy);
}
