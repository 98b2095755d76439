import type { AnyEngine, SirenEvent } from '../../../engine';
import type { Lesson, LessonStep } from '../../../scenarios/lesson';
import type { PanelContext } from '../context';
import { EventChip } from '../log/common';
import { compactPayload } from '../log/model';
import type { RunnerState } from './model';
import { candidateFor } from './model';
import { consumer } from './store';
import { Inline, Rich, Snippet } from './text';

/** What the open lesson's buttons do: open a lesson (or the list, on null), go to the next step, start again. */
export interface LessonActions {
  open: (id: string | null) => void;
  next: () => void;
  restart: () => void;
}

/** A step's button: opens `panel`, on the event the step is about (its candidate, else what met the last step). */
function openAction(
  ctx: PanelContext,
  panel: string,
  candidate: SirenEvent | undefined,
  runner: RunnerState,
  engine: AnyEngine,
): void {
  const about = candidate ?? (runner.lastMatch === null ? undefined : engine.log.at(runner.lastMatch));
  if (about && (panel === 'trace' || panel === 'log')) ctx.selected.value = about.seq;
  ctx.open(panel);
}

interface StepViewProps {
  ctx: PanelContext;
  step: LessonStep;
  runner: RunnerState;
  engine: AnyEngine;
}

/** The step's text, snippet, the event it is about, its panel button and hint. */
function StepView({ ctx, step, runner, engine }: StepViewProps) {
  const select = (o: number) => (ctx.selected.value = o);
  const candidate: SirenEvent | undefined = candidateFor(step.check, engine.log, runner.lastMatch);
  const { action } = step;
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
      {action && (
        <button
          type="button"
          class="lesson-action"
          onClick={() => openAction(ctx, action.open, candidate, runner, engine)}
        >
          {action.label} ›
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

/** The back button and one dot per step (done, now, to come). */
function LessonTop({ lesson, runner, onBack }: { lesson: Lesson; runner: RunnerState; onBack: () => void }) {
  return (
    <div class="lesson-top">
      <button type="button" class="mini-btn lesson-back" onClick={onBack}>
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
  );
}

/** The lesson's end: its summary, the next lesson's button and "Do it again". */
function LessonComplete({
  lesson,
  following,
  actions,
}: {
  lesson: Lesson;
  following?: Lesson;
  actions: LessonActions;
}) {
  return (
    <div class="lesson-complete" role="status">
      <p class="lesson-done-title">Lesson complete ✓</p>
      <p class="panel-note">
        <Inline text={lesson.summary} />
      </p>
      <div class="lesson-buttons">
        {following && (
          <button type="button" class="lesson-action" onClick={() => actions.open(following.id)}>
            Next lesson: {following.title} ›
          </button>
        )}
        <button type="button" class="mini-btn" onClick={actions.restart}>
          Do it again
        </button>
      </div>
    </div>
  );
}

/** "Next" for a reading step, else the watching pulse and "Skip step"; always "Restart lesson". */
function StepButtons({ step, actions }: { step: LessonStep; actions: LessonActions }) {
  return (
    <div class="lesson-buttons">
      {step.check.kind === 'read' ? (
        <button type="button" class="lesson-action lesson-next" onClick={actions.next}>
          Next ›
        </button>
      ) : (
        <span class="lesson-watching" role="status">
          <span class="lesson-pulse" /> Watching the log…
        </span>
      )}
      {step.check.kind !== 'read' && (
        <button type="button" class="mini-btn lesson-skip" onClick={actions.next}>
          Skip step
        </button>
      )}
      <button type="button" class="mini-btn lesson-restart" onClick={actions.restart}>
        Restart lesson
      </button>
    </div>
  );
}

interface StepPartProps extends StepViewProps {
  lesson: Lesson;
  actions: LessonActions;
}

/** The current step: its number (with the event that met the previous one), the step itself and its buttons. */
function CurrentStep({ ctx, step, runner, engine, lesson, actions }: StepPartProps) {
  const done = runner.lastMatch === null ? undefined : engine.log.at(runner.lastMatch);
  return (
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
      <StepButtons step={step} actions={actions} />
    </>
  );
}

/** How the lesson reads the log: its consumer's name, offset and lag. */
function ConsumerNote({ engine }: { engine: AnyEngine }) {
  const reader = consumer.reader(engine.log);
  return (
    <p class="panel-note lesson-consumer">
      This lesson reads the log as consumer <code>{reader.name}</code>: offset {reader.offset.toLocaleString('en')}, lag{' '}
      {reader.lag().toLocaleString('en')}. While this panel is closed nobody reads for it; when it is back it catches up
      from its offset, so nothing you did is missed.
    </p>
  );
}

interface LessonViewProps {
  ctx: PanelContext;
  engine: AnyEngine;
  lessons: readonly Lesson[];
  lesson: Lesson;
  runner: RunnerState;
  actions: LessonActions;
}

/** An open lesson: its progress, title, the current step or its completion, and the consumer note. */
export function LessonView({ ctx, engine, lessons, lesson, runner, actions }: LessonViewProps) {
  const step = lesson.steps[runner.step];
  const index = lessons.indexOf(lesson);
  const following = lessons[index + 1];
  return (
    <div class="lessons-panel" data-lesson={lesson.id}>
      <LessonTop lesson={lesson} runner={runner} onBack={() => actions.open(null)} />
      <h3 class="lesson-name">
        {index + 1}. {lesson.title}
      </h3>
      {runner.completed || !step ? (
        <LessonComplete lesson={lesson} following={following} actions={actions} />
      ) : (
        <CurrentStep ctx={ctx} step={step} runner={runner} engine={engine} lesson={lesson} actions={actions} />
      )}
      <ConsumerNote engine={engine} />
    </div>
  );
}
