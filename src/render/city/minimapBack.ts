import { Container, Graphics, Matrix, RenderTexture } from 'pixi.js';
import type { MeshSimple, Renderer } from 'pixi.js';
import type { CityMap } from '../../game/mapgen';
import { palette } from './palette';
import { createQuad, resizeQuad } from './quad';
import { tileRects } from './shapes';

/** Minimap colour of each tile kind. */
const MINI = [palette.minimapStreet, palette.minimapBuilding, 0x2a2d33, 0x6a5a30, 0xb8c0c8, 0x2f5a36];

/** Draws the map flat, one colour per tile kind, in metres. */
function createMinimapGraphics(map: CityMap): Graphics {
  const g = new Graphics();
  const ts = map.tileSize;
  g.rect(0, 0, map.width, map.height).fill(palette.minimapStreet);
  MINI.forEach((colour, kind) => {
    if (kind === 0) return;
    const rects = tileRects(map, (k) => k === kind);
    if (!rects.length) return;
    for (const r of rects) g.rect(r.tx * ts, r.ty * ts, r.tw * ts, r.th * ts);
    g.fill(colour);
  });
  return g;
}

/** The minimap's still part, its frame and the city, baked into one texture (one layer of pixels). */
export interface MinimapBack {
  /** The quad that shows the baked texture. */
  readonly quad: MeshSimple;
  /** Replaces the city picture (drawn at the next bake). */
  setMap(map: CityMap): void;
  /** Redraws at `size` CSS pixels a side, the city placed by `place` (scale and position, as the moving marks). */
  bake(size: number, place: Container): void;
  destroy(): void;
}

/** Creates the minimap's baked background. */
export function createMinimapBack(renderer: Renderer): MinimapBack {
  const back = new Container();
  const frame = new Graphics();
  const mapHolder = new Container();
  back.addChild(frame, mapHolder);
  const quad = createQuad(1, 1);
  let texture: RenderTexture | null = null;
  let picture: Graphics | null = null;
  return {
    quad,
    setMap(map) {
      picture?.destroy();
      picture = createMinimapGraphics(map);
      mapHolder.removeChildren();
      mapHolder.addChild(picture);
    },
    bake(size, place) {
      frame.clear();
      frame
        .roundRect(0, 0, size, size, 6)
        .fill({ color: palette.minimapBack, alpha: 0.85 })
        .stroke({ width: 1.5, color: palette.minimapFrame, alpha: 0.8 });
      mapHolder.scale.copyFrom(place.scale);
      mapHolder.position.copyFrom(place.position);
      const res = renderer.resolution;
      const px = Math.ceil(size * res);
      // Resized in place, not replaced: destroying a texture a shader still has bound makes Pixi warn.
      if (!texture) texture = RenderTexture.create({ width: px, height: px, resolution: 1, antialias: true });
      else if (texture.source.pixelWidth !== px) texture.resize(px, px);
      renderer.render({
        container: back,
        target: texture,
        clear: true,
        clearColor: [0, 0, 0, 0],
        transform: new Matrix(res, 0, 0, res, 0, 0),
      });
      quad.texture = texture;
      resizeQuad(quad, px / res, px / res);
    },
    destroy() {
      back.destroy({ children: true });
      texture?.destroy(true);
    },
  };
}
