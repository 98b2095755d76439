import { Sprite } from 'pixi.js';
import type { Container, Texture } from 'pixi.js';

/** A hidden, centred sprite added to `parent`: one slot of a pool. */
export function makeSprite(texture: Texture, parent: Container): Sprite {
  const s = new Sprite(texture);
  s.anchor.set(0.5);
  s.visible = false;
  parent.addChild(s);
  return s;
}

/** `looks` grown to at least `n` slots, the new ones -1 (unset); the same array when it is long enough. */
export function growLooks(looks: Int16Array, n: number): Int16Array {
  if (looks.length >= n) return looks;
  const next = new Int16Array(n).fill(-1);
  next.set(looks);
  return next;
}

/** Whether (x, y) lies inside the rectangle. */
export function inside(r: { left: number; top: number; right: number; bottom: number }, x: number, y: number): boolean {
  return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
}
