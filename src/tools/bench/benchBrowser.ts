/**
 * `npm run bench:browser`: the page in headless Chromium against a bare Pixi stage, in one browser run. Builds dist/
 * if stale, serves it with `vite preview`, and for each page measures the frame rate, the game's CPU time per frame,
 * the time to the first frame and the JS it loaded; then the gzip size of the build. Writes bench/browser-results.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launch, openPage } from '../browser/chromium';
import { TIMING_SCRIPT } from '../browser/measure';
import { buildIfStale, startVite } from '../browser/server';
import { intFlag, parseFlags, runCli, UsageError } from '../../cli/args';
import { fixedMs as ms, measurePage, openPanels, SIZE } from './browserPages';
import type { PageResult } from './browserPages';
import { bundleSizes } from './bundle';
import { machine } from './harness';
import { renderTable } from './report';

const USAGE = 'npm run -s bench:browser -- [--seconds <s>] [--warmup <s>] [--stress <query>]';
/** The stress city: the city's own URL parameter (src/ui/city/params.ts). */
const DEFAULT_STRESS = 'civilians=2000';
/** The panels open keep this share of the city's frame rate. */
const PANELS_FPS_TARGET = 0.9;
/** The quality bar: the city keeps this share of the bare stage's frame rate. */
const CITY_FPS_TARGET = 0.8;
const RESULTS = 'bench/browser-results.json';

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const progress = (line: string) => process.stderr.write(`… ${line}\n`);

/** What the flags ask for. */
interface Options {
  windowMs: number;
  warmupMs: number;
  /** The stress city's URL query, or null to skip it. */
  stress: string | null;
}

/** Reads the flags; null after printing the help. */
function readOptions(argv: string[]): Options | null {
  const { values, positionals } = parseFlags(
    argv,
    { seconds: { type: 'string' }, warmup: { type: 'string' }, stress: { type: 'string' }, help: { type: 'boolean' } },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(
      `usage: ${USAGE}\n  --seconds  measured seconds per page (default 8)\n  --warmup   seconds after the page is ready before measuring (default 3)\n  --stress   URL query that asks the page for a big city (default "${DEFAULT_STRESS}"; "" skips it)\n`,
    );
    return null;
  }
  if (positionals.length)
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}\nusage: ${USAGE}`);
  return {
    windowMs: intFlag('seconds', values.seconds, 8, 1, 120) * 1000,
    warmupMs: intFlag('warmup', values.warmup, 3, 0, 60) * 1000,
    stress: (values.stress ?? DEFAULT_STRESS).replace(/^\?/, '') || null,
  };
}

/** Measures the bare stage, the city, the city with panels and the stress city, in that order. */
async function measureAll(
  browser: Browser,
  base: string,
  o: Options,
): Promise<{ results: PageResult[]; stressNote: string | null }> {
  const page = (name: string, url: string, setup?: Parameters<typeof measurePage>[6]) =>
    measurePage(browser, name, url, o.warmupMs, o.windowMs, progress, setup);
  // The first page of a fresh browser also starts its GPU process and compiles shaders: pay that before measuring.
  progress('warming the browser up with one unmeasured load of the bare stage');
  await (await openPage(browser, `${base}bare.html`, SIZE, { initScript: TIMING_SCRIPT })).page.close();
  const results = [
    await page('bare Pixi stage', `${base}bare.html`),
    await page('city (autopilot)', `${base}?autopilot=1`),
    await page('city + panels (event log following)', `${base}?autopilot=1`, openPanels),
  ];
  if (!o.stress) return { results, stressNote: 'stress city: skipped (--stress "")' };
  const r = await page('stress city', `${base}?autopilot=1&${o.stress}`);
  results.push(r);
  const stressNote = r.problems.length
    ? `stress city: the page reported problems (did it ignore "${o.stress}"?)`
    : null;
  return { results, stressNote };
}

/** The pages as ratios to the bare stage. */
function pagesTable(results: PageResult[], stressNote: string | null): string {
  const [bare] = results as [PageResult, ...PageResult[]];
  const firstFrameFrom = results.every((r) => r.timings.firstFrameFrom === 'mark')
    ? 'performance.mark("siren:first-frame"), which each page sets after its first frame'
    : 'the page\'s performance.mark("siren:first-frame") or, without one, the animation frame after body[data-ready]';
  return renderTable({
    title: 'pages, as ratios to the bare Pixi stage',
    columns: [
      'page',
      'fps × bare',
      'first frame × bare',
      'JS loaded × bare',
      'fps',
      'frame p50/p95 ms',
      'game CPU p50/p95 ms',
      'game speed',
      'ready ms',
      'first frame ms',
      'JS loaded (gzip)',
    ],
    rows: results.map((r) => [
      r.name,
      ratio(r.frames.fps, bare.frames.fps),
      ratio(r.timings.firstFrame, bare.timings.firstFrame),
      ratio(r.js.gzipBytes, bare.js.gzipBytes),
      r.frames.fps.toFixed(1),
      `${ms(r.frames.intervalP50)} / ${ms(r.frames.intervalP95)}`,
      r.game ? `${ms(r.game.p50)} / ${ms(r.game.p95)}` : '—',
      r.gameSpeed === null ? '—' : `${r.gameSpeed.toFixed(2)}×`,
      ms(r.timings.ready),
      ms(r.timings.firstFrame),
      kB(r.js.gzipBytes),
    ]),
    notes: [
      'fps: animation frames per second over the window; frame p50/p95: intervals between them.',
      'game CPU: siren.frameStats(), the simulation + HUD + render submission per frame (its last 600 frames, so it may include warm-up).',
      'game speed: simulated seconds per real second (below 1×, frames were too slow and the loop dropped ticks).',
      `first frame: ms from navigation to ${firstFrameFrom}; ready: body[data-ready].`,
      ...(stressNote ? [stressNote] : []),
    ],
  });
}

/** The built JS and its gzip sizes. */
function bundleTable(bundle: ReturnType<typeof bundleSizes>): string {
  return renderTable({
    title: 'built JS (dist/assets, gzip -9)',
    columns: ['what', 'gzip'],
    rows: [
      [`entry chunk (${bundle.entry})`, kB(bundle.entryGzip)],
      ['entry + its static imports (before the game can start)', kB(bundle.initialGzip)],
      ['everything index.html can load (with lazy panels and renderers)', kB(bundle.reachableGzip)],
      [`all JS in dist/assets (${Object.keys(bundle.files).length} files, bare stage included)`, kB(bundle.allGzip)],
    ],
  });
}

/** The frame-rate targets: the city against the bare stage, the panels against the city. */
function targetsOf(results: PageResult[]): { what: string; actual: string; ok: boolean }[] {
  const [bare, city, panels] = results;
  const targets = [];
  if (bare && city)
    targets.push({
      what: `city fps ≥ ${CITY_FPS_TARGET}× bare stage`,
      actual: ratio(city.frames.fps, bare.frames.fps),
      ok: city.frames.fps >= CITY_FPS_TARGET * bare.frames.fps,
    });
  if (city && panels)
    targets.push({
      what: `city with panels open ≥ ${PANELS_FPS_TARGET}× the city's fps`,
      actual: ratio(panels.frames.fps, city.frames.fps),
      ok: panels.frames.fps >= PANELS_FPS_TARGET * city.frames.fps,
    });
  return targets;
}

