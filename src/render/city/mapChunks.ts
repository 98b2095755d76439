import { Container, Matrix, Rectangle, RenderTexture, Texture } from 'pixi.js';
import type { MeshSimple } from 'pixi.js';
import type { Graphics, Renderer } from 'pixi.js';
import type { CityMap } from '../../game/mapgen';
import { createMapGraphics } from './mapLayer';
import { palette } from './palette';
import { createQuad } from './quad';
import { createFlatShader } from './flatShader';

/** Edge of a chunk in metres. */
const CHUNK = 32;
/** Texels of overlap around each chunk, so linear filtering never shows a seam. */
const BLEED = 2;

/**
 * The ground's density (texels per metre) nearest to `pxPerMetre` device pixels per metre, rounded to 1/8 octave (so a
 * resize re-bakes only after a real change) and to a whole number of texels per chunk (so at rest a texel is a pixel).
 */
export function groundDensity(pxPerMetre: number): number {
  const d = Math.pow(2, Math.round(Math.log2(pxPerMetre) * 8) / 8);
  return Math.max(1, Math.round(CHUNK * d)) / CHUNK;
}

interface Chunk {
  /** One draw call per chunk, with the cheap single-texture shader (see createQuad). */
  sprite: MeshSimple;
  rt: RenderTexture | null;
  /** Density (texels per metre) it was rendered at; 0 = not rendered. */
  density: number;
  lastUsed: number;
}

/**
 * The static map, drawn once as vector Graphics and then baked into square textures ("chunks") at the screen's
 * density, so each frame paints the ground with one textured quad per visible chunk (no overdraw of streets,
 * pavements, shadows and roofs). Chunks are baked on demand (visible ones at once, one neighbour a frame in advance)
 * and the least recently used are recycled.
 */
export interface MapChunks {
  readonly layer: Container;
  setMap(map: CityMap): void;
  /** Shows the chunks covering `view` (metres, l t r b) baked at `density` texels per metre. */
  update(view: Float64Array, density: number): void;
  destroy(): void;
}

/** Creates the chunked map layer. */
export function createMapChunks(renderer: Renderer): MapChunks {
  const layer = new Container();
  let source: Graphics | null = null;
  let chunks: Chunk[] = [];
  let cols = 0;
  let rows = 0;
  let frame = 0;
  let live = 0;
  /**
   * Free render textures. They are resized in place and never destroyed while the renderer lives: destroying one a
   * shader still has bound makes Pixi warn, and the pool stays small (what the screen and its ring of chunks need).
   */
  const pool: RenderTexture[] = [];
  const matrix = new Matrix();

  function release(c: Chunk): void {
    if (!c.rt) return;
    c.sprite.texture.destroy(false);
    c.sprite.texture = Texture.EMPTY;
    c.sprite.visible = false;
    pool.push(c.rt);
    c.rt = null;
    c.density = 0;
    live--;
  }

  function bake(c: Chunk, cx: number, cy: number, density: number): void {
    const n = Math.round(CHUNK * density);
    const size = n + 2 * BLEED;
    if (!c.rt) {
      c.rt = pool.pop() ?? RenderTexture.create({ width: size, height: size, resolution: 1, antialias: false });
      live++;
    }
    if (c.rt.source.pixelWidth !== size) c.rt.resize(size, size);
    c.sprite.texture.destroy(false);
    c.sprite.texture = new Texture({ source: c.rt.source, frame: new Rectangle(BLEED, BLEED, n, n) });
    const s = n / CHUNK;
    matrix.set(s, 0, 0, s, BLEED - cx * CHUNK * s, BLEED - cy * CHUNK * s);
    renderer.render({ container: source as Graphics, target: c.rt, clear: true, clearColor: palette.asphalt, transform: matrix });
    c.sprite.position.set(cx * CHUNK, cy * CHUNK);
    c.density = density;
  }

  /** Recycles the least recently shown chunks beyond `keep` (rare: only when the camera has moved on). */
  function evict(keep: number): void {
    if (live <= keep) return;
    const baked = chunks.filter((c) => c.rt).sort((a, b) => a.lastUsed - b.lastUsed);
    for (let k = 0; k < baked.length - keep; k++) release(baked[k]);
  }

  return {
    layer,
    setMap(map) {
      for (const c of chunks) {
        release(c);
        c.sprite.destroy();
      }
      source?.destroy();
      source = createMapGraphics(map);
      const direct = (globalThis as unknown as { __groundDirect?: boolean }).__groundDirect; // TEMP experiment
      if (direct) {
        const g = createMapGraphics(map);
        g.context.customShader = createFlatShader();
        g.visible = false;
        g.label = 'direct';
        layer.addChild(g);
      }
      cols = Math.ceil(map.width / CHUNK);
      rows = Math.ceil(map.height / CHUNK);
      chunks = [];
      for (let k = 0; k < cols * rows; k++) {
        const sprite = createQuad(CHUNK, CHUNK);
        sprite.visible = false;
        // The ground is opaque: no blending (one less read per pixel in a software renderer).
        sprite.blendMode = 'none';
        layer.addChild(sprite);
        chunks.push({ sprite, rt: null, density: 0, lastUsed: -1 });
      }
    },
    update(view, density) {
      frame++;
      const c0 = Math.max(0, Math.floor(view[0] / CHUNK));
      const r0 = Math.max(0, Math.floor(view[1] / CHUNK));
      const c1 = Math.min(cols - 1, Math.floor(view[2] / CHUNK));
      const r1 = Math.min(rows - 1, Math.floor(view[3] / CHUNK));
      let visible = 0;
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const ch = chunks[r * cols + c];
          const show = c >= c0 && c <= c1 && r >= r0 && r <= r1;
          if (show) {
            if (ch.density !== density) bake(ch, c, r, density);
            ch.lastUsed = frame;
            visible++;
          }
          ch.sprite.visible = show && !(globalThis as unknown as { __groundDirectOn?: boolean }).__groundDirectOn; // TEMP
        }
      // Bake one neighbour ahead of time: the nearest stale chunk in the ring around the view.
      let best: Chunk | null = null;
      let bestC = 0;
      let bestR = 0;
      let bestD = Infinity;
      const mx = (view[0] + view[2]) / 2 / CHUNK - 0.5;
      const my = (view[1] + view[3]) / 2 / CHUNK - 0.5;
      for (let r = Math.max(0, r0 - 1); r <= Math.min(rows - 1, r1 + 1); r++)
        for (let c = Math.max(0, c0 - 1); c <= Math.min(cols - 1, c1 + 1); c++) {
          const ch = chunks[r * cols + c];
          if (ch.density === density) {
            ch.lastUsed = Math.max(ch.lastUsed, frame - 1);
            continue;
          }
          const d = (c - mx) * (c - mx) + (r - my) * (r - my);
          if (d < bestD) {
            bestD = d;
            best = ch;
            bestC = c;
            bestR = r;
          }
        }
      // (Every other frame at most, so catching up never doubles a frame's cost for long.)
      if (best && (frame & 1) === 0) {
        bake(best, bestC, bestR, density);
        best.lastUsed = frame - 1;
      }
      evict(visible + 2 * (c1 - c0 + r1 - r0 + 6));
    },
    destroy() {
      for (const c of chunks) release(c);
      for (const rt of pool) rt.destroy(true);
      source?.destroy();
      layer.destroy({ children: true });
    },
  };
}
