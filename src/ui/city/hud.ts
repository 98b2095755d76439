import type { AnyEngine, SirenEvent } from '../../engine';
import type { CityWorld } from '../../scenarios/city/types';
import { el, setClass, setText } from '../dom';
import type { ViewSettings } from '../../render/contract';
import type { Hud } from '../view';
import { createCaptionBox, createSaidCaption } from '../hud/captions';
import { createKeyList, createMotionToggle, createPausedBadge } from '../hud/controls';
import { followLog } from '../hud/logFollower';
import { createActionHints } from './hints';

const CAPTION_TICKS = 5 * 60;
const TOAST_MS = 2600;

/** The health bar, the wanted stars and the pursuit line. */
function createStatus() {
  const status = el('div', 'hud-status');
  const healthBar = el('div', 'health');
  const healthFill = el('div', 'health-fill');
  const healthText = el('span', 'health-text');
  healthBar.append(healthFill, healthText);
  healthBar.setAttribute('role', 'meter');
  healthBar.setAttribute('aria-label', 'Health');
  const stars = el('div', 'stars');
  stars.setAttribute('aria-label', 'Wanted level');
  const starEls = Array.from({ length: 5 }, () => el('span', 'star', '★'));
  stars.append(...starEls);
  const pursuit = el('div', 'pursuit');
  status.append(healthBar, stars, pursuit);

  function update(w: CityWorld, settings: ViewSettings): void {
    const p = w.player;
    const frac = Math.max(0, Math.min(1, p.health / p.maxHealth));
    healthFill.style.width = `${(frac * 100).toFixed(1)}%`;
    setClass(healthFill, 'low', frac < 0.3);
    setText(healthText, `${Math.ceil(p.health)} / ${p.maxHealth}`);
    healthBar.setAttribute('aria-valuenow', String(Math.ceil(p.health)));
    const state = w.pursuit.state;
    starEls.forEach((s, i) => {
      setClass(s, 'on', i < w.wanted);
      setClass(s, 'flash', i < w.wanted && state === 'searching' && !settings.reducedMotion);
    });
    setText(pursuit, pursuitText(state, w.wanted));
    setClass(pursuit, 'chasing', state === 'chasing');
  }
  return { el: status, update };
}

/** The pursuit line under the stars. */
function pursuitText(state: CityWorld['pursuit']['state'], wanted: number): string {
  if (state === 'chasing') return 'CHASE — police can see you';
  if (state === 'searching') return 'SEARCHED — stay out of sight';
  return wanted > 0 ? 'Wanted' : '';
}

/** "Rule fired" toasts, top right: at most four, a trigger that fires again counts up instead of stacking. */
function createToasts() {
  const toasts = el('div', 'toasts');
  toasts.setAttribute('aria-live', 'polite');
  const live: { el: HTMLElement; until: number; trigger: string; count: number }[] = [];

  function toast(text: string, trigger: string): void {
    const now = performance.now();
    const same = live.find((t) => t.trigger === trigger);
    if (same) {
      same.count++;
      same.until = now + TOAST_MS;
      setText(same.el, `${text} ×${same.count}`);
      return;
    }
    const t = el('div', 'toast', text);
    toasts.prepend(t);
    live.unshift({ el: t, until: now + TOAST_MS, trigger, count: 1 });
    while (live.length > 4) live.pop()?.el.remove();
  }
  /** Removes the toasts whose time is up. */
  function expire(now: number): void {
    for (let last = live.at(-1); last && last.until < now; last = live.at(-1)) live.pop()?.el.remove();
  }
  return { el: toasts, toast, expire };
}

/** The captions at the bottom: the police radio, the rules' `say`, and the sounds (sirens, gunfire, rule sounds). */
function createCityCaptions() {
  const radio = el('div', 'caption radio');
  const sounds = el('div', 'caption sounds');
  const said = createSaidCaption();
  let lastShotTick = -1000;
  let ruleSound = { sound: '', tick: -1000 };

  function hear(ev: SirenEvent): void {
    said.hear(ev);
    if (ev.type === 'damage' || ev.type === 'shot.fired') lastShotTick = ev.tick;
    else if (ev.type === 'sound.played')
      ruleSound = { sound: String((ev.payload as { sound: unknown }).sound), tick: ev.tick };
  }
  function update(w: CityWorld, tick: number): void {
    const radioOn = w.radio.tick >= 0 && tick - w.radio.tick < CAPTION_TICKS;
    setText(radio, radioOn ? `RADIO  “${w.radio.line}”` : '');
    radio.hidden = !radioOn;
    said.update(tick);
    const sound = [
      w.siren ? '[sirens wailing]' : '',
      tick - lastShotTick < 45 ? '[gunfire]' : '',
      tick - ruleSound.tick < 90 && tick >= ruleSound.tick ? `[${ruleSound.sound}]` : '',
    ]
      .filter(Boolean)
      .join(' ');
    setText(sounds, sound);
    sounds.hidden = !sound;
  }
  return { el: createCaptionBox(radio, said.el, sounds), hear, update };
}

/** The WASTED screen. */
function createDeadScreen(): HTMLElement {
  const dead = el('div', 'dead');
  dead.append(
    el('h1', '', 'WASTED'),
    el('p', '', 'You will be back at the hospital in a moment, with your wanted level cleared.'),
  );
  dead.hidden = true;
  return dead;
}

/** The open "Controls" list. */
function createHelp(controls: readonly [string, string][]): HTMLElement {
  const help = el('details', 'help');
  help.open = true;
  help.append(el('summary', '', 'Controls'), createKeyList(controls));
  return help;
}

/** The city's HUD in the DOM: health, wanted stars, radio and sound captions, rule toasts, death screen. */
export function createCityHud(
  host: HTMLElement,
  engine: AnyEngine,
  settings: ViewSettings,
  controls: readonly [string, string][],
): Hud {
  const root = el('div', 'hud');
  const status = createStatus();
  const captions = createCityCaptions();
  const hint = el('div', 'hud-hint');
  hint.setAttribute('aria-live', 'polite');
  const hints = createActionHints();
  const toasts = createToasts();
  const dead = createDeadScreen();
  const buttons = el('div', 'hud-buttons');
  const mute = el('button', 'mute');
  mute.addEventListener('click', () => (settings.muted = !settings.muted));
  const motion = createMotionToggle(settings);
  const paused = createPausedBadge();
  buttons.append(mute, motion.el);
  root.append(status.el, buttons, paused.el, captions.el, hint, toasts.el, dead, createHelp(controls));
  host.append(root);

  const log = followLog('hud', engine);
  return {
    update(e) {
      const w = e.world as CityWorld;
      status.update(w, settings);
      for (const ev of log.reader(e).poll(2000)) {
        captions.hear(ev);
        if (ev.type !== 'trigger.fired') continue;
        const id = String((ev.payload as { trigger: unknown }).trigger);
        const desc = e.rules.byId.get(id)?.spec.description;
        toasts.toast(`Rule fired: ${id}${desc ? ` — ${desc}` : ''}`, id);
      }
      const now = performance.now();
      setText(hint, hints.update(e, now));
      hint.hidden = !hint.textContent;
      toasts.expire(now);
      captions.update(w, e.tick);
      dead.hidden = w.player.alive;
      setText(mute, settings.muted ? 'Sound: off (M)' : 'Sound: on (M)');
      motion.update();
      paused.update();
    },
    destroy() {
      log.close();
      root.remove();
    },
  };
}
