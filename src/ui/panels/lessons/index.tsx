import { render } from 'preact';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { AnyEngine, SirenEvent } from '../../../engine';
import type { Lesson, LessonStep } from '../../../scenarios/lesson';
import type { MountPanel, PanelContext } from '../context';
import { EventChip } from '../log/common';
import { compactPayload } from '../log/model';
import { lessonsByScenario } from './catalogue';
import { createLessonConsumer } from './consumer';
import type { BrokerObservation, RunnerState } from './model';
import { candidateFor, nextStep, observe, progressOf, restartLesson, startLesson } from './model';
import type { SavedLessons } from './progress';
import { loadProgress, saveProgress } from './progress';
import './style.css';

/** The runner lives beside the panel, so closing the tab (to use another panel) keeps the step and what it remembers. */
interface Store {
  saved: SavedLessons;
  runner: RunnerState | null;
}
const stores = new Map<string, Store>();
const consumer = createLessonConsumer();

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

function storeFor(scenario: string, lessons: readonly Lesson[]): Store {
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

/** One line of lesson text: `code` and **strong**, as text nodes only (never HTML). */
function Inline({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`|\*\*[^*]+\*\*)/).map((part, j): ComponentChildren => {
        if (part.startsWith('`') && part.endsWith('`') && part.length > 1)
          return <code key={j}>{part.slice(1, -1)}</code>;
        if (part.startsWith('**') && part.endsWith('**') && part.length > 3)
          return <strong key={j}>{part.slice(2, -2)}</strong>;
        return part;
      })}
    </>
  );
}

/** Lesson text: paragraphs separated by blank lines. */
function Rich({ text }: { text: string }) {
  return (
    <>
      {text.split('\n\n').map((para, i) => (
        <p key={i}>
          <Inline text={para} />
        </p>
      ))}
    </>
  );
}

function Snippet({ text }: { text: string }) {
  const [note, setNote] = useState('');
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setNote('Copied ✓'),
      () => setNote('Select the text and copy it (Ctrl+C).'),
    );
  return (
    <div class="lesson-snippet">
      <pre>{text}</pre>
      <button type="button" class="mini-btn" onClick={() => void copy()}>
        Copy
      </button>
      {note && <span class="lesson-copied">{note}</span>}
    </div>
  );
}

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

/** A step's button: opens its panel, on the event the step is about (its candidate, else what met the last step). */
function openAction(
  ctx: PanelContext,
  step: LessonStep,
  candidate: SirenEvent | undefined,
  runner: RunnerState,
  engine: AnyEngine,
): void {
  const panel = (step.action as { open: string }).open;
  const about = candidate ?? (runner.lastMatch === null ? undefined : engine.log.at(runner.lastMatch));
  if (about && (panel === 'trace' || panel === 'log')) ctx.selected.value = about.seq;
  ctx.open(panel);
}

function StepView({
  ctx,
  step,
  runner,
  engine,
}: {
  ctx: PanelContext;
  step: LessonStep;
  runner: RunnerState;
  engine: AnyEngine;
}) {
  const select = (o: number) => (ctx.selected.value = o);
  const candidate: SirenEvent | undefined = candidateFor(step.check, engine.log, runner.lastMatch);
  return (
    <div class="lesson-step" data-step={step.id}>
      <Rich text={step.text} />
      {step.snippet && <Snippet text={step.snippet} />}
      {candidate && (
        <p class="lesson-candidate">
          <EventChip
            offset={candidate.seq}
            ev={candidate}
            selected={ctx.selected.value === candidate.seq}
            onSelect={select}
          />{' '}
          <span class="lesson-payload">{compactPayload(candidate.payload)}</span>
        </p>
      )}
      {step.action && (
        <button type="button" class="lesson-action" onClick={() => openAction(ctx, step, candidate, runner, engine)}>
          {step.action.label} ›
        </button>
      )}
      {step.hint && (
        <details class="lesson-hint">
          <summary>Hint</summary>
          <Rich text={step.hint} />
        </details>
      )}
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

  const commit = (runner: RunnerState | null, active: string | null) => {
    store.runner = runner;
    const progress = runner ? { ...store.saved.progress, [runner.lesson]: progressOf(runner) } : store.saved.progress;
    store.saved = { progress, active };
    saveProgress(storage(), ctx.scenario, store.saved);
  };

  // The runner reads the log as a consumer each refresh (and when the selection changes): a step passes on what it sees.
  if (lesson) {
    if (!store.runner || store.runner.lesson !== lesson.id) {
      commit(startLesson(lesson, store.saved.progress[lesson.id], engine.rules, selectedOffset), lesson.id);
      consumer.begin(engine.log, lesson.id);
    }
    const batch = consumer.poll(engine.log, lesson.id, engine.tick);
    const runner = store.runner as RunnerState;
    const next = observe(runner, lesson, {
      events: batch.events,
      rewound: batch.rewound,
      selected: selectedOffset === null ? undefined : engine.log.at(selectedOffset),
      rules: engine.rules,
      at: (seq) => engine.log.at(seq),
      broker: brokerView(ctx),
    });
    if (next !== runner) {
      commit(next, lesson.id);
      // The next step watches from here: events before it began do not count.
      consumer.begin(engine.log, lesson.id);
    }
  }

  const open = (id: string | null) => {
    setView(id);
    if (id === null) commit(null, null);
  };
  const act = (f: (r: RunnerState, l: Lesson) => RunnerState) => {
    if (!lesson || !store.runner) return;
    commit(f(store.runner, lesson), lesson.id);
    consumer.begin(engine.log, lesson.id);
    bump((n) => n + 1);
  };

  if (!lessons.length) return <p class="panel-empty">There are no lessons for the “{ctx.scenario}” scenario yet.</p>;
  if (!lesson || !store.runner)
    return (
      <div class="lessons-panel">
        <LessonList lessons={lessons} saved={store.saved} onOpen={open} />
      </div>
    );

  const runner = store.runner;
  const step = lesson.steps[runner.step];
  const index = lessons.indexOf(lesson);
  const following = lessons[index + 1];
  const reader = consumer.reader(engine.log);
  const done = runner.lastMatch === null ? undefined : engine.log.at(runner.lastMatch);
  return (
    <div class="lessons-panel" data-lesson={lesson.id}>
      <div class="lesson-top">
        <button type="button" class="mini-btn lesson-back" onClick={() => open(null)}>
          ‹ All lessons
        </button>
        <span
          class="lesson-progress"
          aria-label={`Step ${Math.min(runner.step + 1, lesson.steps.length)} of ${lesson.steps.length}`}
        >
          {lesson.steps.map((s, i) => (
            <span key={s.id} class={`lesson-dot${i < runner.step ? ' done' : i === runner.step ? ' now' : ''}`} />
          ))}
        </span>
      </div>
      <h3 class="lesson-name">
        {index + 1}. {lesson.title}
      </h3>
      {runner.completed || !step ? (
        <div class="lesson-complete" role="status">
          <p class="lesson-done-title">Lesson complete ✓</p>
          <p class="panel-note">
            <Inline text={lesson.summary} />
          </p>
          <div class="lesson-buttons">
            {following && (
              <button type="button" class="lesson-action" onClick={() => open(following.id)}>
                Next lesson: {following.title} ›
              </button>
            )}
            <button
              type="button"
              class="mini-btn"
              onClick={() => act((_, l) => restartLesson(l, engine.rules, selectedOffset))}
            >
              Do it again
            </button>
          </div>
        </div>
      ) : (
        <>
          <p class="lesson-stepno">
            Step {runner.step + 1} of {lesson.steps.length}
            {runner.step > 0 && done && (
              <span class="lesson-prev">
                {' '}
                · previous step done with{' '}
                <EventChip offset={done.seq} ev={done} onSelect={(o) => (ctx.selected.value = o)} />
              </span>
            )}
          </p>
          <StepView ctx={ctx} step={step} runner={runner} engine={engine} />
          <div class="lesson-buttons">
            {step.check.kind === 'read' ? (
              <button
                type="button"
                class="lesson-action lesson-next"
                onClick={() => act((r, l) => nextStep(r, l, engine.rules, selectedOffset))}
              >
                Next ›
              </button>
            ) : (
              <span class="lesson-watching" role="status">
                <span class="lesson-pulse" /> Watching the log…
              </span>
            )}
            {step.check.kind !== 'read' && (
              <button
                type="button"
                class="mini-btn lesson-skip"
                onClick={() => act((r, l) => nextStep(r, l, engine.rules, selectedOffset))}
              >
                Skip step
              </button>
            )}
            <button
              type="button"
              class="mini-btn lesson-restart"
              onClick={() => act((_, l) => restartLesson(l, engine.rules, selectedOffset))}
            >
              Restart lesson
            </button>
          </div>
        </>
      )}
      <p class="panel-note lesson-consumer">
        This lesson reads the log as consumer <code>{reader.name}</code>: offset {reader.offset.toLocaleString('en')},
        lag {reader.lag().toLocaleString('en')}. While this panel is closed nobody reads for it; when it is back it
        catches up from its offset, so nothing you did is missed.
      </p>
    </div>
  );
}

/** Mounts the guided lessons panel. */
export const mount: MountPanel = (host, ctx) => {
  render(<LessonsPanel ctx={ctx} />, host);
  return () => render(null, host);
};
