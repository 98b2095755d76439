/** Tuning of the cloud (times in ticks at 60 Hz, traffic in requests per second, CPU in %). */
export const cloudTuning = {
  /** Servers and the load balancer report every 5 seconds. */
  sampleTicks: 5 * 60,
  /** A new server takes 20 s to boot before it takes traffic… */
  bootTicks: 20 * 60,
  /** …and is slow for its first 30 s in service (cold caches): each request costs up to `coldCost` times more CPU. */
  warmupTicks: 30 * 60,
  coldCost: 1.6,
  /** A draining server finishes its requests for 8 s, then goes away. */
  drainTicks: 8 * 60,
  /** Requests per second one warm server handles at 100 % CPU. */
  capacity: 100,
  /** CPU % of an idle server. */
  idleCpu: 4,
  /** Pool size limits, and the size at the start. */
  pool: { min: 2, max: 10, start: 3 },
  /** A "day" of traffic lasts 5 minutes: quiet at night, a peak at midday. */
  dayTicks: 300 * 60,
  /** The night's traffic as a share of the peak. */
  night: 0.2,
  /** The peak traffic at slider 0 and at slider 1. */
  peak: { low: 60, high: 1000 },
  /** The Spike button: extra traffic for 90 seconds (ramps in over 3 s, out over 10 s). */
  spike: { ticks: 90 * 60, rps: 300 },
  /** Random surges: at each sample, this chance of extra traffic for 20–45 s. */
  surge: { chance: 0.02, minTicks: 20 * 60, maxTicks: 45 * 60, minRps: 80, maxRps: 220 },
  /** The slider must rest this long before the new setting counts (a drag is one change, not fifty). */
  sliderSettleTicks: 30,
  /** Racks: slots for servers (running, booting and draining together). */
  slots: 16,
  /** Graph points: one every half second, two minutes of them. */
  historyEvery: 30,
  historyLength: 240,
  /** Pool CPU samples kept for the renderer. */
  samplesKept: 24,
  /** At each sample, the chance that a server in service crashes (seeded): it stops reporting and serving. */
  crashChance: 0.003,
  /** The load balancer health-checks the servers every 15 s; one that failed two checks in a row is replaced. */
  healthTicks: 15 * 60,
  /** Emails kept in the outbox. */
  outboxSize: 20,
} as const;

/** Indices into runtime.traffic. */
export const RPS = 0;
export const PREV_RPS = 1;
export const DEMAND = 2;
export const SPIKE_RPS = 3;
export const SURGE_RPS = 4;
/** The surge's height (rps), the day's mood (a slow random factor on the wave), the rps jitter, and the wave's phase (ticks). */
export const SURGE_HEIGHT = 5;
export const MOOD = 6;
export const JITTER = 7;
export const PHASE = 8;
export const TRAFFIC_FIELDS = 9;

/** Indices into runtime.counters. */
export const SPIKE_UNTIL = 0;
export const SURGE_UNTIL = 1;
export const SPIKE_HELD = 2;
export const SLIDER_SINCE = 3;
export const HISTORY_NEXT = 4;
export const SAMPLES_NEXT = 5;
export const SURGE_START = 6;
export const COUNTER_FIELDS = 7;
