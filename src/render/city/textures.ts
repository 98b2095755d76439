import { Graphics, Matrix, RenderTexture, Texture } from 'pixi.js';
import type { Renderer } from 'pixi.js';

/** Texture pixels per metre: sprites are sized in metres and drawn at up to this density (mipmapped below it). */
const PX_PER_M = 28;

/** Sizes of the sprites, in metres. */
export const sizes = {
  /** A person's drawn radius (a little larger than PERSON_RADIUS so people read at a distance). */
  person: 0.62,
  carLength: 4.3,
  carWidth: 1.85,
  glow: 6,
} as const;

/** Generated textures every sprite of the city uses; white where a tint should colour them. */
export interface CityTextures {
  person: Texture;
  body: Texture;
  car: Texture;
  policeCar: Texture;
  lamp: Texture;
  glow: Texture;
  ring: Texture;
  burst: Texture;
  /** A filled disc of radius 1 m (minimap dots). */
  dot: Texture;
  /** A 1 × 1 white square (tracers, stretched). */
  pixel: Texture;
  destroy(): void;
}

/**
 * Renders `g` (drawn in metres) into a mipmapped texture of `res` texels per metre covering (x, y, w, h), rounded out
 * to whole texels. Sprites using it measure in metres. (generateTexture would round the frame to whole metres.)
 */
export function bakeGraphics(
  renderer: Renderer,
  g: Graphics,
  x: number,
  y: number,
  w: number,
  h: number,
  res = PX_PER_M,
): Texture {
  const pw = Math.ceil(w * res);
  const ph = Math.ceil(h * res);
  const ox = x - (pw / res - w) / 2;
  const oy = y - (ph / res - h) / 2;
  const rt = RenderTexture.create({
    width: pw,
    height: ph,
    resolution: 1,
    antialias: true,
    autoGenerateMipmaps: true,
    scaleMode: 'linear',
  });
  renderer.render({
    container: g,
    target: rt,
    clear: true,
    clearColor: [0, 0, 0, 0],
    transform: new Matrix(res, 0, 0, res, -ox * res, -oy * res),
  });
  rt.source.updateMipmaps();
  rt.source.resolution = res;
  g.destroy();
  return new Texture({ source: rt.source });
}

function personGraphics(): Graphics {
  const r = sizes.person;
  const g = new Graphics();
  // Shoulders (an ellipse across the heading), head on top, a nose pointing along +x.
  g.ellipse(0, 0, r * 0.62, r)
    .fill(0xffffff)
    .stroke({ width: 0.09, color: 0x000000, alpha: 0.85 });
  g.circle(0.06, 0, r * 0.46)
    .fill(0xd6d6d6)
    .stroke({ width: 0.06, color: 0x000000, alpha: 0.6 });
  g.poly([r * 0.5, -r * 0.2, r * 0.95, 0, r * 0.5, r * 0.2]).fill(0x202020);
  return g;
}

function bodyGraphics(): Graphics {
  const g = new Graphics();
  g.ellipse(0.1, 0.05, 0.75, 0.55).fill({ color: 0x7a0d0d, alpha: 0.85 });
  g.ellipse(0, 0, 0.55, 0.26).fill(0x9a9a9a).stroke({ width: 0.07, color: 0x000000, alpha: 0.7 });
  g.circle(0.5, 0, 0.17).fill(0x8a8a8a);
  return g;
}

function carGraphics(police: boolean): Graphics {
  const L = sizes.carLength;
  const W = sizes.carWidth;
  const g = new Graphics();
  g.roundRect(-L / 2, -W / 2, L, W, 0.45)
    .fill(police ? 0x16181d : 0xffffff)
    .stroke({ width: 0.1, color: 0x000000, alpha: 0.9 });
  if (police) g.rect(-L * 0.22, -W / 2 + 0.05, L * 0.44, W - 0.1).fill(0xf2f2f2);
  // Roof, windscreen (front, +x) and rear window.
  g.roundRect(-L * 0.28, -W * 0.38, L * 0.5, W * 0.76, 0.25).fill(police ? 0xe8e8e8 : 0xdcdcdc);
  g.poly([L * 0.22, -W * 0.38, L * 0.36, -W * 0.42, L * 0.36, W * 0.42, L * 0.22, W * 0.38]).fill(0x1e2530);
  g.poly([-L * 0.28, -W * 0.38, -L * 0.36, -W * 0.4, -L * 0.36, W * 0.4, -L * 0.28, W * 0.38]).fill(0x1e2530);
  // Headlights and tail lights.
  g.rect(L / 2 - 0.2, -W / 2 + 0.18, 0.16, 0.35).fill(0xfff6c8);
  g.rect(L / 2 - 0.2, W / 2 - 0.53, 0.16, 0.35).fill(0xfff6c8);
  g.rect(-L / 2 + 0.04, -W / 2 + 0.15, 0.14, 0.3).fill(0xb01818);
  g.rect(-L / 2 + 0.04, W / 2 - 0.45, 0.14, 0.3).fill(0xb01818);
  if (police) g.rect(-0.3, -W * 0.42, 0.5, W * 0.84).fill(0x30343c);
  return g;
}

/** Bakes every texture of the city with this renderer. */
export function createCityTextures(renderer: Renderer): CityTextures {
  const r = sizes.person;
  const pad = 0.15;
  const L = sizes.carLength;
  const W = sizes.carWidth;
  const G = sizes.glow;

  const glow = new Graphics();
  for (let k = 12; k >= 1; k--) glow.circle(0, 0, (G * k) / 12).fill({ color: 0xffffff, alpha: 0.09 });

  const ring = new Graphics().circle(0, 0, 1).stroke({ width: 0.16, color: 0xffffff });
  const burst = new Graphics();
  burst.star(0, 0, 6, 0.8, 0.3).fill(0xffffff);
  const dot = new Graphics().circle(0, 0, 1).fill(0xffffff);
  const lamp = new Graphics().roundRect(-0.22, -0.3, 0.44, 0.6, 0.12).fill(0xffffff);

  const textures: Omit<CityTextures, 'destroy'> = {
    person: bakeGraphics(renderer, personGraphics(), -r - pad, -r - pad, 2 * (r + pad), 2 * (r + pad)),
    body: bakeGraphics(renderer, bodyGraphics(), -1, -1, 2, 2),
    car: bakeGraphics(renderer, carGraphics(false), -L / 2 - pad, -W / 2 - pad, L + 2 * pad, W + 2 * pad),
    policeCar: bakeGraphics(renderer, carGraphics(true), -L / 2 - pad, -W / 2 - pad, L + 2 * pad, W + 2 * pad),
    lamp: bakeGraphics(renderer, lamp, -0.3, -0.4, 0.6, 0.8),
    glow: bakeGraphics(renderer, glow, -G, -G, 2 * G, 2 * G, 12),
    ring: bakeGraphics(renderer, ring, -1.125, -1.125, 2.25, 2.25, 48),
    burst: bakeGraphics(renderer, burst, -0.9, -0.9, 1.8, 1.8),
    dot: bakeGraphics(renderer, dot, -1.05, -1.05, 2.1, 2.1, 16),
    pixel: Texture.WHITE,
  };
  return {
    ...textures,
    destroy() {
      for (const [k, t] of Object.entries(textures)) if (k !== 'pixel') t.destroy(true);
    },
  };
}
