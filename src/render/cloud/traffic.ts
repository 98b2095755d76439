import { Container, Graphics } from 'pixi.js';
import { cloudTuning } from '../../scenarios/cloud';
import type { CloudRuntime, CloudWorld } from '../../scenarios/cloud';
import type { Box } from './layout';
import { palette } from './palette';
import { createLabel } from './text';

const N = cloudTuning.historyLength;

/** The traffic over the last two minutes: requests per second (filled), the pool's capacity (a step line), and the load. */
export interface TrafficGraph {
  readonly layer: Container;
  update(box: Box, world: CloudWorld, rt: CloudRuntime): void;
}

/** Creates the traffic graph. */
export function createTrafficGraph(): TrafficGraph {
  const layer = new Container();
  const g = new Graphics();
  layer.addChild(g);
  const title = createLabel(layer, 12, { colour: palette.muted });
  const rpsLabel = createLabel(layer, 13, { bold: true, colour: palette.accent, anchorX: 1 });
  const capLabel = createLabel(layer, 12, { colour: palette.capacity, anchorX: 1 });
  const spike = createLabel(layer, 12, { bold: true, colour: palette.warn });
  const grid = Array.from({ length: 8 }, () => createLabel(layer, 10, { colour: palette.muted, anchorY: 1 }));
  let scale = 600;
  const points: number[] = [];

  return {
    layer,
    update(box, w, rt) {
      g.clear();
      g.roundRect(box.x, box.y, box.w, box.h, 8).fill(palette.panel).stroke({ width: 1, color: palette.panelEdge });
      const wide = box.w >= 640;
      title.set(wide ? `Traffic, last ${Math.round((N * cloudTuning.historyEvery) / 60 / 60)} minutes — load ${Math.round(w.load.setting * 100)} %` : 'Traffic');
      title.at(box.x + 12, box.y + 10);
      spike.set(w.load.spike ? (w.load.kind === 'spike' ? '⚡ SPIKE' : '⚡ surge') : '');
      spike.at(box.x + 12 + title.view.width + 12, box.y + 10);
      const h = rt.history;
      const count = Math.min(rt.counters[4] as number, N);
      const px = box.x + 12;
      const pw = box.w - 24;
      const py = box.y + 34;
      const ph = box.h - 46;
      let top = 200;
      for (let j = 0; j < count; j++) {
        const i = ((rt.counters[4] as number) - 1 - j) % N;
        top = Math.max(top, h.rps[i] as number, h.capacity[i] as number);
      }
      // Ease the scale so the graph does not jump.
      scale += (top * 1.15 - scale) * 0.05;
      // Grid lines at a round step, at most one every 26 pixels.
      const step = [100, 250, 500, 1000].find((v) => (ph * v) / scale >= 26) ?? 1000;
      grid.forEach((l, k) => {
        const v = (k + 1) * step;
        const y = py + ph - (ph * v) / scale;
        l.view.visible = v < scale * 0.95;
        if (!l.view.visible) return;
        g.moveTo(px, y).lineTo(px + pw, y).stroke({ width: 1, color: palette.panelEdge, alpha: 0.6 });
        l.set(String(v));
        l.at(px + 2, y - 1);
      });
      if (count < 2) return;
      const dx = pw / (N - 1);
      const x0 = px + pw - (count - 1) * dx;
      const at = (j: number) => ((rt.counters[4] as number) - count + j) % N;
      points.length = 0;
      points.push(x0, py + ph);
      for (let j = 0; j < count; j++) points.push(x0 + j * dx, py + ph - (ph * (h.rps[at(j)] as number)) / scale);
      points.push(x0 + (count - 1) * dx, py + ph);
      g.poly(points).fill({ color: palette.accent, alpha: 0.22 });
      g.moveTo(points[2] as number, points[3] as number);
      for (let k = 4; k < points.length - 2; k += 2) g.lineTo(points[k] as number, points[k + 1] as number);
      g.stroke({ width: 2, color: palette.accent });
      // Capacity: what the servers in service can take at 100 % CPU.
      let prevY = py + ph - (ph * (h.capacity[at(0)] as number)) / scale;
      g.moveTo(x0, prevY);
      for (let j = 1; j < count; j++) {
        const y = py + ph - (ph * (h.capacity[at(j)] as number)) / scale;
        const x = x0 + j * dx;
        if (y !== prevY) g.lineTo(x, prevY).lineTo(x, y);
        prevY = y;
      }
      g.lineTo(x0 + (count - 1) * dx, prevY).stroke({ width: 2, color: palette.capacity, alpha: 0.9 });
      const rps = h.rps[at(count - 1)] as number;
      const cap = h.capacity[at(count - 1)] as number;
      rpsLabel.set(`${Math.round(rps)} req/s`);
      rpsLabel.at(box.x + box.w - 12, box.y + 9);
      capLabel.set(box.w >= 480 ? `capacity ${Math.round(cap)} req/s` : `cap. ${Math.round(cap)}`);
      capLabel.at(box.x + box.w - 12 - rpsLabel.view.width - 14, box.y + 10);
    },
  };
}