runCli(async () => {
  const o = readOptions(process.argv.slice(2));
  if (!o) return 0;
  if (buildIfStale()) progress('built dist/');
  const server = await startVite('preview');
  const browser = await launch();
  let measured: Awaited<ReturnType<typeof measureAll>>;
  try {
    measured = await measureAll(browser, server.url, o);
  } finally {
    const version = browser.version();
    await browser.close();
    await server.stop();
    process.stderr.write(`… Chromium ${version}\n`);
  }
  const { results, stressNote } = measured;
  const bundle = bundleSizes();
  const m = machine();
  const targets = targetsOf(results);
  process.stdout.write(
    `Siren browser benchmark — ${m.cpu} (${m.cores} cores), headless Chromium with software WebGL (SwiftShader), ${SIZE.width}×${SIZE.height}; each page ${o.warmupMs / 1000} s warm-up, then ${o.windowMs / 1000} s measured\n\n`,
  );
  process.stdout.write(`${pagesTable(results, stressNote)}\n\n${bundleTable(bundle)}\n\n`);
  for (const t of targets) process.stdout.write(`target: ${t.what}: ${t.actual} — ${t.ok ? 'met' : 'MISSED'}\n`);
  for (const r of results)
    if (r.problems.length) process.stdout.write(`\n${r.name} reported problems:\n  ${r.problems.join('\n  ')}\n`);
  mkdirSync('bench', { recursive: true });
  const { windowMs, warmupMs } = o;
  const json = { date: new Date().toISOString(), machine: m, viewport: SIZE, warmupMs, windowMs };
  const out = { ...json, pages: results, stress: stressNote, bundle, targets };
  writeFileSync(RESULTS, JSON.stringify(out, null, 2) + '\n');
  process.stdout.write(`\nwrote ${RESULTS}\n`);
  return 0;
});
