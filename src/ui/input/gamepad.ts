import type { Keyboard } from '../keyboard';
import { padKeys } from './mapping';
import type { PadState } from './mapping';

/** Reads connected gamepads once a frame and presses and releases their keys on the shared key state. */
export function createGamepadInput(keys: Pick<Keyboard, 'press' | 'release'>, nav: Navigator = navigator) {
  let held = new Map<string, string>();
  return {
    /** Samples every connected pad (call once a frame). */
    poll(): void {
      if (typeof nav.getGamepads !== 'function') return;
      const now = new Map<string, string>();
      for (const pad of nav.getGamepads() as readonly (PadState | null)[])
        if (pad) for (const [code, key] of padKeys(pad)) now.set(code, key);
      for (const code of held.keys()) if (!now.has(code)) keys.release(code, 'pad');
      for (const [code, key] of now) keys.press(code, key, 'pad');
      held = now;
    },
  };
}
