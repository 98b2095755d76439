/** One slice of work a frame at most: the page stays responsive while a long run replays. */
export const REPLAY_SLICE_MS = 8;

/** What a sliced replay drives: ticks done so far and a step of at most N ticks (true when finished). */
interface SlicedJob {
  readonly done: number;
  advance(maxTicks: number): boolean;
}

/**
 * Advances a replay in slices of about REPLAY_SLICE_MS, yielding to the page between them; reports progress after each.
 * Resolves true when it finished, false when `signal` cancelled it first.
 */
export async function replayInSlices(
  job: SlicedJob,
  onProgress?: (done: number) => void,
  signal?: AbortSignal,
): Promise<boolean> {
  for (;;) {
    if (signal?.aborted) return false;
    const t0 = performance.now();
    let finished = false;
    while (!finished && performance.now() - t0 < REPLAY_SLICE_MS) finished = job.advance(15);
    onProgress?.(job.done);
    if (finished) return true;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}
