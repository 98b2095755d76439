/**
 * `npm run bench:browser`: the page in headless Chromium against a bare Pixi stage, in one browser run. Builds dist/
 * if stale, serves it with `vite preview`, and for each page measures the frame rate, the game's CPU time per frame,
 * the time to the first frame and the JS it loaded; then the gzip size of the build. Writes bench/browser-results.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from '../browser/chromium';
import { measureFrames, readTimings, TIMING_SCRIPT } from '../browser/measure';
import type { FrameWindow, PageTimings } from '../browser/measure';
import { buildIfStale, startVite } from '../browser/server';
import { intFlag, parseFlags, runCli, UsageError } from '../../cli/args';
import { machine } from './harness';
import { renderTable } from './report';

const USAGE = 'npm run -s bench:browser -- [--seconds <s>] [--warmup <s>] [--stress <query>]';
/** The stress city: the page's own URL parameter (src/ui/urlParams.ts). */
const DEFAULT_STRESS = 'civilians=2000';
/** Issue 5's bar: the panels open keep this share of the city's frame rate. */
const PANELS_FPS_TARGET = 0.9;

/** Opens the sidebar on the event log, following: the panel that redraws most, as events stream in. */
async function openPanels(page: Page): Promise<void> {
  await page.click('.panels-toggle');
  await page.click('.panel-tab[data-panel="log"]');
  await page.waitForSelector('.panel-log', { timeout: 30_000 });
}
const RESULTS = 'bench/browser-results.json';
const SIZE = { width: 1280, height: 800 };
const ASSETS = 'dist/assets';
/** The quality bar: the city keeps this share of the bare stage's frame rate. */
const CITY_FPS_TARGET = 0.8;

/** One page measured. */
interface PageResult {
  name: string;
  url: string;
  timings: PageTimings;
  frames: FrameWindow;
  /** The game's own CPU ms per frame (siren.frameStats), for the city. */
  game: { p50: number; p95: number; frames: number } | null;
  /** Simulated seconds per real second over the window (1 = real time; below 1 the loop dropped ticks). */
  gameSpeed: number | null;
  /** JS files the page fetched, and their gzip size. */
  js: { files: string[]; gzipBytes: number };
  problems: string[];
}

