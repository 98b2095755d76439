/** Fixed 60 Hz stepping from real time: an accumulator with a cap (no spiral of death), pause, single step and speed. */
export interface Loop {
  /** Simulated seconds per tick (1/60). */
  readonly dt: number;
  paused: boolean;
  /** Speed multiplier, clamped to 0.25…8. */
  speed: number;
  /** Fraction (0…1) of the next tick already elapsed: renderers interpolate with it. */
  readonly alpha: number;
  /** Ticks dropped because a frame took too long (the game slows down instead of freezing). */
  readonly dropped: number;
  /** Feeds real elapsed milliseconds; returns how many ticks to run now. */
  advance(elapsedMs: number): number;
  /** Asks for exactly one tick on the next advance (works while paused). */
  stepOnce(): void;
}

/** The speeds the UI offers. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;

/** Creates a loop; `maxTicksPerAdvance` bounds the catch-up after a stall. */
export function createLoop(options: { hz?: number; maxTicksPerAdvance?: number } = {}): Loop {
  const hz = options.hz ?? 60;
  const maxTicks = options.maxTicksPerAdvance ?? 8 * 8;
  // Elapsed time not yet run, in ticks (exact for whole milliseconds: 1000 ms is 60 ticks, not 59.999…).
  let acc = 0;
  let speed = 1;
  let step = 0;
  let dropped = 0;
  const loop: Loop = {
    dt: 1 / hz,
    paused: false,
    get speed() {
      return speed;
    },
    set speed(v: number) {
      speed = Math.min(8, Math.max(0.25, Number.isFinite(v) ? v : 1));
    },
    get alpha() {
      return loop.paused ? 0 : Math.min(1, acc);
    },
    get dropped() {
      return dropped;
    },
    advance(elapsedMs) {
      if (step > 0) {
        const n = step;
        step = 0;
        acc = 0;
        return n;
      }
      if (loop.paused) return 0;
      // A stall is capped below (and counted in `dropped`); NaN, infinite or negative time counts as none.
      acc += ((Number.isFinite(elapsedMs) ? Math.max(0, elapsedMs) : 0) * speed * hz) / 1000;
      let n = Math.floor(acc + 1e-9);
      acc = Math.max(0, acc - n);
      if (n > maxTicks) {
        dropped += n - maxTicks;
        n = maxTicks;
      }
      return n;
    },
    stepOnce() {
      step++;
    },
  };
  return loop;
}
