import { el } from '../dom';
import type { Keyboard } from '../keyboard';
import { stickKeys } from './mapping';
import type { KeyPress } from './mapping';
import './touch.css';

/** A touch button: its label and the key it holds while touched. */
export type TouchButton = readonly [label: string, code: string, key: string];

/** True on a touch screen (the controls are shown only there). */
export function isTouchScreen(w: Window = window): boolean {
  return w.navigator.maxTouchPoints > 0 || w.matchMedia('(pointer: coarse)').matches;
}

type Keys = Pick<Keyboard, 'press' | 'release'>;

/** A virtual stick: dragging from its centre holds the arrows pointing that way. */
function createStick(keys: Keys): HTMLElement {
  const base = el('div', 'touch-stick');
  const knob = el('div', 'touch-knob');
  base.append(knob);
  base.setAttribute('aria-label', 'Move');
  let held: KeyPress[] = [];
  const set = (next: KeyPress[]) => {
    for (const [code] of held) if (!next.some(([c]) => c === code)) keys.release(code, 'touch');
    for (const [code, key] of next) keys.press(code, key, 'touch');
    held = next;
  };
  const move = (e: PointerEvent) => {
    const r = base.getBoundingClientRect();
    const radius = r.width / 2;
    const dx = (e.clientX - r.left - radius) / radius;
    const dy = (e.clientY - r.top - radius) / radius;
    const k = Math.min(1, 1 / Math.max(1e-9, Math.hypot(dx, dy)));
    knob.style.transform = `translate(${(dx * k * radius * 0.6).toFixed(0)}px, ${(dy * k * radius * 0.6).toFixed(0)}px)`;
    set(stickKeys(dx, dy));
  };
  const end = () => {
    knob.style.transform = '';
    set([]);
  };
  base.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    base.setPointerCapture(e.pointerId);
    move(e);
  });
  base.addEventListener('pointermove', (e) => {
    if (base.hasPointerCapture(e.pointerId)) move(e);
  });
  base.addEventListener('pointerup', end);
  base.addEventListener('pointercancel', end);
  return base;
}

function createButton(keys: Keys, [label, code, key]: TouchButton): HTMLElement {
  const b = el('button', 'touch-button', label);
  b.type = 'button';
  b.dataset.code = code;
  b.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    b.setPointerCapture(e.pointerId);
    keys.press(code, key, 'touch');
  });
  const up = () => keys.release(code, 'touch');
  b.addEventListener('pointerup', up);
  b.addEventListener('pointercancel', up);
  return b;
}

/** Touch controls over the stage: a stick bottom left, buttons bottom right, pressing the keyboard's keys. */
export function createTouchControls(host: HTMLElement, keys: Keys, buttons: readonly TouchButton[]) {
  const root = el('div', 'touch-controls');
  const pad = el('div', 'touch-buttons');
  pad.append(...buttons.map((b) => createButton(keys, b)));
  root.append(createStick(keys), pad);
  root.addEventListener('contextmenu', (e) => e.preventDefault());
  host.append(root);
  host.classList.add('touch');
  return {
    destroy() {
      root.remove();
      host.classList.remove('touch');
    },
  };
}
