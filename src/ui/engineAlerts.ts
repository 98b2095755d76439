import type { AnyEngine, SirenEvent } from '../engine';
import type { Overlay } from './overlay';

/** How long an alert stays up after the last warning or error it reports (ms). */
const HOLD_MS = 6000;
/** How often the overlay's text may change (ms): a runaway warns every tick, the page redraws a few times a second. */
const REFRESH_MS = 250;
/** Distinct alert lines kept (the newest). */
const MAX_LINES = 4;

/** One distinct warning or error and how often it happened while shown. */
interface Seen {
  text: string;
  count: number;
  last: number;
}

/** Shows the engine's `engine.warning` and `engine.error` events over the game, whichever panel is open. */
export interface EngineAlerts {
  /** Listens to this engine's log (and stops listening to the previous one). */
  watch(engine: AnyEngine): void;
  /** Call once a frame: refreshes the overlay, hides it once nothing new came for a few seconds. */
  update(now: number): void;
  /** The lines on screen (empty when hidden). */
  readonly lines: readonly string[];
}

/** The line an engine event becomes (text only: trigger ids and messages come from the user's rules). */
function alertText(ev: SirenEvent): string {
  const p = ev.payload as { reason?: unknown; trigger?: unknown; message?: unknown };
  return ev.type === 'engine.warning'
    ? `⚠ ${String(p.reason)}`
    : `✗ trigger "${String(p.trigger)}" failed: ${String(p.message)}`;
}

/**
 * Creates the alerts on `overlay`. A log listener (cheap: one type comparison per event) notes the warnings as they
 * are appended, so none is missed even when a runaway floods the log past its capacity between two frames.
 */
export function createEngineAlerts(overlay: Overlay): EngineAlerts {
  const seen = new Map<string, Seen>();
  let stop: (() => void) | null = null;
  let changed = false;
  let lastShown = 0;
  let warnings = 0;
  let errors = 0;

  const note = (ev: SirenEvent) => {
    if (ev.type !== 'engine.warning' && ev.type !== 'engine.error') return;
    if (ev.type === 'engine.warning') warnings++;
    else errors++;
    const text = alertText(ev);
    const s = seen.get(text);
    const now = performance.now();
    if (s) {
      s.count++;
      s.last = now;
    } else {
      seen.set(text, { text, count: 1, last: now });
      // Keep the newest few (a Map iterates in insertion order: the first is the oldest).
      while (seen.size > MAX_LINES) seen.delete(seen.keys().next().value as string);
    }
    changed = true;
  };

  return {
    watch(engine) {
      stop?.();
      stop = engine.log.onAppend(note);
    },
    update(now) {
      if (changed && now - lastShown >= REFRESH_MS) {
        changed = false;
        lastShown = now;
        const list = [...seen.values()];
        const title =
          warnings && errors ? 'Rules ran away and failed' : warnings ? 'A runaway rule was stopped' : 'A rule failed';
        overlay.show(
          title,
          list.map((s) => (s.count > 1 ? `${s.text} (×${s.count})` : s.text)),
          warnings
            ? 'The game goes on: each time, the rest of that cascade was dropped and the next tick started clean. Fix or revert the rules (Inside ▸ Rules).'
            : 'The game goes on: the other behaviours and triggers still ran. Fix the rule (Inside ▸ Rules).',
        );
        return;
      }
      if (changed || seen.size === 0) return;
      let newest = 0;
      for (const s of seen.values()) newest = Math.max(newest, s.last);
      if (now - newest > HOLD_MS) {
        overlay.hide();
        seen.clear();
        warnings = 0;
        errors = 0;
      }
    },
    get lines() {
      return overlay.visible ? overlay.lines : [];
    },
  };
}
