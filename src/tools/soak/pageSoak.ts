import type { Browser, CDPSession, Page } from 'playwright-core';
import { openPage } from '../browser/chromium';
import { measureFrames } from '../browser/measure';

/**
 * The browser soak, shared by `npm run soak:browser` (src/tools/soak/soakBrowser.ts) and its short version in the browser
 * tests (soak.test.ts): the page with the autopilot playing and the sidebar open, every panel shown in turn between
 * samples and the busiest one — the event log, following the newest events — shown the rest of the time; at each
 * sample, after a forced garbage collection, the DOM, the JS heap, the event log and the frame rate.
 */

/** One sample. */
export interface SoakSample {
  /** Seconds since the warm-up ended (see runSoak). */
  at: number;
  tick: number;
  /** Elements in the document: document.getElementsByTagName('*').length. */
  elements: number;
  /** JS heap in use after a full garbage collection (CDP Performance.getMetrics JSHeapUsedSize), MB. */
  heapMb: number;
  /** Every DOM node alive, text and detached nodes included (CDP "Nodes"). */
  nodes: number;
  /** Event listeners alive (CDP "JSEventListeners"). */
  listeners: number;
  /** Events the log retains, and events appended since the start. */
  logRetained: number;
  logTotal: number;
  /** Animation frames per second over a short window. */
  fps: number;
}

export interface SoakOptions {
  /** Page URL (e.g. `${base}?autopilot=1&scenario=city`). */
  url: string;
  /** How long to soak, from the end of the warm-up to the last sample (ms). */
  durationMs: number;
  /** Between samples (ms). */
  intervalMs: number;
  /** When the first sample is taken (ms after the warm-up). */
  firstSampleMs: number;
  /** The baseline is the first sample taken at or after this (ms after the warm-up): "after minute 1". */
  baselineAtMs: number;
  /** Frame-rate window per sample (ms). */
  fpsWindowMs?: number;
  /** How long each panel stays shown when they are cycled through (ms). */
  panelDwellMs?: number;
  progress?: (line: string) => void;
}

/** One verdict: what was checked, the figures, and whether it held. */
export interface SoakCheck {
  what: string;
  detail: string;
  ok: boolean;
}

export interface SoakResult {
  url: string;
  panels: string[];
  /** Seconds from the page being ready to the start of the clock the samples' times count from. */
  warmupS: number;
  samples: SoakSample[];
  base: SoakSample;
  end: SoakSample;
  checks: SoakCheck[];
  ok: boolean;
  /** Console errors and warnings, page errors, failed requests the page reported. */
  problems: string[];
}

/** The bounds: heap within +10 % or +5 MB (whichever is larger) of the baseline; elements within +10 %. */
export const SOAK_BOUNDS = { heapRatio: 1.1, heapSlackMb: 5, elementsRatio: 1.1 } as const;

/** The longest warm-up before the clock starts (ms). */
const WARMUP_MAX_MS = 90_000;

/** tsx (esbuild keepNames) wraps named functions passed to page.evaluate in `__name(…)`: give the page one. */
const NAME_SHIM = 'globalThis.__name ??= (f) => f;';

/** A full garbage collection, then the figures of one sample (the frame rate is measured last). */
async function sample(page: Page, cdp: CDPSession, startedAt: number, fpsWindowMs: number): Promise<SoakSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const inPage = await page.evaluate(() => {
    const s = (globalThis as unknown as { siren: { tick: number; events(from?: number): { seq: number }[] } }).siren;
    const retained = s.events();
    const last = retained[retained.length - 1];
    return {
      tick: s.tick,
      elements: document.getElementsByTagName('*').length,
      logRetained: retained.length,
      logTotal: last ? last.seq + 1 : 0,
    };
  });
  const at = (Date.now() - startedAt) / 1000;
  const frames = await measureFrames(page, fpsWindowMs);
  return {
    at,
    ...inPage,
    heapMb: metric('JSHeapUsedSize') / 1e6,
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    fps: frames.fps,
  };
}

/** Shows every panel in turn, then the event log again (following the newest events, as it opens). */
async function cyclePanels(page: Page, panels: readonly string[], dwellMs: number): Promise<void> {
  for (const id of [...panels.filter((p) => p !== 'log'), 'log']) {
    await page.click(`.panel-tab[data-panel="${id}"]`);
    // A locator, not waitForSelector: the ElementHandle that returns would keep each unmounted panel alive.
    await page.locator(`.panel-body > .panel-${id}`).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(dwellMs);
  }
}

