import { Container, Graphics } from 'pixi.js';
import type { CompiledRules } from '../../engine';
import { alarmNames, alarmRules, cloudTuning } from '../../scenarios/cloud';
import type { AlarmRule, CloudRuntime, CloudWorld } from '../../scenarios/cloud';
import type { Box } from './layout';
import { alarmColour, palette } from './palette';
import { createLabel } from './text';

const SAMPLES_SHOWN = 20;
const SYMBOL = { gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;

/** One line saying what puts an alarm into ALARM, e.g. "3 of 5 samples > 70 %". */
function describe(rule: AlarmRule | undefined): string {
  if (!rule) return 'no rule sets it to ALARM';
  const n = rule.datapoints === null ? 'average of' : rule.datapoints === rule.of ? `all ${rule.of}` : `${rule.datapoints} of ${rule.of}`;
  return `${n} samples ${SYMBOL[rule.op]} ${rule.threshold} %`;
}

/** Whether a sample is on the alarming side of a rule's threshold. */
function breaches(r: AlarmRule, v: number): boolean {
  return r.op === 'gt' ? v > r.threshold : r.op === 'gte' ? v >= r.threshold : r.op === 'lt' ? v < r.threshold : v <= r.threshold;
}

/** How many of a rule's last `of` samples breach its threshold now. */
function countBreaches(rule: AlarmRule, rt: CloudRuntime): number {
  const n = rt.counters[5] as number;
  let k = 0;
  for (let j = 0; j < Math.min(n, rule.of ?? 0, cloudTuning.samplesKept); j++) if (breaches(rule, rt.samples[(n - 1 - j) % cloudTuning.samplesKept] as number)) k++;
  return k;
}

/** The alarms, big and coloured, and the pool's CPU samples with each alarm's threshold and window. */
export interface Alarms {
  readonly layer: Container;
  update(box: Box, world: CloudWorld, rt: CloudRuntime, rules: CompiledRules, time: number, reducedMotion: boolean): void;
}

/** Creates the alarm tiles and the samples chart. */
export function createAlarms(): Alarms {
  const layer = new Container();
  const g = new Graphics();
  layer.addChild(g);
  const tiles = alarmNames.map((name) => ({
    name,
    title: createLabel(layer, 12, { colour: palette.muted }),
    state: createLabel(layer, 30, { bold: true }),
    rule: createLabel(layer, 12, { colour: palette.muted, anchorY: 1, wrap: true }),
  }));
  const chartTitle = createLabel(layer, 12, { colour: palette.muted });
  const lineLabels = alarmNames.map(() => createLabel(layer, 11, { bold: true, anchorX: 1, anchorY: 0.5 }));
  const last = createLabel(layer, 12, { bold: true, anchorX: 1 });
  let rulesSeen: CompiledRules | null = null;
  let parsed: AlarmRule[] = [];

  return {
    layer,
    update(box, w, rt, rules, time, reduced) {
      if (rules !== rulesSeen) {
        rulesSeen = rules;
        parsed = alarmRules(rules);
      }
      g.clear();
      // Two tiles and the samples chart; on a narrow screen the chart goes and the tiles share the width.
      const chart = box.w >= 560;
      const tileW = chart ? Math.min(230, Math.max(150, box.w * 0.27)) : (box.w - 12) / 2;
      tiles.forEach((t, i) => {
        const x = box.x + i * (tileW + 12);
        const state = w.alarms[t.name];
        const colour = alarmColour(state);
        const pulse = state === 'ALARM' && !reduced ? 0.25 + 0.15 * Math.sin(time * 6) : state === 'ALARM' ? 0.3 : 0.12;
        g.roundRect(x, box.y, tileW, box.h, 8).fill(palette.panel).stroke({ width: 2, color: colour });
        g.roundRect(x, box.y, tileW, box.h, 8).fill({ color: colour, alpha: pulse });
        t.title.set(`alarm  ${t.name}`);
        t.title.at(x + 14, box.y + 12);
        t.state.set(state === 'INSUFFICIENT_DATA' ? 'NO DATA' : state, state === 'INSUFFICIENT_DATA' ? palette.muted : colour);
        t.state.view.style.fontSize = Math.round(Math.min(34, box.h * 0.26, tileW / 6));
        t.state.at(x + 14, box.y + box.h * 0.3);
        const rule = parsed.find((r) => r.alarm === t.name);
        t.rule.set(state === 'INSUFFICIENT_DATA' ? `${describe(rule)} · waiting for data` : `${describe(rule)}${rule ? ` · now ${countBreaches(rule, rt)}/${rule.of}` : ''}`);
        t.rule.view.style.wordWrapWidth = tileW - 24;
        t.rule.at(x + 14, box.y + box.h - 12);
      });

      chartTitle.view.visible = last.view.visible = chart;
      for (const l of lineLabels) l.view.visible = chart;
      if (!chart) return;
      // The metric: the pool's last CPU samples as bars, the alarms' thresholds, the window they look at.
      const cx = box.x + tiles.length * (tileW + 12);
      const cw = box.x + box.w - cx;
      g.roundRect(cx, box.y, cw, box.h, 8).fill(palette.panel).stroke({ width: 1, color: palette.panelEdge });
      chartTitle.set('pool.sampled — average CPU every 5 s');
      chartTitle.at(cx + 12, box.y + 10);
      const px = cx + 12;
      const pw = cw - 24 - 44;
      const py = box.y + 36;
      const ph = box.h - 46;
      const n = rt.counters[5] as number;
      const shown = Math.min(n, SAMPLES_SHOWN);
      const slotW = pw / SAMPLES_SHOWN;
      const high = parsed.find((r) => r.alarm === 'cpuHigh');
      const low = parsed.find((r) => r.alarm === 'cpuLow');
      const windowLen = high?.of ?? 5;
      if (shown > 0) {
        // The window: the newest `of` samples.
        const k = Math.min(shown, windowLen);
        g.roundRect(px + pw - k * slotW, py - 4, k * slotW, ph + 8, 4).fill({ color: palette.accent, alpha: 0.08 }).stroke({ width: 1, color: palette.accent, alpha: 0.35 });
      }
      for (let j = 0; j < shown; j++) {
        const v = rt.samples[(n - 1 - j) % cloudTuning.samplesKept] as number;
        const bx = px + pw - (j + 1) * slotW + 2;
        const bh = Math.max(1, (ph * v) / 100);
        const colour = high && breaches(high, v) ? palette.alarm : low && breaches(low, v) ? palette.accent : palette.ok;
        g.rect(bx, py + ph - bh, slotW - 4, bh).fill({ color: colour, alpha: j < windowLen ? 0.95 : 0.45 });
      }
      g.moveTo(px, py + ph).lineTo(px + pw, py + ph).stroke({ width: 1, color: palette.panelEdge });
      parsed.forEach((r, i) => {
        const ly = py + ph - (ph * r.threshold) / 100;
        const colour = r.alarm === 'cpuHigh' ? palette.alarm : palette.accent;
        for (let x = px; x < px + pw; x += 8) g.moveTo(x, ly).lineTo(Math.min(x + 4, px + pw), ly).stroke({ width: 1.5, color: colour, alpha: 0.9 });
        const l = lineLabels[i];
        l?.set(`${r.threshold}%`, colour);
        l?.at(cx + cw - 10, ly);
      });
      for (let i = parsed.length; i < lineLabels.length; i++) lineLabels[i]?.set('');
      last.set(shown ? `last ${w.cpu.toFixed(1)} %` : '', palette.text);
      last.at(cx + cw - 12, box.y + 10);
    },
  };
}
