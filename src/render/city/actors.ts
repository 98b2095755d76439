import type { Container, Sprite } from 'pixi.js';
import { AgentKind } from '../../game/motion';
import type { Agents, Cars } from '../../game/motion';
import type { ViewRect } from './camera';
import { createCarSprites } from './carSprites';
import { drawnX, drawnY } from './interpolate';
import { palette } from './palette';
import { growLooks, inside, makeSprite } from './pool';
import type { CityTextures } from './textures';

/** Culling margin around the view, in metres (covers a car's length and a light's glow). */
const MARGIN = 7;

const KIND_TINT = [palette.player, 0, palette.goon, palette.police];

function darken(c: number, f: number): number {
  return (
    (Math.round(((c >> 16) & 255) * f) << 16) | (Math.round(((c >> 8) & 255) * f) << 8) | Math.round((c & 255) * f)
  );
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
  /** Positions and shows this frame's agents and cars inside the view (metres). */
  update(
    agents: Agents,
    cars: Cars,
    alpha: number,
    view: ViewRect,
    siren: boolean,
    flashPhase: number,
    reducedMotion: boolean,
  ): void;
  /** Hides everything and forgets cached looks (a new engine). */
  reset(): void;
}

/** Pooled sprites for people: alive ones on the people layer, bodies below the cars. */
function createPeopleSprites(tex: CityTextures, layers: ActorLayers) {
  const sprites: Sprite[] = [];
  /** Look of each person slot: -1 unset, else kind * 2 + (alive ? 0 : 1). */
  let looks: Int16Array = new Int16Array(0);

  function spriteFor(i: number): Sprite {
    for (;;) {
      const s = sprites[i];
      if (s) return s;
      sprites.push(makeSprite(tex.person, layers.people));
    }
  }

  function setLook(i: number, s: Sprite, kind: number, alive: boolean): void {
    const key = kind * 2 + (alive ? 0 : 1);
    if (looks[i] === key) return;
    looks[i] = key;
    const base =
      (kind === AgentKind.Civilian ? palette.civilians[i % palette.civilians.length] : KIND_TINT[kind]) ?? 0xffffff;
    s.texture = alive ? tex.person : tex.body;
    s.tint = alive ? base : darken(base, 0.7);
    const layer = alive ? layers.people : layers.bodies;
    if (s.parent !== layer) layer.addChild(s);
  }

  return {
    /** Positions and shows the agents other than the player (agent 0) inside `bounds`, on foot. */
    update(agents: Agents, alpha: number, bounds: ViewRect): void {
      looks = growLooks(looks, agents.count);
      for (let i = 1; i < agents.count; i++) {
        const s = spriteFor(i);
        const x = drawnX(agents, i, alpha);
        const y = drawnY(agents, i, alpha);
        const shown = agents.present[i] !== 0 && (agents.car[i] ?? -1) < 0 && inside(bounds, x, y);
        if (!shown) {
          s.visible = false;
          continue;
        }
        setLook(i, s, agents.kind[i] ?? AgentKind.Civilian, agents.alive[i] === 1);
        s.position.set(x, y);
        s.rotation = agents.heading[i] ?? 0;
        s.visible = true;
      }
    },
    reset(): void {
      looks.fill(-1);
      for (const s of sprites) s.visible = false;
    },
  };
}

/** Creates the agent and car pools over the given layers (the player, agent 0, is drawn by the caller). */
export function createActorSprites(tex: CityTextures, layers: ActorLayers): ActorSprites {
  const people = createPeopleSprites(tex, layers);
  const cars = createCarSprites(tex, layers);
  const bounds: ViewRect = { left: 0, top: 0, right: 0, bottom: 0 };
  return {
    update(agents, carSlots, alpha, view, siren, flashPhase, reducedMotion) {
      bounds.left = view.left - MARGIN;
      bounds.top = view.top - MARGIN;
      bounds.right = view.right + MARGIN;
      bounds.bottom = view.bottom + MARGIN;
      people.update(agents, alpha, bounds);
      cars.update(carSlots, alpha, bounds, siren, flashPhase, reducedMotion);
    },
    reset() {
      people.reset();
      cars.reset();
    },
  };
}
