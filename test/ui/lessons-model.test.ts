import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRules, scenarioCatalogue } from '../../src/engine';
import type { CompiledRules, SirenEvent } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import type { Lesson, LessonCheck } from '../../src/scenarios/lesson';
import { cityLessons } from '../../src/scenarios/city/lessons';
import { lessonsByScenario } from '../../src/ui/panels/lessons/catalogue';
import type { BrokerObservation, Observation, RunnerState } from '../../src/ui/panels/lessons/model';
import {
  candidateFor,
  checkStep,
  nextStep,
  observe,
  progressOf,
  restartLesson,
  startLesson,
} from '../../src/ui/panels/lessons/model';
import { rulesFor } from './helpers';

const catalogue = scenarioCatalogue(scenarios.city as (typeof scenarios)[string]);
const cityText = readFileSync('public/rules/city.json', 'utf8');
const rules = rulesFor('city');

/** The city rules with extra triggers appended (as a learner pastes them). */
function withTriggers(...snippets: string[]): CompiledRules {
  return withVarsAndTriggers(undefined, ...snippets);
}

/** The city rules with variables declared (as a step's `vars` asks) and extra triggers appended. */
function withVarsAndTriggers(vars: object | undefined, ...snippets: string[]): CompiledRules {
  const file = JSON.parse(cityText) as { triggers: unknown[]; vars?: object };
  if (vars) file.vars = vars;
  for (const s of snippets) file.triggers.push(JSON.parse(s));
  const r = loadRules(JSON.stringify(file, null, 2), catalogue, 'city.json (editor)');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.rules;
}

let seq = 100;
function ev(type: string, payload: object, cause?: { seq: number; trigger: string }): SirenEvent {
  return Object.freeze({ seq: seq++, tick: 10, type, payload, ...(cause ? { cause } : {}) });
}

function obs(events: SirenEvent[], more: Partial<Observation> = {}): Observation {
  const all = new Map(events.map((e) => [e.seq, e]));
  return { events, rewound: false, selected: undefined, rules, at: (s) => all.get(s), ...more };
}

const lesson = (id: string) => cityLessons.find((l) => l.id === id) as Lesson;
const check = (lessonId: string, stepId: string) =>
  lesson(lessonId).steps.find((s) => s.id === stepId)?.check as LessonCheck;

describe('lesson data', () => {
  it('the city has at least five lessons, from the scenario map', () => {
    expect(lessonsByScenario.city).toBe(cityLessons);
    expect(cityLessons.length).toBeGreaterThanOrEqual(5);
    expect(new Set(cityLessons.map((l) => l.id)).size).toBe(cityLessons.length);
  });

  it('names only real event types, triggers, behaviours and panels', () => {
    const panels = ['log', 'trace', 'triggers', 'flow', 'editor', 'time', 'runs', 'lessons'];
    for (const l of cityLessons)
      for (const s of l.steps) {
        const c = s.check;
        const types = [
          c.kind === 'event' || c.kind === 'selected' || c.kind === 'not-fired' ? c.type : null,
          c.kind === 'event' ? c.causedBy?.type : null,
        ];
        if (c.kind === 'rules') types.push(c.changed ?? null, c.has?.on ?? null);
        for (const t of types) if (t) expect(catalogue.events[t], `${l.id}/${s.id}: event ${t}`).toBeDefined();
        if (c.kind === 'not-fired') expect(rules.byId.has(c.trigger)).toBe(true);
        if (c.kind === 'rules' && c.has?.behaviour)
          expect(catalogue.behaviours.has(c.has.behaviour), `${l.id}/${s.id}: ${c.has.behaviour}`).toBe(true);
        if (s.action) expect(panels).toContain(s.action.open);
        expect(s.text.length).toBeGreaterThan(20);
      }
  });

  it('every snippet loads into the city rules and then passes its own step', () => {
    for (const l of cityLessons)
      for (const s of l.steps) {
        if (!s.snippet) continue;
        const next = withVarsAndTriggers(s.vars, s.snippet);
        const memo =
          s.check.kind === 'rules' && s.check.changed
            ? {
                rulesBaseline: JSON.stringify(
                  rules.triggers.filter((t) => t.on === (s.check as { changed: string }).changed).map((t) => t.spec),
                ),
              }
            : {};
        expect(checkStep(s.check, obs([], { rules: next }), memo), `${l.id}/${s.id}`).not.toBe(false);
        expect(checkStep(s.check, obs([], { rules }), memo), `${l.id}/${s.id} before the edit`).toBe(false);
      }
  });
});

