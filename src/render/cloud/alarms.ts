import { Container, Graphics } from 'pixi.js';
import type { CompiledRules } from '../../engine';
import { alarmNames, alarmRules, cloudTuning } from '../../scenarios/cloud';
import type { AlarmName, AlarmRule, AlarmState, CloudRuntime, CloudWorld } from '../../scenarios/cloud';
import type { Box } from './layout';
import { alarmColour, palette } from './palette';
import { createLabel } from './text';
import type { Label } from './text';

const SAMPLES_SHOWN = 20;
const SYMBOL = { gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;

/** One line saying what puts an alarm into ALARM, e.g. "3 of 5 samples > 70 %". */
function describe(rule: AlarmRule | undefined): string {
  if (!rule) return 'no rule sets it to ALARM';
  const n =
    rule.datapoints === null
      ? 'average of'
      : rule.datapoints === rule.of
        ? `all ${rule.of}`
        : `${rule.datapoints} of ${rule.of}`;
  return `${n} samples ${SYMBOL[rule.op]} ${rule.threshold} %`;
}

/** Whether a sample is on the alarming side of a rule's threshold. */
function breaches(r: AlarmRule, v: number): boolean {
  return r.op === 'gt'
    ? v > r.threshold
    : r.op === 'gte'
      ? v >= r.threshold
      : r.op === 'lt'
        ? v < r.threshold
        : v <= r.threshold;
}

/** The newest pool samples, newest first. */
function newest(rt: CloudRuntime, count: number): number[] {
  const n = rt.counters[5] ?? 0;
  const out: number[] = [];
  for (let j = 0; j < Math.min(n, count, cloudTuning.samplesKept); j++)
    out.push(rt.samples[(n - 1 - j) % cloudTuning.samplesKept] ?? 0);
  return out;
}

/** The alarms, big and coloured, and the pool's CPU samples with each alarm's threshold and window. */
export interface Alarms {
  readonly layer: Container;
  update(
    box: Box,
    world: CloudWorld,
    rt: CloudRuntime,
    rules: CompiledRules,
    time: number,
    reducedMotion: boolean,
  ): void;
}

/** One alarm's tile: its fill and glow under the text, its frame and words in the cached layer. */
interface Tile {
  readonly name: AlarmName;
  readonly fill: Graphics;
  readonly back: Graphics;
  readonly glow: Graphics;
  readonly title: Label;
  readonly state: Label;
  readonly rule: Label;
  /** What the tile was drawn for. */
  key: string;
}

function createTile(name: Tile['name'], under: Container, still: Container): Tile {
  const fill = new Graphics();
  const glow = new Graphics();
  under.addChild(fill, glow);
  const back = new Graphics();
  still.addChild(back);
  return {
    name,
    fill,
    back,
    glow,
    title: createLabel(still, 12, { colour: palette.muted }),
    state: createLabel(still, 30, { bold: true }),
    rule: createLabel(still, 12, { colour: palette.muted, anchorY: 1, wrap: true }),
    key: '',
  };
}

/** Draws tile `t` at x (tileW wide, box.h high) for the alarm's state and rule. */
function drawTile(
  t: Tile,
  x: number,
  tileW: number,
  box: Box,
  state: AlarmState,
  rule: AlarmRule | undefined,
  rt: CloudRuntime,
): void {
  const colour = alarmColour(state);
  t.fill.clear().roundRect(x, box.y, tileW, box.h, 8).fill(palette.panel);
  t.back.clear().roundRect(x, box.y, tileW, box.h, 8).stroke({ width: 2, color: colour });
  t.glow
    .clear()
    .roundRect(x + 1, box.y + 1, tileW - 2, box.h - 2, 8)
    .fill(0xffffff);
  t.glow.tint = colour;
  t.title.set(`alarm  ${t.name}`);
  t.title.at(x + 14, box.y + 12);
  t.state.set(
    state === 'INSUFFICIENT_DATA' ? 'NO DATA' : state,
    state === 'INSUFFICIENT_DATA' ? palette.muted : colour,
  );
  t.state.view.style.fontSize = Math.round(Math.min(34, box.h * 0.26, tileW / 6));
  t.state.at(x + 14, box.y + box.h * 0.3);
  const now = rule ? newest(rt, rule.of ?? 0).filter((v) => breaches(rule, v)).length : 0;
  t.rule.view.style.wordWrapWidth = tileW - 24;
  t.rule.set(
    state === 'INSUFFICIENT_DATA'
      ? `${describe(rule)} · waiting for data`
      : `${describe(rule)}${rule ? ` · now ${now}/${rule.of}` : ''}`,
  );
  t.rule.at(x + 14, box.y + box.h - 12);
}

/** The samples chart's parts, in the cached layer. */
interface Chart {
  readonly g: Graphics;
  readonly title: Label;
  readonly lineLabels: Label[];
  readonly last: Label;
}

function createChart(still: Container): Chart {
  const g = new Graphics();
  still.addChild(g);
  const title = createLabel(still, 12, { colour: palette.muted });
  title.set('pool.sampled — average CPU every 5 s');
  const lineLabels = alarmNames.map(() => createLabel(still, 11, { bold: true, anchorX: 1, anchorY: 0.5 }));
  const last = createLabel(still, 12, { bold: true, anchorX: 1 });
  return { g, title, lineLabels, last };
}

/** The metric: the pool's last CPU samples as bars, the alarms' thresholds, the window they look at. */
function drawChart(
  c: Chart,
  parsed: AlarmRule[],
  cx: number,
  cw: number,
  box: Box,
  w: CloudWorld,
  rt: CloudRuntime,
): void {
  const g = c.g.clear();
  g.roundRect(cx, box.y, cw, box.h, 8).fill(palette.panel).stroke({ width: 1, color: palette.panelEdge });
  c.title.at(cx + 12, box.y + 10);
  const px = cx + 12;
  const pw = cw - 24 - 44;
  const py = box.y + 36;
  const ph = box.h - 46;
  const values = newest(rt, SAMPLES_SHOWN);
  const slotW = pw / SAMPLES_SHOWN;
  const high = parsed.find((r) => r.alarm === 'cpuHigh');
  const low = parsed.find((r) => r.alarm === 'cpuLow');
  const windowLen = high?.of ?? 5;
  if (values.length) {
    const k = Math.min(values.length, windowLen);
    g.roundRect(px + pw - k * slotW, py - 4, k * slotW, ph + 8, 4)
      .fill({ color: palette.accent, alpha: 0.08 })
      .stroke({ width: 1, color: palette.accent, alpha: 0.35 });
  }
  values.forEach((v, j) => {
    const bh = Math.max(1, (ph * v) / 100);
    const colour = high && breaches(high, v) ? palette.alarm : low && breaches(low, v) ? palette.accent : palette.ok;
    g.rect(px + pw - (j + 1) * slotW + 2, py + ph - bh, slotW - 4, bh).fill({
      color: colour,
      alpha: j < windowLen ? 0.95 : 0.45,
    });
  });
  g.rect(px, py + ph, pw, 1).fill(palette.panelEdge);
  parsed.forEach((r, i) => {
    const ly = Math.round(py + ph - (ph * r.threshold) / 100);
    const colour = r.alarm === 'cpuHigh' ? palette.alarm : palette.accent;
    for (let x = px; x < px + pw; x += 8) g.rect(x, ly - 0.75, Math.min(4, px + pw - x), 1.5);
    g.fill({ color: colour, alpha: 0.9 });
    c.lineLabels[i]?.set(`${r.threshold}%`, colour);
    c.lineLabels[i]?.at(cx + cw - 10, ly);
  });
  for (let i = parsed.length; i < c.lineLabels.length; i++) c.lineLabels[i]?.set('');
  c.last.set(values.length ? `last ${w.cpu.toFixed(1)} %` : '', palette.text);
  c.last.at(cx + cw - 12, box.y + 10);
}

/** Creates the alarm tiles and the samples chart; they are redrawn when a sample, a state or the rules change, and only pulse in between. */
export function createAlarms(): Alarms {
  const layer = new Container();
  // Under the tiles' text: their fill and the pulsing glow (alpha changes every frame); over it, a cached texture.
  const under = new Container({ isRenderGroup: true });
  const still = new Container();
  still.cacheAsTexture(true);
  layer.addChild(under, still);
  const tiles = alarmNames.map((name) => createTile(name, under, still));
  const chart = createChart(still);
  let rulesSeen: CompiledRules | null = null;
  let parsed: AlarmRule[] = [];
  let chartKey = '';

  return {
    layer,
    update(box, w, rt, rules, time, reduced) {
      if (rules !== rulesSeen) {
        rulesSeen = rules;
        parsed = alarmRules(rules);
        chartKey = '';
      }
      const samples = rt.counters[5] ?? 0;
      // Two tiles and the samples chart; on a narrow screen the chart goes and the tiles share the width.
      const showChart = box.w >= 560;
      const tileW = Math.round(showChart ? Math.min(230, Math.max(150, box.w * 0.27)) : (box.w - 12) / 2);
      let redraw = false;
      tiles.forEach((t, i) => {
        const x = box.x + i * (tileW + 12);
        const state = w.alarms[t.name];
        const rule = parsed.find((r) => r.alarm === t.name);
        const key = `${x},${box.y},${tileW},${box.h}|${state}|${samples}|${rule ? describe(rule) : ''}`;
        if (key !== t.key) {
          t.key = key;
          redraw = true;
          drawTile(t, x, tileW, box, state, rule, rt);
        }
        t.glow.alpha =
          state === 'ALARM' && !reduced ? 0.25 + 0.15 * Math.sin(time * 6) : state === 'ALARM' ? 0.3 : 0.12;
      });

      const cx = box.x + tiles.length * (tileW + 12);
      const cw = box.x + box.w - cx;
      const key = showChart ? `${cx},${box.y},${cw},${box.h}|${samples}` : 'none';
      if (key !== chartKey) {
        chartKey = key;
        redraw = true;
        chart.title.view.visible = chart.last.view.visible = chart.g.visible = showChart;
        for (const l of chart.lineLabels) l.view.visible = showChart;
        if (showChart) drawChart(chart, parsed, cx, cw, box, w, rt);
      }
      if (redraw) still.updateCacheTexture();
    },
  };
}