/** Runs the soak in a new page of `browser` and judges it. */
export async function runSoak(browser: Browser, opts: SoakOptions): Promise<SoakResult> {
  const fpsWindowMs = opts.fpsWindowMs ?? 2000;
  const dwellMs = opts.panelDwellMs ?? 800;
  const progress = opts.progress ?? (() => undefined);
  const { page, problems } = await openPage(browser, opts.url, { width: 1280, height: 800 }, { initScript: NAME_SHIM });
  try {
    const readyAt = Date.now();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    // Warm-up: the sidebar, every panel once (each loads its code on first open), then the event log until its list
    // shows a full view of rows (a fresh city logs an event every second or two): until then the DOM grows by design.
    await page.click('.panels-toggle');
    const panels = await page
      .locator('.panel-tab')
      .evaluateAll((tabs) => tabs.map((t) => (t as HTMLElement).dataset.panel ?? ''));
    if (!panels.includes('log')) throw new Error(`no event log panel among the tabs: ${panels.join(', ')}`);
    await cyclePanels(page, panels, dwellMs);
    const filled = await page
      .waitForFunction(
        () => {
          const list = document.querySelector('.log-list');
          const row = document.querySelector('.log-row');
          return (
            !!list &&
            !!row &&
            document.querySelectorAll('.log-row').length * row.getBoundingClientRect().height >= list.clientHeight
          );
        },
        undefined,
        { timeout: WARMUP_MAX_MS, polling: 500 },
      )
      .then(
        () => true,
        () => false,
      );
    const startedAt = Date.now();
    const warmupS = (startedAt - readyAt) / 1000;
    progress(
      `warmed up in ${warmupS.toFixed(0)} s${filled ? '' : ' (the log never filled its view)'}; panels: ${panels.join(', ')}`,
    );

    const samples: SoakSample[] = [];
    for (let due = opts.firstSampleMs; due <= opts.durationMs; due += opts.intervalMs) {
      const wait = startedAt + due - Date.now();
      if (wait > 0) await page.waitForTimeout(wait);
      const s = await sample(page, cdp, startedAt, fpsWindowMs);
      samples.push(s);
      progress(
        `${fmtTime(s.at)}  elements ${s.elements}  heap ${s.heapMb.toFixed(1)} MB  log ${s.logRetained}/${s.logTotal}  fps ${s.fps.toFixed(1)}`,
      );
      if (due + opts.intervalMs <= opts.durationMs) await cyclePanels(page, panels, dwellMs);
    }
    await cdp.detach();
    const base = samples.find((s) => s.at * 1000 >= opts.baselineAtMs) ?? samples[0];
    const end = samples[samples.length - 1];
    if (!base || !end || base === end)
      throw new Error(`the soak took ${samples.length} sample(s): too short to judge (duration ${opts.durationMs} ms)`);
    const checks = judge(base, end, problems);
    return {
      url: opts.url,
      panels,
      warmupS,
      samples,
      base,
      end,
      checks,
      ok: checks.every((c) => c.ok),
      problems: [...problems],
    };
  } finally {
    await page.close();
  }
}

/** The checks: heap and elements within their bounds of the baseline, the game still running, no page errors. */
export function judge(base: SoakSample, end: SoakSample, problems: readonly string[]): SoakCheck[] {
  const heapLimit = Math.max(base.heapMb * SOAK_BOUNDS.heapRatio, base.heapMb + SOAK_BOUNDS.heapSlackMb);
  const elementsLimit = Math.floor(base.elements * SOAK_BOUNDS.elementsRatio);
  const pct = (a: number, b: number) => `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)}%`;
  return [
    {
      what: `JS heap at the end ≤ max(+${Math.round((SOAK_BOUNDS.heapRatio - 1) * 100)}%, +${SOAK_BOUNDS.heapSlackMb} MB) of the heap at ${fmtTime(base.at)}`,
      detail: `${base.heapMb.toFixed(1)} MB → ${end.heapMb.toFixed(1)} MB (${pct(end.heapMb, base.heapMb)}; limit ${heapLimit.toFixed(1)} MB)`,
      ok: end.heapMb <= heapLimit,
    },
    {
      what: `DOM elements at the end ≤ +${Math.round((SOAK_BOUNDS.elementsRatio - 1) * 100)}% of those at ${fmtTime(base.at)}`,
      detail: `${base.elements} → ${end.elements} (${pct(end.elements, base.elements)}; limit ${elementsLimit})`,
      ok: end.elements <= elementsLimit,
    },
    {
      what: 'the game kept running',
      detail: `tick ${base.tick} → ${end.tick}`,
      ok: end.tick > base.tick,
    },
    {
      what: 'the page reported no errors',
      detail: problems.length ? problems.slice(0, 5).join(' | ') : 'none',
      ok: problems.length === 0,
    },
  ];
}

/** m:ss */
export function fmtTime(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The samples as a text table, then the verdicts. */
export function soakReport(r: SoakResult): string {
  const head = [
    'time',
    'tick',
    'DOM elements',
    'DOM nodes (CDP)',
    'listeners',
    'JS heap MB',
    'log retained',
    'log total',
    'fps',
  ];
  const rows = r.samples.map((s) => [
    `${fmtTime(s.at)}${s === r.base ? ' (base)' : ''}`,
    String(s.tick),
    String(s.elements),
    String(s.nodes),
    String(s.listeners),
    s.heapMb.toFixed(1),
    String(s.logRetained),
    String(s.logTotal),
    s.fps.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  const out = [
    `times from the end of a ${r.warmupS.toFixed(0)} s warm-up (every panel opened once, the event log filled its view)`,
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
  ];
  for (const c of r.checks) out.push(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.what}: ${c.detail}`);
  out.push(`verdict: ${r.ok ? 'no growth beyond the bounds' : 'FAILED'}`);
  return out.join('\n');
}
