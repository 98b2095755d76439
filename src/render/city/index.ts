import { TICKS_PER_SECOND } from '../../engine';
import { Container } from 'pixi.js';
import type { Renderer } from 'pixi.js';
import type { AnyEngine } from '../../engine';
import type { CityMap } from '../../game/mapgen';
import type { CityRuntime, CityWorld } from '../../scenarios/city/types';
import type { ScenarioRenderer, ViewSettings } from '../contract';
import { createActorSprites } from './actors';
import { createCamera, followTarget, restingZoom } from './camera';
import type { Camera } from './camera';
import { createSightCones } from './cones';
import { createGround } from './ground';
import { drawnX, drawnY, stepX, stepY } from './interpolate';
import { createMinimap } from './minimap';
import { createPlayerMarker, createSearchCircle, createTracerSprites } from './overlays';
import { palette } from './palette';
import { createCityTextures } from './textures';
import { createStage } from '../stage';

/** Ticks per half-cycle of the police lights (red, then blue: 3 cycles a second at 60 Hz). */
const FLASH_TICKS = 10;

/** The world's layers, bottom to top, and what draws into them. */
function createWorld(renderer: Renderer) {
  const tex = createCityTextures(renderer);
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
  return { tex, world, ground, search, cones, tracers, player, actors };
}

/** Where the player (or the car they drive) is drawn this frame, which way they face, and whether they drive. */
interface Followed {
  x: number;
  y: number;
  heading: number;
  driving: boolean;
}

/** Moves the camera after the player, or the car they drive, `dt` seconds after the last frame. */
function followPlayer(
  camera: Camera,
  rt: CityRuntime,
  alpha: number,
  dt: number,
  screen: Screen,
  reduced: boolean,
): Followed {
  const carId = rt.agents.car[0] ?? -1;
  const driving = carId >= 0;
  const m = driving ? rt.cars : rt.agents;
  const id = driving ? carId : 0;
  const x = drawnX(m, id, alpha);
  const y = drawnY(m, id, alpha);
  const vx = stepX(m, id) * TICKS_PER_SECOND;
  const vy = stepY(m, id) * TICKS_PER_SECOND;
  const { width: screenW, height: screenH } = screen;
  const base = restingZoom(screenW, screenH);
  followTarget(camera, x, y, vx, vy, dt, base, screenW, screenH, rt.map.width, rt.map.height, reduced);
  return { x, y, heading: m.heading[id] ?? 0, driving };
}

/** A screen size in CSS pixels. */
interface Screen {
  width: number;
  height: number;
}

/** Scales and moves the world so the camera's centre is mid-screen, snapped to whole device pixels. */
function placeWorld(world: Container, camera: Camera, screen: Screen, res: number): void {
  const zoom = camera.zoom;
  world.scale.set(zoom);
  world.position.set(
    Math.round((screen.width / 2 - camera.x * zoom) * res) / res,
    Math.round((screen.height / 2 - camera.y * zoom) * res) / res,
  );
}

/** Draws the city chase with Pixi: a static map drawn once, pooled sprites for people and cars, a following camera. */
export async function createCityRenderer(
  host: HTMLElement,
  engine: AnyEngine,
  settings: ViewSettings,
): Promise<ScenarioRenderer> {
  // The clear colour is the asphalt: the ground layer draws only what lies on it.
  const stage = await createStage(host, palette.asphalt, 'The city, seen from above');
  const { app } = stage;
  const { tex, world, ground, search, cones, tracers, player, actors } = createWorld(app.renderer);
  const minimap = createMinimap(app.renderer, tex);
  app.stage.addChild(world, minimap.layer);

  const camera = createCamera();
  let current: AnyEngine | null = null;
  let boundMap: CityMap | null = null;
  let last = performance.now();

  /** Starts over for a new engine or a new city (and a new screen resolution). */
  function bind(e: AnyEngine, rt: CityRuntime): void {
    if (e !== current) {
      current = e;
      camera.placed = false;
      actors.reset();
      cones.reset();
    }
    if (rt.map !== boundMap) {
      boundMap = rt.map;
      ground.setMap(rt.map);
      minimap.setMap(rt.map, rt.sight);
    }
    const dpr = window.devicePixelRatio || 1;
    if (app.renderer.resolution !== dpr) {
      app.renderer.resolution = dpr;
      app.resize();
    }
  }

  function draw(e: AnyEngine, alpha: number): void {
    const now = performance.now();
    const dt = Math.min(0.1, Math.max(0, (now - last) / 1000));
    last = now;
    const rt = e.runtime as CityRuntime;
    const w = e.world as CityWorld;
    bind(e, rt);
    const reduced = settings.reducedMotion;
    const screen = app.screen;
    const { agents } = rt;
    const you = followPlayer(camera, rt, alpha, dt, screen, reduced);
    placeWorld(world, camera, screen, app.renderer.resolution);
    ground.update(camera.view);
    const flash = Math.floor((e.tick + alpha) / FLASH_TICKS) & 1;
    const time = now / 1000;
    actors.update(agents, rt.cars, alpha, camera.view, w.siren, flash, reduced);
    cones.update(rt.map, agents, rt.sight, alpha, camera.view);
    tracers.update(rt.tracers, e.tick, alpha);
    search.update(w.pursuit, time, reduced);
    player.update(you.x, you.y, you.heading, agents.alive[0] === 1, you.driving, w.player.hidden, time, reduced);
    minimap.update(agents, alpha, w.pursuit, camera.view, screen.width, screen.height, w.siren, flash, reduced);
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
