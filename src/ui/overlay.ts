/** A panel listing problems (rules errors, bad URL parameters); text only, never HTML from the user. */
export interface Overlay {
  show(title: string, lines: readonly string[], note?: string): void;
  hide(): void;
  readonly visible: boolean;
  readonly lines: readonly string[];
}

/** Creates an overlay inside `host`. */
export function createOverlay(host: HTMLElement, className: string): Overlay {
  const box = document.createElement('section');
  box.className = `overlay ${className}`;
  box.setAttribute('role', 'alert');
  box.hidden = true;
  const h = document.createElement('h2');
  const list = document.createElement('ul');
  const foot = document.createElement('p');
  const close = document.createElement('button');
  close.textContent = '×';
  close.title = 'Hide';
  close.className = 'overlay-close';
  close.addEventListener('click', () => (box.hidden = true));
  box.append(close, h, list, foot);
  host.append(box);
  let current: readonly string[] = [];
  return {
    show(title, lines, note = '') {
      current = lines;
      h.textContent = title;
      list.replaceChildren(
        ...lines.map((line) => {
          const li = document.createElement('li');
          li.textContent = line;
          return li;
        }),
      );
      foot.textContent = note;
      box.hidden = false;
    },
    hide() {
      current = [];
      box.hidden = true;
    },
    get visible() {
      return !box.hidden;
    },
    get lines() {
      return current;
    },
  };
}
