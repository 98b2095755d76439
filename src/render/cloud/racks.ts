import { Container, Graphics, Sprite, Texture } from 'pixi.js';
import { cloudTuning, coldFactor, SlotState } from '../../scenarios/cloud';
import type { CloudRuntime, CloudWorld, Server } from '../../scenarios/cloud';
import { RACK_CHROME } from './layout';
import type { Box } from './layout';
import { cpuColour, palette } from './palette';
import { createLabel, createNumber } from './text';
import type { Label } from './text';

const RACKS = 2;
const PER_RACK = cloudTuning.slots / RACKS;
const LB_H = 34;
const DOTS = 6;

/** One rack unit: its frame and name are drawn into the cached layer when its state changes; per frame only its bar, LED and numbers change. */
interface Unit {
  /** The moving parts (bar, LED, status, value), in the dynamic layer. */
  readonly root: Container;
  /** The frame, the bar's track and the name, in the cached layer. */
  readonly back: Graphics;
  readonly bar: Sprite;
  readonly led: Graphics;
  readonly name: Label;
  /** What the server is doing, over its bar (booting, warming up, draining). */
  readonly status: Label;
  readonly value: Label;
  /** What `back` was drawn for. */
  key: string;
}

/** The geometry of the racks for a box. */
interface Geometry {
  top: number;
  rackW: number;
  rackGap: number;
  unitH: number;
  uw: number;
  short: boolean;
  barX: number;
  barW: number;
  barH: number;
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
  const unit: Unit[] = Array.from({ length: cloudTuning.slots }, () => {
    const root = new Container();
    const back = new Graphics();
    still.addChild(back);
    const bar = new Sprite(Texture.WHITE);
    const led = new Graphics().circle(0, 0, 4).fill(0xffffff);
    root.addChild(bar, led);
    live.addChild(root);
    return {
      root,
      back,
      bar,
      led,
      name: createLabel(still, 12, { bold: true }),
      status: createLabel(root, 11, { bold: true, shadow: true }),
      value: createNumber(root, 12, { anchorX: 1 }),
      key: '',
    };
  });
  const flowDots = Array.from({ length: RACKS * DOTS }, () => {
    const d = new Graphics().circle(0, 0, 2).fill(palette.accent);
    dots.addChild(d);
    return d;
  });
  const bySlot: (Server | undefined)[] = [];
  let layoutKey = '';
  let geo = geometryFor({ x: 0, y: 0, w: 600, h: 400 });
  let infoTick = -1;