describe('checks watch the events since the step began', () => {
  it('event: type and payload fields', () => {
    const c = check('events-are-facts', 'get-shot');
    expect(checkStep(c, obs([ev('damage', { target: 4, source: 'goon', amount: 8 })]), {})).toBe(false);
    const hit = ev('damage', { target: 0, source: 'goon', amount: 8 });
    expect(checkStep(c, obs([ev('shot.fired', { shooter: 3, kind: 'goon', hit: true }), hit]), {})).toBe(hit.seq);
  });

  it('event: caused by a police bullet, with a total drop other than its amount', () => {
    const c = check('triggers-and-behaviours', 'see-new-amount');
    const police = ev('damage', { target: 0, source: 'police', amount: 10 });
    const usual = ev('health.changed', { entity: 0, from: 100, to: 90 }, { seq: police.seq, trigger: 'damage-hurts' });
    expect(checkStep(c, obs([police, usual]), {})).toBe(false);
    const extra = ev(
      'health.changed',
      { entity: 0, from: 90, to: 80 },
      { seq: police.seq, trigger: 'police-bullets-hurt' },
    );
    expect(checkStep(c, obs([police, usual, extra]), {})).toBe(usual.seq);
    const goon = ev('damage', { target: 0, source: 'goon', amount: 10 });
    const doubled = ev('health.changed', { entity: 0, from: 80, to: 60 }, { seq: goon.seq, trigger: 'damage-hurts' });
    expect(checkStep(c, obs([goon, doubled]), {})).toBe(false);
    // A drop cut short at zero health says nothing about the rule.
    const last = ev('damage', { target: 0, source: 'police', amount: 10 });
    expect(
      checkStep(
        c,
        obs([last, ev('health.changed', { entity: 0, from: 4, to: 0 }, { seq: last.seq, trigger: 'damage-hurts' })]),
        {},
      ),
    ).toBe(false);
  });

  it('event: caused by an event of another type', () => {
    const c = check('pub-sub', 'enter-car');
    const entered = ev('vehicle.entered', { entity: 0, vehicle: 3, stolen: true });
    const other = ev('pursuit.started', { wanted: 2 });
    expect(
      checkStep(c, obs([other, ev('radio.said', { line: 'x' }, { seq: other.seq, trigger: 'pursuit-radio' })]), {}),
    ).toBe(false);
    const said = ev('radio.said', { line: 'Suspect is in a vehicle' }, { seq: entered.seq, trigger: 'car-radio' });
    expect(checkStep(c, obs([entered, said]), {})).toBe(said.seq);
  });

  it('trigger.fired of a while trigger', () => {
    const c = check('state-triggers', 'first-edge');
    const withWhile = withTriggers(lesson('state-triggers').steps[0]?.snippet as string);
    expect(checkStep(c, obs([ev('trigger.fired', { trigger: 'car-heals', seq: 3 })], { rules: withWhile }), {})).toBe(
      false,
    );
    const fired = ev('trigger.fired', { trigger: 'driving-radio', seq: -1 });
    expect(checkStep(c, obs([fired], { rules: withWhile }), {})).toBe(fired.seq);
  });

  it('not-fired: entering a car while car-heals cools down', () => {
    const c = check('state-triggers', 'cooldown');
    const first = ev('vehicle.entered', { entity: 0, vehicle: 1, stolen: false });
    expect(checkStep(c, obs([first, ev('trigger.fired', { trigger: 'car-heals', seq: first.seq })]), {})).toBe(false);
    const second = ev('vehicle.entered', { entity: 0, vehicle: 1, stolen: false });
    expect(checkStep(c, obs([second]), {})).toBe(second.seq);
  });

  it('selected: a newly selected event of the type', () => {
    const c = check('events-are-facts', 'read-damage');
    const hit = ev('damage', { target: 0, source: 'goon', amount: 8 });
    expect(checkStep(c, obs([], { selected: hit }), { selectedAtStart: hit.seq })).toBe(false);
    expect(checkStep(c, obs([], { selected: hit }), { selectedAtStart: null })).toBe(hit.seq);
    expect(checkStep(c, obs([], { selected: ev('damage', { target: 3, source: 'player', amount: 8 }) }), {})).toBe(
      false,
    );
  });

  it('caught-up, rewound and read', () => {
    const many = Array.from({ length: 300 }, () => ev('shot.fired', { shooter: 1, kind: 'goon', hit: false }));
    expect(checkStep({ kind: 'caught-up', atLeast: 300 }, obs(many.slice(1)), {})).toBe(false);
    expect(checkStep({ kind: 'caught-up', atLeast: 300 }, obs(many), {})).toBe(true);
    expect(checkStep({ kind: 'rewound' }, obs([]), {})).toBe(false);
    expect(checkStep({ kind: 'rewound' }, obs([], { rewound: true }), {})).toBe(true);
    expect(checkStep({ kind: 'read' }, obs(many), {})).toBe(false);
  });
});

