import type { ReadonlySignal } from '@preact/signals';
import type { AnyEngine, AnyScenario, Loop } from '../engine';
import type { ScenarioRenderer, ViewSettings } from '../render/contract';
import type { FrameStats } from './frameStats';
import type { DebugSession } from './debug/session';
import type { Keyboard } from './keyboard';
import type { Hud, ScenarioView } from './view';

/** How often panels re-read the engine while it runs (they never slow the game below its frame budget). */
const PANEL_REFRESH_MS = 250;

/** What each animation frame reads, steps and draws. */
export interface FrameParts {
  engine: ReadonlySignal<AnyEngine>;
  loop: Loop;
  keys: Keyboard;
  view: ScenarioView;
  autopilot: ReturnType<AnyScenario['createAutopilot']> | null;
  renderer: ScenarioRenderer;
  /** The HUD and sound now (restarts replace the HUD; sound starts after a gesture). */
  hud(): Hud;
  audio(): { update(engine: AnyEngine): void } | null;
  alerts: { update(now: number): void };
  stats: FrameStats;
  settings: ViewSettings;
  /** The page's keys: restart and the panels toggle. */
  restart(): void;
  togglePanels(): void;
  touch(): void;
  /** Polled once a frame before the keys are read (gamepads press the same keys). */
  gamepad: { poll(): void };
  /** The debugger: its keys, and a look after the ticks for a breakpoint that stopped one. */
  debug: Pick<DebugSession, 'resume' | 'stepEvent' | 'stepTick' | 'afterSteps'>;
  /** Runs before a frame's ticks when there are any (the classroom link reads the log there, off the tick). */
  beforeTicks?(engine: AnyEngine): void;
}

/** Applies the page's own keys (pause, step, restart, mute, panels); returns whether one changed something. */
function pageKey(k: string, p: FrameParts): boolean {
  if (k === 'p') p.loop.paused = !p.loop.paused;
  else if (k === '.') {
    p.loop.paused = true;
    p.loop.stepOnce();
  } else if (k === 'r') p.restart();
  else if (k === 'm') p.settings.muted = !p.settings.muted;
  else if (k === 'i') p.togglePanels();
  else if (k === 'F8') p.debug.resume();
  else if (k === 'F10') p.debug.stepEvent();
  else if (k === 'F9') p.debug.stepTick();
  else return false;
  return true;
}

/** Runs the page's frames: keys, fixed-step ticks, drawing, HUD, sound, panel refreshes and frame stats. */
export function startFrames(p: FrameParts): void {
  const { loop, keys, view, autopilot, renderer } = p;
  let last = performance.now();
  let lastPanelRefresh = 0;
  let firstFrame = true;
  function frame(now: number): void {
    const t0 = performance.now();
    p.gamepad.poll();
    for (const k of keys.takePressed()) if (pageKey(k, p)) p.touch();
    document.body.dataset.paused = String(loop.paused);
    const n = loop.advance(now - last);
    last = now;
    const e = p.engine.value;
    if (n > 0) p.beforeTicks?.(e);
    // A breakpoint can suspend a tick: the frame stops stepping there (the next step would resume it).
    for (let i = 0; i < n && !e.suspendedAt; i++) {
      e.step(autopilot ? autopilot(e.world, e.runtime, e.tick) : view.readInput(keys));
      keys.endTick();
    }
    p.debug.afterSteps();
    renderer.draw(e, loop.alpha);
    p.hud().update(e);
    p.audio()?.update(e);
    p.alerts.update(now);
    if (n > 0 && now - lastPanelRefresh > PANEL_REFRESH_MS) {
      lastPanelRefresh = now;
      p.touch();
    }
    p.stats.record(performance.now() - t0);
    if (firstFrame) {
      firstFrame = false;
      performance.mark('siren:first-frame');
    }
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
}
