import { batch, signal } from '@preact/signals';
import type { Signal } from '@preact/signals';
import { createEngine, createReplay, loadRules, TICKS_PER_SECOND } from '../engine';
import { replayInSlices } from './replaySlices';
import type { AnyEngine, AnyScenario, Catalogue, CompiledRules, RunFile } from '../engine';

/** The page's engine sizes: a smaller log than headless, five minutes of time travel. */
const PAGE_ENGINE = { logCapacity: 20_000, historyTicks: 5 * 60 * TICKS_PER_SECOND };

/** The running game: the engine now, the rules and seed it runs on, and how to replace it. */
export interface Session {
  readonly engine: Signal<AnyEngine>;
  rules(): CompiledRules;
  /** Applies rules to the running engine, keeping the game state. */
  applyRules(rules: CompiledRules): void;
  restart(options?: { rules?: CompiledRules; seed?: number }): void;
  /** Replays an imported run in slices (progress, cancel); the engine is swapped only when it completes. */
  replay(run: RunFile, onProgress?: (ticksDone: number) => void, signal?: AbortSignal): Promise<boolean>;
}

/** Starts a session; `onSwap` runs (in the same batch of signal updates) whenever the engine is replaced. */
export function createSession(
  scenario: AnyScenario,
  catalogue: Catalogue,
  start: { rules: CompiledRules; seed: number },
  onSwap: (next: AnyEngine) => void,
): Session {
  let { rules, seed } = start;
  const newEngine = () => createEngine({ scenario, rules, seed, ...PAGE_ENGINE });
  const engine = signal<AnyEngine>(newEngine());
  const swap = (next: AnyEngine) =>
    batch(() => {
      engine.value = next;
      onSwap(next);
    });
  return {
    engine,
    rules: () => rules,
    applyRules(next) {
      rules = next;
      engine.value.applyRules(rules);
    },
    restart(opts = {}) {
      if (opts.rules) rules = opts.rules;
      if (opts.seed !== undefined) seed = opts.seed;
      swap(newEngine());
    },
    async replay(run, onProgress, signal) {
      const job = createReplay(run, scenario, PAGE_ENGINE);
      if (!(await replayInSlices(job, onProgress, signal))) return false;
      const loaded = loadRules(run.rules, catalogue, run.rulesSource);
      if (loaded.ok) rules = loaded.rules;
      seed = run.seed;
      swap(job.engine);
      return true;
    },
  };
}
