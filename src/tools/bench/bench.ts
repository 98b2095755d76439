import { mkdirSync, writeFileSync } from 'node:fs';
import { configureFreezing, unknownName } from '../../engine';
import { parseFlags, runCli, UsageError } from '../../cli/args';
import { dispatchBenchmark } from './dispatch';
import { machine } from './harness';
import { headlessBenchmark } from './headless';
import { loadBenchmark } from './load';
import { memoryBenchmark } from './memory';
import { scalingBenchmark } from './scaling';
import { stateBenchmark } from './state';
import { worldBenchmark } from './world';
import { renderTable } from './report';
import type { Benchmark, Target } from './report';
import { classroomBenchmark } from './classroom';

const USAGE = 'npm run -s bench -- [--only <name>[,<name>…]] [--quick] [--clock cpu|wall]';
const RESULTS = 'bench/results.json';

const benchmarks: readonly Benchmark[] = [
  dispatchBenchmark,
  scalingBenchmark,
  loadBenchmark,
  worldBenchmark,
  stateBenchmark,
  memoryBenchmark,
  headlessBenchmark,
  classroomBenchmark,
];

runCli(async () => {
  const { values, positionals } = parseFlags(
    process.argv.slice(2),
    { only: { type: 'string' }, quick: { type: 'boolean' }, clock: { type: 'string' }, help: { type: 'boolean' } },
    USAGE,
  );
  const names = benchmarks.map((b) => b.name);
  if (values.help) {
    process.stdout.write(
      `usage: ${USAGE}\nbenchmarks:\n${benchmarks.map((b) => `  ${b.name.padEnd(10)} ${b.description}`).join('\n')}\n`,
    );
    return 0;
  }
  if (positionals.length)
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}\nusage: ${USAGE}`);
  const only = values.only?.split(',').map((s) => s.trim());
  for (const name of only ?? [])
    if (!names.includes(name)) throw new UsageError(`--only: ${unknownName('benchmark', name, names)}`);
  const selected = only ? benchmarks.filter((b) => only.includes(b.name)) : benchmarks;
  const quick = values.quick ?? false;
  const clock = values.clock ?? 'cpu';
  if (clock !== 'cpu' && clock !== 'wall')
    throw new UsageError(`--clock: expected cpu or wall, found ${JSON.stringify(clock)}\nusage: ${USAGE}`);
  const reps = { ...(quick ? { warmup: 1, reps: 3 } : { warmup: 2, reps: 9 }), clock } as const;

  configureFreezing(false); // as in production and the headless runner
  const m = machine();
  const header = `Siren benchmarks — ${m.cpu} (${m.cores} cores), node ${m.node}, ${m.platform}; medians of ${reps.reps} runs after ${reps.warmup} warm-up${quick ? ' (--quick)' : ''}, ${clock === 'cpu' ? 'process CPU time (steady on a shared machine; --clock wall for elapsed)' : 'wall-clock time'}`;
  process.stdout.write(
    `${header}\n${clock === 'cpu' ? 'rates are per CPU-second; every ratio compares alternatives measured side by side in this process\n' : ''}\n`,
  );
  const results: Record<string, unknown> = {};
  const targets: (Target & { bench: string })[] = [];
  for (const b of selected) {
    const t0 = performance.now();
    const report = await b.run({ quick, reps, progress: (line) => process.stderr.write(`… ${line}\n`) });
    for (const t of report.tables) process.stdout.write(`${renderTable(t)}\n\n`);
    targets.push(...report.targets.map((t) => ({ bench: b.name, ...t })));
    results[b.name] = {
      ...(report.data as object),
      targets: report.targets,
      seconds: Math.round(performance.now() - t0) / 1000,
    };
  }
  if (targets.length) {
    process.stdout.write(
      renderTable({
        title: 'targets',
        columns: ['benchmark', 'measure', 'target', 'actual', ''],
        textColumns: 3,
        rows: targets.map((t) => [t.bench, t.what, t.target, t.actual, t.ok ? 'met' : 'MISSED']),
      }) + '\n',
    );
  }
  mkdirSync('bench', { recursive: true });
  writeFileSync(
    RESULTS,
    JSON.stringify(
      { date: new Date().toISOString(), machine: m, quick, reps, only: only ?? null, benchmarks: results },
      null,
      2,
    ) + '\n',
  );
  process.stdout.write(`\nwrote ${RESULTS}\n`);
  return 0;
});
