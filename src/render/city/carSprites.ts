import type { Container, Sprite } from 'pixi.js';
import { CarKind } from '../../game/motion';
import type { Cars } from '../../game/motion';
import type { ViewRect } from './camera';
import { drawnX, drawnY } from './interpolate';
import { palette } from './palette';
import { growLooks, inside, makeSprite } from './pool';
import { createPoliceLights } from './policeLights';
import type { CityTextures } from './textures';

/** Pooled car sprites, police cars with roof lights. */
export interface CarSprites {
  /** Positions and shows this frame's cars inside `bounds` (metres). */
  update(cars: Cars, alpha: number, bounds: ViewRect, siren: boolean, flashPhase: number, reduced: boolean): void;
  /** Hides every car and forgets cached looks. */
  reset(): void;
}

/** Creates the car pool over the car, lamp and glow layers. */
export function createCarSprites(
  tex: CityTextures,
  layers: { cars: Container; lamps: Container; glows: Container },
): CarSprites {
  const sprites: Sprite[] = [];
  /** Look of each car slot: -1 unset, else kind * 8 + colour. */
  let looks: Int16Array = new Int16Array(0);
  const lights = createPoliceLights(tex, layers.lamps, layers.glows);

  function spriteFor(c: number): Sprite {
    for (;;) {
      const s = sprites[c];
      if (s) return s;
      sprites.push(makeSprite(tex.car, layers.cars));
    }
  }

  function setLook(c: number, s: Sprite, kind: number, colour: number): void {
    const key = kind * 8 + colour;
    if (looks[c] === key) return;
    looks[c] = key;
    const police = kind === CarKind.Police;
    s.texture = police ? tex.policeCar : tex.car;
    s.tint = police ? 0xffffff : (palette.cars[colour & 7] ?? 0xffffff);
    if (police) lights.ensure(c);
  }

  function hide(c: number, s: Sprite): void {
    s.visible = false;
    lights.hide(c);
  }

  return {
    update(cars, alpha, bounds, siren, flashPhase, reduced) {
      looks = growLooks(looks, cars.count);
      for (let c = 0; c < cars.count; c++) {
        const s = spriteFor(c);
        if (cars.present[c] === 0) {
          hide(c, s);
          continue;
        }
        const x = drawnX(cars, c, alpha);
        const y = drawnY(cars, c, alpha);
        if (!inside(bounds, x, y)) {
          hide(c, s);
          continue;
        }
        const kind = cars.kind[c] ?? CarKind.Civilian;
        setLook(c, s, kind, cars.colour[c] ?? 0);
        const h = cars.heading[c] ?? 0;
        s.position.set(x, y);
        s.rotation = h;
        s.visible = true;
        if (kind === CarKind.Police) lights.update(c, x, y, h, siren, flashPhase, reduced);
        else lights.hide(c);
      }
    },
    reset() {
      looks.fill(-1);
      sprites.forEach((s, c) => hide(c, s));
    },
  };
}
