import { effect } from '@preact/signals';
import { triggerOf } from '../../engine';
import { el } from '../dom';
import type { DebugSession } from './session';

/** The banner over the game while a breakpoint holds it: which one stopped it where, and the controls (as text). */
export function createDebugBanner(stage: HTMLElement, debug: DebugSession): () => void {
  const banner = el('div', 'debug-banner');
  banner.setAttribute('role', 'status');
  banner.hidden = true;
  const text = el('span', 'debug-reason');
  const button = (label: string, title: string, action: string, run: () => void) => {
    const b = el('button', 'debug-btn', label);
    b.type = 'button';
    b.title = title;
    b.dataset.action = action;
    b.addEventListener('click', run);
    return b;
  };
  const from = button('Where from?', 'Show the trigger behind this event in the Rules editor', 'where-from', () => {
    const ev = debug.stop.peek()?.event;
    const t = ev && triggerOf(ev);
    if (ev && t) debug.whereFrom(t, 'log', ev.seq);
  });
  banner.append(
    text,
    button('Continue', 'Continue the game (F8)', 'continue', () => debug.resume()),
    button('Next event', 'Deliver one more event, then pause (F10)', 'step-event', () => debug.stepEvent()),
    button('Next tick', 'Finish this tick, then pause (F9)', 'step-tick', () => debug.stepTick()),
    from,
  );
  stage.append(banner);
  return effect(() => {
    const stop = debug.stop.value;
    banner.hidden = !stop;
    text.textContent = stop ? `⏸ ${stop.reason}` : '';
    from.hidden = !stop || !triggerOf(stop.event);
  });
}
