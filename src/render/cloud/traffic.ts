import { Container, Graphics } from 'pixi.js';
import { cloudTuning } from '../../scenarios/cloud';
import type { CloudRuntime, CloudWorld } from '../../scenarios/cloud';
import type { Box } from './layout';
import { palette } from './palette';
import { createLabel, createNumber } from './text';

const N = cloudTuning.historyLength;

/** The traffic over the last two minutes: requests per second (filled), the pool's capacity (a step line), and the load. */
export interface TrafficGraph {
  readonly layer: Container;
  update(box: Box, world: CloudWorld, rt: CloudRuntime): void;
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
      const next = rt.counters[4] as number;
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
      const h = rt.history;
      const count = Math.min(next, N);
      const px = box.x + 12;
      const pw = box.w - 24;
      const py = box.y + 34;
      const ph = box.h - 46;
      let top = 200;
      const at = (j: number) => (next - count + j) % N;
      for (let j = 0; j < count; j++) top = Math.max(top, h.rps[at(j)] as number, h.capacity[at(j)] as number);
      // The scale grows at once and shrinks slowly, so the graph does not jump about.
      scale = scale ? Math.max(top * 1.15, scale + (top * 1.15 - scale) * 0.1) : top * 1.15;
      // Grid lines at a round step, at most one every 26 pixels.
      const step = [100, 250, 500, 1000].find((v) => (ph * v) / scale >= 26) ?? 1000;
      grid.forEach((l, k) => {
        const v = (k + 1) * step;
        const y = Math.round(py + ph - (ph * v) / scale);
        l.view.visible = v < scale * 0.95;
        if (!l.view.visible) return;
        g.rect(px, y, pw, 1);
        l.set(String(v));
        l.at(px + 2, y - 1);
      });
      g.fill({ color: palette.panelEdge, alpha: 0.6 });
      if (count < 2) {
        rpsLabel.set('');
        capLabel.set('');
        return;
      }
      const dx = pw / (N - 1);
      const x0 = px + pw - (count - 1) * dx;
      const yOf = (v: number) => py + ph - (ph * v) / scale;
      points.length = 0;
      points.push(x0, py + ph);
      for (let j = 0; j < count; j++) points.push(x0 + j * dx, yOf(h.rps[at(j)] as number));
      points.push(x0 + (count - 1) * dx, py + ph);
      g.poly(points).fill({ color: palette.accent, alpha: 0.22 });
      g.moveTo(points[2] as number, points[3] as number);
      for (let k = 4; k < points.length - 2; k += 2) g.lineTo(points[k] as number, points[k + 1] as number);
      g.stroke({ width: 2, color: palette.accent });
      // Capacity: what the servers in service can take at 100 % CPU.
      let prevY = yOf(h.capacity[at(0)] as number);
      g.moveTo(x0, prevY);
      for (let j = 1; j < count; j++) {
        const y = yOf(h.capacity[at(j)] as number);
        if (y !== prevY) g.lineTo(x0 + j * dx, prevY).lineTo(x0 + j * dx, y);
        prevY = y;
      }
      g.lineTo(x0 + (count - 1) * dx, prevY).stroke({ width: 2, color: palette.capacity, alpha: 0.9 });
      const rps = h.rps[at(count - 1)] as number;
      const cap = h.capacity[at(count - 1)] as number;
      rpsLabel.set(`${Math.round(rps)} req/s`);
      rpsLabel.at(box.x + box.w - 12, box.y + 10);
      capLabel.set(box.w >= 480 ? `capacity ${Math.round(cap)} req/s` : `cap. ${Math.round(cap)}`);
      capLabel.at(box.x + box.w - 12 - rpsLabel.view.width - 14, box.y + 11);
    },
  };
}
