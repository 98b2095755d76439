import { render } from 'preact';
import type { AnyEngine } from '../../../engine';
import type { MountPanel, PanelContext } from '../context';
import '../log/common.css';
import { tickSeconds } from '../log/model';
import { ImportCard } from './ImportCard';
import { fmt, runFileName, runFileText } from './model';
import { ShareCard } from './ShareCard';
import './style.css';

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

/** The run's length, seed, record counts and log hash. */
function RunFacts({ engine }: { engine: AnyEngine }) {
  const inputs = engine.records.filter((r) => r.input !== undefined).length;
  const edits = engine.records.length - inputs;
  return (
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
  );
}

/** The "Export this run" card: what a run file holds, this run's facts and the Export button. */
function ExportCard({ ctx, engine }: { ctx: PanelContext; engine: AnyEngine }) {
  function exportNow(): void {
    const { run, text } = runFileText(engine, ctx.debug?.breakpoints.value);
    download(runFileName(run), text);
  }
  return (
    <section class="runs-card">
      <h3>Export this run</h3>
      <p class="panel-note">
        A run file holds the rules the run started with, the seed and every input and rules change with its tick — not
        the events: replaying the inputs re-creates them exactly.
      </p>
      <RunFacts engine={engine} />
      <button type="button" class="runs-btn primary runs-export" onClick={exportNow}>
        ⤓ Export .siren-run.json
      </button>
    </section>
  );
}

function RunsPanel({ ctx }: { ctx: PanelContext }) {
  void ctx.version.value; // re-read on the page's refresh (≤ 4 Hz)
  const engine = ctx.engine.value;
  return (
    <div class="runs-panel">
      <ExportCard ctx={ctx} engine={engine} />
      <ImportCard ctx={ctx} />
      <ShareCard engine={engine} scenario={ctx.scenario} />
    </div>
  );
}

/** Mounts the runs panel: export and import runs, share the rules as a link. */
export const mount: MountPanel = (host, ctx) => {
  render(<RunsPanel ctx={ctx} />, host);
  return () => render(null, host);
};
