import { Container, Graphics, Sprite, Texture } from 'pixi.js';
import { cloudTuning, coldFactor, SlotState } from '../../scenarios/cloud';
import type { Server } from '../../scenarios/cloud';
import { cpuColour, palette } from './palette';
import { createLabel, createNumber } from './text';
import type { Label } from './text';

/** Where the parts of a rack unit go, for the racks' current box. */
export interface UnitGeometry {
  unitH: number;
  uw: number;
  short: boolean;
  barX: number;
  barW: number;
  barH: number;
}

/** One rack unit: its frame and name are drawn into the cached layer when its state changes; per frame only its bar, LED and numbers change. */
export interface Unit {
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

/** Creates a unit: its still parts in `still`, its moving parts in `live`. */
export function createUnit(still: Container, live: Container): Unit {
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
}

/** How a server's unit looks this frame. */
interface UnitLook {
  fade: number;
  fill: number;
  barColour: number;
  led: number;
  border: number;
  status: string;
  value: string;
  valueColour: number;
}

/** What this frame shows of a server: the time now (ticks, between two), the tick and the real time in seconds. */
export interface UnitClock {
  now: number;
  tick: number;
  time: number;
  reduced: boolean;
}

/** The look of server `s` in `state` at `cpu` %. */
function unitLook(s: Server, state: number, cpu: number, c: UnitClock): UnitLook {
  const look: UnitLook = {
    fade: 1,
    fill: cpu / 100,
    barColour: cpuColour(cpu),
    led: palette.ok,
    border: palette.panelEdge,
    status: '',
    value: `${Math.round(cpu)}%`,
    valueColour: cpu > 85 ? palette.alarm : palette.text,
  };
  if (state === SlotState.Booting) {
    // Fades in as it boots; amber, blinking.
    const f = Math.max(0, Math.min(1, (c.now - s.launched) / (s.ready - s.launched)));
    look.fade = 0.55 + 0.45 * Math.min(1, f * 4);
    look.fill = f;
    look.barColour = look.border = palette.booting;
    look.led = c.reduced || Math.floor(c.time * 3) % 2 === 0 ? palette.booting : palette.slotEmpty;
    look.status = `booting ${Math.ceil(((1 - f) * (s.ready - s.launched)) / 60)} s`;
    look.value = '';
    look.valueColour = palette.text;
  } else if (state === SlotState.Draining) {
    look.fade = 1 - 0.6 * Math.max(0, Math.min(1, 1 - (s.gone - c.now) / cloudTuning.drainTicks));
    look.barColour = look.led = look.border = look.valueColour = palette.draining;
    look.status = 'draining';
  } else {
    const cold = coldFactor(s.ready, c.tick) > 1.001;
    look.led = cold ? palette.accent : palette.ok;
    look.status = cold ? 'warming up' : '';
  }
  return look;
}

/** Redraws the unit's still parts (frame, bar track, name) for server `s` (or an empty slot) in `state`. */
function drawBack(u: Unit, s: Server | undefined, state: number, border: number, g: UnitGeometry): void {
  u.back.clear();
  if (s) {
    u.back
      .roundRect(0, 0, g.uw, g.unitH, 3)
      .fill(palette.panel)
      .stroke({ width: 1, color: border, alpha: state === SlotState.Booting ? 0.7 : 1 });
    u.back.rect(g.barX, Math.round((g.unitH - g.barH) / 2), g.barW, g.barH).fill(0x0b0e13);
  } else u.back.roundRect(0, 0, g.uw, g.unitH, 3).fill(palette.slotEmpty).stroke({ width: 1, color: 0x222831 });
  u.root.visible = u.name.view.visible = !!s;
  if (s) {
    const id = String(s.id).padStart(2, '0');
    u.name.set(g.short ? id : `web-${id}`, state === SlotState.Running ? palette.text : palette.muted);
  }
}

/** Shows server `s` (or an empty slot) in unit `u`; true when its still parts were redrawn. */
export function updateUnit(
  u: Unit,
  s: Server | undefined,
  state: number,
  cpu: number,
  c: UnitClock,
  g: UnitGeometry,
): boolean {
  const look = s ? unitLook(s, state, cpu, c) : null;
  const border = look ? look.border : palette.panelEdge;
  const key = s ? `${s.id}|${state}|${border}` : 'empty';
  const redrawn = key !== u.key;
  if (redrawn) {
    u.key = key;
    drawBack(u, s, state, border, g);
  }
  if (!look) return redrawn;
  u.root.alpha = look.fade;
  u.bar.width = Math.max(1, g.barW * Math.max(0, Math.min(1, look.fill)));
  u.bar.tint = look.barColour;
  u.bar.alpha = state === SlotState.Booting ? 0.55 : 1;
  u.led.tint = look.led;
  u.status.set(g.barW >= 60 ? look.status : '');
  u.value.set(look.value, look.valueColour);
  return redrawn;
}
