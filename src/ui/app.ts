import { batch, effect, signal } from '@preact/signals';
import {
  configureFreezing,
  createEngine,
  createLoop,
  formatError,
  loadRules,
  replayRun,
  scenarioCatalogue,
  TICKS_PER_SECOND,
} from '../engine';
import type { AnyEngine, CompiledRules, SirenEvent } from '../engine';
import { scenarios } from '../scenarios';
import { createCityScenario } from '../scenarios/city';
import type { RulesUpdate } from '../dev/rulesPlugin';
import { createDebugBanner } from './debug/banner';
import { createDebugSession } from './debug/session';
import { createEngineAlerts } from './engineAlerts';
import { createFrameStats } from './frameStats';
import { createKeyboard } from './keyboard';
import { createOverlay } from './overlay';
import type { PanelContext } from './panels/context';
import { panelEntries } from './panels';
import { createPanelShell } from './panels/shell';
import { loadStartRules } from './rulesSource';
import { parseParams } from './urlParams';
import type { Hud, ScenarioRenderer, ScenarioView, ViewSettings } from './view';
import { views } from './views';

/** How often panels re-read the engine while it runs (they never slow the game below its frame budget). */
const PANEL_REFRESH_MS = 250;

/** Boots the page: reads the URL, loads rules, runs the fixed-step loop, draws, and applies rule edits live. */
export async function startApp(root: HTMLElement): Promise<void> {
  configureFreezing(import.meta.env.DEV);
  performance.mark('siren:start');
  const { options, errors: urlErrors } = parseParams(location.search, location.href, Object.keys(views));
  // ?civilians=N asks for a bigger city (a stress test); its runs replay on a page asking for the same.
  const scenario =
    options.civilians !== null
      ? (createCityScenario({ civilians: options.civilians }) as unknown as (typeof scenarios)[string])
      : (scenarios[options.scenario] as (typeof scenarios)[string]);
  const view = views[options.scenario] as ScenarioView;
  const catalogue = scenarioCatalogue(scenario);
  // A share link (#share=v1.<seed>.<data>) replaces the start rules and seed; a bad one is reported and ignored.
  const share = location.hash.startsWith('#share=')
    ? (await import('./panels/runs/shareLink')).readShareLink(location.hash, catalogue)
    : null;
  const linkErrors = share && !share.ok ? share.errors : [];

  root.classList.add('siren');
  const stage = document.createElement('main');
  stage.className = 'stage';
  root.append(stage);
  if (Object.keys(views).length > 1) stage.append(createScenarioSwitcher(options.scenario));
  const notices = createOverlay(stage, 'notices');
  const rulesOverlay = createOverlay(stage, 'rules-errors');
  // Safety limits (runaway cascades) and failing behaviours, shown whichever panel is open.
  const alerts = createEngineAlerts(createOverlay(stage, 'engine-alerts'));
  if (urlErrors.length || linkErrors.length)
    notices.show(
      linkErrors.length ? 'The share link was not used' : 'Some URL parameters were not used',
      [...linkErrors, ...urlErrors],
      linkErrors.length ? 'The game is running on its default rules.' : '',
    );

  const settings: ViewSettings = {
    reducedMotion: savedSetting('siren.reducedMotion') ?? matchMedia('(prefers-reduced-motion: reduce)').matches,
    muted: options.muted,
  };

  const start = await loadStartRules(options.scenario, catalogue, options.rules);
  if (start.errors.length)
    rulesOverlay.show('The rules file has errors', start.errors, 'The game is running on the bundled default rules.');

  let rules: CompiledRules = share?.ok ? share.rules : start.rules;
  let seed = share?.ok ? share.seed : options.seed;
  const newEngine = () =>
    createEngine({ scenario, rules, seed, logCapacity: 20_000, historyTicks: 5 * 60 * TICKS_PER_SECOND });
  const engine = signal<AnyEngine>(newEngine());
  const version = signal(0);
  effect(() => alerts.watch(engine.value));
  const selected = signal<number | null>(null);
  const loop = createLoop();
  const keys = createKeyboard(window);
  const stats = createFrameStats();
  const renderer: ScenarioRenderer = await view.createRenderer(stage, engine.value, settings);
  let hud: Hud = view.createHud(stage, engine.value, settings);
  let audio: ReturnType<NonNullable<ScenarioView['createAudio']>> | null = null;
  const autopilot = options.autopilot ? scenario.createAutopilot(options.seed) : null;
  const readInput = () => {
    const e = engine.value;
    return autopilot ? autopilot(e.world, e.runtime, e.tick) : view.readInput(keys);
  };
  // Breakpoints and watches: pausing at an event (F8 continue, F10 next event, F9 next tick).
  const debug = createDebugSession({
    scenario: options.scenario,
    catalogue,
    loop,
    selected,
    engine: () => engine.value,
    input: readInput,
    touch: () => touch(),
    open: (id) => shell.open(id),
  });
  createDebugBanner(stage, debug);

  // Sound starts only after a gesture (no autoplay warnings).
  const startAudio = () => {
    if (!audio && view.createAudio) audio = view.createAudio(engine.value, settings);
  };
  window.addEventListener('keydown', startAudio, { once: true });
  window.addEventListener('pointerdown', startAudio, { once: true });

  const touch = () => (version.value = version.value + 1);

  /** The file whose errors the rules overlay shows (null when it shows none, or the start-up file's). */
  let rulesErrorsFile: string | null = null;

  /** Applies rules text (live edits, editor), keeping the game state; on errors keeps the last good rules. */
  function applyRulesText(text: string, file: string): string[] {
    const r = loadRules(text, catalogue, file);
    if (!r.ok) {
      const lines = r.errors.map(formatError);
      rulesErrorsFile = file;
      rulesOverlay.show(
        `${file} has ${lines.length} error${lines.length === 1 ? '' : 's'}`,
        lines,
        'The game keeps running on the last good rules. Fix the file and save: this clears by itself.',
      );
      return lines;
    }
    rules = r.rules;
    engine.value.applyRules(rules);
    debug.rulesChanged();
    rulesOverlay.hide();
    rulesErrorsFile = null;
    touch();
    return [];
  }

  if (import.meta.hot) {
    import.meta.hot.on('siren:rules', (u: RulesUpdate) => {
      if (u.file.endsWith(`/rules/${options.scenario}.json`) && !options.rules) applyRulesText(u.text, u.file);
    });
  }

  function swapEngine(next: AnyEngine): void {
    batch(() => {
      engine.value = next;
      selected.value = null;
      debug.attach(next);
      touch();
    });
    hud.destroy();
    hud = view.createHud(stage, next, settings);
  }

  const panelCtx: PanelContext = {
    engine,
    version,
    loop,
    selected,
    scenario: options.scenario,
    catalogue,
    dev: import.meta.env.DEV,
    applyRulesText,
    dismissRulesErrors(file) {
      if (rulesErrorsFile !== file) return;
      rulesOverlay.hide();
      rulesErrorsFile = null;
    },
    rules: () => rules,
    restart(opts = {}) {
      if (opts.rules) rules = opts.rules;
      if (opts.seed !== undefined) seed = opts.seed;
      swapEngine(newEngine());
    },
    replay(run) {
      const loaded = loadRules(run.rules, catalogue, run.rulesSource);
      if (loaded.ok) rules = loaded.rules;
      seed = run.seed;
      swapEngine(replayRun(run, scenario, { logCapacity: 20_000, historyTicks: 5 * 60 * TICKS_PER_SECOND }));
    },
    touch,
    open: (id) => shell.open(id),
    debug,
  };
  const shell = createPanelShell(root, panelEntries, () => panelCtx);

  let last = performance.now();
  let lastPanelRefresh = 0;
  let firstFrame = true;
  function frame(now: number): void {
    const t0 = performance.now();
    for (const k of keys.takePressed()) {
      if (k === 'p') loop.paused = !loop.paused;
      else if (k === '.') {
        loop.paused = true;
        loop.stepOnce();
      } else if (k === 'r') panelCtx.restart();
      else if (k === 'm') settings.muted = !settings.muted;
      else if (k === 'i') shell.toggle();
      else if (k === 'F8') debug.resume();
      else if (k === 'F10') debug.stepEvent();
      else if (k === 'F9') debug.stepTick();
      else continue;
      touch();
    }
    document.body.dataset.paused = String(loop.paused);
    const n = loop.advance(now - last);
    last = now;
    const e = engine.value;
    // A breakpoint can suspend a tick: the frame stops stepping there (the next step would resume it).
    for (let i = 0; i < n && !e.suspendedAt; i++) e.step(readInput());
    debug.afterSteps();
    renderer.draw(e, loop.alpha);
    hud.update(e);
    audio?.update(e);
    alerts.update(now);
    if (n > 0 && now - lastPanelRefresh > PANEL_REFRESH_MS) {
      lastPanelRefresh = now;
      touch();
    }
    stats.record(performance.now() - t0);
    if (firstFrame) {
      firstFrame = false;
      performance.mark('siren:first-frame');
    }
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);

  // A read-only window into the game for tests and curious players.
  const hook = {
    get scenario() {
      return options.scenario;
    },
    get tick() {
      return engine.value.tick;
    },
    get world() {
      return engine.value.world;
    },
    get hash() {
      return engine.value.log.hash();
    },
    get paused() {
      return loop.paused;
    },
    /** The debugger's stop: its reason and the event it is at (null while running). */
    get stop() {
      const st = debug.stop.value;
      return st ? { reason: st.reason, seq: st.event.seq, type: st.event.type, tick: st.event.tick } : null;
    },
    get selected() {
      return selected.value;
    },
    get rulesErrors() {
      return rulesOverlay.visible ? [...rulesOverlay.lines] : [];
    },
    get notices() {
      return notices.visible ? [...notices.lines] : [];
    },
    get alerts() {
      return [...alerts.lines];
    },
    get rulesSource() {
      return rules.source;
    },
    get panel() {
      return shell.openId;
    },
    events(from = 0, type?: string): SirenEvent[] {
      const all = engine.value.log.slice(from);
      return type ? all.filter((ev) => ev.type === type) : all;
    },
    triggers: () => engine.value.triggerStates().map((s) => ({ ...s })),
    summary: () => engine.value.summary(),
    probe: () => view.probe?.(engine.value) ?? {},
    frameStats: () => stats.read(),
    settings: () => ({ ...settings }),
  };
  Object.defineProperty(window, 'siren', { value: Object.freeze(hook), configurable: true });
  document.body.dataset.ready = 'true';
}

/** A boolean the player saved (null when never set or storage is unavailable). */
function savedSetting(key: string): boolean | null {
  try {
    const v = localStorage.getItem(key);
    return v === null ? null : v === '1';
  } catch {
    return null;
  }
}

/** A select that reloads the page with another scenario (the URL says which, so links and reloads keep it). */
function createScenarioSwitcher(current: string): HTMLElement {
  const label = document.createElement('label');
  label.className = 'scenario-switch';
  label.textContent = 'Scenario ';
  const select = document.createElement('select');
  for (const name of Object.keys(views)) {
    const o = document.createElement('option');
    o.value = name;
    o.textContent = name;
    o.selected = name === current;
    select.append(o);
  }
  select.addEventListener('change', () => {
    const q = new URLSearchParams(location.search);
    q.set('scenario', select.value);
    q.delete('rules');
    location.search = q.toString();
  });
  label.append(select);
  return label;
}
