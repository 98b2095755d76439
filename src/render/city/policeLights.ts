import type { Container, Sprite } from 'pixi.js';
import { palette } from './palette';
import { makeSprite } from './pool';
import type { CityTextures } from './textures';

/** The roof lamps and the glow of one police car. */
interface Lights {
  readonly a: Sprite;
  readonly b: Sprite;
  readonly glow: Sprite;
}

/** Roof lights for police car slots, made the first time a slot holds a police car. */
export interface PoliceLights {
  /** Makes the lights of car slot `c` if it has none. */
  ensure(c: number): void;
  hide(c: number): void;
  /** Places slot `c`'s lamps on a car at (x, y) heading `h`; lit and flashing while the siren is on. */
  update(c: number, x: number, y: number, h: number, siren: boolean, phase: number, reduced: boolean): void;
}

/** Creates the lights pool over the lamp and glow layers. */
export function createPoliceLights(tex: CityTextures, lamps: Container, glows: Container): PoliceLights {
  const slots: (Lights | undefined)[] = [];

  function light(l: Lights, siren: boolean, phase: number, reduced: boolean): void {
    const { a, b, glow } = l;
    if (!siren) {
      a.tint = palette.lampOff;
      b.tint = palette.lampOff;
      glow.visible = false;
      return;
    }
    a.tint = palette.lampRed;
    b.tint = palette.lampBlue;
    if (reduced) {
      // Steady lights: both lamps lit, no flashing glow.
      a.alpha = 1;
      b.alpha = 1;
      glow.visible = false;
      return;
    }
    const red = phase === 0;
    a.alpha = red ? 1 : 0.3;
    b.alpha = red ? 0.3 : 1;
    glow.tint = red ? palette.lampRed : palette.lampBlue;
    glow.alpha = 0.55;
    glow.visible = true;
  }

  return {
    ensure(c) {
      if (slots[c]) return;
      while (slots.length < c) slots.push(undefined);
      const a = makeSprite(tex.lamp, lamps);
      const b = makeSprite(tex.lamp, lamps);
      const glow = makeSprite(tex.glow, glows);
      glow.blendMode = 'add';
      slots[c] = { a, b, glow };
    },
    hide(c) {
      const l = slots[c];
      if (!l) return;
      l.a.visible = false;
      l.b.visible = false;
      l.glow.visible = false;
    },
    update(c, x, y, h, siren, phase, reduced) {
      const l = slots[c];
      if (!l) return;
      // Lamps sit side by side across the roof: A on the car's left (red), B on its right (blue).
      const cos = Math.cos(h);
      const sin = Math.sin(h);
      const ox = -0.05;
      const oy = 0.36;
      l.a.position.set(x + ox * cos + oy * sin, y + ox * sin - oy * cos);
      l.b.position.set(x + ox * cos - oy * sin, y + ox * sin + oy * cos);
      l.a.rotation = h;
      l.b.rotation = h;
      l.a.visible = true;
      l.b.visible = true;
      l.glow.position.set(x, y);
      light(l, siren, phase, reduced);
    },
  };
}
