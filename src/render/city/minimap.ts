import { Container, Graphics, Matrix, RenderTexture, Sprite } from 'pixi.js';
import type { Renderer, Texture } from 'pixi.js';
import type { CityMap } from '../../game/mapgen';
import { AgentKind } from '../../game/motion';
import type { Agents } from '../../game/motion';
import type { PursuitState } from '../../game/pursuit';
import type { SightCone } from '../../game/sight';
import { palette } from './palette';
import { createQuad, resizeQuad } from './quad';
import { tileRects } from './shapes';
import { bakeGraphics } from './textures';
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
    view: Float64Array,
    screenW: number,
    screenH: number,
    siren: boolean,
    flashPhase: number,
    reducedMotion: boolean,
  ): void;
  destroy(): void;
}

/** Minimap colour of each tile kind. */
const MINI = [palette.minimapStreet, palette.minimapBuilding, 0x2a2d33, 0x6a5a30, 0xb8c0c8, 0x2f5a36];

/** Draws the map flat, one colour per tile kind, in metres. */
function createMinimapGraphics(map: CityMap): Graphics {
  const g = new Graphics();
  const ts = map.tileSize;
  g.rect(0, 0, map.width, map.height).fill(palette.minimapStreet);
  for (let kind = 1; kind < MINI.length; kind++) {
    const rects = tileRects(map, (k) => k === kind);
    if (!rects.length) continue;
    for (const r of rects) g.rect(r.tx * ts, r.ty * ts, r.tw * ts, r.th * ts);
    g.fill(MINI[kind]);
  }
  return g;
}

/** A unit-radius wedge of half-angle `half` pointing along +x, and where its apex sits across the texture. */
function wedgeTexture(renderer: Renderer, half: number): { texture: Texture; anchorX: number } {
  const g = new Graphics();
  g.moveTo(0, 0).arc(0, 0, 1, -half, half).closePath().fill(0xffffff);
  const minX = Math.min(0, Math.cos(half));
  const h = half >= Math.PI / 2 ? 1 : Math.sin(half);
  const texture = bakeGraphics(renderer, g, minX, -h, 1 - minX, 2 * h, 64);
  return { texture, anchorX: -minX / (1 - minX) };
}

