import { Container, Graphics } from 'pixi.js';
import type { Shader } from 'pixi.js';
import type { CityMap } from '../../game/mapgen';
import type { ViewRect } from './camera';
import { createFlatShader } from './flatShader';
import { drawMap, drawOutside } from './mapLayer';
import { mapShapes } from './shapes';

/** Edge of a region of the map, in metres: regions off screen are not drawn at all. */
const REGION = 64;
/** How far a region's shapes may reach beyond it (a block and its pavement, from the block's corner). */
const REACH = 36;

interface Region {
  g: Graphics;
  x0: number;
  y0: number;
}

/**
 * The static map as vector Graphics, built once per city and split into square regions that are shown only when they
 * reach into the view. Drawn with a flat-colour shader (no texture lookups) and nothing painted twice, because in
 * software WebGL the cost of a frame is the pixels it fills; the asphalt is the renderer's clear colour.
 */
export interface Ground {
  readonly layer: Container;
  setMap(map: CityMap): void;
  /** Shows the regions that reach into `view`. */
  update(view: ViewRect): void;
  destroy(): void;
}

/** Creates the ground layer. */
export function createGround(): Ground {
  const layer = new Container();
  const shader: Shader = createFlatShader();
  let regions: Region[] = [];

  function picture(): Graphics {
    const g = new Graphics();
    g.context.customShader = shader;
    layer.addChild(g);
    return g;
  }

  return {
    layer,
    setMap(map) {
      for (const child of layer.removeChildren()) child.destroy({ context: true });
      regions = [];
      const shapes = mapShapes(map);
      drawOutside(picture(), map);
      for (let y0 = 0; y0 < map.height; y0 += REGION)
        for (let x0 = 0; x0 < map.width; x0 += REGION) {
          const g = picture();
          drawMap(g, map, shapes, (x, y) => x >= x0 && x < x0 + REGION && y >= y0 && y < y0 + REGION);
          regions.push({ g, x0, y0 });
        }
    },
    update(view) {
      for (const r of regions)
        r.g.visible =
          r.x0 - REACH < view.right &&
          r.x0 + REGION + REACH > view.left &&
          r.y0 - REACH < view.bottom &&
          r.y0 + REGION + REACH > view.top;
    },
    destroy() {
      layer.destroy({ children: true, context: true });
      shader.destroy();
    },
  };
}
