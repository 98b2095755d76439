import { useSignal } from '@preact/signals';
import type { Signal } from '@preact/signals';
import type { AnyEngine, CompiledRules, CompiledTrigger, ExplainNode, SirenEvent } from '../../../engine';
import { eventSpecOf } from '../../../engine';
import type { PanelContext } from '../context';
import type { Problem } from './lint';
import type { EditorModel } from './model';
import type { TriggerTest } from './testTrigger';
import { factContextOf, parseSampleEvent, recentEvents, sampleEventText, testTrigger } from './testTrigger';

/** How many past events of the trigger's type to offer. */
const RECENT = 12;

const short = (v: unknown, max = 90) => {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
};

/** What the tester remembers between renders: the trigger picked, where its event comes from, and the user's sample. */
interface TestState {
  readonly chosenId: Signal<string | null>;
  readonly source: Signal<'log' | 'json'>;
  readonly picked: Signal<SirenEvent | null>;
  /** The hand-written sample, and the event type it was written for. */
  readonly sample: Signal<{ type: string; text: string } | null>;
}

/** The sample event a test runs on: the one chosen (or null), the log's recent events offered, and parse errors. */
interface SampleChoice {
  readonly ev: SirenEvent | null;
  readonly recent: readonly SirenEvent[];
  /** The hand-written sample's text (a template until the user types). */
  readonly text: string;
  readonly errors: readonly string[];
}

/** Tests a trigger of the draft against a past event or a hand-written one: nothing runs, the game is untouched. */
export function TestView({ ctx, model }: { ctx: PanelContext; model: EditorModel }) {
  const st = useTestState();
  void ctx.version.value; // re-test as the game runs: world and entity facts are read now
  const engine = ctx.engine.value;
  const check = model.checker(model.draft.value);

  if (!check.rules) return <DraftHasErrors problems={check.problems} />;
  const rules = check.rules;
  const [first] = rules.triggers;
  if (!first)
    return (
      <section class="re-test" role="tabpanel" aria-label="Test a trigger">
        <p class="re-muted">The draft has no triggers.</p>
      </section>
    );
  const t = pickTrigger(rules, st.chosenId.value, model.cursorTrigger.value, first);
  const choice = t.on ? chooseSample(ctx, engine, rules, t.on, st) : null;
  const ev = choice?.ev ?? null;
  const live = engine.triggerStates().find((s) => s.id === t.id);
  const result =
    t.mode !== 'on' || ev ? testTrigger(rules, t.id, ev, factContextOf(engine, rules), engine.tick, live) : null;

  return (
    <section class="re-test" role="tabpanel" aria-label="Test a trigger">
      <TriggerSelect
        triggers={rules.triggers}
        value={t.id}
        onChoose={(id) => {
          st.chosenId.value = id;
          st.picked.value = null;
        }}
      />
      {t.spec.description && <p class="re-muted re-desc">{t.spec.description}</p>}

      {t.on && choice ? (
        <SampleSource on={t.on} st={st} choice={choice} />
      ) : (
        <p class="re-muted">
          A "{t.mode}" trigger has no event: its condition reads the world. It is tested against the game now.
        </p>
      )}

      {result && <Verdict result={result} tick={engine.tick} />}
    </section>
  );
}

/** The tester's state signals, kept across renders. */
function useTestState(): TestState {
  return {
    chosenId: useSignal<string | null>(null),
    source: useSignal<'log' | 'json'>('log'),
    picked: useSignal<SirenEvent | null>(null),
    sample: useSignal<{ type: string; text: string } | null>(null),
  };
}

/** The trigger to test: the one picked here, else the one the editor's cursor is in, else the first event trigger. */
function pickTrigger(
  rules: CompiledRules,
  chosenId: string | null,
  cursorId: string | null,
  first: CompiledTrigger,
): CompiledTrigger {
  return (
    (chosenId !== null ? rules.byId.get(chosenId) : undefined) ??
    (cursorId !== null ? rules.byId.get(cursorId) : undefined) ??
    rules.triggers.find((x) => x.mode === 'on') ??
    first
  );
}

