import { Container, Graphics } from 'pixi.js';
import { cloudTuning, SlotState } from '../../scenarios/cloud';
import type { CloudRuntime, CloudWorld, Server } from '../../scenarios/cloud';
import { RACK_CHROME } from './layout';
import type { Box } from './layout';
import { palette } from './palette';
import { createUnit, updateUnit } from './rackUnit';
import type { Unit, UnitGeometry } from './rackUnit';
import { createLabel, createNumber } from './text';
import type { Label } from './text';

const RACKS = 2;
const PER_RACK = cloudTuning.slots / RACKS;
const LB_H = 34;
const DOTS = 6;

/** The geometry of the racks for a box. */
interface Geometry extends UnitGeometry {
  top: number;
  rackW: number;
  rackGap: number;
}

function geometryFor(box: Box): Geometry {
  const top = box.y + LB_H + 22;
  const rackGap = 16;
  const rackW = (box.w - rackGap * (RACKS - 1)) / RACKS;
  const unitH = Math.max(12, Math.floor((box.h - RACK_CHROME) / PER_RACK - 4));
  const uw = rackW - 24;
  const short = uw < 190;
  const nameW = short ? 24 : 56;
  const barX = 22 + nameW;
  const barW = Math.max(20, uw - barX - 48);
  const barH = Math.max(6, unitH - 12);
  return { top, rackW, rackGap, unitH, uw, short, barX, barW, barH };
}

/** The load balancer and the racks: one unit per slot, with a live CPU bar, booting and draining shown as they happen. */
export interface Racks {
  readonly layer: Container;
  update(
    box: Box,
    world: CloudWorld,
    rt: CloudRuntime,
    tick: number,
    alpha: number,
    time: number,
    reducedMotion: boolean,
  ): void;
}

/** The parts of the racks that `layout` places. */
interface Parts {
  frame: Graphics;
  lb: Label;
  lbInfo: Label;
  rackTitles: Label[];
  units: Unit[];
}

/** Draws what only moves when the screen does: the load balancer's bar, the racks, their rails and cables. */
function layout(p: Parts, box: Box, geo: Geometry): void {
  const { top, rackW, rackGap, unitH, uw, barX, barH } = geo;
  const rackH = PER_RACK * (unitH + 4) + 8;
  const { frame } = p;
  frame.clear();
  frame.roundRect(box.x, box.y, box.w, LB_H, 6).fill(palette.panel).stroke({ width: 1, color: palette.panelEdge });
  for (let r = 0; r < RACKS; r++) {
    const rx = box.x + r * (rackW + rackGap);
    frame.roundRect(rx, top, rackW, rackH, 6).fill(palette.rack).stroke({ width: 1.5, color: palette.rackEdge });
    frame.rect(rx + 4, top + 4, 3, rackH - 8).fill(palette.rackEdge);
    frame.rect(rx + rackW - 7, top + 4, 3, rackH - 8).fill(palette.rackEdge);
    frame.rect(rx + rackW / 2 - 1, box.y + LB_H, 2, top - box.y - LB_H).fill(palette.panelEdge);
    p.rackTitles[r]?.at(rx + 10, top - 16);
  }
  p.lb.at(box.x + 12, box.y + 9);
  p.lbInfo.at(box.x + box.w - 12, box.y + 11);
  p.units.forEach((u, slot) => {
    const r = Math.floor(slot / PER_RACK);
    const x = Math.round(box.x + r * (rackW + rackGap) + 12);
    const y = Math.round(top + 6 + (slot % PER_RACK) * (unitH + 4));
    u.root.position.set(x, y);
    u.back.position.set(x, y);
    u.bar.position.set(barX, Math.round((unitH - barH) / 2));
    u.bar.height = barH;
    u.led.position.set(11, unitH / 2);
    u.name.at(x + 20, y + unitH / 2 - 8);
    u.status.at(barX + 6, unitH / 2 - 7);
    u.value.at(uw - 8, unitH / 2 - 7);
    u.key = '';
  });
}

