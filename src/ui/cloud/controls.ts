/** What the HUD's controls say now: the page's readInput turns it into the tick's input record. */
export interface CloudControls {
  /** The load slider, 0 … 1. */
  load: number;
  /** Spike was clicked and no tick has taken the press yet. */
  spikePending: boolean;
  /** The metrics agent is on (off: no samples are published, so the alarms get missing datapoints). */
  agent: boolean;
}

/** Controls at their idle position. */
export function createCloudControls(load: number): CloudControls {
  return { load, spikePending: false, agent: true };
}
