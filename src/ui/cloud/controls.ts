/** What the HUD's controls say now: the page's readInput turns it into the tick's input record. */
export interface CloudControls {
  /** The load slider, 0 … 1. */
  load: number;
  /** Spike was clicked and no tick has taken the press yet. */
  spikePending: boolean;
}

/** Controls at their idle position. */
export function createCloudControls(load: number): CloudControls {
  return { load, spikePending: false };
}
