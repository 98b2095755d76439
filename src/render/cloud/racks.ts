import { Container, Graphics } from 'pixi.js';
import { cloudTuning, coldFactor, SlotState } from '../../scenarios/cloud';
import type { CloudRuntime, CloudWorld, Server } from '../../scenarios/cloud';
import { RACK_CHROME } from './layout';
import type { Box } from './layout';
import { cpuColour, palette } from './palette';
import { createLabel } from './text';
import type { Label } from './text';

const RACKS = 2;
const PER_RACK = cloudTuning.slots / RACKS;

interface UnitLabels {
  name: Label;
  /** What the server is doing, over its bar (booting, warming up, draining). */
  status: Label;
  value: Label;
}

/** The load balancer and the racks: one unit per slot, with a live CPU bar, booting and draining shown as they happen. */
export interface Racks {
  readonly layer: Container;
  update(box: Box, world: CloudWorld, rt: CloudRuntime, tick: number, alpha: number, time: number, reducedMotion: boolean): void;
}

/** Creates the racks. */
export function createRacks(): Racks {
  const layer = new Container();
  const g = new Graphics();
  const flow = new Graphics();
  layer.addChild(g, flow);
  const lb = createLabel(layer, 13, { bold: true });
  const lbInfo = createLabel(layer, 12, { colour: palette.muted, anchorX: 1 });
  const rackTitles = Array.from({ length: RACKS }, (_, i) => {
    const l = createLabel(layer, 11, { colour: palette.muted });
    l.set(`rack ${String.fromCharCode(65 + i)}`);
    return l;
  });
  const units: UnitLabels[] = Array.from({ length: cloudTuning.slots }, () => ({
    name: createLabel(layer, 12, { bold: true }),
    status: createLabel(layer, 11, { bold: true, shadow: true }),
    value: createLabel(layer, 12, { anchorX: 1 }),
  }));
  const bySlot: (Server | undefined)[] = [];

  return {
    layer,
    update(box, w, rt, tick, alpha, time, reduced) {
      g.clear();
      flow.clear();
      bySlot.length = 0;
      for (const s of w.servers) bySlot[s.slot] = s;
      const now = tick - 1 + alpha;

      // The load balancer: a bar across the top, with the traffic it spreads.
      const lbH = 34;
      g.roundRect(box.x, box.y, box.w, lbH, 6).fill(palette.panel).stroke({ width: 1, color: palette.panelEdge });
      lb.set('Load balancer');
      lb.at(box.x + 12, box.y + 9);
      const rps = (rt.traffic[1] as number) + ((rt.traffic[0] as number) - (rt.traffic[1] as number)) * alpha;
      lbInfo.set(
        box.w >= 520 ? `${Math.round(rps)} req/s → ${w.pool.running} in service · ${w.pool.booting} booting · ${w.pool.draining} draining` : `${Math.round(rps)} req/s → ${w.pool.running} servers`,
      );
      lbInfo.at(box.x + box.w - 12, box.y + 10);

      const top = box.y + lbH + 22;
      const rackGap = 16;
      const rackW = (box.w - rackGap * (RACKS - 1)) / RACKS;
      const unitH = Math.max(12, (box.h - RACK_CHROME) / PER_RACK - 4);
      const rackH = PER_RACK * (unitH + 4) + 8;
      for (let r = 0; r < RACKS; r++) {
        const rx = box.x + r * (rackW + rackGap);
        g.roundRect(rx, top, rackW, rackH, 6).fill(palette.rack).stroke({ width: 1.5, color: palette.rackEdge });
        // Rails and the cable from the load balancer.
        g.rect(rx + 4, top + 4, 3, rackH - 8).fill(palette.rackEdge);
        g.rect(rx + rackW - 7, top + 4, 3, rackH - 8).fill(palette.rackEdge);
        g.moveTo(rx + rackW / 2, box.y + lbH).lineTo(rx + rackW / 2, top).stroke({ width: 2, color: palette.panelEdge });
        rackTitles[r]?.at(rx + 10, top - 16);
      }
      // Requests flowing down the cables: more dots when busier (still when motion is reduced).
      const dots = Math.min(6, Math.ceil(rps / 150));
      for (let r = 0; r < RACKS; r++) {
        const cx = box.x + r * (rackW + rackGap) + rackW / 2;
        for (let d = 0; d < dots; d++) {
          const f = reduced ? (d + 0.5) / dots : (time * 1.2 + d / dots) % 1;
          flow.circle(cx, box.y + lbH + f * (top - box.y - lbH), 2).fill({ color: palette.accent, alpha: 0.9 });
        }
      }

      for (let slot = 0; slot < cloudTuning.slots; slot++) {
        const r = Math.floor(slot / PER_RACK);
        const k = slot % PER_RACK;
        const x = box.x + r * (rackW + rackGap) + 12;
        const y = top + 6 + k * (unitH + 4);
        const uw = rackW - 24;
        const s = bySlot[slot];
        const labels = units[slot] as UnitLabels;
        labels.name.view.visible = labels.value.view.visible = labels.status.view.visible = !!s;
        if (!s) {
          g.roundRect(x, y, uw, unitH, 3).fill(palette.slotEmpty).stroke({ width: 1, color: 0x222831 });
          continue;
        }
        const state = rt.slots.state[slot];
        const cpu = (rt.prevCpu[slot] as number) + ((rt.cpu[slot] as number) - (rt.prevCpu[slot] as number)) * alpha;
        let fade = 1;
        let led: number;
        let text: string;
        let textColour: number;
        let status: string;
        const short = uw < 190;
        const nameW = short ? 24 : 56;
        const barX = x + 22 + nameW;
        const barW = Math.max(20, uw - 22 - nameW - 48);
        const barH = Math.max(6, unitH - 12);
        const barY = y + (unitH - barH) / 2;
        if (state === SlotState.Booting) {
          // Slides in as it boots; amber, blinking.
          const f = Math.max(0, Math.min(1, (now - s.launched) / (s.ready - s.launched)));
          fade = 0.55 + 0.45 * Math.min(1, f * 4);
          led = reduced || Math.floor(time * 3) % 2 === 0 ? palette.booting : palette.slotEmpty;
          g.roundRect(x, y, uw, unitH, 3).fill({ color: palette.panel, alpha: fade }).stroke({ width: 1, color: palette.booting, alpha: 0.7 });
          g.roundRect(barX, barY, barW, barH, 2).fill(0x0b0e13);
          g.roundRect(barX, barY, Math.max(2, barW * f), barH, 2).fill({ color: palette.booting, alpha: 0.55 });
          status = `booting ${Math.ceil(((1 - f) * (s.ready - s.launched)) / 60)} s`;
          text = '';
          textColour = palette.booting;
        } else if (state === SlotState.Draining) {
          const f = Math.max(0, Math.min(1, 1 - (s.gone - now) / cloudTuning.drainTicks));
          fade = 1 - 0.6 * f;
          led = palette.draining;
          g.roundRect(x, y, uw, unitH, 3).fill({ color: palette.panel, alpha: fade }).stroke({ width: 1, color: palette.draining, alpha: fade });
          g.roundRect(barX, barY, barW, barH, 2).fill(0x0b0e13);
          g.roundRect(barX, barY, Math.max(1, (barW * cpu) / 100), barH, 2).fill({ color: palette.draining, alpha: fade });
          status = 'draining';
          text = `${Math.round(cpu)}%`;
          textColour = palette.muted;
        } else {
          const cold = coldFactor(s.ready, tick) > 1.001;
          led = cold ? palette.accent : palette.ok;
          g.roundRect(x, y, uw, unitH, 3).fill(palette.panel).stroke({ width: 1, color: cpu > 85 ? palette.alarm : palette.panelEdge });
          g.roundRect(barX, barY, barW, barH, 2).fill(0x0b0e13);
          g.roundRect(barX, barY, Math.max(1, (barW * cpu) / 100), barH, 2).fill(cpuColour(cpu));
          status = cold ? 'warming up' : '';
          text = `${Math.round(cpu)}%`;
          textColour = cpu > 85 ? palette.alarm : palette.text;
        }
        g.circle(x + 11, y + unitH / 2, 4).fill(led);
        const id = String(s.id).padStart(2, '0');
        labels.name.set(short ? id : `web-${id}`, state === SlotState.Running ? palette.text : palette.muted);
        labels.name.at(x + 20, y + unitH / 2 - 8);
        labels.name.view.alpha = fade;
        labels.status.set(barW >= 60 ? status : '');
        labels.status.at(barX + 6, y + unitH / 2 - 7);
        labels.status.view.alpha = fade;
        labels.value.set(text, textColour);
        labels.value.at(x + uw - 8, y + unitH / 2 - 8);
        labels.value.view.alpha = fade;
      }
    },
  };
}
