import { BitmapText, Text } from 'pixi.js';
import type { Container } from 'pixi.js';
import { palette } from './palette';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** A text label that re-renders only when its text or colour changes. */
export interface Label {
  readonly view: Text | BitmapText;
  set(text: string, colour?: number): void;
  at(x: number, y: number): void;
}

interface LabelOptions {
  colour?: number;
  bold?: boolean;
  anchorX?: number;
  anchorY?: number;
  shadow?: boolean;
  wrap?: boolean;
}

/** Creates a label in `parent` (a canvas text: for words that change now and then). */
export function createLabel(parent: Container, size: number, options: LabelOptions = {}): Label {
  const view = new Text({
    text: '',
    style: {
      fontFamily: FONT,
      fontSize: size,
      fill: options.colour ?? palette.text,
      fontWeight: options.bold ? '700' : '400',
      ...(options.wrap ? { wordWrap: true, wordWrapWidth: 200 } : {}),
      ...(options.shadow ? { dropShadow: { color: 0x000000, alpha: 0.9, blur: 2, distance: 0, angle: 0 } } : {}),
    },
  });
  return wrap(parent, view, options, (c) => (view.style.fill = c));
}

/**
 * Creates a label for numbers that change every few frames (CPU %, requests per second): a bitmap text, whose glyphs
 * are drawn once, coloured with a tint.
 */
export function createNumber(parent: Container, size: number, options: LabelOptions = {}): Label {
  const view = new BitmapText({
    text: '',
    style: { fontFamily: FONT, fontSize: size, fill: 0xffffff, fontWeight: options.bold ? '700' : '400' },
  });
  view.tint = options.colour ?? palette.text;
  return wrap(parent, view, options, (c) => (view.tint = c));
}

function wrap(parent: Container, view: Text | BitmapText, options: LabelOptions, paint: (c: number) => void): Label {
  view.anchor.set(options.anchorX ?? 0, options.anchorY ?? 0);
  parent.addChild(view);
  let colour = options.colour ?? palette.text;
  let x = NaN,
    y = NaN;
  return {
    view,
    set(text, c) {
      if (view.text !== text) view.text = text;
      if (c !== undefined && c !== colour) {
        colour = c;
        paint(c);
      }
    },
    at(nx, ny) {
      nx = Math.round(nx);
      ny = Math.round(ny);
      if (nx !== x || ny !== y) view.position.set((x = nx), (y = ny));
    },
  };
}
