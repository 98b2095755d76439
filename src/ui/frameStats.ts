/** Rolling per-frame CPU time (simulation + render submission) for the test hook and the benchmark. */
export interface FrameStats {
  record(ms: number): void;
  /** p50 and p95 of the last frames, in ms, and frames seen. */
  read(): { p50: number; p95: number; frames: number };
}

/** Keeps the last `size` frame times. */
export function createFrameStats(size = 600): FrameStats {
  const ring = new Float64Array(size);
  let n = 0;
  return {
    record(ms) {
      ring[n % size] = ms;
      n++;
    },
    read() {
      const count = Math.min(n, size);
      const sorted = Array.from(ring.subarray(0, count)).sort((a, b) => a - b);
      const q = (p: number) => (count ? (sorted[Math.min(count - 1, Math.floor(p * count))] as number) : 0);
      return { p50: q(0.5), p95: q(0.95), frames: n };
    },
  };
}
