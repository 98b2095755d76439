import { Container, Graphics } from 'pixi.js';
import { cloudTuning } from '../../scenarios/cloud';
import type { CloudRuntime, CloudWorld } from '../../scenarios/cloud';
import type { Box } from './layout';
import { palette } from './palette';
import { createLabel, createNumber } from './text';
import type { Label } from './text';

const N = cloudTuning.historyLength;

/** The traffic over the last two minutes: requests per second (filled), the pool's capacity (a step line), and the load. */
export interface TrafficGraph {
  readonly layer: Container;
  update(box: Box, world: CloudWorld, rt: CloudRuntime): void;
}

/** The plot area in pixels and its vertical scale (requests per second at the top). */
interface Plot {
  px: number;
  py: number;
  pw: number;
  ph: number;
  scale: number;
}

/** Grid lines at a round step, at most one every 26 pixels, each with its value. */
function drawGrid(g: Graphics, labels: Label[], p: Plot): void {
  const step = [100, 250, 500, 1000].find((v) => (p.ph * v) / p.scale >= 26) ?? 1000;
  labels.forEach((l, k) => {
    const v = (k + 1) * step;
    const y = Math.round(p.py + p.ph - (p.ph * v) / p.scale);
    l.view.visible = v < p.scale * 0.95;
    if (!l.view.visible) return;
    g.rect(p.px, y, p.pw, 1);
    l.set(String(v));
    l.at(p.px + 2, y - 1);
  });
  g.fill({ color: palette.panelEdge, alpha: 0.6 });
}

/** Requests per second as a filled line and the capacity as a step line, `count` points ending at the right edge. */
function drawSeries(g: Graphics, points: number[], p: Plot, rps: number[], capacity: number[]): void {
  const count = rps.length;
  const dx = p.pw / (N - 1);
  const x0 = p.px + p.pw - (count - 1) * dx;
  const yOf = (v: number) => p.py + p.ph - (p.ph * v) / p.scale;
  points.length = 0;
  points.push(x0, p.py + p.ph);
  rps.forEach((v, j) => points.push(x0 + j * dx, yOf(v)));
  points.push(x0 + (count - 1) * dx, p.py + p.ph);
  g.poly(points).fill({ color: palette.accent, alpha: 0.22 });
  g.moveTo(x0, yOf(rps[0] ?? 0));
  rps.forEach((v, j) => {
    if (j > 0) g.lineTo(x0 + j * dx, yOf(v));
  });
  g.stroke({ width: 2, color: palette.accent });
  // Capacity: what the servers in service can take at 100 % CPU.
  let prevY = yOf(capacity[0] ?? 0);
  g.moveTo(x0, prevY);
  capacity.forEach((v, j) => {
    const y = yOf(v);
    if (j > 0 && y !== prevY) g.lineTo(x0 + j * dx, prevY).lineTo(x0 + j * dx, y);
    prevY = y;
  });
  g.lineTo(x0 + (count - 1) * dx, prevY).stroke({ width: 2, color: palette.capacity, alpha: 0.9 });
}

/** The last `count` entries of a history ring whose next write goes to `next`, oldest first. */
function lastOf(ring: ArrayLike<number>, next: number, count: number): number[] {
  return Array.from({ length: count }, (_, j) => ring[(next - count + j) % N] ?? 0);
}

/** Creates the traffic graph; it is redrawn when a point is added (twice a second) or the screen changes. */
export function createTrafficGraph(): TrafficGraph {
  // Drawn into a texture, redrawn only when a point is added.
  const layer = new Container();
  layer.cacheAsTexture(true);
  const g = new Graphics();
  layer.addChild(g);
  const title = createLabel(layer, 12, { colour: palette.muted });
  const rpsLabel = createNumber(layer, 13, { bold: true, colour: palette.accent, anchorX: 1 });
  const capLabel = createNumber(layer, 12, { colour: palette.capacity, anchorX: 1 });
  const spike = createLabel(layer, 12, { bold: true, colour: palette.warn });
  const grid = Array.from({ length: 8 }, () => createNumber(layer, 10, { colour: palette.muted, anchorY: 1 }));
  let scale = 0;
  let drawn = '';
  const points: number[] = [];

  return {
    layer,
    update(box, w, rt) {
      const next = rt.counters[4] ?? 0;
      const key = `${box.x},${box.y},${box.w},${box.h}|${next}|${w.load.setting}|${w.load.kind}`;
      if (key === drawn) return;
      drawn = key;
      layer.updateCacheTexture();
      g.clear();
      g.roundRect(box.x, box.y, box.w, box.h, 8).fill(palette.panel).stroke({ width: 1, color: palette.panelEdge });
      const wide = box.w >= 640;
      title.set(
        wide
          ? `Traffic, last ${Math.round((N * cloudTuning.historyEvery) / 60 / 60)} minutes — load ${Math.round(w.load.setting * 100)} %`
          : 'Traffic',
      );
      title.at(box.x + 12, box.y + 10);
      spike.set(w.load.spike ? (w.load.kind === 'spike' ? '⚡ SPIKE' : '⚡ surge') : '');
      spike.at(box.x + 12 + title.view.width + 12, box.y + 10);
      const count = Math.min(next, N);
      const rps = lastOf(rt.history.rps, next, count);
      const capacity = lastOf(rt.history.capacity, next, count);
      const top = Math.max(200, ...rps, ...capacity);
      // The scale grows at once and shrinks slowly, so the graph does not jump about.
      scale = scale ? Math.max(top * 1.15, scale + (top * 1.15 - scale) * 0.1) : top * 1.15;
      const plot: Plot = { px: box.x + 12, py: box.y + 34, pw: box.w - 24, ph: box.h - 46, scale };
      drawGrid(g, grid, plot);
      if (count < 2) {
        rpsLabel.set('');
        capLabel.set('');
        return;
      }
      drawSeries(g, points, plot, rps, capacity);
      const nowRps = rps[count - 1] ?? 0;
      const cap = capacity[count - 1] ?? 0;
      rpsLabel.set(`${Math.round(nowRps)} req/s`);
      rpsLabel.at(box.x + box.w - 12, box.y + 10);
      capLabel.set(box.w >= 480 ? `capacity ${Math.round(cap)} req/s` : `cap. ${Math.round(cap)}`);
      capLabel.at(box.x + box.w - 12 - rpsLabel.view.width - 14, box.y + 11);
    },
  };
}
