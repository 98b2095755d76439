import type { AlarmConfig, AlarmState, AlarmVerdict, Datapoint, EvaluatedPoint } from './evaluate';

const WORDS = {
  gt: 'greater than',
  gte: 'greater than or equal to',
  lt: 'less than',
  lte: 'less than or equal to',
} as const;

/** A datapoint as reason texts write it: 81.2 → "81.2", true → "X", false → "0", missing → "-". */
export function formatDatapoint(v: number | boolean | null): string {
  if (v === null) return '-';
  if (typeof v === 'boolean') return v ? 'X' : '0';
  return Number.isInteger(v) ? v.toFixed(1) : String(Math.round(v * 1000) / 1000);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function list(points: readonly EvaluatedPoint[]): string {
  return `[${points.map((p) => formatDatapoint(p.value)).join(', ')}]`;
}

function threshold(config: AlarmConfig): string {
  return config.threshold === undefined ? 'the threshold' : `the threshold (${formatDatapoint(config.threshold)})`;
}

/** CloudWatch-style reason text for a verdict ("Threshold Crossed: 3 out of the last 3 datapoints [...] were greater than the threshold (70.0)"). */
export function describeVerdict(
  config: AlarmConfig,
  v: Pick<AlarmVerdict, 'state' | 'evaluated' | 'rule'>,
  range: readonly Datapoint[],
  current: AlarmState,
): string {
  const missing = range.filter((d) => d === null).length;
  const pts = v.evaluated;
  const cmp = WORDS[config.comparison];
  if (v.rule === 'retained')
    return `Missing data ignored: ${plural(missing, 'datapoint', 'datapoints')} of the last ${range.length} missing, too few real ones to decide; the state stays ${current}.`;
  if (v.rule === 'insufficient')
    return `Insufficient Data: ${plural(missing, 'datapoint was', 'datapoints were')} unknown.`;
  if (v.rule === 'premature') {
    const age = range.length - (pts[0]?.index ?? 0);
    return `Threshold Crossed: ${plural(pts.length, 'datapoint', 'datapoints')} ${list(pts)} ${pts.length === 1 ? 'was' : 'were'} ${cmp} ${threshold(config)}; the oldest is ${age} periods old and none since was below it (premature ALARM: missing data treated as missing).`;
  }
  const filled = pts.filter((p) => p.filled).length;
  const note = filled
    ? ` (${plural(filled, 'missing datapoint', 'missing datapoints')} treated as ${config.missing === 'breaching' ? 'breaching' : 'not breaching'})`
    : '';
  const bad = pts.filter((p) => p.breaching).length;
  const n = v.state === 'ALARM' ? bad : pts.length - bad;
  const not = v.state === 'ALARM' ? '' : 'not ';
  return `Threshold Crossed: ${n} out of the last ${pts.length} datapoints ${list(pts)} ${n === 1 ? 'was' : 'were'} ${not}${cmp} ${threshold(config)}${note}`;
}
