import { useState } from 'preact/hooks';
import { scenarios } from '../../../scenarios';
import type { PanelContext } from '../context';
import { checkImport, fmt, replayVerdict } from './model';

/** Where importing a run file stands: nothing yet, refused, replaying, cancelled or done. */
type ImportState =
  | { kind: 'idle' }
  | { kind: 'errors'; file: string; errors: string[] }
  | { kind: 'replaying'; file: string; done: number; total: number; cancel: () => void }
  | { kind: 'cancelled'; file: string }
  | { kind: 'replayed'; file: string; ok: boolean; text: string };

/** Checks a chosen file, then replays it with progress (cancellable), reporting each stage through `report`. */
async function importFile(ctx: PanelContext, file: File, report: (state: ImportState) => void): Promise<void> {
  const text = await file.text();
  const checked = checkImport(text, file.name, scenarios, ctx.scenario);
  if (!checked.ok) {
    report({ kind: 'errors', file: file.name, errors: checked.errors });
    return;
  }
  ctx.loop.paused = true;
  const abort = new AbortController();
  const total = checked.run.ticks;
  const replaying = (done: number) =>
    report({ kind: 'replaying', file: file.name, done, total, cancel: () => abort.abort() });
  replaying(0);
  if (!(await ctx.replay(checked.run, replaying, abort.signal))) {
    report({ kind: 'cancelled', file: file.name });
    return;
  }
  const verdict = replayVerdict(ctx.engine.value, checked.run);
  report({ kind: 'replayed', file: file.name, ...verdict });
  ctx.touch();
}

/** The file refused, with every error; the game is unchanged. */
function ImportErrors({ file, errors }: { file: string; errors: string[] }) {
  return (
    <div class="runs-result bad" role="alert">
      <strong>
        {file} was not imported ({errors.length} error{errors.length === 1 ? '' : 's'}
        ); the game is unchanged:
      </strong>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

/** The replay under way: a progress bar and a Cancel button. */
function ImportProgress({ file, done, total, cancel }: Extract<ImportState, { kind: 'replaying' }>) {
  return (
    <div class="runs-result" role="status">
      <span class="runs-file-name">{file}</span>
      <progress class="runs-progress" max={total || 1} value={done} />
      <span class="runs-verdict">
        Replaying: tick {fmt(done)} of {fmt(total)}{' '}
        <button type="button" class="runs-btn runs-cancel" onClick={cancel}>
          Cancel
        </button>
      </span>
    </div>
  );
}

/** What the last import came to, or nothing before the first. */
function ImportOutcome({ state }: { state: ImportState }) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'errors':
      return <ImportErrors file={state.file} errors={state.errors} />;
    case 'replaying':
      return <ImportProgress {...state} />;
    case 'cancelled':
      return (
        <div class="runs-result" role="status">
          <span class="runs-file-name">{state.file}</span>
          <span class="runs-verdict">Replay cancelled; the game is unchanged.</span>
        </div>
      );
    case 'replayed':
      return (
        <div class={`runs-result ${state.ok ? 'good' : 'bad'}`} role="status">
          <span class="runs-file-name">{state.file}</span>
          <span class="runs-verdict">{state.text}</span>
        </div>
      );
  }
}

/** The "Import a run" card: a file chooser, then the replay's progress and verdict. */
export function ImportCard({ ctx }: { ctx: PanelContext }) {
  const [imported, setImported] = useState<ImportState>({ kind: 'idle' });
  return (
    <section class="runs-card">
      <h3>Import a run</h3>
      <p class="panel-note">
        Replays it from its rules, seed and inputs, then carries on live from its last tick (paused, so you can look).
      </p>
      <label class="runs-btn runs-import">
        ⤒ Choose a .siren-run.json file…
        <input
          type="file"
          accept=".json,application/json"
          class="runs-file"
          onChange={(e) => {
            const input = e.currentTarget;
            const f = input.files?.[0];
            if (f) void importFile(ctx, f, setImported).finally(() => (input.value = ''));
          }}
        />
      </label>
      <ImportOutcome state={imported} />
    </section>
  );
}
