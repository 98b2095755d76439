import { effect, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import { configureFreezing, createLoop, scenarioCatalogue } from '../engine';
import type { AnyEngine, Catalogue } from '../engine';
import { scenarios } from '../scenarios';
import type { RulesUpdate } from '../dev/rulesPlugin';
import { createEngineAlerts } from './engineAlerts';
import { startFrames } from './frameLoop';
import { createFrameStats } from './frameStats';
import { createKeyboard } from './keyboard';
import { createGamepadInput } from './input/gamepad';
import { createTouchControls, isTouchScreen } from './input/touch';
import { createLiveRules, LOOP_NOTE } from './liveRules';
import { createOverlay } from './overlay';
import type { Overlay } from './overlay';
import type { PanelContext } from './panels/context';
import type { PanelShell } from './panels/shell';
import { setFamilyHues } from './panels/log/model';
import { panelEntries } from './panels';
import { installPageHook } from './pageHook';
import { createPanelShell } from './panels/shell';
import { loadStartRules } from './rulesSource';
import { createSession } from './session';
import type { Session } from './session';
import { createDebugBanner } from './debug/banner';
import { createDebugSession } from './debug/session';
import type { DebugHost, DebugSession } from './debug/session';
import { lockConnectSrc } from './classroom/csp';
import { startClassroom } from './classroom/start';
import { parseParams } from './urlParams';
import type { PageOptions } from './urlParams';
import type { ScenarioRenderer, ViewSettings } from '../render/contract';
import type { Hud, ScenarioView } from './view';
import { views } from './views';

/** What the URL and a share link ask for: the scenario, its view and catalogue, and the start rules and seed. */
async function readPage() {
  const viewParams = Object.fromEntries(Object.entries(views).map(([name, v]) => [name, v.params ?? []]));
  const { options, errors: urlErrors } = parseParams(location.search, location.href, viewParams);
  // Before anything connects: the page may reach its own origin and, when joined, exactly the chosen broker.
  lockConnectSrc(options.classroom?.broker ?? null);
  const view = views[options.scenario];
  const defaults = scenarios[options.scenario];
  // parseParams accepts only a scenario the page has a view for, and every view shows a known scenario.
  if (!view || !defaults) throw new Error(`the page has no scenario "${options.scenario}"`);
  // The scenario's own URL parameters (e.g. ?civilians=N, a stress city) make another instance of it.
  const scenario =
    options.scenarioParams.size && view.createScenario ? view.createScenario(options.scenarioParams) : defaults;
  const catalogue = scenarioCatalogue(scenario);
  // A share link (#share=v1.<seed>.<data>) replaces the start rules and seed; a bad one is reported and ignored.
  const share = location.hash.startsWith('#share=')
    ? (await import('./panels/runs/shareLink')).readShareLink(location.hash, catalogue)
    : null;
  const linkErrors = share && !share.ok ? share.errors : [];
  return { options, urlErrors, view, scenario, catalogue, share, linkErrors };
}

/** The stage and its overlays (notices, rules errors, engine alerts); shows what the URL got wrong. */
function createStagePage(root: HTMLElement, scenario: string, urlErrors: string[], linkErrors: string[]) {
  root.classList.add('siren');
  const stage = document.createElement('main');
  stage.className = 'stage';
  root.append(stage);
  if (Object.keys(views).length > 1) stage.append(createScenarioSwitcher(scenario));
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
  return { stage, notices, rulesOverlay, alerts };
}

/** The page's view settings: reduced motion as the player saved it (else as the system prefers), sound as the URL says. */
function pageSettings(muted: boolean): ViewSettings {
  return {
    reducedMotion: savedSetting('siren.reducedMotion') ?? matchMedia('(prefers-reduced-motion: reduce)').matches,
    muted,
  };
}

/** Loads the start rules and shows their errors (the game then runs the bundled ones) or loop warnings. */
async function loadAndShowStartRules(options: PageOptions, catalogue: Catalogue, overlay: Overlay) {
  const start = await loadStartRules(options.scenario, catalogue, options.rules);
  if (start.errors.length)
    overlay.show('The rules file has errors', start.errors, 'The game is running on the bundled default rules.');
  else if (start.warnings?.length) overlay.show('The rules loaded, with warnings', start.warnings, LOOP_NOTE);
  return start;
}

/** The keyboard, the gamepad (it presses the same keys) and, on a touch screen, the view's touch buttons. */
function createInputs(stage: HTMLElement, view: ScenarioView) {
  const keys = createKeyboard(window);
  const gamepad = createGamepadInput(keys);
  if (view.touchButtons && isTouchScreen()) createTouchControls(stage, keys, view.touchButtons);
  return { keys, gamepad };
}

/** What applying rules text live needs from the page. */
interface RulesEditing {
  readonly options: PageOptions;
  /** The page runs the rules of a share link. */
  readonly shared: boolean;
  readonly catalogue: Catalogue;
  readonly rulesOverlay: Overlay;
  readonly notices: Overlay;
  readonly session: Session;
  readonly debug: DebugSession;
  touch(): void;
}

/** Applies rules text to the running game (the Rules panel; in dev, the scenario's file each time it is saved). */
function startRulesEditing(p: RulesEditing) {
  const live = createLiveRules(p.catalogue, p.rulesOverlay, (rules) => p.session.applyRules(rules));
  const applyRulesText = (text: string, file: string) => {
    const errors = live.apply(text, file);
    if (!errors.length) {
      p.debug.rulesChanged();
      p.touch();
    }
    return errors;
  };
  // In dev, saving the scenario's rules file applies it live (unless ?rules= chose another file).
  if (!p.options.rules)
    followRulesFile(p.options.scenario, (text, file) => {
      // A share link's rules stay until the learner chooses otherwise (the Rules panel, or the page without the link).
      if (!p.shared) applyRulesText(text, file);
      else if (text !== p.session.rules().text)
        p.notices.show(`${file} changed`, [
          'This page keeps running the rules from its share link. To run the saved file, paste it into the Rules panel and Apply, or open the page without the link.',
        ]);
    });
  return { applyRulesText, dismissRulesErrors: (file: string) => live.dismiss(file) };
}

/** The sidebar of teaching panels, with the context they read (its `open` opens a panel of this sidebar). */
function createPanels(root: HTMLElement, parts: Omit<PanelContext, 'open'>): PanelShell {
  const ctx: PanelContext = { ...parts, open: (id) => shell.open(id) };
  const shell = createPanelShell(root, panelEntries, () => ctx);
  return shell;
}

/** Breakpoints and watches: pausing at an event (F8 continue, F10 next event, F9 next tick), with their banner. */
function startDebugger(stage: HTMLElement, host: DebugHost): DebugSession {
  const debug = createDebugSession(host);
  createDebugBanner(stage, debug);
  return debug;
}

/** Boots the page: reads the URL, loads rules, runs the fixed-step loop, draws, and applies rule edits live. */
export async function startApp(root: HTMLElement): Promise<void> {
  configureFreezing(import.meta.env.DEV);
  performance.mark('siren:start');
  const { options, urlErrors, view, scenario, catalogue, share, linkErrors } = await readPage();
  const id = options.scenario;
  const { stage, notices, rulesOverlay, alerts } = createStagePage(root, id, urlErrors, linkErrors);
  const settings = pageSettings(options.muted);
  const start = await loadAndShowStartRules(options, catalogue, rulesOverlay);

  const version = signal(0);
  const touch = () => (version.value = version.value + 1);
  const selected = signal<number | null>(null);
  let hud: Hud | null = null;
  let debug: DebugSession | null = null;
  const session = createSession(
    scenario,
    catalogue,
    share?.ok ? { rules: share.rules, seed: share.seed } : { rules: start.rules, seed: options.seed },
    (next) => {
      selected.value = null;
      debug?.attach(next);
      touch();
      hud?.destroy();
      hud = view.createHud(stage, next, settings);
    },
  );
  const engine = session.engine;
  effect(() => alerts.watch(engine.value));
  const classroom = await startClassroom(stage, options.classroom, engine);
  const loop = createLoop();
  const { keys, gamepad } = createInputs(stage, view);
  const stats = createFrameStats();
  const renderer: ScenarioRenderer = await view.createRenderer(stage, engine.value, settings);
  hud = view.createHud(stage, engine.value, settings);
  const audio = startAudioOnGesture(view, engine, settings);
  const autopilot = options.autopilot ? scenario.createAutopilot(options.seed) : null;
  const input = () =>
    autopilot ? autopilot(engine.value.world, engine.value.runtime, engine.value.tick) : view.readInput(keys);
  const open = (panel: string) => shell.open(panel);
  const engineNow = () => engine.value;
  debug = startDebugger(stage, { scenario: id, catalogue, loop, selected, engine: engineNow, input, touch, open });
  const shared = share?.ok === true;
  const edits = startRulesEditing({ options, shared, catalogue, rulesOverlay, notices, session, debug, touch });

  setFamilyHues(view.eventHues ?? {});
  const { rules, restart, replay } = session;
  const dev = import.meta.env.DEV;
  const panelParts = { engine, version, loop, selected, scenario: id, view, catalogue, dev, rules };
  const shell = createPanels(root, { ...panelParts, ...edits, restart, replay, touch, debug, classroom });

  const frameParts = { engine, loop, keys, gamepad, view, autopilot, renderer, alerts, stats, settings, touch, audio };
  const beforeTicks = (e: AnyEngine) => classroom()?.feed(e);
  const pageKeys = { restart: () => restart(), togglePanels: () => shell.toggle() };
  startFrames({ ...frameParts, ...pageKeys, debug, beforeTicks, hud: () => hud as Hud });
  const hookSources = { scenario: id, engine, loop, rulesOverlay, notices, alerts, shell, view, debug };
  installPageHook({ ...hookSources, rules, stats, settings, classroom, selected });
  document.body.dataset.ready = 'true';
}

/** Under `npm run dev`: applies the scenario's rules file each time it is saved. */
function followRulesFile(scenario: string, apply: (text: string, file: string) => void): void {
  import.meta.hot?.on('siren:rules', (u: RulesUpdate) => {
    if (u.file.endsWith(`/rules/${scenario}.json`)) apply(u.text, u.file);
  });
}

/** Starts the scenario's sound after the first key or pointer press (no autoplay warnings); returns it once started. */
function startAudioOnGesture(
  view: ScenarioView,
  engine: ReadonlySignal<AnyEngine>,
  settings: ViewSettings,
): () => ReturnType<NonNullable<ScenarioView['createAudio']>> | null {
  let audio: ReturnType<NonNullable<ScenarioView['createAudio']>> | null = null;
  const start = () => {
    if (!audio && view.createAudio) audio = view.createAudio(engine.value, settings);
  };
  window.addEventListener('keydown', start, { once: true });
  window.addEventListener('pointerdown', start, { once: true });
  return () => audio;
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
