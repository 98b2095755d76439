import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { Lesson } from '../../../scenarios/lesson';
import type { MountPanel, PanelContext } from '../context';
import { lessonsByScenario } from './catalogue';
import { LessonView } from './LessonView';
import type { LessonActions } from './LessonView';
import type { RunnerState } from './model';
import { nextStep, restartLesson } from './model';
import type { SavedLessons } from './progress';
import { commit, consumer, observeLesson, storeFor } from './store';
import { Inline } from './text';
import './style.css';

/** The lessons to choose from, each with its status (new, started at step n, completed). */
function LessonList({
  lessons,
  saved,
  onOpen,
}: {
  lessons: readonly Lesson[];
  saved: SavedLessons;
  onOpen: (id: string) => void;
}) {
  return (
    <div class="lessons-list">
      <p class="panel-note">
        Short guided lessons about events, producers and consumers, logs and replay. Each step watches the event log to
        see what you did — there are no timers. Your progress is remembered in this browser.
      </p>
      <ol>
        {lessons.map((l, i) => {
          const p = saved.progress[l.id];
          const status = p?.completed ? 'done' : p && p.step > 0 ? 'started' : 'new';
          return (
            <li key={l.id} class={`lesson-item ${status}`} data-lesson={l.id}>
              <button type="button" class="lesson-open" onClick={() => onOpen(l.id)}>
                <span class="lesson-num">{status === 'done' ? '✓' : i + 1}</span>
                <span class="lesson-head">
                  <span class="lesson-title">{l.title}</span>
                  <span class="lesson-summary">
                    <Inline text={l.summary} />
                  </span>
                </span>
                <span class="lesson-status">
                  {status === 'done'
                    ? 'completed'
                    : status === 'started'
                      ? `step ${(p?.step ?? 0) + 1} of ${l.steps.length}`
                      : `${l.steps.length} steps`}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function LessonsPanel({ ctx }: { ctx: PanelContext }) {
  void ctx.version.value; // re-read on the page's refresh (≤ 4 Hz)
  const selectedOffset = ctx.selected.value;
  const engine = ctx.engine.value;
  const lessons = lessonsByScenario[ctx.scenario] ?? [];
  const store = storeFor(ctx.scenario, lessons);
  const [view, setView] = useState<string | null>(() => store.saved.active);
  const [, bump] = useState(0);
  const lesson = lessons.find((l) => l.id === view);

  // The runner reads the log as a consumer each refresh (and when the selection changes): a step passes on what it sees.
  if (lesson) observeLesson(ctx, store, lesson, engine, selectedOffset);

  const act = (f: (r: RunnerState, l: Lesson) => RunnerState) => {
    if (!lesson || !store.runner) return;
    commit(store, ctx.scenario, f(store.runner, lesson), lesson.id);
    consumer.begin(engine.log, lesson.id);
    bump((n) => n + 1);
  };
  const actions: LessonActions = {
    open: (id) => {
      setView(id);
      if (id === null) commit(store, ctx.scenario, null, null);
    },
    next: () => act((r, l) => nextStep(r, l, engine.rules, selectedOffset)),
    restart: () => act((_, l) => restartLesson(l, engine.rules, selectedOffset)),
  };

  if (!lessons.length) return <p class="panel-empty">There are no lessons for the “{ctx.scenario}” scenario yet.</p>;
  if (!lesson || !store.runner)
    return (
      <div class="lessons-panel">
        <LessonList lessons={lessons} saved={store.saved} onOpen={actions.open} />
      </div>
    );
  return (
    <LessonView ctx={ctx} engine={engine} lessons={lessons} lesson={lesson} runner={store.runner} actions={actions} />
  );
}

/** Mounts the guided lessons panel. */
export const mount: MountPanel = (host, ctx) => {
  render(<LessonsPanel ctx={ctx} />, host);
  return () => render(null, host);
};