/** Requests flowing down the cables: more dots when busier (still when motion is reduced). */
function placeFlowDots(dots: Graphics[], rps: number, box: Box, geo: Geometry, time: number, reduced: boolean): void {
  const n = Math.min(DOTS, Math.ceil(rps / 150));
  dots.forEach((d, k) => {
    const r = Math.floor(k / DOTS);
    const j = k % DOTS;
    d.visible = j < n;
    if (!d.visible) return;
    const f = reduced ? (j + 0.5) / n : (time * 1.2 + j / n) % 1;
    d.position.set(box.x + r * (geo.rackW + geo.rackGap) + geo.rackW / 2, box.y + LB_H + f * (geo.top - box.y - LB_H));
  });
}

/** The load balancer's line: requests per second and the pool, shorter on a narrow box. */
function poolText(box: Box, rps: number, p: CloudWorld['pool']): string {
  return box.w >= 520
    ? `${Math.round(rps)} req/s -> ${p.running} in service, ${p.booting} booting, ${p.draining} draining`
    : `${Math.round(rps)} req/s -> ${p.running} servers`;
}

/** Creates the racks. */
export function createRacks(): Racks {
  const layer = new Container();
  // What changes only with the layout or a server's state is drawn once into a texture; the rest is a few sprites and numbers.
  const still = new Container();
  still.cacheAsTexture(true);
  const live = new Container({ isRenderGroup: true });
  layer.addChild(still, live);
  const frame = new Graphics();
  still.addChild(frame);
  const lb = createLabel(still, 13, { bold: true });
  lb.set('Load balancer');
  const lbInfo = createNumber(live, 12, { colour: palette.muted, anchorX: 1 });
  const rackTitles = Array.from({ length: RACKS }, (_, i) => {
    const l = createLabel(still, 11, { colour: palette.muted });
    l.set(`rack ${String.fromCharCode(65 + i)}`);
    return l;
  });
  const dots = new Container();
  live.addChild(dots);
  const units = Array.from({ length: cloudTuning.slots }, () => createUnit(still, live));
  const parts: Parts = { frame, lb, lbInfo, rackTitles, units };
  const flowDots = Array.from({ length: RACKS * DOTS }, () => {
    const d = new Graphics().circle(0, 0, 2).fill(palette.accent);
    dots.addChild(d);
    return d;
  });
  const bySlot: (Server | undefined)[] = [];
  let layoutKey = '';
  let geo = geometryFor({ x: 0, y: 0, w: 600, h: 400 });
  let infoTick = -1;

  return {
    layer,
    update(box, w, rt, tick, alpha, time, reduced) {
      const lk = `${box.x},${box.y},${box.w},${box.h}`;
      let redraw = false;
      if (lk !== layoutKey) {
        layoutKey = lk;
        geo = geometryFor(box);
        layout(parts, box, geo);
        redraw = true;
      }
      bySlot.length = 0;
      for (const s of w.servers) bySlot[s.slot] = s;
      const clock = { now: tick - 1 + alpha, tick, time, reduced };
      const [rpsNow = 0, rpsBefore = 0] = rt.traffic;
      const rps = rpsBefore + (rpsNow - rpsBefore) * alpha;
      // The numbers in the load balancer's bar change four times a second, not every frame.
      if (Math.floor(tick / 15) !== infoTick) {
        infoTick = Math.floor(tick / 15);
        lbInfo.set(poolText(box, rps, w.pool));
      }
      placeFlowDots(flowDots, rps, box, geo, time, reduced);
      units.forEach((u, slot) => {
        const s = bySlot[slot];
        const state = s ? (rt.slots.state[slot] ?? SlotState.Empty) : SlotState.Empty;
        const before = rt.prevCpu[slot] ?? 0;
        const cpu = before + ((rt.cpu[slot] ?? 0) - before) * alpha;
        if (updateUnit(u, s, state, cpu, clock, geo)) redraw = true;
      });
      if (redraw) still.updateCacheTexture();
    },
  };
}
