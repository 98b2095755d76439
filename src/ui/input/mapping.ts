/** A key this input presses: its KeyboardEvent.code and .key. */
export type KeyPress = readonly [code: string, key: string];

const UP: KeyPress = ['ArrowUp', 'ArrowUp'];
const DOWN: KeyPress = ['ArrowDown', 'ArrowDown'];
const LEFT: KeyPress = ['ArrowLeft', 'ArrowLeft'];
const RIGHT: KeyPress = ['ArrowRight', 'ArrowRight'];

/** sin 22.5°: beyond this a direction's component presses its arrow, so the stick has eight directions. */
const DIAG = 0.38;

/** The arrow keys a stick deflected by (dx, dy) presses (y down; 1 = full); nothing inside the dead zone. */
export function stickKeys(dx: number, dy: number, deadZone = 0.25): KeyPress[] {
  const length = Math.hypot(dx, dy);
  if (!Number.isFinite(length) || length < deadZone) return [];
  const x = dx / length;
  const y = dy / length;
  const out: KeyPress[] = [];
  if (y < -DIAG) out.push(UP);
  if (y > DIAG) out.push(DOWN);
  if (x < -DIAG) out.push(LEFT);
  if (x > DIAG) out.push(RIGHT);
  return out;
}

/** What a gamepad reports (the part of the Gamepad API this reads). */
export interface PadState {
  readonly axes: readonly number[];
  readonly buttons: readonly { readonly pressed: boolean }[];
}

/** Standard-mapping buttons: A shoots, B or X gets in or out, Start pauses, the d-pad moves. */
export const PAD_BUTTONS: readonly (readonly [button: number, press: KeyPress])[] = [
  [0, ['Space', ' ']],
  [1, ['KeyE', 'e']],
  [2, ['KeyE', 'e']],
  [9, ['KeyP', 'p']],
  [12, UP],
  [13, DOWN],
  [14, LEFT],
  [15, RIGHT],
];

/** The keys a gamepad holds now: its left stick and d-pad as arrows, its buttons as the keyboard's keys. */
export function padKeys(pad: PadState): KeyPress[] {
  const out = stickKeys(pad.axes[0] ?? 0, pad.axes[1] ?? 0, 0.3);
  for (const [button, press] of PAD_BUTTONS)
    if (pad.buttons[button]?.pressed && !out.some(([code]) => code === press[0])) out.push(press);
  return out;
}
