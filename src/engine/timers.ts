/** A running rules timer: the tick it runs out at, and its period in ticks when it repeats (0 when it does not). */
export interface Timer {
  readonly due: number;
  readonly every: number;
}

/** The running rules timers by name, in the order they were started: world state (in snapshots, kept across reloads). */
export type Timers = Map<string, Timer>;

/** Starts (or restarts) a timer that runs out `ticks` from `tick`, and again every `ticks` when it repeats. */
export function startTimer(timers: Timers, name: string, tick: number, ticks: number, repeat: boolean): void {
  const n = Math.max(1, ticks);
  timers.delete(name);
  timers.set(name, { due: tick + n, every: repeat ? n : 0 });
}

/** Seconds a timer has left at `tick` (0 when it is not running). */
export function timerLeft(timers: Timers, name: string, tick: number, ticksPerSecond: number): number {
  const t = timers.get(name);
  return t ? Math.max(0, t.due - tick) / ticksPerSecond : 0;
}

/** The timers that run out at `tick`, in start order; a repeating one is rescheduled, a one-shot one removed. */
export function takeDueTimers(timers: Timers, tick: number): string[] {
  let done: string[] | undefined;
  for (const [name, t] of timers) {
    if (t.due > tick) continue;
    (done ??= []).push(name);
    if (t.every > 0) timers.set(name, { due: t.due + t.every, every: t.every });
    else timers.delete(name);
  }
  return done ?? [];
}