  /** Draws what only moves when the screen does: the load balancer's bar, the racks, their rails and cables. */
  function layout(box: Box): void {
    geo = geometryFor(box);
    const { top, rackW, rackGap, unitH, uw, barX, barH } = geo;
    const rackH = PER_RACK * (unitH + 4) + 8;
    frame.clear();
    frame.roundRect(box.x, box.y, box.w, LB_H, 6).fill(palette.panel).stroke({ width: 1, color: palette.panelEdge });
    for (let r = 0; r < RACKS; r++) {
      const rx = box.x + r * (rackW + rackGap);
      frame.roundRect(rx, top, rackW, rackH, 6).fill(palette.rack).stroke({ width: 1.5, color: palette.rackEdge });
      frame.rect(rx + 4, top + 4, 3, rackH - 8).fill(palette.rackEdge);
      frame.rect(rx + rackW - 7, top + 4, 3, rackH - 8).fill(palette.rackEdge);
      frame.rect(rx + rackW / 2 - 1, box.y + LB_H, 2, top - box.y - LB_H).fill(palette.panelEdge);
      rackTitles[r]?.at(rx + 10, top - 16);
    }
    lb.at(box.x + 12, box.y + 9);
    lbInfo.at(box.x + box.w - 12, box.y + 11);
    unit.forEach((u, slot) => {
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

  return {
    layer,
    update(box, w, rt, tick, alpha, time, reduced) {
      const lk = `${box.x},${box.y},${box.w},${box.h}`;
      let redraw = false;
      if (lk !== layoutKey) {
        layoutKey = lk;
        layout(box);
        redraw = true;
      }
      const { top, rackW, rackGap, unitH, uw, short, barX, barW, barH } = geo;
      bySlot.length = 0;
      for (const s of w.servers) bySlot[s.slot] = s;
      const now = tick - 1 + alpha;
      const rps = (rt.traffic[1] as number) + ((rt.traffic[0] as number) - (rt.traffic[1] as number)) * alpha;
      // The numbers in the load balancer's bar change four times a second, not every frame.
      if (Math.floor(tick / 15) !== infoTick) {
        infoTick = Math.floor(tick / 15);
        const p = w.pool;
        lbInfo.set(
          box.w >= 520
            ? `${Math.round(rps)} req/s -> ${p.running} in service, ${p.booting} booting, ${p.draining} draining`
            : `${Math.round(rps)} req/s -> ${p.running} servers`,
        );
      }

      // Requests flowing down the cables: more dots when busier (still when motion is reduced).
      const n = Math.min(DOTS, Math.ceil(rps / 150));
      flowDots.forEach((d, k) => {
        const r = Math.floor(k / DOTS);
        const j = k % DOTS;
        d.visible = j < n;
        if (!d.visible) return;
        const f = reduced ? (j + 0.5) / n : (time * 1.2 + j / n) % 1;
        d.position.set(box.x + r * (rackW + rackGap) + rackW / 2, box.y + LB_H + f * (top - box.y - LB_H));
      });

      for (let slot = 0; slot < cloudTuning.slots; slot++) {
        const u = unit[slot] as Unit;
        const s = bySlot[slot];
        const state = s ? (rt.slots.state[slot] as number) : SlotState.Empty;
        const cpu = (rt.prevCpu[slot] as number) + ((rt.cpu[slot] as number) - (rt.prevCpu[slot] as number)) * alpha;
        let fade = 1;
        let fill = 0;
        let barColour: number = palette.ok;
        let led: number = palette.ok;
        let border: number = palette.panelEdge;
        let status = '';
        let value = '';
        let valueColour: number = palette.text;
        if (s && state === SlotState.Booting) {
          // Fades in as it boots; amber, blinking.
          const f = Math.max(0, Math.min(1, (now - s.launched) / (s.ready - s.launched)));
          fade = 0.55 + 0.45 * Math.min(1, f * 4);
          fill = f;
          barColour = palette.booting;
          led = reduced || Math.floor(time * 3) % 2 === 0 ? palette.booting : palette.slotEmpty;
          border = palette.booting;
          status = `booting ${Math.ceil(((1 - f) * (s.ready - s.launched)) / 60)} s`;
        } else if (s && state === SlotState.Draining) {
          fade = 1 - 0.6 * Math.max(0, Math.min(1, 1 - (s.gone - now) / cloudTuning.drainTicks));
          fill = cpu / 100;
          barColour = led = border = valueColour = palette.draining;
          status = 'draining';
          value = `${Math.round(cpu)}%`;
        } else if (s) {
          const cold = coldFactor(s.ready, tick) > 1.001;
          fill = cpu / 100;
          barColour = cpuColour(cpu);
          led = cold ? palette.accent : palette.ok;
          status = cold ? 'warming up' : '';
          value = `${Math.round(cpu)}%`;
          valueColour = cpu > 85 ? palette.alarm : palette.text;
        }
        const key = s ? `${s.id}|${state}|${border}` : 'empty';
        if (key !== u.key) {
          u.key = key;
          redraw = true;
          u.back.clear();
          if (s) {
            u.back
              .roundRect(0, 0, uw, unitH, 3)
              .fill(palette.panel)
              .stroke({ width: 1, color: border, alpha: state === SlotState.Booting ? 0.7 : 1 });
            u.back.rect(barX, Math.round((unitH - barH) / 2), barW, barH).fill(0x0b0e13);
          } else u.back.roundRect(0, 0, uw, unitH, 3).fill(palette.slotEmpty).stroke({ width: 1, color: 0x222831 });
          u.root.visible = u.name.view.visible = !!s;
          if (s) {
            const id = String(s.id).padStart(2, '0');
            u.name.set(short ? id : `web-${id}`, state === SlotState.Running ? palette.text : palette.muted);
          }
        }
        if (!s) continue;
        u.root.alpha = fade;
        u.bar.width = Math.max(1, barW * Math.max(0, Math.min(1, fill)));
        u.bar.tint = barColour;
        u.bar.alpha = state === SlotState.Booting ? 0.55 : 1;
        u.led.tint = led;
        u.status.set(barW >= 60 ? status : '');
        u.value.set(value, valueColour);
      }
      if (redraw) still.updateCacheTexture();
    },
  };
}