/** Creates the minimap in the bottom-right corner of the screen. */
export function createMinimap(renderer: Renderer, tex: CityTextures): Minimap {
  const layer = new Container();
  // The frame and the map are baked into one texture (one layer of pixels, redrawn on resize); what moves goes on top.
  const back = new Container();
  const frame = new Graphics();
  const mapHolder = new Container();
  back.addChild(frame, mapHolder);
  const backQuad = createQuad(1, 1);
  let backTexture: RenderTexture | null = null;
  const inner = new Container();
  const cones = new Container();
  const dots = new Container();
  const circle = new Graphics();
  layer.addChild(backQuad, inner);
  let mapPicture: Graphics | null = null;
  let wedge: Texture | null = null;
  let wedgeAnchor = 0.5;
  let wedgeHalf = -1;
  const oldWedges: Texture[] = [];
  let mapW = 1;
  let mapH = 1;
  let size = -1;
  let scale = 1;
  let circleState = '';
  let circleRadius = -1;
  let coneRange = 1;
  const coneSprites: Sprite[] = [];
  const dotSprites: Sprite[] = [];
  const playerHalo = new Sprite(tex.dot);
  const playerDot = new Sprite(tex.dot);
  const edges = [0, 1, 2, 3].map(() => {
    const s = new Sprite(tex.pixel);
    s.tint = 0xffffff;
    s.alpha = 0.7;
    return s;
  });
  for (const s of [playerHalo, playerDot]) s.anchor.set(0.5);
  playerHalo.tint = 0xffffff;
  playerDot.tint = palette.player;

  let cachedRes = 0;

  function layout(screenW: number, screenH: number): void {
    const s = Math.round(Math.max(110, Math.min(220, Math.min(screenW, screenH) * 0.26)));
    if (s === size && renderer.resolution === cachedRes) {
      layer.position.set(screenW - size - MARGIN, screenH - size - MARGIN);
      return;
    }
    size = s;
    scale = (s - 2 * PAD) / Math.max(mapW, mapH);
    frame.clear();
    frame
      .roundRect(0, 0, s, s, 6)
      .fill({ color: palette.minimapBack, alpha: 0.85 })
      .stroke({ width: 1.5, color: palette.minimapFrame, alpha: 0.8 });
    inner.scale.set(scale);
    inner.position.set(PAD + (s - 2 * PAD - mapW * scale) / 2, PAD + (s - 2 * PAD - mapH * scale) / 2);
    mapHolder.scale.copyFrom(inner.scale);
    mapHolder.position.copyFrom(inner.position);
    layer.position.set(screenW - size - MARGIN, screenH - size - MARGIN);
    cachedRes = renderer.resolution;
    const px = Math.ceil(s * cachedRes);
    // Resized in place, not replaced: destroying a texture a shader still has bound makes Pixi warn.
    if (!backTexture) backTexture = RenderTexture.create({ width: px, height: px, resolution: 1, antialias: true });
    else if (backTexture.source.pixelWidth !== px) backTexture.resize(px, px);
    renderer.render({
      container: back,
      target: backTexture,
      clear: true,
      clearColor: [0, 0, 0, 0],
      transform: new Matrix(cachedRes, 0, 0, cachedRes, 0, 0),
    });
    backQuad.texture = backTexture;
    resizeQuad(backQuad, px / cachedRes, px / cachedRes);
    circleRadius = -1;
  }

  return {
    layer,
    setMap(map, sight) {
      mapPicture?.destroy();
      mapPicture = createMinimapGraphics(map);
      mapHolder.removeChildren();
      mapHolder.addChild(mapPicture);
      inner.removeChildren();
      inner.addChild(circle, cones, dots, ...edges, playerHalo, playerDot);
      mapW = map.width;
      mapH = map.height;
      size = -1;
      coneRange = sight.range;
      const half = Math.min(sight.halfAngle, Math.PI);
      if (half !== wedgeHalf) {
        // A replaced wedge is kept until destroy() (a shader may still have it bound); cities rarely change it.
        if (wedge) oldWedges.push(wedge);
        const made = wedgeTexture(renderer, half);
        wedge = made.texture;
        wedgeAnchor = made.anchorX;
        wedgeHalf = half;
        for (const s of coneSprites) {
          s.texture = wedge;
          s.anchor.set(wedgeAnchor, 0.5);
        }
      }
    },
    update(agents, alpha, pursuit, view, screenW, screenH, siren, flashPhase, reducedMotion) {
      layout(screenW, screenH);
      const px = 1 / scale;
      // Search circle: redrawn when it changes size or colour.
      if (pursuit.state === 'none' || pursuit.radius <= 0) circle.visible = false;
      else {
        if (pursuit.state !== circleState || pursuit.radius !== circleRadius) {
          circleState = pursuit.state;
          circleRadius = pursuit.radius;
          const colour = pursuit.state === 'chasing' ? palette.chase : palette.search;
          circle.clear();
          circle
            .circle(0, 0, pursuit.radius)
            .fill({ color: colour, alpha: 0.15 })
            .stroke({ width: 1.5 * px, color: colour, alpha: 0.9 });
        }
        circle.position.set(pursuit.x, pursuit.y);
        circle.visible = true;
      }
      // Police units and their cones.
      let n = 0;
      for (let i = 0; i < agents.count; i++) {
        if (agents.kind[i] !== AgentKind.Police || agents.present[i] === 0 || agents.alive[i] === 0) continue;
        if (n === dotSprites.length) {
          const d = new Sprite(tex.dot);
          d.anchor.set(0.5);
          dots.addChild(d);
          dotSprites.push(d);
          const c = new Sprite(wedge ?? tex.dot);
          c.anchor.set(wedgeAnchor, 0.5);
          cones.addChild(c);
          coneSprites.push(c);
        }
        // Units still driving in from beyond the edge are pinned to it.
        const x = Math.max(0, Math.min(mapW, agents.prevX[i] + (agents.x[i] - agents.prevX[i]) * alpha));
        const y = Math.max(0, Math.min(mapH, agents.prevY[i] + (agents.y[i] - agents.prevY[i]) * alpha));
        const d = dotSprites[n];
        const c = coneSprites[n];
        d.position.set(x, y);
        d.scale.set(2.6 * px);
        d.tint = siren && (reducedMotion || ((flashPhase + i) & 1) === 0) ? palette.lampRed : palette.police;
        d.visible = true;
        c.position.set(x, y);
        c.rotation = agents.heading[i];
        c.scale.set(coneRange);
        c.tint = agents.sees[i] === 1 ? palette.coneSeeing : palette.cone;
        c.alpha = agents.sees[i] === 1 ? 0.45 : 0.22;
        c.visible = true;
        n++;
      }
      for (let k = n; k < dotSprites.length; k++) {
        dotSprites[k].visible = false;
        coneSprites[k].visible = false;
      }
      // The player, on top.
      const x = agents.prevX[0] + (agents.x[0] - agents.prevX[0]) * alpha;
      const y = agents.prevY[0] + (agents.y[0] - agents.prevY[0]) * alpha;
      playerHalo.position.set(x, y);
      playerHalo.scale.set(4 * px);
      playerDot.position.set(x, y);
      playerDot.scale.set(3 * px);
      // What the main view shows, as a thin frame.
      const l = Math.max(0, view[0]);
      const t = Math.max(0, view[1]);
      const r = Math.min(mapW, view[2]);
      const b = Math.min(mapH, view[3]);
      const w = px;
      edges[0].position.set(l, t);
      edges[0].scale.set(r - l, w);
      edges[1].position.set(l, b - w);
      edges[1].scale.set(r - l, w);
      edges[2].position.set(l, t);
      edges[2].scale.set(w, b - t);
      edges[3].position.set(r - w, t);
      edges[3].scale.set(w, b - t);
    },
    destroy() {
      layer.destroy({ children: true });
      back.destroy({ children: true });
      backTexture?.destroy(true);
      wedge?.destroy(true);
      for (const t of oldWedges) t.destroy(true);
    },
  };
}