describe('the lesson runner', () => {
  const facts = lesson('events-are-facts');

  it('walks a lesson step by step, remembering the event that passed each step', () => {
    let r: RunnerState = startLesson(facts, undefined, rules, null);
    expect(r).toMatchObject({ lesson: 'events-are-facts', step: 0, completed: false });
    r = observe(r, facts, obs([ev('shot.fired', { shooter: 2, kind: 'goon', hit: false })]));
    expect(r.step).toBe(0);
    const hit = ev('damage', { target: 0, source: 'goon', amount: 8 });
    r = observe(r, facts, obs([hit]));
    expect(r).toMatchObject({ step: 1, lastMatch: hit.seq, memo: { selectedAtStart: null } });
    r = observe(r, facts, obs([], { selected: hit }));
    expect(r.step).toBe(2);
    const changed = ev('health.changed', { entity: 0, from: 100, to: 92 }, { seq: hit.seq, trigger: 'damage-hurts' });
    r = observe(r, facts, obs([], { selected: changed }));
    expect(r).toMatchObject({ step: 3, completed: true });
    expect(progressOf(r)).toEqual({ step: 3, completed: true });
    expect(observe(r, facts, obs([hit]))).toBe(r);
  });

  it('a rules step remembers the rules it began with', () => {
    const trig = lesson('triggers-and-behaviours');
    const r = startLesson(trig, undefined, rules, null);
    expect(observe(r, trig, obs([]))).toBe(r);
    const edited = withTriggers(trig.steps[0]?.snippet as string);
    expect(observe(r, trig, obs([], { rules: edited })).step).toBe(1);
    // Started with the edit already running: it takes another change to pass.
    const again = startLesson(trig, undefined, edited, null);
    expect(observe(again, trig, obs([], { rules: edited }))).toBe(again);
  });

  it('resumes where progress says, skips, restarts', () => {
    let r = startLesson(facts, { step: 2, completed: false }, rules, null);
    expect(r.step).toBe(2);
    r = nextStep(r, facts, rules, null);
    expect(r.completed).toBe(true);
    expect(startLesson(facts, { step: 3, completed: true }, rules, null).step).toBe(0);
    expect(startLesson(facts, { step: 99, completed: false }, rules, null).step).toBe(2);
    expect(restartLesson(facts, rules, null)).toMatchObject({ step: 0, completed: false, lastMatch: null });
  });
});

describe('candidates for a selection step', () => {
  it('prefers what follows from the last match, else the newest match', () => {
    const hit = ev('damage', { target: 0, source: 'goon', amount: 8 });
    const mine = ev('health.changed', { entity: 0, from: 100, to: 92 }, { seq: hit.seq, trigger: 'damage-hurts' });
    const later = ev('health.changed', { entity: 0, from: 92, to: 97 }, { seq: 7, trigger: 'hospital-heals' });
    const list = [hit, mine, later];
    const log = { start: hit.seq, end: later.seq + 1, at: (s: number) => list.find((e) => e.seq === s) };
    const c = check('events-are-facts', 'see-health');
    expect(candidateFor(c, log, hit.seq)).toBe(mine);
    expect(candidateFor(c, log, null)).toBe(later);
    expect(candidateFor(check('events-are-facts', 'read-damage'), log, hit.seq)).toBe(hit);
    expect(candidateFor(check('events-are-facts', 'get-shot'), log, null)).toBeUndefined();
  });
});

describe('broker steps', () => {
  const lesson = cityLessons.find((l) => l.id === 'classroom-broker') as (typeof cityLessons)[number];
  const check = (id: string) => (lesson.steps.find((s) => s.id === id) as (typeof lesson.steps)[number]).check;
  const obs = (broker?: BrokerObservation) =>
    ({ events: [], rewound: false, selected: undefined, rules, at: () => undefined, broker }) as Observation;
  const teacher = (pending: number, delivered = 10) => ({ name: 'teacher-r1', pending, delivered });

  it('pass only on what the broker reports, never without a broker', () => {
    expect(checkStep(check('join'), obs(), {})).toBe(false);
    expect(checkStep(check('join'), obs({ state: 'live', acked: 19, consumers: [] }), {})).toBe(false);
    expect(checkStep(check('join'), obs({ state: 'live', acked: 20, consumers: [] }), {})).toBe(true);
    expect(checkStep(check('join'), obs({ state: 'offline', acked: 500, consumers: [] }), {})).toBe(false);
    expect(checkStep(check('durable'), obs({ state: 'live', acked: 1, consumers: [] }), {})).toBe(false);
    expect(checkStep(check('durable'), obs({ state: 'live', acked: 1, consumers: [teacher(0, 0)] }), {})).toBe(true);
    expect(checkStep(check('lag'), obs({ state: 'live', acked: 1, consumers: [teacher(19)] }), {})).toBe(false);
    expect(checkStep(check('lag'), obs({ state: 'live', acked: 1, consumers: [teacher(20)] }), {})).toBe(true);
    expect(checkStep(check('catch-up'), obs({ state: 'live', acked: 1, consumers: [teacher(3)] }), {})).toBe(false);
    expect(checkStep(check('catch-up'), obs({ state: 'live', acked: 1, consumers: [teacher(0)] }), {})).toBe(true);
    const replay = { name: 'replay-r1', pending: 0, delivered: 0 };
    expect(checkStep(check('replay'), obs({ state: 'live', acked: 1, consumers: [replay] }), {})).toBe(false);
    expect(
      checkStep(check('replay'), obs({ state: 'live', acked: 1, consumers: [{ ...replay, delivered: 4 }] }), {}),
    ).toBe(true);
  });
});
