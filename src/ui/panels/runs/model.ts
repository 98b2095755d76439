import { exportRun, fail, parseRun, runOtherScenario, TICKS_PER_SECOND } from '../../../engine';
import type { AnyEngine, AnyScenario, BreakpointSpec, Result, RunFile } from '../../../engine';

/** The file name an exported run gets: scenario, seed and length, ending `.siren-run.json`. */
export function runFileName(run: RunFile): string {
  return `siren-${run.scenario}-seed${run.seed}-${(run.ticks / TICKS_PER_SECOND).toFixed(0)}s.siren-run.json`;
}

/** The engine's run as file text (pretty enough to read, compact records), with the debugger's breakpoints as metadata. */
export function runFileText(
  engine: AnyEngine,
  breakpoints: readonly BreakpointSpec[] = [],
): { run: RunFile; text: string } {
  const run = exportRun(engine, { breakpoints });
  const { records, ...head } = run;
  const body = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const lines = records.map((r) => '    ' + JSON.stringify(r)).join(',\n');
  const text = `${body},\n  "records": [${records.length ? '\n' + lines + '\n  ' : ''}]\n}\n`;
  return { run, text };
}

/** What importing a file came to: the checked run, or every error (the game is left as it was). */
export type ImportResult = Result<{ run: RunFile }>;

/** Checks an imported file's text for this page's scenario: every error listed, nothing changed on error. */
export function checkImport(
  text: string,
  file: string,
  scenarios: Readonly<Record<string, AnyScenario>>,
  pageScenario: string,
): ImportResult {
  const parsed = parseRun(text, scenarios, file);
  if (!parsed.ok) return parsed;
  if (parsed.run.scenario !== pageScenario) return fail(runOtherScenario(file, parsed.run.scenario, pageScenario));
  return parsed;
}

/** The sentence shown after a replay: where it ended and whether the hash is the one exported. */
export function replayVerdict(engine: AnyEngine, run: RunFile): { ok: boolean; text: string } {
  const hash = engine.log.hash();
  const ok = hash === run.hash && engine.tick === run.ticks;
  return {
    ok,
    text: ok
      ? `Replayed to tick ${engine.tick.toLocaleString('en')}: hash ${hash} — matches the exported hash ✓`
      : `Replayed to tick ${engine.tick.toLocaleString('en')}: hash ${hash} — differs from the exported hash ${run.hash} ✗`,
  };
}

/** A count with thousands separators, as the Runs panel shows it. */
export const fmt = (n: number): string => n.toLocaleString('en');
