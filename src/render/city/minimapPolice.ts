import { Container, Graphics, Sprite } from 'pixi.js';
import type { Renderer, Texture } from 'pixi.js';
import { AgentKind } from '../../game/motion';
import type { Agents } from '../../game/motion';
import type { SightCone } from '../../game/sight';
import { drawnX, drawnY } from './interpolate';
import { palette } from './palette';
import { bakeGraphics } from './textures';
import type { CityTextures } from './textures';

/** A unit-radius wedge of half-angle `half` pointing along +x, and where its apex sits across the texture. */
function wedgeTexture(renderer: Renderer, half: number): { texture: Texture; anchorX: number } {
  const g = new Graphics();
  g.moveTo(0, 0).arc(0, 0, 1, -half, half).closePath().fill(0xffffff);
  const minX = Math.min(0, Math.cos(half));
  const h = half >= Math.PI / 2 ? 1 : Math.sin(half);
  const texture = bakeGraphics(renderer, g, minX, -h, 1 - minX, 2 * h, 64);
  return { texture, anchorX: -minX / (1 - minX) };
}

function hide(s: Sprite | undefined): void {
  if (s) s.visible = false;
}

/** How this frame draws the police marks: the map's size, the width of a screen pixel, and the siren. */
export interface PoliceLook {
  mapW: number;
  mapH: number;
  /** One screen pixel, in metres. */
  px: number;
  siren: boolean;
  flashPhase: number;
  reducedMotion: boolean;
}

/** The minimap's police units: a dot each over a wedge showing its sight cone. */
export interface PoliceMarks {
  readonly cones: Container;
  readonly dots: Container;
  /** Reshapes the wedges for a new city's sight cone. */
  setSight(sight: SightCone): void;
  update(agents: Agents, alpha: number, look: PoliceLook): void;
  destroy(): void;
}

/** Creates the (pooled) police marks of the minimap. */
export function createPoliceMarks(renderer: Renderer, tex: CityTextures): PoliceMarks {
  const cones = new Container();
  const dots = new Container();
  const coneSprites: Sprite[] = [];
  const dotSprites: Sprite[] = [];
  let wedge: Texture | null = null;
  let wedgeAnchor = 0.5;
  let wedgeHalf = -1;
  const oldWedges: Texture[] = [];
  let coneRange = 1;

  function grow(): { d: Sprite; c: Sprite } {
    const d = new Sprite(tex.dot);
    d.anchor.set(0.5);
    dots.addChild(d);
    dotSprites.push(d);
    const c = new Sprite(wedge ?? tex.dot);
    c.anchor.set(wedgeAnchor, 0.5);
    cones.addChild(c);
    coneSprites.push(c);
    return { d, c };
  }

  function place(agents: Agents, i: number, n: number, alpha: number, look: PoliceLook): void {
    const d = dotSprites[n];
    const c = coneSprites[n];
    const pair = d && c ? { d, c } : grow();
    // Units still driving in from beyond the edge are pinned to it.
    const x = Math.max(0, Math.min(look.mapW, drawnX(agents, i, alpha)));
    const y = Math.max(0, Math.min(look.mapH, drawnY(agents, i, alpha)));
    const flashing = look.siren && (look.reducedMotion || ((look.flashPhase + i) & 1) === 0);
    pair.d.position.set(x, y);
    pair.d.scale.set(2.6 * look.px);
    pair.d.tint = flashing ? palette.lampRed : palette.police;
    pair.d.visible = true;
    const sees = agents.sees[i] === 1;
    pair.c.position.set(x, y);
    pair.c.rotation = agents.heading[i] ?? 0;
    pair.c.scale.set(coneRange);
    pair.c.tint = sees ? palette.coneSeeing : palette.cone;
    pair.c.alpha = sees ? 0.45 : 0.22;
    pair.c.visible = true;
  }

  return {
    cones,
    dots,
    setSight(sight) {
      coneRange = sight.range;
      const half = Math.min(sight.halfAngle, Math.PI);
      if (half === wedgeHalf) return;
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
    },
    update(agents, alpha, look) {
      let n = 0;
      for (let i = 0; i < agents.count; i++) {
        if (agents.kind[i] !== AgentKind.Police || agents.present[i] === 0 || agents.alive[i] === 0) continue;
        place(agents, i, n++, alpha, look);
      }
      for (let k = n; k < dotSprites.length; k++) {
        hide(dotSprites[k]);
        hide(coneSprites[k]);
      }
    },
    destroy() {
      wedge?.destroy(true);
      for (const t of oldWedges) t.destroy(true);
    },
  };
}
