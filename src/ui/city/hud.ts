import type { AnyEngine, LogReader } from '../../engine';
import type { CityRuntime, CityWorld } from '../../scenarios/city/types';
import { el, setClass, setText } from '../dom';
import type { ViewSettings } from '../../render/contract';
import type { Hud } from '../view';
import { createActionHints } from './hints';

const CAPTION_TICKS = 5 * 60;
const TOAST_MS = 2600;

/** The city's HUD in the DOM: health, wanted stars, radio and sound captions, rule toasts, death screen. */
export function createCityHud(
  host: HTMLElement,
  engine: AnyEngine,
  settings: ViewSettings,
  controls: readonly [string, string][],
): Hud {
  const root = el('div', 'hud');
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

  const captions = el('div', 'captions');
  captions.setAttribute('aria-live', 'polite');
  const radio = el('div', 'caption radio');
  const sounds = el('div', 'caption sounds');
  const said = el('div', 'caption said');
  captions.append(radio, said, sounds);

  const hint = el('div', 'hud-hint');
  hint.setAttribute('aria-live', 'polite');
  const hints = createActionHints();

  const toasts = el('div', 'toasts');
  toasts.setAttribute('aria-live', 'polite');

  const dead = el('div', 'dead');
  dead.append(
    el('h1', '', 'WASTED'),
    el('p', '', 'You will be back at the hospital in a moment, with your wanted level cleared.'),
  );
  dead.hidden = true;

  const help = el('details', 'help');
  help.open = true;
  help.append(el('summary', '', 'Controls'));
  const list = el('dl');
  for (const [k, what] of controls) list.append(el('dt', '', k), el('dd', '', what));
  help.append(list);

  const buttons = el('div', 'hud-buttons');
  const mute = el('button', 'mute');
  const motion = el('button', 'motion');
  const paused = el('span', 'paused', 'PAUSED — P to resume, . to step');
  paused.hidden = true;
  mute.addEventListener('click', () => (settings.muted = !settings.muted));
  motion.addEventListener('click', () => {
    settings.reducedMotion = !settings.reducedMotion;
    try {
      localStorage.setItem('siren.reducedMotion', settings.reducedMotion ? '1' : '0');
    } catch {
      // storage may be unavailable; the setting still applies now
    }
  });
  buttons.append(mute, motion);

  root.append(status, buttons, paused, captions, hint, toasts, dead, help);
  host.append(root);

  let reader: LogReader = engine.log.reader('hud');
  let current = engine;
  let lastShotTick = -1000;
  /** The last `say` of the rules and the tick it ends; the last rule sound and when it was played. */
  let message = { text: '', until: -1 };
  let ruleSound = { sound: '', tick: -1000 };
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

  return {
    update(e) {
      if (e !== current) {
        reader.close();
        current = e;
        reader = e.log.reader('hud');
      }
      const w = e.world as CityWorld;
      const rt = e.runtime as CityRuntime;
      void rt;
      const p = w.player;
      const frac = Math.max(0, Math.min(1, p.health / p.maxHealth));
      healthFill.style.width = `${(frac * 100).toFixed(1)}%`;
      setClass(healthFill, 'low', frac < 0.3);
      setText(healthText, `${Math.ceil(p.health)} / ${p.maxHealth}`);
      healthBar.setAttribute('aria-valuenow', String(Math.ceil(p.health)));
      const state = w.pursuit.state;
      for (let i = 0; i < 5; i++) {
        const s = starEls[i] as HTMLElement;
        setClass(s, 'on', i < w.wanted);
        setClass(s, 'flash', i < w.wanted && state === 'searching' && !settings.reducedMotion);
      }
      setText(
        pursuit,
        state === 'chasing'
          ? 'CHASE — police can see you'
          : state === 'searching'
            ? 'SEARCHED — stay out of sight'
            : w.wanted > 0
              ? 'Wanted'
              : '',
      );
      setClass(pursuit, 'chasing', state === 'chasing');

      const tick = e.tick;
      for (const ev of reader.poll(2000)) {
        const pl = ev.payload as Record<string, unknown>;
        if (ev.type === 'trigger.fired') {
          const id = String(pl.trigger);
          const desc = e.rules.byId.get(id)?.spec.description;
          toast(`Rule fired: ${id}${desc ? ` — ${desc}` : ''}`, id);
        } else if (ev.type === 'damage' || ev.type === 'shot.fired') lastShotTick = ev.tick;
        else if (ev.type === 'message.shown')
          message = { text: String(pl.text), until: ev.tick + Math.ceil(Number(pl.seconds) * 60) };
        else if (ev.type === 'sound.played') ruleSound = { sound: String(pl.sound), tick: ev.tick };
      }
      const now = performance.now();
      setText(hint, hints.update(e, now));
      hint.hidden = !hint.textContent;
      while (live.length && (live[live.length - 1] as (typeof live)[number]).until < now) live.pop()?.el.remove();

      const radioOn = w.radio.tick >= 0 && tick - w.radio.tick < CAPTION_TICKS;
      setText(radio, radioOn ? `RADIO  “${w.radio.line}”` : '');
      radio.hidden = !radioOn;
      const saying = tick < message.until && tick >= message.until - 30 * 60;
      setText(said, saying ? message.text : '');
      said.hidden = !saying;
      const sound = [
        w.siren ? '[sirens wailing]' : '',
        tick - lastShotTick < 45 ? '[gunfire]' : '',
        tick - ruleSound.tick < 90 && tick >= ruleSound.tick ? `[${ruleSound.sound}]` : '',
      ]
        .filter(Boolean)
        .join(' ');
      setText(sounds, sound);
      sounds.hidden = !sound;

      dead.hidden = p.alive;
      setText(mute, settings.muted ? 'Sound: off (M)' : 'Sound: on (M)');
      setText(motion, settings.reducedMotion ? 'Flashing: off' : 'Flashing: on');
      paused.hidden = !(document.body.dataset.paused === 'true');
    },
    destroy() {
      reader.close();
      root.remove();
    },
  };
}
