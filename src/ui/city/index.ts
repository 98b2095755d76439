import type { CityInput, CityRuntime, CityWorld } from '../../scenarios/city/types';
import type { Keyboard } from '../keyboard';
import type { ScenarioView } from '../view';
import { createCityHud } from './hud';
import { cityParams, createCityFromParams } from './params';
import { cityTimeline } from './timeline';

const CONTROLS: [string, string][] = [
  ['WASD / arrows', 'move or drive'],
  ['E / Enter', 'get in or out of a car'],
  ['Space', 'shoot'],
  ['P', 'pause'],
  ['.', 'step one tick'],
  ['R', 'restart'],
  ['M', 'mute'],
];

const any = (k: Pick<Keyboard, 'held'>, ...codes: string[]) => codes.some((c) => k.held(c));

/** The city chase as the page presents it. */
export const cityView: ScenarioView<CityInput> = {
  controls: CONTROLS,
  params: cityParams,
  createScenario: createCityFromParams,
  timeline: cityTimeline,
  touchButtons: [
    ['Car', 'KeyE', 'e'],
    ['Shoot', 'Space', ' '],
    ['❚❚', 'KeyP', 'p'],
  ],
  async createRenderer(host, engine, settings) {
    const { createCityRenderer } = await import('../../render/city');
    return createCityRenderer(host, engine, settings);
  },
  createHud: (host, engine, settings) => createCityHud(host, engine, settings, CONTROLS),
  readInput: (k) => ({
    up: any(k, 'ArrowUp', 'KeyW'),
    down: any(k, 'ArrowDown', 'KeyS'),
    left: any(k, 'ArrowLeft', 'KeyA'),
    right: any(k, 'ArrowRight', 'KeyD'),
    action: any(k, 'KeyE', 'Enter', 'NumpadEnter'),
    shoot: any(k, 'Space'),
  }),
  probe(engine) {
    const rt = engine.runtime as CityRuntime;
    const w = engine.world as CityWorld;
    return {
      x: rt.agents.x[0],
      y: rt.agents.y[0],
      car: rt.agents.car[0],
      health: w.player.health,
      wanted: w.wanted,
      pursuit: w.pursuit.state,
    };
  },
  createAudio(engine, settings) {
    let sound: { update(e: typeof engine): void; destroy(): void } | null = null;
    let destroyed = false;
    void import('../../audio/sound').then(({ createCitySound }) => {
      if (!destroyed) sound = createCitySound(engine, settings);
    });
    return {
      update: (e) => sound?.update(e),
      destroy() {
        destroyed = true;
        sound?.destroy();
      },
    };
  },
};
