import { el } from '../dom';
import type { MountPanel, PanelContext } from './context';

/** A panel in the sidebar: loaded on first open so the game's first chunk stays small. */
export interface PanelEntry {
  readonly id: string;
  readonly title: string;
  readonly load: () => Promise<MountPanel>;
}

/** The sidebar: a tab per panel; panels mount lazily and unmount when closed. */
export interface PanelShell {
  open(id: string): void;
  toggle(): void;
  readonly openId: string | null;
}

/** Creates the sidebar beside the stage. */
export function createPanelShell(
  root: HTMLElement,
  entries: readonly PanelEntry[],
  ctx: () => PanelContext,
): PanelShell {
  const side = el('aside', 'panels');
  side.setAttribute('aria-label', 'Inside the engine');
  const tabs = el('nav', 'panel-tabs');
  const body = el('div', 'panel-body');
  const toggleBtn = el('button', 'panels-toggle', 'Inside ▸');
  toggleBtn.title = 'Show or hide the panels that look inside the engine (I)';
  side.append(tabs, body);
  root.append(toggleBtn, side);
  side.hidden = true;

  let openId: string | null = null;
  let unmount: (() => void) | null = null;
  let loading = 0;
  const buttons = new Map<string, HTMLButtonElement>();
  for (const entry of entries) {
    const b = el('button', 'panel-tab', entry.title);
    b.dataset.panel = entry.id;
    b.addEventListener('click', () => shell.open(entry.id));
    buttons.set(entry.id, b);
    tabs.append(b);
  }

  const shell: PanelShell = {
    open(id) {
      const entry = entries.find((e) => e.id === id);
      if (!entry) return;
      side.hidden = false;
      toggleBtn.textContent = 'Inside ◂';
      if (openId === id && unmount) return;
      unmount?.();
      unmount = null;
      openId = id;
      for (const [bid, b] of buttons) b.classList.toggle('active', bid === id);
      const ticket = ++loading;
      body.replaceChildren(el('p', 'panel-loading', 'Loading…'));
      entry.load().then(
        (mount) => {
          if (ticket !== loading) return;
          body.replaceChildren();
          const host = el('div', `panel panel-${id}`);
          body.append(host);
          unmount = mount(host, ctx());
        },
        (e: Error) => body.replaceChildren(el('p', 'panel-error', `Could not load this panel: ${e.message}`)),
      );
    },
    toggle() {
      if (side.hidden) shell.open(openId ?? (entries[0] as PanelEntry).id);
      else {
        side.hidden = true;
        toggleBtn.textContent = 'Inside ▸';
        unmount?.();
        unmount = null;
      }
    },
    get openId() {
      return side.hidden ? null : openId;
    },
  };
  toggleBtn.addEventListener('click', () => shell.toggle());
  return shell;
}
