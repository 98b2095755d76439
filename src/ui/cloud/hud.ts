import type { AnyEngine } from '../../engine';
import { hudWidthFor } from '../../render/cloud/layout';
import { alarmNames } from '../../scenarios/cloud';
import type { CloudInput, CloudWorld } from '../../scenarios/cloud';
import { el, setClass, setText } from '../dom';
import type { ViewSettings } from '../../render/contract';
import type { Hud } from '../view';
import { createCaptionBox, createSaidCaption } from '../hud/captions';
import { createKeyList, createMotionToggle, createPausedBadge } from '../hud/controls';
import { followLog } from '../hud/logFollower';
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

/** One pill per alarm with its state. */
function createAlarmPills() {
  const alarmRow = el('div', 'cloud-alarms');
  alarmRow.setAttribute('aria-live', 'polite');
  const pills = alarmNames.map((name) => {
    const pill = el('span', 'cloud-alarm');
    alarmRow.append(pill);
    return { name, pill };
  });
  function update(w: CloudWorld): void {
    for (const { name, pill } of pills) {
      const state = w.alarms[name];
      setText(pill, `${name} ${STATE_TEXT[state]}`);
      pill.dataset.state = state;
    }
  }
  return { el: alarmRow, update };
}

/** The load slider: it sets `controls.load`, and follows the recorded input when someone else drives. */
function createLoadSlider(controls: CloudControls) {
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

  let current: AnyEngine | null = null;
  let records = -1;
  function update(e: AnyEngine): void {
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
    setText(loadOut, `${Math.round(controls.load * 100)} %`);
  }
  return { el: loadRow, update };
}

/** The Spike button, the metrics agent switch and the traffic figure. */
function createActions(controls: CloudControls) {
  const actions = el('div', 'cloud-actions');
  const spike = el('button', 'cloud-spike', '⚡ Spike');
  spike.title = 'A rush of traffic for 90 seconds (Space)';
  spike.addEventListener('click', () => (controls.spikePending = true));
  const traffic = el('span', 'cloud-traffic');
  const agent = el('button', 'cloud-agent');
  agent.title = 'Turn the metrics agent off: no samples are published, and the alarms see missing datapoints';
  agent.addEventListener('click', () => (controls.agent = !controls.agent));
  actions.append(spike, agent, traffic);
  function update(w: CloudWorld): void {
    setText(
      traffic,
      w.load.spike ? `${w.rps} req/s — ${w.load.kind === 'spike' ? 'spike!' : 'surge'}` : `${w.rps} req/s`,
    );
    setClass(traffic, 'spiking', w.load.spike);
    spike.disabled = w.load.kind === 'spike';
    setText(agent, w.agent ? 'Metrics agent: on' : 'Metrics agent: off');
    setClass(agent, 'off', !w.agent);
  }
  return { el: actions, update };
}

/** The pool's size and what its servers are doing. */
function createPool() {
  const pool = el('div', 'cloud-pool');
  const poolSize = el('span', 'cloud-pool-size');
  const poolDetail = el('span', 'cloud-pool-detail');
  pool.append(poolSize, poolDetail);
  function update({ pool: p }: CloudWorld): void {
    setText(poolSize, `Pool ${p.size} server${p.size === 1 ? '' : 's'}`);
    setText(
      poolDetail,
      `${p.running} in service · ${p.booting} booting · ${p.draining} draining — min ${p.min}, max ${p.max}`,
    );
  }
  return { el: pool, update };
}

/** The alarm playground, loaded when first opened (it brings the evaluator's panel with it). */
function createPlaygroundDrawer(engine: () => AnyEngine) {
  const play = el('details', 'cloud-playground');
  play.append(el('summary', '', 'Alarm playground'));
  const playBody = el('div');
  play.append(playBody);
  let unmount: (() => void) | null = null;
  play.addEventListener('toggle', () => {
    if (!play.open || unmount) return;
    unmount = () => {};
    void import('./playground').then((m) => (unmount = m.mountPlayground(playBody, engine)));
  });
  return { el: play, destroy: () => unmount?.() };
}

/** The foot of the column: the flashing switch, the PAUSED badge and the keys. */
function createFoot(settings: ViewSettings, keys: readonly [string, string][]) {
  const foot = el('div', 'cloud-foot');
  const motion = createMotionToggle(settings);
  const paused = createPausedBadge();
  const help = el('details', 'cloud-help');
  help.append(el('summary', '', 'Keys'), createKeyList(keys));
  foot.append(motion.el, paused.el, help);
  return {
    el: foot,
    update() {
      motion.update();
      paused.update();
    },
  };
}

/**
 * The cloud's HUD in the DOM: the alarms, the load slider and the Spike button (they only set `controls`, which the
 * page reads as input each tick), the pool, the outbox, the keys, and the rules' `say` captions.
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
  const card = el('section', 'cloud-card');
  const alarms = createAlarmPills();
  const load = createLoadSlider(controls);
  const actions = createActions(controls);
  const pool = createPool();
  card.append(el('h1', 'cloud-title', 'Siren Cloud'), alarms.el, load.el, actions.el, pool.el);
  const outbox = createOutbox();
  let current = engine;
  const play = createPlaygroundDrawer(() => current);
  const foot = createFoot(settings, keys);
  const said = createSaidCaption();
  column.append(card, outbox.root, play.el, foot.el);
  root.append(column, createCaptionBox(said.el));
  host.append(root);

  const log = followLog('hud', engine);
  let width = 0;
  return {
    update(e) {
      current = e;
      load.update(e);
      // The renderer leaves a column of this width free on the left; captions centre on what is right of it.
      const stageW = host.clientWidth;
      const hudW = hudWidthFor(stageW);
      if (hudW !== width) {
        width = hudW;
        column.style.width = `${hudW}px`;
        root.style.setProperty('--cloud-column', `${hudW}px`);
        setClass(root, 'compact', hudW < 300);
      }
      // On a small stage the scenario switcher (top centre) would cover the column's top.
      setClass(root, 'low', stageW < 720);
      const w = e.world as CloudWorld;
      alarms.update(w);
      actions.update(w);
      pool.update(w);
      outbox.update(w.outbox, w.emails.sent);
      for (const ev of log.reader(e).poll(2000)) said.hear(ev);
      said.update(e.tick);
      foot.update();
    },
    destroy() {
      play.destroy();
      log.close();
      root.remove();
    },
  };
}
