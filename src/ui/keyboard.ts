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

/** Keys held down and keys pressed since the last read, ignoring keys typed into fields and editors. */
export interface Keyboard {
  /** Is this key (KeyboardEvent.code or .key) held now? */
  held(code: string): boolean;
  /** Keys pressed since the last call (each once). */
  takePressed(): string[];
  /** Releases everything (e.g. when the window loses focus). */
  clear(): void;
  dispose(): void;
}

/** Keys the page keeps from the browser: arrows and Space scroll, F10 opens a menu in some (F8–F10 drive the debugger). */
const GAME_CODES = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Space', 'F8', 'F9', 'F10']);

/** Listens on `target` (normally window). */
export function createKeyboard(target: Window): Keyboard {
  const down = new Set<string>();
  let pressed: string[] = [];
  const onDown = (e: KeyboardEvent) => {
    if (typingInField(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (GAME_CODES.has(e.code)) e.preventDefault();
    if (!down.has(e.code)) pressed.push(e.key.length === 1 ? e.key.toLowerCase() : e.key);
    down.add(e.code);
  };
  const onUp = (e: KeyboardEvent) => {
    down.delete(e.code);
  };
  const onBlur = () => down.clear();
  target.addEventListener('keydown', onDown);
  target.addEventListener('keyup', onUp);
  target.addEventListener('blur', onBlur);
  return {
    held: (code) => down.has(code),
    takePressed() {
      const p = pressed;
      pressed = [];
      return p;
    },
    clear: () => down.clear(),
    dispose() {
      target.removeEventListener('keydown', onDown);
      target.removeEventListener('keyup', onUp);
      target.removeEventListener('blur', onBlur);
    },
  };
}
