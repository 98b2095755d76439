import { Sprite } from 'pixi.js';
import type { Container, Texture } from 'pixi.js';
import { AgentKind, CarKind } from '../../game/motion';
import type { Agents, Cars } from '../../game/motion';
import { palette } from './palette';
import type { CityTextures } from './textures';

/** Culling margin around the view, in metres (covers a car's length and a light's glow). */
const MARGIN = 7;

const KIND_TINT = [palette.player, 0, palette.goon, palette.police];

function darken(c: number, f: number): number {
  return (
    (Math.round(((c >> 16) & 255) * f) << 16) | (Math.round(((c >> 8) & 255) * f) << 8) | Math.round((c & 255) * f)
  );
}

function makeSprite(texture: Texture, parent: Container): Sprite {
  const s = new Sprite(texture);
  s.anchor.set(0.5);
  s.visible = false;
  parent.addChild(s);
  return s;
}

/** The layers the actors draw into, bottom to top. */
export interface ActorLayers {
  bodies: Container;
  cars: Container;
  lamps: Container;
  people: Container;
  glows: Container;
}

/** Pooled sprites for every agent and car slot: created once per slot, then only moved and shown or hidden. */
export interface ActorSprites {
  /** Positions and shows this frame's agents and cars inside the view rectangle [l, t, r, b] (metres). */
  update(
    agents: Agents,
    cars: Cars,
    alpha: number,
    view: Float64Array,
    siren: boolean,
    flashPhase: number,
    reducedMotion: boolean,
  ): void;
  /** Hides everything and forgets cached looks (a new engine). */
  reset(): void;
}

