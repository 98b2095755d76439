import { TICKS_PER_SECOND } from '../../engine';
import { Container } from 'pixi.js';
import type { AnyEngine } from '../../engine';
import type { CityMap } from '../../game/mapgen';
import type { CityRuntime, CityWorld } from '../../scenarios/city/types';
import type { ScenarioRenderer, ViewSettings } from '../../ui/view';
import { createActorSprites } from './actors';
import { createCamera, followTarget, restingZoom } from './camera';
import { createSightCones } from './cones';
import { createGround } from './ground';
import { createMinimap } from './minimap';
import { createPlayerMarker, createSearchCircle, createTracerSprites } from './overlays';
import { palette } from './palette';
import { createCityTextures } from './textures';
import { createStage } from '../stage';

/** Ticks per half-cycle of the police lights (red, then blue: 3 cycles a second at 60 Hz). */
const FLASH_TICKS = 10;

/** Draws the city chase with Pixi: a static map drawn once, pooled sprites for people and cars, a following camera. */
export async function createCityRenderer(
  host: HTMLElement,
  engine: AnyEngine,
  settings: ViewSettings,
): Promise<ScenarioRenderer> {
  // The clear colour is the asphalt: the ground layer draws only what lies on it.
  const stage = await createStage(host, palette.asphalt, 'The city, seen from above');
  const { app } = stage;

  const tex = createCityTextures(app.renderer);
  const world = new Container();
  const ground = createGround();
  const search = createSearchCircle();
  const cones = createSightCones();
  const bodies = new Container();
  const cars = new Container();
  const lamps = new Container();
  const people = new Container();
  const tracers = createTracerSprites(tex);
  const player = createPlayerMarker(tex);
  const glows = new Container();
  world.addChild(
    ground.layer,
    search.graphics,
    cones.layer,
    bodies,
    cars,
    lamps,
    people,
    tracers.layer,
    player.layer,
    glows,
  );
  const actors = createActorSprites(tex, { bodies, cars, lamps, people, glows });
  const minimap = createMinimap(app.renderer, tex);
  app.stage.addChild(world, minimap.layer);

  const camera = createCamera();
  let current: AnyEngine | null = null;
  let boundMap: CityMap | null = null;
  let last = performance.now();

  function bindMap(rt: CityRuntime): void {
    boundMap = rt.map;
    ground.setMap(rt.map);
    minimap.setMap(rt.map, rt.sight);
  }

  function draw(e: AnyEngine, alpha: number): void {
    const now = performance.now();
    const dt = Math.min(0.1, Math.max(0, (now - last) / 1000));
    last = now;
    const rt = e.runtime as CityRuntime;
    const w = e.world as CityWorld;
    if (e !== current) {
      current = e;
      camera.placed = false;
      actors.reset();
      cones.reset();
    }
    if (rt.map !== boundMap) bindMap(rt);
    const dpr = window.devicePixelRatio || 1;
    if (app.renderer.resolution !== dpr) {
      app.renderer.resolution = dpr;
      app.resize();
    }
    const reduced = settings.reducedMotion;
    const screenW = app.screen.width;
    const screenH = app.screen.height;
    const { agents } = rt;

    // The player, or the car they drive, is what the camera follows.
    const carId = agents.car[0];
    const m = carId >= 0 ? rt.cars : agents;
    const id = carId >= 0 ? carId : 0;
    const px = m.prevX[id] + (m.x[id] - m.prevX[id]) * alpha;
    const py = m.prevY[id] + (m.y[id] - m.prevY[id]) * alpha;
    const vx = (m.x[id] - m.prevX[id]) * TICKS_PER_SECOND;
    const vy = (m.y[id] - m.prevY[id]) * TICKS_PER_SECOND;
    const res = app.renderer.resolution;
    followTarget(
      camera,
      px,
      py,
      vx,
      vy,
      dt,
      restingZoom(screenW, screenH),
      screenW,
      screenH,
      rt.map.width,
      rt.map.height,
      reduced,
    );
    const zoom = camera.zoom;
    world.scale.set(zoom);
    world.position.set(
      Math.round((screenW / 2 - camera.x * zoom) * res) / res,
      Math.round((screenH / 2 - camera.y * zoom) * res) / res,
    );

    ground.update(camera.view);

    const flash = Math.floor((e.tick + alpha) / FLASH_TICKS) & 1;
    const time = now / 1000;
    actors.update(agents, rt.cars, alpha, camera.view, w.siren, flash, reduced);
    cones.update(rt.map, agents, rt.sight, alpha, camera.view);
    tracers.update(rt.tracers, e.tick, alpha);
    search.update(w.pursuit, time, reduced);
    player.update(
      px,
      py,
      carId >= 0 ? m.heading[id] : agents.heading[0],
      agents.alive[0] === 1,
      carId >= 0,
      w.player.hidden,
      time,
      reduced,
    );
    minimap.update(agents, alpha, w.pursuit, camera.view, screenW, screenH, w.siren, flash, reduced);
    app.render();
  }

  draw(engine, 1);

  return {
    canvas: app.canvas,
    draw,
    destroy() {
      cones.destroy();
      ground.destroy();
      minimap.destroy();
      stage.destroy();
      tex.destroy();
    },
  };
}