/**
 * The event an event trigger is tested on: from the log (the picked one, else the newest; the log's selection is
 * offered too), or parsed from the hand-written sample (what the user typed for this type, else a template).
 */
function chooseSample(
  ctx: PanelContext,
  engine: AnyEngine,
  rules: CompiledRules,
  on: string,
  st: TestState,
): SampleChoice {
  const typed = st.sample.value;
  const picked = st.picked.value;
  const text =
    typed?.type === on
      ? typed.text
      : sampleEventText(on, eventSpecOf(ctx.catalogue, rules.declared, on), picked?.type === on ? picked : undefined);
  const recent = recentEvents(engine.log, on, RECENT);
  const sel = ctx.selected.value;
  const selectedEv = sel !== null ? engine.log.at(sel) : undefined;
  if (selectedEv?.type === on && !recent.some((e) => e.seq === selectedEv.seq)) recent.unshift(selectedEv);
  if (st.source.value === 'log') {
    const ev = picked && picked.type === on ? picked : (recent[0] ?? null);
    if (ev && !recent.some((e) => e.seq === ev.seq)) recent.unshift(ev);
    return { ev, recent, text, errors: [] };
  }
  const r = parseSampleEvent(text, ctx.catalogue, rules, { tick: engine.tick, seq: engine.log.end });
  return r.ok ? { ev: r.event, recent, text, errors: [] } : { ev: null, recent, text, errors: r.errors };
}

/** What the tester says when the draft does not compile: its errors, to fix in the Edit tab first. */
function DraftHasErrors({ problems }: { problems: readonly Problem[] }) {
  return (
    <section class="re-test" role="tabpanel" aria-label="Test a trigger">
      <p class="re-muted">
        The draft has {problems.length} error{problems.length === 1 ? '' : 's'}; fix{' '}
        {problems.length === 1 ? 'it' : 'them'} in the Edit tab to test its triggers.
      </p>
      <ul class="re-problems static">
        {problems.map((p) => (
          <li key={p.line}>{p.line}</li>
        ))}
      </ul>
    </section>
  );
}

