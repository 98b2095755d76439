/**
 * `npm run soak:browser`: the page in headless Chromium for N minutes with the autopilot playing and the sidebar open
 * (every panel shown in turn between samples, the event log following the newest events the rest of the time),
 * sampling the DOM, the JS heap after a forced GC, the event log and the frame rate every 30 s. Builds dist/ if stale
 * and serves it with `vite preview`, like bench:browser. Exit 0 when the heap and the DOM stayed within their bounds
 * of the sample after minute 1, 1 when not, 2 on a usage error.
 */
import { launch } from '../browser/chromium';
import { buildIfStale, startVite } from '../browser/server';
import { runSoak, soakReport, SOAK_BOUNDS } from './pageSoak';
import { intFlag, parseFlags, runCli, UsageError } from '../../cli/args';

const USAGE = 'npm run -s soak:browser -- [--minutes <n>] [--scenario city|cloud] [--seed <n>]';
const SCENARIOS = ['city', 'cloud'];

runCli(async () => {
  const { values, positionals } = parseFlags(
    process.argv.slice(2),
    { minutes: { type: 'string' }, scenario: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean' } },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(
      `usage: ${USAGE}\n` +
        '  --minutes   how long to soak after the warm-up (default 10; samples every 30 s, the one at 1:00 is the baseline)\n' +
        '  --scenario  city (default) or cloud\n' +
        '  --seed      the seed of the run (default 1)\n' +
        `Fails (exit 1) when the JS heap at the end exceeds max(+${Math.round((SOAK_BOUNDS.heapRatio - 1) * 100)}%, +${SOAK_BOUNDS.heapSlackMb} MB) of the baseline, ` +
        `or the DOM elements +${Math.round((SOAK_BOUNDS.elementsRatio - 1) * 100)}%, or the page logs an error.\n`,
    );
    return 0;
  }
  if (positionals.length)
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}\nusage: ${USAGE}`);
  const minutes = intFlag('minutes', values.minutes, 10, 2, 24 * 60);
  const seed = intFlag('seed', values.seed, 1, 0, 0xffffffff);
  const scenario = values.scenario ?? 'city';
  if (!SCENARIOS.includes(scenario))
    throw new UsageError(`--scenario: expected one of ${SCENARIOS.join(', ')}, found ${JSON.stringify(scenario)}`);
  const progress = (line: string) => process.stderr.write(`… ${line}\n`);

  if (buildIfStale()) progress('built dist/');
  const server = await startVite('preview');
  const browser = await launch();
  try {
    const url = `${server.url}?scenario=${scenario}&seed=${seed}&autopilot=1&muted=1`;
    progress(`soaking ${url} for ${minutes} min (Chromium ${browser.version()})`);
    const result = await runSoak(browser, {
      url,
      durationMs: minutes * 60_000,
      intervalMs: 30_000,
      firstSampleMs: 30_000,
      baselineAtMs: 60_000,
      progress,
    });
    process.stdout.write(
      `Siren browser soak — ${scenario}, ${minutes} min, panels ${result.panels.join(', ')}\n${soakReport(result)}\n`,
    );
    return result.ok ? 0 : 1;
  } finally {
    await browser.close();
    await server.stop();
  }
});