/** Creates the agent and car pools over the given layers (the player, agent 0, is drawn by the caller). */
export function createActorSprites(tex: CityTextures, layers: ActorLayers): ActorSprites {
  const people: Sprite[] = [];
  /** Look of each person slot: -1 unset, else kind * 2 + (alive ? 0 : 1). */
  let look = new Int16Array(0);
  const carSprites: Sprite[] = [];
  let carLook = new Int16Array(0);
  // Two lamps and a glow per police car slot (null for other cars).
  const lampA: (Sprite | null)[] = [];
  const lampB: (Sprite | null)[] = [];
  const glow: (Sprite | null)[] = [];

  function growPeople(n: number): void {
    while (people.length < n) {
      people.push(makeSprite(tex.person, layers.people));
    }
    if (look.length < n) {
      const next = new Int16Array(n).fill(-1);
      next.set(look);
      look = next;
    }
  }

  function growCars(n: number): void {
    while (carSprites.length < n) {
      carSprites.push(makeSprite(tex.car, layers.cars));
      lampA.push(null);
      lampB.push(null);
      glow.push(null);
    }
    if (carLook.length < n) {
      const next = new Int16Array(n).fill(-1);
      next.set(carLook);
      carLook = next;
    }
  }

  function setLook(i: number, s: Sprite, kind: number, alive: boolean): void {
    const key = kind * 2 + (alive ? 0 : 1);
    if (look[i] === key) return;
    look[i] = key;
    const base = kind === AgentKind.Civilian ? palette.civilians[i % palette.civilians.length] : KIND_TINT[kind];
    s.texture = alive ? tex.person : tex.body;
    s.tint = alive ? base : darken(base, 0.7);
    const layer = alive ? layers.people : layers.bodies;
    if (s.parent !== layer) layer.addChild(s);
  }

  function setCarLook(c: number, s: Sprite, kind: number, colour: number): void {
    const key = kind * 8 + colour;
    if (carLook[c] === key) return;
    carLook[c] = key;
    const police = kind === CarKind.Police;
    s.texture = police ? tex.policeCar : tex.car;
    s.tint = police ? 0xffffff : palette.cars[colour & 7];
    if (police && !lampA[c]) {
      lampA[c] = makeSprite(tex.lamp, layers.lamps);
      lampB[c] = makeSprite(tex.lamp, layers.lamps);
      const g = makeSprite(tex.glow, layers.glows);
      g.blendMode = 'add';
      glow[c] = g;
    }
  }

  function hideLights(c: number): void {
    const a = lampA[c];
    if (!a) return;
    a.visible = false;
    (lampB[c] as Sprite).visible = false;
    (glow[c] as Sprite).visible = false;
  }

  function updateLights(
    c: number,
    x: number,
    y: number,
    h: number,
    siren: boolean,
    phase: number,
    reduced: boolean,
  ): void {
    const a = lampA[c] as Sprite;
    const b = lampB[c] as Sprite;
    const g = glow[c] as Sprite;
    // Lamps sit side by side across the roof: A on the car's left (red), B on its right (blue).
    const cos = Math.cos(h);
    const sin = Math.sin(h);
    const ox = -0.05;
    const oy = 0.36;
    a.position.set(x + ox * cos + oy * sin, y + ox * sin - oy * cos);
    b.position.set(x + ox * cos - oy * sin, y + ox * sin + oy * cos);
    a.rotation = h;
    b.rotation = h;
    a.visible = true;
    b.visible = true;
    if (!siren) {
      a.tint = palette.lampOff;
      b.tint = palette.lampOff;
      g.visible = false;
      return;
    }
    a.tint = palette.lampRed;
    b.tint = palette.lampBlue;
    if (reduced) {
      // Steady lights: both lamps lit, no flashing glow.
      a.alpha = 1;
      b.alpha = 1;
      g.visible = false;
      return;
    }
    const red = phase === 0;
    a.alpha = red ? 1 : 0.3;
    b.alpha = red ? 0.3 : 1;
    g.tint = red ? palette.lampRed : palette.lampBlue;
    g.alpha = 0.55;
    g.position.set(x, y);
    g.visible = true;
  }

  return {
    update(agents, cars, alpha, view, siren, flashPhase, reducedMotion) {
      const l = view[0] - MARGIN;
      const t = view[1] - MARGIN;
      const r = view[2] + MARGIN;
      const b = view[3] + MARGIN;
      growPeople(agents.count);
      growCars(cars.count);
      const { x: ax, y: ay, prevX: apx, prevY: apy } = agents;
      for (let i = 1; i < agents.count; i++) {
        const s = people[i];
        if (agents.present[i] === 0 || agents.car[i] >= 0) {
          s.visible = false;
          continue;
        }
        const x = apx[i] + (ax[i] - apx[i]) * alpha;
        const y = apy[i] + (ay[i] - apy[i]) * alpha;
        if (x < l || x > r || y < t || y > b) {
          s.visible = false;
          continue;
        }
        setLook(i, s, agents.kind[i], agents.alive[i] === 1);
        s.position.set(x, y);
        s.rotation = agents.heading[i];
        s.visible = true;
      }
      const { x: cx, y: cy, prevX: cpx, prevY: cpy } = cars;
      for (let c = 0; c < cars.count; c++) {
        const s = carSprites[c];
        if (cars.present[c] === 0) {
          s.visible = false;
          hideLights(c);
          continue;
        }
        const x = cpx[c] + (cx[c] - cpx[c]) * alpha;
        const y = cpy[c] + (cy[c] - cpy[c]) * alpha;
        if (x < l || x > r || y < t || y > b) {
          s.visible = false;
          hideLights(c);
          continue;
        }
        const kind = cars.kind[c];
        setCarLook(c, s, kind, cars.colour[c]);
        const h = cars.heading[c];
        s.position.set(x, y);
        s.rotation = h;
        s.visible = true;
        if (kind === CarKind.Police) updateLights(c, x, y, h, siren, flashPhase, reducedMotion);
        else hideLights(c);
      }
    },
    reset() {
      look.fill(-1);
      carLook.fill(-1);
      for (const s of people) s.visible = false;
      for (let c = 0; c < carSprites.length; c++) {
        carSprites[c].visible = false;
        hideLights(c);
      }
    },
  };
}
