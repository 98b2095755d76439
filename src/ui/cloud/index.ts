import { idleCloudInput } from '../../scenarios/cloud';
import type { CloudInput, CloudRuntime, CloudWorld } from '../../scenarios/cloud';
import type { Keyboard } from '../keyboard';
import type { ScenarioView } from '../view';
import { createCloudControls } from './controls';
import { createCloudHud } from './hud';

const KEYS: [string, string][] = [
  ['Slider / ↑ ↓', 'traffic load'],
  ['Spike / Space', 'a rush of traffic'],
  ['P', 'pause'],
  ['.', 'step one tick'],
  ['R', 'restart'],
  ['I', 'teaching panels'],
];

/** How far ↑ / ↓ move the load slider per tick held (0.3 a second). */
const NUDGE = 0.005;

/**
 * The cloud as the page presents it. The HUD's slider and Spike button only set the controls; readInput turns
 * them (and ↑ ↓ Space) into each tick's input record, so a run replays from its inputs alone.
 */
export function createCloudView(): ScenarioView<CloudInput> {
  const controls = createCloudControls(idleCloudInput.load);
  return {
    controls: KEYS,
    async createRenderer(host, engine, settings) {
      const { createCloudRenderer } = await import('../../render/cloud');
      return createCloudRenderer(host, engine, settings);
    },
    createHud: (host, engine, settings) => createCloudHud(host, engine, settings, KEYS, controls),
    readInput(k: Pick<Keyboard, 'held'>) {
      const up = k.held('ArrowUp') || k.held('KeyW');
      const down = k.held('ArrowDown') || k.held('KeyS');
      if (up !== down)
        controls.load = Math.round(Math.max(0, Math.min(1, controls.load + (up ? NUDGE : -NUDGE))) * 1000) / 1000;
      const spike = controls.spikePending || k.held('Space');
      controls.spikePending = false;
      return controls.agent ? { load: controls.load, spike } : { load: controls.load, spike, agent: false };
    },
    probe(engine) {
      const w = engine.world as CloudWorld;
      const rt = engine.runtime as CloudRuntime;
      return {
        poolSize: w.pool.size,
        running: w.pool.running,
        booting: w.pool.booting,
        draining: w.pool.draining,
        alarm: w.alarms.cpuHigh,
        alarms: { ...w.alarms },
        cpu: w.cpu,
        rps: Math.round(rt.traffic[0] as number),
        load: w.load.setting,
        spike: w.load.spike,
        emailsSent: w.emails.sent,
        servers: w.servers.map((s) => ({ id: s.id, state: s.state, cpu: Math.round(rt.cpu[s.slot] as number) })),
      };
    },
  };
}

/** The cloud's view. */
export const cloudView = createCloudView();
