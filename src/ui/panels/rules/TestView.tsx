import { useSignal } from '@preact/signals';
import type { CompiledTrigger, ExplainNode, SirenEvent } from '../../../engine';
import { eventSpecOf } from '../../../engine';
import type { PanelContext } from '../context';
import type { EditorModel } from './model';
import type { TriggerTest } from './testTrigger';
import { factContextOf, parseSampleEvent, recentEvents, sampleEventText, testTrigger } from './testTrigger';

/** How many past events of the trigger's type to offer. */
const RECENT = 12;

const short = (v: unknown, max = 90) => {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
};

/** Tests a trigger of the draft against a past event or a hand-written one: nothing runs, the game is untouched. */
export function TestView({ ctx, model }: { ctx: PanelContext; model: EditorModel }) {
  const chosenId = useSignal<string | null>(null);
  const source = useSignal<'log' | 'json'>('log');
  const picked = useSignal<SirenEvent | null>(null);
  const sample = useSignal<{ type: string; text: string } | null>(null);
  void ctx.version.value; // re-test as the game runs: world and entity facts are read now
  const engine = ctx.engine.value;
  const check = model.checker(model.draft.value);

  if (!check.rules)
    return (
      <section class="re-test" role="tabpanel" aria-label="Test a trigger">
        <p class="re-muted">
          The draft has {check.problems.length} error{check.problems.length === 1 ? '' : 's'}; fix{' '}
          {check.problems.length === 1 ? 'it' : 'them'} in the Edit tab to test its triggers.
        </p>
        <ul class="re-problems static">
          {check.problems.map((p) => (
            <li key={p.line}>{p.line}</li>
          ))}
        </ul>
      </section>
    );
  const rules = check.rules;
  if (!rules.triggers.length)
    return (
      <section class="re-test" role="tabpanel" aria-label="Test a trigger">
        <p class="re-muted">The draft has no triggers.</p>
      </section>
    );
  // The one picked here, else the one the editor's cursor is in, else the first event trigger.
  const t: CompiledTrigger =
    (chosenId.value !== null ? rules.byId.get(chosenId.value) : undefined) ??
    (model.cursorTrigger.value !== null ? rules.byId.get(model.cursorTrigger.value) : undefined) ??
    rules.triggers.find((x) => x.mode === 'on') ??
    (rules.triggers[0] as CompiledTrigger);

  // The hand-written sample: what the user typed for this type, else a template (from the picked event, if any).
  const sampleText = !t.on
    ? ''
    : sample.value?.type === t.on
      ? sample.value.text
      : sampleEventText(
          t.on,
          eventSpecOf(ctx.catalogue, rules.declared, t.on),
          picked.value?.type === t.on ? picked.value : undefined,
        );
  let ev: SirenEvent | null = null;
  let sampleErrors: string[] = [];
  let recent: SirenEvent[] = [];
  if (t.on) {
    recent = recentEvents(engine.log, t.on, RECENT);
    const sel = ctx.selected.value;
    const selectedEv = sel !== null ? engine.log.at(sel) : undefined;
    if (selectedEv?.type === t.on && !recent.some((e) => e.seq === selectedEv.seq)) recent.unshift(selectedEv);
    if (source.value === 'log') {
      const p = picked.value;
      ev = p && p.type === t.on ? p : (recent[0] ?? null);
      if (ev && !recent.some((e) => e.seq === ev?.seq)) recent.unshift(ev);
    } else {
      const r = parseSampleEvent(sampleText, ctx.catalogue, rules, { tick: engine.tick, seq: engine.log.end });
      if (r.ok) ev = r.event;
      else sampleErrors = r.errors;
    }
  }
  const live = engine.triggerStates().find((s) => s.id === t.id);
  const result =
    t.mode !== 'on' || ev ? testTrigger(rules, t.id, ev, factContextOf(engine, rules), engine.tick, live) : null;

  return (
    <section class="re-test" role="tabpanel" aria-label="Test a trigger">
      <label class="re-field">
        <span>Trigger (from the draft)</span>
        <select
          class="re-trigger"
          value={t.id}
          onChange={(e) => {
            chosenId.value = e.currentTarget.value;
            picked.value = null;
          }}
        >
          {rules.triggers.map((x) => (
            <option key={x.id} value={x.id}>
              {x.id} —{' '}
              {x.mode === 'on' ? `on ${x.on}` : x.mode === 'while' ? 'while (state)' : `every ${x.spec.every} s`}
            </option>
          ))}
        </select>
      </label>
      {t.spec.description && <p class="re-muted re-desc">{t.spec.description}</p>}

      {t.on ? (
        <fieldset class="re-source">
          <legend>Sample "{t.on}" event</legend>
          <div class="re-switch" role="radiogroup">
            <label>
              <input
                type="radio"
                name="re-source"
                value="log"
                checked={source.value === 'log'}
                onChange={() => (source.value = 'log')}
              />{' '}
              from the log
            </label>
            <label>
              <input
                type="radio"
                name="re-source"
                value="json"
                checked={source.value === 'json'}
                onChange={() => (source.value = 'json')}
              />{' '}
              write one
            </label>
          </div>
          {source.value === 'log' ? (
            recent.length ? (
              <ul class="re-events" role="listbox" aria-label={`Recent ${t.on} events`}>
                {recent.map((e) => (
                  <li key={e.seq}>
                    <button
                      type="button"
                      role="option"
                      aria-selected={ev?.seq === e.seq}
                      class={ev?.seq === e.seq ? 'active' : ''}
                      data-seq={e.seq}
                      onClick={() => (picked.value = e)}
                    >
                      <span class="re-seq">#{e.seq}</span> <span class="re-tick">tick {e.tick}</span>{' '}
                      <code>{short(e.payload)}</code>
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="re-muted">
                No "{t.on}" event in the log yet. Play until one happens, or{' '}
                <button type="button" class="re-link" onClick={() => (source.value = 'json')}>
                  write one
                </button>
                .
              </p>
            )
          ) : (
            <>
              <textarea
                class="re-sample"
                spellcheck={false}
                aria-label="Sample event as JSON"
                rows={Math.min(10, sampleText.split('\n').length + 1)}
                value={sampleText}
                onInput={(e) => (sample.value = { type: t.on as string, text: e.currentTarget.value })}
              />
              <div class="re-row">
                <button
                  type="button"
                  class="re-btn small"
                  disabled={!recent[0]}
                  onClick={() =>
                    (sample.value = {
                      type: t.on as string,
                      text: sampleEventText(
                        t.on as string,
                        undefined,
                        picked.value?.type === t.on ? picked.value : recent[0],
                      ),
                    })
                  }
                >
                  Copy the {picked.value?.type === t.on ? 'picked' : 'newest'} log event
                </button>
                <button type="button" class="re-btn small" onClick={() => (sample.value = null)}>
                  Reset
                </button>
              </div>
              {sampleErrors.length > 0 && (
                <ul class="re-sample-errors" role="alert">
                  {sampleErrors.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </fieldset>
      ) : (
        <p class="re-muted">
          A "{t.mode}" trigger has no event: its condition reads the world. It is tested against the game now.
        </p>
      )}

      {result && <Verdict result={result} tick={engine.tick} />}
    </section>
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
