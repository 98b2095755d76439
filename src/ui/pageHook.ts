import type { ReadonlySignal } from '@preact/signals';
import type { AnyEngine, CompiledRules, Loop, SirenEvent } from '../engine';
import type { ViewSettings } from '../render/contract';
import type { EngineAlerts } from './engineAlerts';
import type { ClassroomLink } from './classroom/link';
import type { FrameStats } from './frameStats';
import type { DebugSession } from './debug/session';
import type { Overlay } from './overlay';
import type { PanelShell } from './panels/shell';
import type { ScenarioView } from './view';

/** What the page hook reads from. */
export interface HookSources {
  scenario: string;
  engine: ReadonlySignal<AnyEngine>;
  loop: Loop;
  rulesOverlay: Overlay;
  notices: Overlay;
  alerts: EngineAlerts;
  rules(): CompiledRules;
  shell: PanelShell;
  view: ScenarioView;
  stats: FrameStats;
  settings: ViewSettings;
  debug: DebugSession;
  selected: ReadonlySignal<number | null>;
  /** The classroom link, when the page joined a room. */
  classroom(): ClassroomLink | null;
}

/** Installs `window.siren`: a read-only window into the game for tests and curious players. */
export function installPageHook(s: HookSources): void {
  const { engine, loop, rulesOverlay, notices, alerts } = s;
  const hook = {
    get scenario() {
      return s.scenario;
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
      return s.rules().source;
    },
    get panel() {
      return s.shell.openId;
    },
    /** The debugger's stop: why, and the event it is at (null while running). */
    get stop() {
      const st = s.debug.stop.value;
      return st ? { reason: st.reason, seq: st.event.seq, type: st.event.type, tick: st.event.tick } : null;
    },
    /** The event selected in the panels (null when none). */
    get selected() {
      return s.selected.value;
    },
    events(from = 0, type?: string): SirenEvent[] {
      const all = engine.value.log.slice(from);
      return type ? all.filter((ev) => ev.type === type) : all;
    },
    triggers: () => engine.value.triggerStates().map((t) => ({ ...t })),
    summary: () => engine.value.summary(),
    probe: () => s.view.probe?.(engine.value) ?? {},
    frameStats: () => s.stats.read(),
    classroom: () => {
      const link = s.classroom();
      return link ? { ...link.status(), acks: link.recentAcks().slice() } : null;
    },
    settings: () => ({ ...s.settings }),
  };
  Object.defineProperty(window, 'siren', { value: Object.freeze(hook), configurable: true });
}
