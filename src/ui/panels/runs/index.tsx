import { render } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { scenarios } from '../../../scenarios';
import type { MountPanel, PanelContext } from '../context';
import '../log/common.css';
import { tickSeconds } from '../log/model';
import { checkImport, replayVerdict, runFileName, runFileText } from './model';
import { MAX_SHARE_CHARS, encodeShareLink, shareUrl } from './shareLink';
import './style.css';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'errors'; file: string; errors: string[] }
  | { kind: 'replaying'; file: string; done: number; total: number; cancel: () => void }
  | { kind: 'cancelled'; file: string }
  | { kind: 'replayed'; file: string; ok: boolean; text: string };

const fmt = (n: number) => n.toLocaleString('en');

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function RunsPanel({ ctx }: { ctx: PanelContext }) {
  void ctx.version.value; // re-read on the page's refresh (≤ 4 Hz)
  const engine = ctx.engine.value;
  const [imported, setImported] = useState<ImportState>({ kind: 'idle' });
  const [copied, setCopied] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const inputs = engine.records.filter((r) => r.input !== undefined).length;
  const edits = engine.records.length - inputs;

  function exportNow(): void {
    const { run, text } = runFileText(engine, ctx.debug?.breakpoints.value);
    download(runFileName(run), text);
  }

  async function importFile(file: File): Promise<void> {
    const text = await file.text();
    const checked = checkImport(text, file.name, scenarios, ctx.scenario);
    if (!checked.ok) {
      setImported({ kind: 'errors', file: file.name, errors: checked.errors });
      return;
    }
    ctx.loop.paused = true;
    const abort = new AbortController();
    const total = checked.run.ticks;
    const replaying = (done: number) =>
      setImported({ kind: 'replaying', file: file.name, done, total, cancel: () => abort.abort() });
    replaying(0);
    if (!(await ctx.replay(checked.run, replaying, abort.signal))) {
      setImported({ kind: 'cancelled', file: file.name });
      return;
    }
    const verdict = replayVerdict(ctx.engine.value, checked.run);
    setImported({ kind: 'replayed', file: file.name, ...verdict });
    ctx.touch();
  }

  const rulesText = engine.rules.text;
  const { hash, link } = useMemo(() => {
    const h = encodeShareLink(rulesText, engine.seed);
    return {
      hash: h,
      link: h.length > MAX_SHARE_CHARS ? '' : shareUrl(location.href, ctx.scenario, rulesText, engine.seed),
    };
  }, [rulesText, engine.seed, ctx.scenario]);
  const tooLong = link === '';

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Copied ✓');
    } catch {
      setCopied('Select the link and copy it (Ctrl+C): the browser did not allow copying from here.');
    }
  }

  return (
    <div class="runs-panel">
      <section class="runs-card">
        <h3>Export this run</h3>
        <p class="panel-note">
          A run file holds the rules the run started with, the seed and every input and rules change with its tick — not
          the events: replaying the inputs re-creates them exactly.
        </p>
        <dl class="runs-facts">
          <dt>length</dt>
          <dd>
            {tickSeconds(engine.tick)} <span class="runs-muted">({fmt(engine.tick)} ticks)</span>
          </dd>
          <dt>seed</dt>
          <dd>{engine.seed}</dd>
          <dt>records</dt>
          <dd>
            {fmt(inputs)} input change{inputs === 1 ? '' : 's'}
            {edits ? `, ${fmt(edits)} rules change${edits === 1 ? '' : 's'} and toggle${edits === 1 ? '' : 's'}` : ''}
          </dd>
          <dt>log hash</dt>
          <dd>
            <code class="runs-hash">{engine.log.hash()}</code>
          </dd>
        </dl>
        <button type="button" class="runs-btn primary runs-export" onClick={exportNow}>
          ⤓ Export .siren-run.json
        </button>
      </section>

      <section class="runs-card">
        <h3>Import a run</h3>
        <p class="panel-note">
          Replays it from its rules, seed and inputs, then carries on live from its last tick (paused, so you can look).
        </p>
        <label class="runs-btn runs-import">
          ⤒ Choose a .siren-run.json file…
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            class="runs-file"
            onChange={(e) => {
              const input = e.currentTarget;
              const f = input.files?.[0];
              if (f) void importFile(f).finally(() => (input.value = ''));
            }}
          />
        </label>
        {imported.kind === 'errors' && (
          <div class="runs-result bad" role="alert">
            <strong>
              {imported.file} was not imported ({imported.errors.length} error{imported.errors.length === 1 ? '' : 's'}
              ); the game is unchanged:
            </strong>
            <ul>
              {imported.errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          </div>
        )}
        {imported.kind === 'replaying' && (
          <div class="runs-result" role="status">
            <span class="runs-file-name">{imported.file}</span>
            <progress class="runs-progress" max={imported.total || 1} value={imported.done} />
            <span class="runs-verdict">
              Replaying: tick {fmt(imported.done)} of {fmt(imported.total)}{' '}
              <button type="button" class="runs-btn runs-cancel" onClick={imported.cancel}>
                Cancel
              </button>
            </span>
          </div>
        )}
        {imported.kind === 'cancelled' && (
          <div class="runs-result" role="status">
            <span class="runs-file-name">{imported.file}</span>
            <span class="runs-verdict">Replay cancelled; the game is unchanged.</span>
          </div>
        )}
        {imported.kind === 'replayed' && (
          <div class={`runs-result ${imported.ok ? 'good' : 'bad'}`} role="status">
            <span class="runs-file-name">{imported.file}</span>
            <span class="runs-verdict">{imported.text}</span>
          </div>
        )}
      </section>

      <section class="runs-card">
        <h3>Share link</h3>
        <p class="panel-note">
          The rules running now (compressed) and the seed, in the link itself: opening it starts the game with them. No
          inputs: it starts a new run.
        </p>
        {tooLong ? (
          <p class="runs-result bad">
            These rules are too large for a link ({fmt(hash.length)} characters; the limit is {fmt(MAX_SHARE_CHARS)}):
            export a run instead.
          </p>
        ) : (
          <>
            <div class="runs-share">
              <input
                class="runs-link"
                type="text"
                readOnly
                value={link}
                aria-label="Share link"
                onFocus={(e) => e.currentTarget.select()}
              />
              <button type="button" class="runs-btn runs-copy" onClick={() => void copy()}>
                Copy
              </button>
            </div>
            <p class="panel-note runs-share-info">
              {fmt(link.length)} characters for {fmt(engine.rules.text.length)} characters of rules (running from “
              {engine.rules.source}”), seed {engine.seed}.{' '}
              <a href={link} target="_blank" rel="noopener">
                Open in a new tab
              </a>
              {copied && <span class="runs-copied"> {copied}</span>}
            </p>
          </>
        )}
      </section>
    </div>
  );
}

/** Mounts the runs panel: export and import runs, share the rules as a link. */
export const mount: MountPanel = (host, ctx) => {
  render(<RunsPanel ctx={ctx} />, host);
  return () => render(null, host);
};
