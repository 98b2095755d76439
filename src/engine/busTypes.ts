import type { Cause } from './events';

/** Safety limits that stop runaway rule loops instead of hanging. */
export interface BusLimits {
  /** Longest cause chain (event → trigger → event …) within a tick. */
  maxDepth: number;
  /** Most events one tick may append. */
  maxEventsPerTick: number;
  /** Most condition work a tick may do: comparisons evaluated plus window entries read (default 200,000). */
  maxWorkPerTick?: number;
  /** Most delayed actions waiting at once (default 10,000). */
  maxPendingDelayed?: number;
}

/** Where an emitted event comes from: the event and trigger that caused it, and its depth in the cascade. */
export interface EmitOrigin {
  cause?: Cause;
  depth: number;
}
