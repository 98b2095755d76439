import { parseArgs } from 'node:util';
import {
  alarmComparisons,
  alarmStates,
  evaluateAlarm,
  MAX_ALARM_PERIODS,
  missingTreatments,
  parseDatapoints,
  unknownName,
} from '../engine';
import type { AlarmComparison, AlarmConfig, AlarmState, MissingTreatment } from '../engine';
import { intFlag, runCli, UsageError } from './args';

const USAGE =
  'usage: npm run -s alarm -- --datapoints "0 - X - X" --periods 3 --to-alarm 3 [--missing missing|ignore|breaching|notBreaching] [--initial OK|ALARM|INSUFFICIENT_DATA] [--threshold 70 --comparison gt|gte|lt|lte]';

const OPTIONS = {
  datapoints: { type: 'string' },
  periods: { type: 'string' },
  'to-alarm': { type: 'string' },
  missing: { type: 'string' },
  initial: { type: 'string' },
  threshold: { type: 'string' },
  comparison: { type: 'string' },
} as const;

/** A flag that must be one of a list of names. */
function oneOf<T extends string>(flag: string, raw: string | undefined, names: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if ((names as readonly string[]).includes(raw)) return raw as T;
  throw new UsageError(`--${flag}: ${unknownName('value', raw, names)}`);
}

/** Reads the flags into an alarm, its datapoints and its current state; every mistake is one UsageError line. */
function readFlags(argv: string[]) {
  let values: Partial<Record<keyof typeof OPTIONS, string>>;
  try {
    // Datapoints may start with "-" (missing): take the next argument as the value, as the usage writes it.
    const args = argv.flatMap((a, i) =>
      argv[i - 1] === '--datapoints' ? [] : a === '--datapoints' && i + 1 < argv.length ? [`${a}=${argv[i + 1]}`] : [a],
    );
    const parsed = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false });
    values = parsed.values;
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\. To specify a positional.*$/s, '').split('\n')[0]}`);
  }
  for (const flag of ['datapoints', 'periods', 'to-alarm'] as const)
    if (values[flag] === undefined) throw new UsageError(`missing --${flag}`);
  const periods = intFlag('periods', values.periods, 0, 1, MAX_ALARM_PERIODS);
  const toAlarm = intFlag('to-alarm', values['to-alarm'], 0, 1, periods);
  const parsed = parseDatapoints(values.datapoints as string);
  if (!parsed.ok) throw new UsageError(`--datapoints: ${parsed.message}`);
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (values.threshold.trim() === '' || !Number.isFinite(threshold))
      throw new UsageError(`--threshold: expected a number, found ${JSON.stringify(values.threshold)}`);
  }
  if (threshold === undefined && parsed.datapoints.some((d) => typeof d === 'number'))
    throw new UsageError('--threshold: numeric datapoints need a threshold (and --comparison, gt by default)');
  const config: AlarmConfig = {
    periods,
    toAlarm,
    missing: oneOf<MissingTreatment>('missing', values.missing, missingTreatments, 'missing'),
    comparison: oneOf<AlarmComparison>('comparison', values.comparison, alarmComparisons, 'gt'),
    threshold,
  };
  const initial = oneOf<AlarmState>('initial', values.initial, alarmStates, 'INSUFFICIENT_DATA');
  return { config, datapoints: parsed.datapoints, initial };
}

runCli(() => {
  let flags: ReturnType<typeof readFlags>;
  try {
    flags = readFlags(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`${e.message.split('\n')[0]} (${USAGE})`);
    throw e;
  }
  const v = evaluateAlarm(flags.config, flags.datapoints, flags.initial);
  process.stdout.write(`${JSON.stringify({ state: v.state, reason: v.reason, evaluated: v.evaluated })}\n`);
  return 0;
});
