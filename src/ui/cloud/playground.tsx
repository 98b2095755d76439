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

/** The N, M and current-state inputs. */
function Settings(props: {
  periods: number;
  m: number;
  initial: AlarmState;
  resize(n: number): void;
  setToAlarm(n: number): void;
  setInitial(s: AlarmState): void;
}) {
  const { periods, m, initial } = props;
  return (
    <div class="alarm-settings">
      <label>
        N{' '}
        <input
          type="number"
          min={1}
          max={10}
          value={periods}
          aria-label="Evaluation periods (N)"
          onInput={(e) => props.resize(Math.max(1, Math.min(10, Number(e.currentTarget.value) || 1)))}
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
          onInput={(e) => props.setToAlarm(Math.max(1, Number(e.currentTarget.value) || 1))}
        />
      </label>
      <label>
        now{' '}
        <select
          aria-label="Current state"
          value={initial}
          onChange={(e) => {
            const state = alarmStates.find((x) => x === e.currentTarget.value);
            if (state) props.setInitial(state);
          }}
        >
          {alarmStates.map((s) => (
            <option value={s}>{s}</option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The datapoints, oldest first: each click cycles one through OK → breaching → missing. */
function Points({ row, setPoints }: { row: Point[]; setPoints(ps: Point[]): void }) {
  return (
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
  );
}

/** The four missing-data treatments side by side, each with the state it gives the row and "use this alarm". */
function Treatments(props: {
  periods: number;
  m: number;
  row: Point[];
  initial: AlarmState;
  use(missing: MissingTreatment): void;
}) {
  const { periods, m, row, initial } = props;
  return (
    <div class="alarm-treatments">
      {missingTreatments.map((t) => {
        const v = evaluateAlarm({ periods, toAlarm: m, missing: t, comparison: 'gt' }, row.map(toDatapoint), initial);
        return (
          <div class="alarm-treatment" data-treatment={t} data-state={v.state}>
            <strong>{t}</strong>
            <span class="alarm-state">{v.state}</span>
            <small class="alarm-why">{v.reason}</small>
            <button type="button" class="alarm-use" onClick={() => props.use(t)}>
              use this alarm
            </button>
          </div>
        );
      })}
    </div>
  );
}

/** Applies N, M and a treatment to the running rules' target alarm; returns what to say about it. */
function applyAlarm(engine: AnyEngine, periods: number, m: number, missing: MissingTreatment): string {
  const text = withAlarm(engine.rules.text, periods, m, missing);
  if (text instanceof Error) return text.message;
  const loaded = loadRules(text, engine.catalogue, engine.rules.source);
  if (!loaded.ok) return loaded.errors[0]?.message ?? 'the rules were refused';
  engine.applyRules(loaded.rules);
  return `${TARGET} now alarms on ${m} of ${periods} datapoints, missing data treated as ${missing}`;
}

/** The playground: settings, datapoints, the treatments, and what "use this alarm" did. */
function Playground({ engine }: { engine: () => AnyEngine }) {
  const [points, setPoints] = useState<Point[]>(['0', '-', 'X', '-', 'X']);
  const [periods, setPeriods] = useState(3);
  const [toAlarm, setToAlarm] = useState(3);
  const [initial, setInitial] = useState<AlarmState>('OK');
  const [status, setStatus] = useState('');
  const m = Math.min(toAlarm, periods);
  const row = points.slice(-(periods + 2));
  const resize = (n: number) => {
    setPeriods(n);
    setPoints((ps) => [...Array<Point>(Math.max(0, n + 2 - ps.length)).fill('-'), ...ps].slice(-(n + 2)));
  };
  return (
    <div class="alarm-playground">
      <Settings {...{ periods, m, initial, resize, setToAlarm, setInitial }} />
      <Points row={row} setPoints={setPoints} />
      <Treatments {...{ periods, m, row, initial }} use={(t) => setStatus(applyAlarm(engine(), periods, m, t))} />
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
