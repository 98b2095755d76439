import type { AnyEngine } from '../../../engine';
import type { Lesson } from '../../../scenarios/lesson';
import type { PanelContext } from '../context';
import { createLessonConsumer } from './consumer';
import type { BrokerObservation, RunnerState } from './model';
import { observe, progressOf, startLesson } from './model';
import type { SavedLessons } from './progress';
import { loadProgress, saveProgress } from './progress';

/** The runner lives beside the panel, so closing the tab (to use another panel) keeps the step and what it remembers. */
export interface Store {
  saved: SavedLessons;
  runner: RunnerState | null;
}
const stores = new Map<string, Store>();
/** The lessons' reader of the event log, shared by every mount of the panel. */
export const consumer = createLessonConsumer();

/** The broker's figures for broker steps, when the page has joined a room (reading them keeps them polled). */
function brokerView(ctx: PanelContext): BrokerObservation | undefined {
  const link = ctx.classroom?.();
  if (!link) return undefined;
  link.watch();
  return { ...link.status(), consumers: link.consumers() };
}

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** The scenario's store, its saved progress loaded from the browser the first time. */
export function storeFor(scenario: string, lessons: readonly Lesson[]): Store {
  let s = stores.get(scenario);
  if (!s)
    stores.set(
      scenario,
      (s = {
        saved: loadProgress(
          storage(),
          scenario,
          lessons.map((l) => l.id),
        ),
        runner: null,
      }),
    );
  return s;
}

/** Makes `runner` the store's runner and `active` the open lesson, and saves the progress in the browser. */
export function commit(store: Store, scenario: string, runner: RunnerState | null, active: string | null): void {
  store.runner = runner;
  const progress = runner ? { ...store.saved.progress, [runner.lesson]: progressOf(runner) } : store.saved.progress;
  store.saved = { progress, active };
  saveProgress(storage(), scenario, store.saved);
}

/** Starts the lesson's runner if it is not the one running, then lets it observe what the log consumer reads now. */
export function observeLesson(
  ctx: PanelContext,
  store: Store,
  lesson: Lesson,
  engine: AnyEngine,
  selectedOffset: number | null,
): void {
  let runner = store.runner;
  if (!runner || runner.lesson !== lesson.id) {
    runner = startLesson(lesson, store.saved.progress[lesson.id], engine.rules, selectedOffset);
    commit(store, ctx.scenario, runner, lesson.id);
    consumer.begin(engine.log, lesson.id);
  }
  const batch = consumer.poll(engine.log, lesson.id, engine.tick);
  const next = observe(runner, lesson, {
    events: batch.events,
    rewound: batch.rewound,
    selected: selectedOffset === null ? undefined : engine.log.at(selectedOffset),
    rules: engine.rules,
    at: (seq) => engine.log.at(seq),
    broker: brokerView(ctx),
  });
  if (next !== runner) {
    commit(store, ctx.scenario, next, lesson.id);
    // The next step watches from here: events before it began do not count.
    consumer.begin(engine.log, lesson.id);
  }
}
