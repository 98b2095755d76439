import type { AnyEngine } from '../../engine';
import { hudWidthFor } from '../../render/cloud/layout';
import { alarmNames } from '../../scenarios/cloud';
import type { CloudInput, CloudWorld } from '../../scenarios/cloud';
import { el, setClass, setText } from '../dom';
import type { ViewSettings } from '../../render/contract';
import type { Hud } from '../view';
import type { CloudControls } from './controls';
import { createOutbox } from './outbox';
import './style.css';

const STATE_TEXT = { OK: 'OK', ALARM: 'ALARM', INSUFFICIENT_DATA: 'NO DATA' } as const;

/** The newest input record of a run (what the slider should show when someone else drives: the autopilot, a replay, a rewind). */
function lastInput(e: AnyEngine): CloudInput | undefined {
  const recs = e.records;
  for (let i = recs.length - 1; i >= 0; i--) if (recs[i]?.input) return recs[i]?.input as CloudInput;
  return undefined;
}

/**
 * The cloud's HUD in the DOM: the alarms, the load slider and the Spike button (they only set `controls`, which the
 * page reads as input each tick), the pool, the outbox, and the keys.
 */
export function createCloudHud(
  host: HTMLElement,
  engine: AnyEngine,
  settings: ViewSettings,
  keys: readonly [string, string][],
  controls: CloudControls,
): Hud {
  const root = el('div', 'hud cloud-hud');
  const column = el('div', 'cloud-column');
  let width = 0;

  const card = el('section', 'cloud-card');
  card.append(el('h1', 'cloud-title', 'Siren Cloud'));
  const alarmRow = el('div', 'cloud-alarms');
  alarmRow.setAttribute('aria-live', 'polite');
  const pills = alarmNames.map((name) => {
    const pill = el('span', 'cloud-alarm');
    alarmRow.append(pill);
    return { name, pill };
  });

  const loadRow = el('label', 'cloud-load');
  const slider = el('input');
  slider.type = 'range';
  slider.min = '0';
  slider.max = '1';
  slider.step = '0.01';
  slider.value = String(controls.load);
  slider.setAttribute('aria-label', 'Traffic load');
  const loadOut = el('output', 'cloud-load-value');
  loadRow.append(el('span', '', 'Load'), slider, loadOut);
  let dragging = false;
  slider.addEventListener('input', () => (controls.load = Number(slider.value)));
  slider.addEventListener('pointerdown', () => (dragging = true));
  window.addEventListener('pointerup', () => (dragging = false));

  const actions = el('div', 'cloud-actions');
  const spike = el('button', 'cloud-spike', '⚡ Spike');
  spike.title = 'A rush of traffic for 90 seconds (Space)';
  spike.addEventListener('click', () => (controls.spikePending = true));
  const traffic = el('span', 'cloud-traffic');
  const agent = el('button', 'cloud-agent');
  agent.title = 'Turn the metrics agent off: no samples are published, and the alarms see missing datapoints';
  agent.addEventListener('click', () => (controls.agent = !controls.agent));
  actions.append(spike, agent, traffic);

  const pool = el('div', 'cloud-pool');
  const poolSize = el('span', 'cloud-pool-size');
  const poolDetail = el('span', 'cloud-pool-detail');
  pool.append(poolSize, poolDetail);
  card.append(alarmRow, loadRow, actions, pool);

  const outbox = createOutbox();

  const foot = el('div', 'cloud-foot');
  const motion = el('button', 'motion');
  motion.addEventListener('click', () => {
    settings.reducedMotion = !settings.reducedMotion;
    try {
      localStorage.setItem('siren.reducedMotion', settings.reducedMotion ? '1' : '0');
    } catch {
      // storage may be unavailable; the setting still applies now
    }
  });
  const paused = el('span', 'paused', 'PAUSED — P to resume, . to step');
  paused.hidden = true;
  const help = el('details', 'cloud-help');
  help.append(el('summary', '', 'Keys'));
  const list = el('dl');
  for (const [k, what] of keys) list.append(el('dt', '', k), el('dd', '', what));
  help.append(list);
  foot.append(motion, paused, help);

  // The alarm playground loads when first opened (it brings the evaluator's panel with it).
  const play = el('details', 'cloud-playground');
  play.append(el('summary', '', 'Alarm playground'));
  const playBody = el('div');
  play.append(playBody);
  let unmount: (() => void) | null = null;
  play.addEventListener('toggle', () => {
    if (!play.open || unmount) return;
    unmount = () => {};
    void import('./playground').then((m) => (unmount = m.mountPlayground(playBody, () => current ?? engine)));
  });

  column.append(card, outbox.root, play, foot);
  root.append(column);
  host.append(root);

  let current: AnyEngine | null = null;
  let records = -1;
  return {
    update(e) {
      // Someone else drives (autopilot, replay, rewind): the slider follows the recorded input.
      if (e !== current || e.records.length !== records) {
        current = e;
        records = e.records.length;
        const input = lastInput(e);
        if (input && input.load !== controls.load && !dragging && document.activeElement !== slider) {
          controls.load = input.load;
          slider.value = String(input.load);
        }
      }
      if (!dragging && Number(slider.value) !== controls.load) slider.value = String(controls.load);
      // The renderer leaves a column of this width free on the left.
      const stageW = host.clientWidth;
      const hudW = hudWidthFor(stageW);
      if (hudW !== width) {
        width = hudW;
        column.style.width = `${hudW}px`;
        setClass(root, 'compact', hudW < 300);
      }
      // On a small stage the scenario switcher (top centre) would cover the column's top.
      setClass(root, 'low', stageW < 720);
      const w = e.world as CloudWorld;
      for (const { name, pill } of pills) {
        const state = w.alarms[name];
        setText(pill, `${name} ${STATE_TEXT[state]}`);
        pill.dataset.state = state;
      }
      setText(loadOut, `${Math.round(controls.load * 100)} %`);
      setText(
        traffic,
        w.load.spike ? `${w.rps} req/s — ${w.load.kind === 'spike' ? 'spike!' : 'surge'}` : `${w.rps} req/s`,
      );
      setClass(traffic, 'spiking', w.load.spike);
      spike.disabled = w.load.kind === 'spike';
      const p = w.pool;
      setText(poolSize, `Pool ${p.size} server${p.size === 1 ? '' : 's'}`);
      setText(
        poolDetail,
        `${p.running} in service · ${p.booting} booting · ${p.draining} draining — min ${p.min}, max ${p.max}`,
      );
      outbox.update(w.outbox, w.emails.sent);
      setText(agent, w.agent ? 'Metrics agent: on' : 'Metrics agent: off');
      setClass(agent, 'off', !w.agent);
      setText(motion, settings.reducedMotion ? 'Flashing: off' : 'Flashing: on');
      paused.hidden = !(document.body.dataset.paused === 'true');
    },
    destroy() {
      unmount?.();
      root.remove();
    },
  };
}
