import type { AnyEngine } from '../../../engine';
import type { PanelContext } from '../context';
import type { Marker } from './markers';
import { startScrub } from './scrub';
import type { ScrubSession } from './scrub';

/** A scrub session with the markers of the run it keeps (the log loses the future while scrubbing back). */
export interface Kept {
  session: ScrubSession;
  markers: readonly Marker[];
}

/** Sessions live with their engine, so switching tabs keeps the recorded future. */
export const kept = new WeakMap<AnyEngine, Kept>();

/** The kept session if it still describes the engine (anything else moving the engine ends it). */
export function currentSession(engine: AnyEngine): Kept | null {
  const k = kept.get(engine);
  if (k && k.session.current(engine)) return k;
  if (k) kept.delete(engine);
  return null;
}

/** Pauses and moves time to `tick` at once (back by rewinding, forward within the kept future), as the timeline would. */
export function scrubTo(ctx: PanelContext, tick: number, markers: readonly Marker[] = []): void {
  const engine = ctx.engine.value;
  let k = currentSession(engine);
  if (!k) {
    ctx.loop.paused = true;
    k = { session: startScrub(engine), markers };
    kept.set(engine, k);
  }
  while (!k.session.seek(tick, 600));
  ctx.touch();
}
