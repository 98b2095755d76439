/** True when keys typed now belong to a text field or editor, not to the game. */
export function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !(el instanceof HTMLElement)) return false;
  return (
    el.isContentEditable ||
    el.tagName === 'INPUT' ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    !!el.closest('.cm-editor')
  );
}

/** Where a press came from: each source holds its own keys, so releasing one never releases another's. */
export type InputSource = 'key' | 'touch' | 'pad';

const SOURCES: readonly InputSource[] = ['key', 'touch', 'pad'];

/**
 * Keys held down and keys pressed since the last read, from the keyboard (ignoring keys typed into fields and
 * editors) and from the touch controls and gamepad, which press the same key codes.
 */
export interface Keyboard {
  /** Is this key (KeyboardEvent.code) held now, or was it pressed since the last tick (a tap shorter than a tick)? */
  held(code: string): boolean;
  /** Keys pressed since the last call (each once). */
  takePressed(): string[];
  /** A tick has read its input: forget taps already released. */
  endTick(): void;
  /** Presses `code` (its KeyboardEvent.key is `key`) from a source. */
  press(code: string, key: string, source: InputSource): void;
  /** Releases `code` from a source. */
  release(code: string, source: InputSource): void;
  /** Releases everything (e.g. when the window loses focus). */
  clear(): void;
  dispose(): void;
}

/** Keys the page keeps from the browser: arrows and Space scroll, F10 opens a menu in some (F8–F10 drive the debugger). */
const GAME_CODES = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Space', 'F8', 'F9', 'F10']);

/** Key state without listeners: what the keyboard, touch controls and gamepad all feed. */
export function createKeyState(): Omit<Keyboard, 'dispose'> {
  const down = new Set<string>();
  const latched = new Set<string>();
  let pressed: string[] = [];
  return {
    held: (code) => latched.has(code) || SOURCES.some((s) => down.has(`${s}:${code}`)),
    takePressed() {
      const p = pressed;
      pressed = [];
      return p;
    },
    endTick: () => latched.clear(),
    press(code, key, source) {
      if (down.has(`${source}:${code}`)) return;
      down.add(`${source}:${code}`);
      latched.add(code);
      pressed.push(key.length === 1 ? key.toLowerCase() : key);
    },
    release: (code, source) => void down.delete(`${source}:${code}`),
    clear: () => down.clear(),
  };
}

/** Listens on `target` (normally window). Escape in a field or editor hands the keys back to the game. */
export function createKeyboard(target: Window): Keyboard {
  const state = createKeyState();
  const onDown = (e: KeyboardEvent) => {
    if (typingInField(e.target)) {
      if (e.key === 'Escape' && !e.defaultPrevented) (e.target as HTMLElement).blur();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (GAME_CODES.has(e.code)) e.preventDefault();
    state.press(e.code, e.key, 'key');
  };
  const onUp = (e: KeyboardEvent) => state.release(e.code, 'key');
  const onBlur = () => state.clear();
  target.addEventListener('keydown', onDown);
  target.addEventListener('keyup', onUp);
  target.addEventListener('blur', onBlur);
  return {
    ...state,
    dispose() {
      target.removeEventListener('keydown', onDown);
      target.removeEventListener('keyup', onUp);
      target.removeEventListener('blur', onBlur);
    },
  };
}
