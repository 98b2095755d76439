import { Container, Graphics, Sprite } from 'pixi.js';
import type { Tracers } from '../../game/combat';
import { TRACER_TICKS } from '../../game/combat';
import type { PursuitState } from '../../game/pursuit';
import { palette } from './palette';
import type { CityTextures } from './textures';

const TRACER_TINT = [palette.tracerPlayer, palette.tracerGoon, palette.tracerGoon, palette.tracerPolice];

/** Bullet streaks and hit bursts, pooled per tracer slot. */
export interface TracerSprites {
  readonly layer: Container;
  update(t: Tracers, tick: number, alpha: number): void;
}

/** The streak and the burst drawn for one tracer slot. */
interface TracerPair {
  readonly line: Sprite;
  readonly burst: Sprite;
}

/** Draws tracer slot `k` at time `now` (ticks), or hides it when the slot is empty or the shot has faded. */
function drawTracer({ line: s, burst: b }: TracerPair, t: Tracers, k: number, now: number): void {
  const at = t.tick[k] ?? -1;
  const age = now - at;
  if (at < 0 || age < 0 || age >= TRACER_TICKS) {
    s.visible = false;
    b.visible = false;
    return;
  }
  const f = age / TRACER_TICKS;
  const x0 = t.fromX[k] ?? 0;
  const y0 = t.fromY[k] ?? 0;
  const x1 = t.toX[k] ?? 0;
  const y1 = t.toY[k] ?? 0;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len = Math.hypot(dx, dy);
  // The streak's tail catches up with its head as it fades.
  const tail = Math.min(0.85, f * 1.4);
  s.position.set(x0 + dx * tail, y0 + dy * tail);
  s.rotation = Math.atan2(dy, dx);
  s.scale.set(Math.max(0.01, len * (1 - tail)), 0.2);
  s.tint = TRACER_TINT[t.shooter[k] ?? 0] ?? palette.tracerPlayer;
  s.alpha = 1 - f * 0.7;
  s.visible = true;
  const hit = t.hit[k] === 1;
  b.position.set(x1, y1);
  b.tint = hit ? palette.hit : 0xb0b0b0;
  b.scale.set((hit ? 0.9 : 0.5) + f * 0.8);
  b.alpha = 1 - f;
  b.rotation = k;
  b.visible = true;
}

/** Creates the tracer pool (grows to the ring's capacity). */
export function createTracerSprites(tex: CityTextures): TracerSprites {
  const layer = new Container();
  const pairs: TracerPair[] = [];
  return {
    layer,
    update(t, tick, alpha) {
      while (pairs.length < t.capacity) {
        const line = new Sprite(tex.pixel);
        line.anchor.set(0, 0.5);
        line.visible = false;
        const burst = new Sprite(tex.burst);
        burst.anchor.set(0.5);
        burst.visible = false;
        layer.addChild(line, burst);
        pairs.push({ line, burst });
      }
      const now = tick - 1 + alpha;
      for (let k = 0; k < t.capacity; k++) {
        const pair = pairs[k];
        if (pair) drawTracer(pair, t, k, now);
      }
    },
  };
}

/** The search circle: a dashed ring around where the player was last seen, re-drawn only when its radius changes. */
export interface SearchCircle {
  readonly graphics: Graphics;
  update(p: PursuitState, time: number, reducedMotion: boolean): void;
}

/** Creates the search circle (hidden while there is no pursuit). */
export function createSearchCircle(): SearchCircle {
  const g = new Graphics();
  g.visible = false;
  let drawnRadius = -1;
  let drawnState = '';
  return {
    graphics: g,
    update(p, time, reducedMotion) {
      if (p.state === 'none' || p.radius <= 0) {
        g.visible = false;
        return;
      }
      if (p.radius !== drawnRadius || p.state !== drawnState) {
        drawnRadius = p.radius;
        drawnState = p.state;
        const colour = p.state === 'chasing' ? palette.chase : palette.search;
        const r = p.radius;
        g.clear();
        // A ring only: a filled disc this big would repaint most of the screen every frame.
        const dashes = Math.max(24, Math.round((2 * Math.PI * r) / 5));
        for (let k = 0; k < dashes; k++) {
          const a0 = (k / dashes) * 2 * Math.PI;
          const a1 = a0 + (0.6 / dashes) * 2 * Math.PI;
          g.moveTo(Math.cos(a0) * r, Math.sin(a0) * r).arc(0, 0, r, a0, a1);
        }
        g.stroke({ width: 0.6, color: colour, alpha: 0.85 });
        // The last-seen point: a small cross.
        g.moveTo(-1.6, -1.6)
          .lineTo(1.6, 1.6)
          .moveTo(1.6, -1.6)
          .lineTo(-1.6, 1.6)
          .stroke({ width: 0.5, color: colour, alpha: 0.9 });
      }
      g.position.set(p.x, p.y);
      g.rotation = reducedMotion ? 0 : time * 0.15;
      g.alpha = reducedMotion || p.state === 'chasing' ? 0.9 : 0.65 + 0.3 * Math.sin(time * 4);
      g.visible = true;
    },
  };
}

/** The player: a highlighted sprite and a ring (around the car while driving). */
export interface PlayerMarker {
  readonly layer: Container;
  update(
    x: number,
    y: number,
    heading: number,
    alive: boolean,
    inCar: boolean,
    hidden: boolean,
    time: number,
    reducedMotion: boolean,
  ): void;
}

/** Creates the player's sprite and ring. */
export function createPlayerMarker(tex: CityTextures): PlayerMarker {
  const layer = new Container();
  const ring = new Sprite(tex.ring);
  ring.anchor.set(0.5);
  ring.tint = palette.playerRing;
  const body = new Sprite(tex.person);
  body.anchor.set(0.5);
  body.tint = palette.player;
  layer.addChild(ring, body);
  let wasAlive = true;
  return {
    layer,
    update(x, y, heading, alive, inCar, hidden, time, reducedMotion) {
      if (alive !== wasAlive) {
        wasAlive = alive;
        body.texture = alive ? tex.person : tex.body;
      }
      body.visible = !inCar;
      body.position.set(x, y);
      body.rotation = heading;
      ring.position.set(x, y);
      const pulse = reducedMotion ? 0 : 0.08 * Math.sin(time * 5);
      ring.scale.set((inCar ? 3.1 : 1.5) * (1 + pulse));
      // Hidden (garage, dark alley): the player shows as a ghost of themselves.
      ring.alpha = !alive ? 0.3 : hidden ? 0.35 : 0.8;
      body.alpha = hidden ? 0.55 : 1;
    },
  };
}