/** The trigger picker: every trigger of the draft with what starts it. */
function TriggerSelect(props: { triggers: readonly CompiledTrigger[]; value: string; onChoose: (id: string) => void }) {
  return (
    <label class="re-field">
      <span>Trigger (from the draft)</span>
      <select class="re-trigger" value={props.value} onChange={(e) => props.onChoose(e.currentTarget.value)}>
        {props.triggers.map((x) => (
          <option key={x.id} value={x.id}>
            {x.id} — {x.mode === 'on' ? `on ${x.on}` : x.mode === 'while' ? 'while (state)' : `every ${x.spec.every} s`}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The two places a sample event can come from, as the switch offers them. */
const SOURCES = [
  ['log', 'from the log'],
  ['json', 'write one'],
] as const;

/** Where an event trigger's sample comes from: a switch between the log's recent events and a hand-written one. */
function SampleSource({ on, st, choice }: { on: string; st: TestState; choice: SampleChoice }) {
  return (
    <fieldset class="re-source">
      <legend>Sample "{on}" event</legend>
      <div class="re-switch" role="radiogroup">
        {SOURCES.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="re-source"
              value={value}
              checked={st.source.value === value}
              onChange={() => (st.source.value = value)}
            />{' '}
            {label}
          </label>
        ))}
      </div>
      {st.source.value === 'log' ? (
        <RecentEvents on={on} st={st} choice={choice} />
      ) : (
        <SampleEditor on={on} st={st} choice={choice} />
      )}
    </fieldset>
  );
}

/** The log's recent events of the trigger's type, to pick one; or how to get one when there is none yet. */
function RecentEvents({ on, st, choice }: { on: string; st: TestState; choice: SampleChoice }) {
  const { ev, recent } = choice;
  if (!recent.length)
    return (
      <p class="re-muted">
        No "{on}" event in the log yet. Play until one happens, or{' '}
        <button type="button" class="re-link" onClick={() => (st.source.value = 'json')}>
          write one
        </button>
        .
      </p>
    );
  return (
    <ul class="re-events" role="listbox" aria-label={`Recent ${on} events`}>
      {recent.map((e) => (
        <li key={e.seq}>
          <button
            type="button"
            role="option"
            aria-selected={ev?.seq === e.seq}
            class={ev?.seq === e.seq ? 'active' : ''}
            data-seq={e.seq}
            onClick={() => (st.picked.value = e)}
          >
            <span class="re-seq">#{e.seq}</span> <span class="re-tick">tick {e.tick}</span>{' '}
            <code>{short(e.payload)}</code>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The hand-written sample as JSON, with a copy of a log event to start from, a reset, and its parse errors. */
function SampleEditor({ on, st, choice }: { on: string; st: TestState; choice: SampleChoice }) {
  const { text, recent, errors } = choice;
  const picked = st.picked.value?.type === on ? st.picked.value : null;
  return (
    <>
      <textarea
        class="re-sample"
        spellcheck={false}
        aria-label="Sample event as JSON"
        rows={Math.min(10, text.split('\n').length + 1)}
        value={text}
        onInput={(e) => (st.sample.value = { type: on, text: e.currentTarget.value })}
      />
      <div class="re-row">
        <button
          type="button"
          class="re-btn small"
          disabled={!recent[0]}
          onClick={() => (st.sample.value = { type: on, text: sampleEventText(on, undefined, picked ?? recent[0]) })}
        >
          Copy the {picked ? 'picked' : 'newest'} log event
        </button>
        <button type="button" class="re-btn small" onClick={() => (st.sample.value = null)}>
          Reset
        </button>
      </div>
      {errors.length > 0 && (
        <ul class="re-sample-errors" role="alert">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The verdict: would it fire, what blocks it, each condition with its values, and what it would do. */
function Verdict({ result, tick }: { result: TriggerTest; tick: number }) {
  return (
    <div class={`re-verdict ${result.wouldFire ? 'fires' : 'blocked'}`} data-would-fire={String(result.wouldFire)}>
      <h3>{result.wouldFire ? '✓ It would fire' : '✗ It would not fire'}</h3>
      {result.blockers.length > 0 && (
        <ul class="re-blockers" aria-label="Blockers">
          {result.blockers.map((b) => (
            <li key={b}>✗ {b}</li>
          ))}
        </ul>
      )}
      {result.error && <p class="re-error">{result.error}</p>}
      <h4>Condition</h4>
      {result.condition ? (
        <ul class="re-tree">
          <Node node={result.condition} />
        </ul>
      ) : (
        <p class="re-muted">No condition: it always holds.</p>
      )}
      <h4>{result.wouldFire ? 'It would run' : 'If it fired, it would run'}</h4>
      <ol class="re-actions">
        {result.actions.map((a, i) => (
          <li key={i}>
            <code class="re-behaviour">{a.behaviour}</code>{' '}
            {a.error ? (
              <span class="re-error">could not resolve its parameters: {a.error}</span>
            ) : (
              <code>{short(a.params, 200)}</code>
            )}
          </li>
        ))}
      </ol>
      <p class="re-muted re-foot">
        Tested against the game at tick {tick} (world and entity facts are read now). Nothing ran and the game did not
        change.
      </p>
    </div>
  );
}

function Node({ node }: { node: ExplainNode }) {
  return (
    <li class={node.pass ? 'pass' : 'fail'}>
      <span class="re-mark" aria-label={node.pass ? 'holds' : 'fails'}>
        {node.pass ? '✓' : '✗'}
      </span>{' '}
      <span class="re-text">{node.text}</span>
      {node.children && node.children.length > 0 && (
        <ul>
          {node.children.map((c, i) => (
            <Node key={i} node={c} />
          ))}
        </ul>
      )}
    </li>
  );
}
