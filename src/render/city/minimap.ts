import { Container, Graphics, Sprite } from 'pixi.js';
import type { Renderer } from 'pixi.js';
import type { CityMap } from '../../game/mapgen';
import type { Agents } from '../../game/motion';
import type { PursuitState } from '../../game/pursuit';
import type { SightCone } from '../../game/sight';
import type { ViewRect } from './camera';
import { drawnX, drawnY } from './interpolate';
import { createMinimapBack } from './minimapBack';
import { createPoliceMarks } from './minimapPolice';
import type { PoliceLook } from './minimapPolice';
import { palette } from './palette';
import type { CityTextures } from './textures';

const PAD = 5;
const MARGIN = 12;

/** The corner map: the whole city, the player, police units, their sight cones, the search circle and the view. */
export interface Minimap {
  readonly layer: Container;
  /** Rebuilds the map picture and the cone shape for a new city. */
  setMap(map: CityMap, sight: SightCone): void;
  update(
    agents: Agents,
    alpha: number,
    pursuit: PursuitState,
    view: ViewRect,
    screenW: number,
    screenH: number,
    siren: boolean,
    flashPhase: number,
    reducedMotion: boolean,
  ): void;
  destroy(): void;
}

/** The search circle, redrawn only when it changes size or colour (or the line width, after `invalidate`). */
function createSearchCircle(): { g: Graphics; invalidate(): void; update(p: PursuitState, px: number): void } {
  const g = new Graphics();
  let state = '';
  let radius = -1;
  return {
    g,
    invalidate() {
      radius = -1;
    },
    update(p, px) {
      if (p.state === 'none' || p.radius <= 0) {
        g.visible = false;
        return;
      }
      if (p.state !== state || p.radius !== radius) {
        state = p.state;
        radius = p.radius;
        const colour = p.state === 'chasing' ? palette.chase : palette.search;
        g.clear();
        g.circle(0, 0, p.radius)
          .fill({ color: colour, alpha: 0.15 })
          .stroke({ width: 1.5 * px, color: colour, alpha: 0.9 });
      }
      g.position.set(p.x, p.y);
      g.visible = true;
    },
  };
}

/** Four thin bars framing what the main view shows, clipped to the map. */
function createViewFrame(tex: CityTextures): {
  bars: Sprite[];
  update(view: ViewRect, mapW: number, mapH: number, w: number): void;
} {
  const bar = (): Sprite => {
    const s = new Sprite(tex.pixel);
    s.tint = 0xffffff;
    s.alpha = 0.7;
    return s;
  };
  const top = bar();
  const bottom = bar();
  const left = bar();
  const right = bar();
  return {
    bars: [top, bottom, left, right],
    update(view, mapW, mapH, w) {
      const l = Math.max(0, view.left);
      const t = Math.max(0, view.top);
      const r = Math.min(mapW, view.right);
      const b = Math.min(mapH, view.bottom);
      top.position.set(l, t);
      top.scale.set(r - l, w);
      bottom.position.set(l, b - w);
      bottom.scale.set(r - l, w);
      left.position.set(l, t);
      left.scale.set(w, b - t);
      right.position.set(r - w, t);
      right.scale.set(w, b - t);
    },
  };
}

/** The player's dot over a white halo. */
function createPlayerMark(tex: CityTextures): { sprites: Sprite[]; update(x: number, y: number, px: number): void } {
  const halo = new Sprite(tex.dot);
  const dot = new Sprite(tex.dot);
  for (const s of [halo, dot]) s.anchor.set(0.5);
  halo.tint = 0xffffff;
  dot.tint = palette.player;
  return {
    sprites: [halo, dot],
    update(x, y, px) {
      halo.position.set(x, y);
      halo.scale.set(4 * px);
      dot.position.set(x, y);
      dot.scale.set(3 * px);
    },
  };
}

/** Creates the minimap in the bottom-right corner of the screen. */
export function createMinimap(renderer: Renderer, tex: CityTextures): Minimap {
  const layer = new Container();
  // The frame and the map are baked into one texture (redrawn on resize); what moves goes on top.
  const back = createMinimapBack(renderer);
  const inner = new Container();
  layer.addChild(back.quad, inner);
  const circle = createSearchCircle();
  const police = createPoliceMarks(renderer, tex);
  const frame = createViewFrame(tex);
  const player = createPlayerMark(tex);
  const look: PoliceLook = { mapW: 1, mapH: 1, px: 1, siren: false, flashPhase: 0, reducedMotion: false };
  let size = -1;
  let scale = 1;
  let cachedRes = 0;

  function layout(screenW: number, screenH: number): void {
    const s = Math.round(Math.max(110, Math.min(220, Math.min(screenW, screenH) * 0.26)));
    if (s !== size || renderer.resolution !== cachedRes) {
      size = s;
      scale = (s - 2 * PAD) / Math.max(look.mapW, look.mapH);
      inner.scale.set(scale);
      inner.position.set(PAD + (s - 2 * PAD - look.mapW * scale) / 2, PAD + (s - 2 * PAD - look.mapH * scale) / 2);
      back.bake(s, inner);
      cachedRes = renderer.resolution;
      circle.invalidate();
    }
    layer.position.set(screenW - size - MARGIN, screenH - size - MARGIN);
  }

  return {
    layer,
    setMap(map, sight) {
      back.setMap(map);
      inner.removeChildren();
      inner.addChild(circle.g, police.cones, police.dots, ...frame.bars, ...player.sprites);
      look.mapW = map.width;
      look.mapH = map.height;
      size = -1;
      police.setSight(sight);
    },
    update(agents, alpha, pursuit, view, screenW, screenH, siren, flashPhase, reducedMotion) {
      layout(screenW, screenH);
      const px = 1 / scale;
      circle.update(pursuit, px);
      look.px = px;
      look.siren = siren;
      look.flashPhase = flashPhase;
      look.reducedMotion = reducedMotion;
      police.update(agents, alpha, look);
      // The player, on top.
      player.update(drawnX(agents, 0, alpha), drawnY(agents, 0, alpha), px);
      frame.update(view, look.mapW, look.mapH, px);
    },
    destroy() {
      layer.destroy({ children: true });
      back.destroy();
      police.destroy();
    },
  };
}
