import { render } from 'preact';
import { useState } from 'preact/hooks';
import { alarmStates, evaluateAlarm, loadRules, missingTreatments } from '../../engine';
import type { AlarmState, AnyEngine, Datapoint, MissingTreatment } from '../../engine';

/** A datapoint as the playground cycles it: not breaching → breaching → missing. */
type Point = '0' | 'X' | '-';
const NEXT: Record<Point, Point> = { '0': 'X', X: '-', '-': '0' };
const WORD: Record<Point, string> = { '0': 'OK', X: 'breaching', '-': 'missing' };
const toDatapoint = (p: Point): Datapoint => (p === '-' ? null : p === 'X');

/** The alarm the playground's "use this alarm" edits in the running rules. */
const TARGET = 'cpuHigh';

/** Rules text with the target alarm's N, M and treatment replaced, or an error to show. */
function withAlarm(text: string, periods: number, toAlarm: number, missing: MissingTreatment): string | Error {
  const doc = JSON.parse(text) as { alarms?: { id: string }[] };
  const alarm = doc.alarms?.find((a) => a.id === TARGET);
  if (!alarm) return new Error(`the running rules have no alarm "${TARGET}"`);
  Object.assign(alarm, { periods, toAlarm, missing });
  return JSON.stringify(doc, null, 2);
}

function Playground({ engine }: { engine: () => AnyEngine }) {
  const [points, setPoints] = useState<Point[]>(['0', '-', 'X', '-', 'X']);
  const [periods, setPeriods] = useState(3);
  const [toAlarm, setToAlarm] = useState(3);
  const [initial, setInitial] = useState<AlarmState>('OK');
  const [status, setStatus] = useState('');
  const m = Math.min(toAlarm, periods);
  const size = periods + 2;
  const row = points.slice(-size);
  const use = (missing: MissingTreatment) => {
    const e = engine();
    const text = withAlarm(e.rules.text, periods, m, missing);
    if (text instanceof Error) return setStatus(text.message);
    const loaded = loadRules(text, e.catalogue, e.rules.source);
    if (!loaded.ok) return setStatus(loaded.errors[0]?.message ?? 'the rules were refused');
    e.applyRules(loaded.rules);
    setStatus(`${TARGET} now alarms on ${m} of ${periods} datapoints, missing data treated as ${missing}`);
  };
  const resize = (n: number) => {
    setPeriods(n);
    setPoints((ps) => [...Array<Point>(Math.max(0, n + 2 - ps.length)).fill('-'), ...ps].slice(-(n + 2)));
  };
  return (
    <div class="alarm-playground">
      <div class="alarm-settings">
        <label>
          N{' '}
          <input
            type="number"
            min={1}
            max={10}
            value={periods}
            aria-label="Evaluation periods (N)"
            onInput={(e) => resize(Math.max(1, Math.min(10, Number(e.currentTarget.value) || 1)))}
          />
        </label>
        <label>
          M{' '}
          <input
            type="number"
            min={1}
            max={periods}
            value={m}
            aria-label="Datapoints to alarm (M)"
            onInput={(e) => setToAlarm(Math.max(1, Number(e.currentTarget.value) || 1))}
          />
        </label>
        <label>
          now{' '}
          <select
            aria-label="Current state"
            value={initial}
            onChange={(e) => setInitial(e.currentTarget.value as AlarmState)}
          >
            {alarmStates.map((s) => (
              <option value={s}>{s}</option>
            ))}
          </select>
        </label>
      </div>
      <div class="alarm-points" aria-label="Datapoints, oldest first (click to change)">
        {row.map((p, i) => (
          <button
            type="button"
            class="alarm-point"
            data-point={p}
            title={WORD[p]}
            onClick={() => setPoints(row.map((q, j) => (j === i ? NEXT[q] : q)))}
          >
            {p}
          </button>
        ))}
      </div>
      <div class="alarm-treatments">
        {missingTreatments.map((t) => {
          const v = evaluateAlarm({ periods, toAlarm: m, missing: t, comparison: 'gt' }, row.map(toDatapoint), initial);
          return (
            <div class="alarm-treatment" data-treatment={t} data-state={v.state}>
              <strong>{t}</strong>
              <span class="alarm-state">{v.state}</span>
              <small class="alarm-why">{v.reason}</small>
              <button type="button" class="alarm-use" onClick={() => use(t)}>
                use this alarm
              </button>
            </div>
          );
        })}
      </div>
      <p class="alarm-status" role="status">
        {status}
      </p>
    </div>
  );
}

/** Mounts the alarm playground into `host`: datapoints to click through, the four treatments side by side, "use this alarm". */
export function mountPlayground(host: HTMLElement, engine: () => AnyEngine): () => void {
  render(<Playground engine={engine} />, host);
  return () => render(null, host);
}
