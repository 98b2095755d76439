import { Container, MeshSimple, Texture } from 'pixi.js';
import { AgentKind } from '../../game/motion';
import type { Agents } from '../../game/motion';
import type { SightCone } from '../../game/sight';
import { isOpaque } from '../../game/tiles';
import type { TileMap } from '../../game/tiles';
import type { ViewRect } from './camera';
import { drawnX, drawnY } from './interpolate';
import { palette } from './palette';

/** Rays per cone: the cone's outline follows the walls it hits. */
const RAYS = 24;
const VERTS = RAYS + 2;

/** Distance from (x, y) along (dx, dy) (unit) to the first opaque tile, at most `range` (tiles walked, Amanatides–Woo). */
export function castRay(map: TileMap, x: number, y: number, dx: number, dy: number, range: number): number {
  const ts = map.tileSize;
  const { cols, rows, tiles } = map;
  let tx = Math.floor(x / ts);
  let ty = Math.floor(y / ts);
  const sx = dx > 0 ? 1 : -1;
  const sy = dy > 0 ? 1 : -1;
  const adx = Math.abs(dx);
  const ady = Math.abs(dy);
  let tMaxX = adx < 1e-9 ? Infinity : (sx > 0 ? (tx + 1) * ts - x : x - tx * ts) / adx;
  let tMaxY = ady < 1e-9 ? Infinity : (sy > 0 ? (ty + 1) * ts - y : y - ty * ts) / ady;
  const tDeltaX = adx < 1e-9 ? Infinity : ts / adx;
  const tDeltaY = ady < 1e-9 ? Infinity : ts / ady;
  for (;;) {
    let t: number;
    if (tMaxX < tMaxY) {
      t = tMaxX;
      tMaxX += tDeltaX;
      tx += sx;
    } else {
      t = tMaxY;
      tMaxY += tDeltaY;
      ty += sy;
    }
    if (t >= range) return range;
    if (tx < 0 || ty < 0 || tx >= cols || ty >= rows) return t;
    if (isOpaque(tiles, ty * cols + tx)) return t;
  }
}

function fadeTexture(): Texture {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 2;
  const g = canvas.getContext('2d') as CanvasRenderingContext2D;
  const grad = g.createLinearGradient(0, 0, 64, 0);
  grad.addColorStop(0, 'rgba(255,255,255,1)');
  grad.addColorStop(0.7, 'rgba(255,255,255,0.55)');
  grad.addColorStop(1, 'rgba(255,255,255,0.12)');
  g.fillStyle = grad;
  g.fillRect(0, 0, 64, 2);
  return Texture.from(canvas);
}

/** Police sight cones clipped by buildings: one small mesh per police slot, its vertices rewritten in place. */
export interface SightCones {
  readonly layer: Container;
  update(map: TileMap, agents: Agents, sight: SightCone, alpha: number, view: ViewRect): void;
  reset(): void;
  destroy(): void;
}

/** Creates the cone layer. */
export function createSightCones(): SightCones {
  const layer = new Container();
  const fade = fadeTexture();
  /** Mesh of each agent slot (null when the slot is not police or not yet seen). */
  const meshes: (MeshSimple | null)[] = [];
  const indices = new Uint32Array(RAYS * 3);
  for (let k = 0; k < RAYS; k++) indices.set([0, k + 1, k + 2], k * 3);

  function meshFor(i: number): MeshSimple {
    while (meshes.length <= i) meshes.push(null);
    let m = meshes[i];
    if (!m) {
      m = new MeshSimple({
        texture: fade,
        vertices: new Float32Array(VERTS * 2),
        uvs: new Float32Array(VERTS * 2).fill(0.5),
        indices,
      });
      // Unbatched: drawn with Pixi's single-texture mesh shader (cheaper per pixel in software rendering than the
      // multi-texture batch shader, and cones cover a lot of pixels).
      m.geometry.batchMode = 'no-batch';
      layer.addChild(m);
      meshes[i] = m;
    }
    return m;
  }

  return {
    layer,
    update(map, agents, sight, alpha, view) {
      const range = sight.range;
      const half = Math.min(sight.halfAngle, Math.PI);
      for (let i = 0; i < agents.count; i++) {
        if (agents.kind[i] !== AgentKind.Police) continue;
        const existing = i < meshes.length ? meshes[i] : null;
        const x = drawnX(agents, i, alpha);
        const y = drawnY(agents, i, alpha);
        const off = x < view.left - range || x > view.right + range || y < view.top - range || y > view.bottom + range;
        if (agents.present[i] === 0 || agents.alive[i] === 0 || off) {
          if (existing) existing.visible = false;
          continue;
        }
        const m = existing ?? meshFor(i);
        const v = m.vertices;
        const uv = m.geometry.uvs;
        v[0] = x;
        v[1] = y;
        uv[0] = 0;
        const h = agents.heading[i] ?? 0;
        for (let k = 0; k <= RAYS; k++) {
          const a = h - half + (2 * half * k) / RAYS;
          const dx = Math.cos(a);
          const dy = Math.sin(a);
          const d = castRay(map, x, y, dx, dy, range);
          v[2 + k * 2] = x + dx * d;
          v[3 + k * 2] = y + dy * d;
          uv[2 + k * 2] = d / range;
        }
        m.geometry.getBuffer('aUV').update();
        const sees = agents.sees[i] === 1;
        m.tint = sees ? palette.coneSeeing : palette.cone;
        m.alpha = sees ? 0.32 : 0.14;
        m.visible = true;
      }
    },
    reset() {
      for (const m of meshes) if (m) m.visible = false;
    },
    destroy() {
      layer.destroy({ children: true });
      fade.destroy(true);
    },
  };
}