const gz = (file: string) => gzipSync(readFileSync(join(ASSETS, file)), { level: 9 }).length;
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (v: number) => (v < 0 ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

async function measurePage(
  browser: Browser,
  name: string,
  url: string,
  warmupMs: number,
  windowMs: number,
  progress: (l: string) => void,
  setup?: (page: Page) => Promise<void>,
): Promise<PageResult> {
  progress(`${name}: loading ${url}`);
  const { page, problems } = await openPage(browser, url, SIZE, { initScript: TIMING_SCRIPT });
  try {
    const timings = await readTimings(page);
    const isCity = await page.evaluate(() => 'siren' in globalThis);
    if (setup) await setup(page);
    progress(`${name}: ready at ${ms(timings.ready)} ms; warming up ${warmupMs / 1000} s`);
    await page.waitForTimeout(warmupMs);
    const tick0 = isCity ? await tickOf(page) : 0;
    progress(`${name}: measuring ${windowMs / 1000} s`);
    const frames = await measureFrames(page, windowMs);
    const tick1 = isCity ? await tickOf(page) : 0;
    const game = isCity
      ? await page.evaluate(() =>
          (
            globalThis as unknown as { siren: { frameStats(): { p50: number; p95: number; frames: number } } }
          ).siren.frameStats(),
        )
      : null;
    // The JS the page fetched, from its resource timings.
    const jsFiles = new Set<string>();
    for (const u of await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name))) {
      const m = /\/assets\/([^/?#]+\.js)(?:[?#]|$)/.exec(u);
      if (m?.[1]) jsFiles.add(m[1]);
    }
    const files = [...jsFiles].sort();
    return {
      name,
      url,
      timings,
      frames,
      game,
      gameSpeed: isCity ? (tick1 - tick0) / 60 / (frames.ms / 1000) : null,
      js: { files, gzipBytes: files.reduce((s, f) => s + gz(f), 0) },
      problems: [...problems],
    };
  } finally {
    await page.close();
  }
}

const tickOf = (page: Page) => page.evaluate(() => (globalThis as unknown as { siren: { tick: number } }).siren.tick);

/** The built JS: the entry chunk of index.html, what loads with it (static imports), everything it can load, all of dist. */
function bundleSizes(): {
  entry: string;
  entryGzip: number;
  initialGzip: number;
  reachableGzip: number;
  allGzip: number;
  files: Record<string, number>;
} {
  const html = readFileSync('dist/index.html', 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="[^"]*\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('dist/index.html has no module script in assets/: is the build broken?');
  const all = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
  const files = Object.fromEntries(all.map((f) => [f, gz(f)]));
  const text = new Map(all.map((f) => [f, readFileSync(join(ASSETS, f), 'utf8')]));
  const closure = (dynamic: boolean) => {
    const seen = new Set([entry]);
    const queue = [entry];
    for (let f = queue.pop(); f !== undefined; f = queue.pop()) {
      const src = text.get(f) ?? '';
      for (const other of all) {
        if (seen.has(other)) continue;
        const q = `["'\`]\\./${other.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["'\`]`;
        const found = dynamic ? new RegExp(q).test(src) : new RegExp(`(?:from|import)\\s*${q}`).test(src);
        if (found) {
          seen.add(other);
          queue.push(other);
        }
      }
    }
    return [...seen].reduce((s, f) => s + (files[f] ?? 0), 0);
  };
  return {
    entry,
    entryGzip: files[entry] ?? 0,
    initialGzip: closure(false),
    reachableGzip: closure(true),
    allGzip: Object.values(files).reduce((a, b) => a + b, 0),
    files,
  };
}

runCli(async () => {
  const { values, positionals } = parseFlags(
    process.argv.slice(2),
    { seconds: { type: 'string' }, warmup: { type: 'string' }, stress: { type: 'string' }, help: { type: 'boolean' } },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(
      `usage: ${USAGE}\n  --seconds  measured seconds per page (default 8)\n  --warmup   seconds after the page is ready before measuring (default 3)\n  --stress   URL query that asks the page for a big city (default "${DEFAULT_STRESS}"; "" skips it)\n`,
    );
    return 0;
  }
  if (positionals.length)
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}\nusage: ${USAGE}`);
  const windowMs = intFlag('seconds', values.seconds, 8, 1, 120) * 1000;
  const warmupMs = intFlag('warmup', values.warmup, 3, 0, 60) * 1000;
  const stress = (values.stress ?? DEFAULT_STRESS).replace(/^\?/, '') || null;
  const progress = (line: string) => process.stderr.write(`… ${line}\n`);

  if (buildIfStale()) progress('built dist/');
  const server = await startVite('preview');
  const browser = await launch();
  const results: PageResult[] = [];
  let stressNote: string | null = null;
  try {
    // The first page of a fresh browser also starts its GPU process and compiles shaders: pay that before measuring.
    progress('warming the browser up with one unmeasured load of the bare stage');
    await (await openPage(browser, `${server.url}bare.html`, SIZE, { initScript: TIMING_SCRIPT })).page.close();
    results.push(await measurePage(browser, 'bare Pixi stage', `${server.url}bare.html`, warmupMs, windowMs, progress));
    results.push(
      await measurePage(browser, 'city (autopilot)', `${server.url}?autopilot=1`, warmupMs, windowMs, progress),
    );
    results.push(
      await measurePage(
        browser,
        'city + panels (event log following)',
        `${server.url}?autopilot=1`,
        warmupMs,
        windowMs,
        progress,
        openPanels,
      ),
    );
    if (stress) {
      const r = await measurePage(
        browser,
        'stress city',
        `${server.url}?autopilot=1&${stress}`,
        warmupMs,
        windowMs,
        progress,
      );
      results.push(r);
      if (r.problems.length) stressNote = `stress city: the page reported problems (did it ignore "${stress}"?)`;
    } else stressNote = 'stress city: skipped (--stress "")';
  } finally {
    const version = browser.version();
    await browser.close();
    await server.stop();
    process.stderr.write(`… Chromium ${version}\n`);
  }

  const [bare] = results as [PageResult, ...PageResult[]];
  const bundle = bundleSizes();
  const m = machine();
  process.stdout.write(
    `Siren browser benchmark — ${m.cpu} (${m.cores} cores), headless Chromium with software WebGL (SwiftShader), ${SIZE.width}×${SIZE.height}; each page ${warmupMs / 1000} s warm-up, then ${windowMs / 1000} s measured\n\n`,
  );
  process.stdout.write(
    renderTable({
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
        `first frame: ms from navigation to ${results.every((r) => r.timings.firstFrameFrom === 'mark') ? 'performance.mark("siren:first-frame"), which each page sets after its first frame' : 'the page\'s performance.mark("siren:first-frame") or, without one, the animation frame after body[data-ready]'}; ready: body[data-ready].`,
        ...(stressNote ? [stressNote] : []),
      ],
    }) + '\n\n',
  );
  process.stdout.write(
    renderTable({
      title: 'built JS (dist/assets, gzip -9)',
      columns: ['what', 'gzip'],
      rows: [
        [`entry chunk (${bundle.entry})`, kB(bundle.entryGzip)],
        ['entry + its static imports (before the game can start)', kB(bundle.initialGzip)],
        ['everything index.html can load (with lazy panels and renderers)', kB(bundle.reachableGzip)],
        [`all JS in dist/assets (${Object.keys(bundle.files).length} files, bare stage included)`, kB(bundle.allGzip)],
      ],
    }) + '\n\n',
  );
  const [, city, panels] = results;
  const targets = [
    ...(city
      ? [
          {
            what: `city fps ≥ ${CITY_FPS_TARGET}× bare stage`,
            actual: ratio(city.frames.fps, bare.frames.fps),
            ok: city.frames.fps >= CITY_FPS_TARGET * bare.frames.fps,
          },
        ]
      : []),
    ...(city && panels
      ? [
          {
            what: `city with panels open ≥ ${PANELS_FPS_TARGET}× the city's fps`,
            actual: ratio(panels.frames.fps, city.frames.fps),
            ok: panels.frames.fps >= PANELS_FPS_TARGET * city.frames.fps,
          },
        ]
      : []),
  ];
  for (const t of targets) process.stdout.write(`target: ${t.what}: ${t.actual} — ${t.ok ? 'met' : 'MISSED'}\n`);
  for (const r of results)
    if (r.problems.length) process.stdout.write(`\n${r.name} reported problems:\n  ${r.problems.join('\n  ')}\n`);

  mkdirSync('bench', { recursive: true });
  writeFileSync(
    RESULTS,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: m,
        viewport: SIZE,
        warmupMs,
        windowMs,
        pages: results,
        stress: stressNote,
        bundle,
        targets,
      },
      null,
      2,
    ) + '\n',
  );
  process.stdout.write(`\nwrote ${RESULTS}\n`);
  return 0;
});
