import { Text } from 'pixi.js';
import type { Container } from 'pixi.js';
import { palette } from './palette';

/** A text label that re-rasterises only when its text or colour changes. */
export interface Label {
  readonly view: Text;
  set(text: string, colour?: number): void;
  at(x: number, y: number): void;
}

/** Creates a label in `parent`. */
export function createLabel(parent: Container, size: number, options: { colour?: number; bold?: boolean; anchorX?: number; anchorY?: number; shadow?: boolean; wrap?: boolean } = {}): Label {
  const view = new Text({
    text: '',
    style: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      fontSize: size,
      fill: options.colour ?? palette.text,
      fontWeight: options.bold ? '700' : '400',
      ...(options.wrap ? { wordWrap: true, wordWrapWidth: 200 } : {}),
      ...(options.shadow ? { dropShadow: { color: 0x000000, alpha: 0.9, blur: 2, distance: 0, angle: 0 } } : {}),
    },
  });
  view.anchor.set(options.anchorX ?? 0, options.anchorY ?? 0);
  parent.addChild(view);
  let colour = options.colour ?? palette.text;
  return {
    view,
    set(text, c) {
      if (view.text !== text) view.text = text;
      if (c !== undefined && c !== colour) {
        colour = c;
        view.style.fill = c;
      }
    },
    at(x, y) {
      view.position.set(Math.round(x), Math.round(y));
    },
  };
}
