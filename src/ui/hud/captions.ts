import { TICKS_PER_SECOND } from '../../engine';
import type { SirenEvent } from '../../engine';
import { el, setText } from '../dom';

/** How long a `say` stays when its event does not say (the behaviour's default). */
const DEFAULT_SECONDS = 4;

/** A rules' `say` message and the ticks it is shown in: from `from` up to, not including, `until`. */
export interface SaidMessage {
  readonly text: string;
  readonly from: number;
  readonly until: number;
}

/** The message a `message.shown` event asks the page to show; undefined for any other event. */
export function saidMessage(ev: SirenEvent): SaidMessage | undefined {
  if (ev.type !== 'message.shown') return undefined;
  const { text, seconds } = ev.payload as { text?: unknown; seconds?: unknown };
  const secs = typeof seconds === 'number' ? seconds : DEFAULT_SECONDS;
  return { text: String(text ?? ''), from: ev.tick, until: ev.tick + Math.ceil(secs * TICKS_PER_SECOND) };
}

/** What the caption says at `tick`: the message's text while it lasts, '' before it and after it. */
export function saidTextAt(message: SaidMessage | null, tick: number): string {
  return message && tick >= message.from && tick < message.until ? message.text : '';
}

/** The caption of the rules' `say` (message.shown). */
export interface SaidCaption {
  readonly el: HTMLElement;
  /** Takes an event of the log: a message.shown replaces the message shown so far. */
  hear(ev: SirenEvent): void;
  /** Shows the message while it lasts at the engine's `tick`, hides the caption otherwise. */
  update(tick: number): void;
}

/** The caption of the rules' `say`: text only (never HTML), shown for the message's seconds, the latest one wins. */
export function createSaidCaption(): SaidCaption {
  const caption = el('div', 'caption said');
  caption.hidden = true;
  let message: SaidMessage | null = null;
  return {
    el: caption,
    hear(ev) {
      message = saidMessage(ev) ?? message;
    },
    update(tick) {
      const text = saidTextAt(message, tick);
      setText(caption, text);
      caption.hidden = !text;
    },
  };
}

/** The bottom-centre box captions sit in, read out politely by screen readers. */
export function createCaptionBox(...captions: HTMLElement[]): HTMLElement {
  const box = el('div', 'captions');
  box.setAttribute('aria-live', 'polite');
  box.append(...captions);
  return box;
}
