import type { ViewSettings } from '../../render/contract';
import { el, setText } from '../dom';

/** A HUD part that the frame loop refreshes. */
export interface HudPart<E extends HTMLElement = HTMLElement> {
  readonly el: E;
  update(): void;
}

/** The "Flashing: on/off" button: toggles reduced motion and remembers the choice. */
export function createMotionToggle(settings: ViewSettings): HudPart<HTMLButtonElement> {
  const motion = el('button', 'motion');
  motion.addEventListener('click', () => {
    settings.reducedMotion = !settings.reducedMotion;
    try {
      localStorage.setItem('siren.reducedMotion', settings.reducedMotion ? '1' : '0');
    } catch {
      // storage may be unavailable; the setting still applies now
    }
  });
  return { el: motion, update: () => setText(motion, settings.reducedMotion ? 'Flashing: off' : 'Flashing: on') };
}

/** The PAUSED badge, shown while the page is paused. */
export function createPausedBadge(): HudPart {
  const paused = el('span', 'paused', 'PAUSED — P to resume, . to step');
  paused.hidden = true;
  return { el: paused, update: () => (paused.hidden = !(document.body.dataset.paused === 'true')) };
}

/** The keys and what they do, as a definition list. */
export function createKeyList(keys: readonly [string, string][]): HTMLDListElement {
  const list = el('dl');
  for (const [k, what] of keys) list.append(el('dt', '', k), el('dd', '', what));
  return list;
}
