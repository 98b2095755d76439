import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createDebugger,
  createEngine,
  createWatch,
  MAX_CHANGES,
  observeWatch,
  recompileWatch,
  watchValueAt,
} from '../../../src/engine';
import type { SirenEvent } from '../../../src/engine';
import { demoScenario } from '../../../src/scenarios/demo';
import { compile, demoCatalogue, emit, labEngine, labRules, ping } from '../helpers';

const demoRules = () =>
  compile(readFileSync('public/rules/demo.json', 'utf8'), demoCatalogue, 'public/rules/demo.json');
const demoEngine = () => createEngine({ scenario: demoScenario, rules: demoRules(), seed: 7 });
const boost = { boost: true };
const ev = (seq: number, tick: number): SirenEvent => ({ seq, type: 'lab.ping', tick, payload: {} });
const setLevel = [{ id: 'set', on: 'lab.ping', do: [{ behaviour: 'setLevel', to: { fact: 'event.n' } }] }];

describe('a watch', () => {
  it('starts with the value and tick when it was pinned', () => {
    const engine = labEngine(setLevel);
    engine.step(emit(ping({ n: 4 })));
    const w = createWatch(engine, 'world.level');
    expect(w).toMatchObject({ fact: 'world.level', errors: [], since: { tick: 1, value: 4 }, changes: [], last: 4 });
  });

  it('a fact it cannot read gets located errors and is never read', () => {
    const engine = labEngine(setLevel);
    const bad = createWatch(engine, 'world.levle');
    expect(bad.read).toBeNull();
    expect(bad.errors[0]?.message).toContain('did you mean "world.level"?');
    expect(createWatch(engine, 'event.n').errors[0]?.message).toContain('belongs to one event');
    expect(createWatch(engine, 'world.__proto__').read).toBeNull();
    observeWatch(bad, engine, ev(0, 0), [], false);
    expect(bad.changes).toEqual([]);
  });

  it('records a change only when the value differs, naming each trigger once', () => {
    const engine = labEngine(setLevel);
    const w = createWatch(engine, 'world.level');
    engine.step(emit(ping({ n: 2 })));
    observeWatch(w, engine, ev(5, 0), ['set', 'other', 'set'], false);
    observeWatch(w, engine, ev(6, 0), ['set'], false);
    engine.step(emit(ping({ n: 9 })));
    observeWatch(w, engine, ev(8, 1), [], false);
    expect(w.changes).toEqual([
      { tick: 0, seq: 5, value: 2, triggers: ['set', 'other'] },
      { tick: 1, seq: 8, value: 9, triggers: [] },
    ]);
    expect(w.last).toBe(9);
  });

  it('after time travel drops the changes of the abandoned future', () => {
    const engine = labEngine(setLevel);
    const w = createWatch(engine, 'world.level');
    let value = 0;
    w.read = () => value;
    for (let seq = 1; seq <= 4; seq++) {
      value = seq * 10;
      observeWatch(w, engine, ev(seq, seq), [], false);
    }
    value = 20;
    observeWatch(w, engine, ev(3, 3), [], true);
    expect(w.changes.map((c) => c.seq)).toEqual([1, 2]);
    expect(w.last).toBe(20);
  });

  it('keeps at most MAX_CHANGES changes, the newest', () => {
    const engine = labEngine(setLevel);
    const w = createWatch(engine, 'world.level');
    let value = 0;
    w.read = () => value;
    for (let seq = 1; seq <= MAX_CHANGES + 3; seq++) {
      value = seq;
      observeWatch(w, engine, ev(seq, seq), [], false);
    }
    expect(w.changes).toHaveLength(MAX_CHANGES);
    expect(w.changes[0]?.seq).toBe(4);
  });

  it('gives its value at the end of a tick: the pinned value before its first change', () => {
    const engine = labEngine(setLevel);
    const w = createWatch(engine, 'world.level');
    let value = 0;
    w.read = () => value;
    for (const [seq, tick] of [
      [1, 10],
      [2, 10],
      [3, 20],
    ] as const) {
      value = seq * 100;
      observeWatch(w, engine, ev(seq, tick), [], false);
    }
    expect(watchValueAt(w, 9)).toBe(0);
    expect(watchValueAt(w, 10)).toBe(200);
    expect(watchValueAt(w, 19)).toBe(200);
    expect(watchValueAt(w, 500)).toBe(300);
  });

  it('recompiled against new rules keeps its history and reads again once the fact exists', () => {
    const engine = labEngine(setLevel);
    const w = createWatch(engine, 'window.pings.count');
    expect(w.read).toBeNull();
    w.changes.push({ tick: 0, seq: 0, value: 1, triggers: [] });
    engine.applyRules(
      compile(
        JSON.stringify({
          version: 1,
          scenario: 'lab',
          windows: [{ id: 'pings', on: 'lab.ping', last: 3 }],
          triggers: setLevel,
        }),
      ),
    );
    recompileWatch(engine, w);
    expect(w.errors).toEqual([]);
    expect(w.read?.(null, engine.facts)).toBe(0);
    expect(w.changes).toHaveLength(1);
    engine.applyRules(labRules(setLevel));
    recompileWatch(engine, w);
    expect(w.read).toBeNull();
    expect(w.errors[0]?.message).toMatch(/declares no "windows"/);
  });
});

describe('watches on a running game', () => {
  it('records each change of a pinned fact with the triggers whose actions made it', () => {
    const engine = demoEngine();
    const dbg = createDebugger(engine);
    dbg.setWatches(['world.score', 'world.scor']);
    while (engine.tick < 1200) engine.step(boost);
    const [score, bad] = dbg.watches;
    expect(bad!.errors[0]!.message).toContain('did you mean "world.score"?');
    expect(score!.since).toEqual({ tick: 0, value: 0 });
    expect(score!.changes.length).toBeGreaterThan(2);
    expect(score!.changes.at(-1)!.value).toBe(engine.world.score);
    const scorers = ['alarm-held', 'big-hit-scores', 'tick-score'];
    // Attribution is per event: other triggers acting on the same event (hit-hurts) are named too.
    for (const c of score!.changes) expect(c.triggers.some((t) => scorers.includes(t))).toBe(true);
    const named = new Set(score!.changes.flatMap((c) => c.triggers.filter((t) => scorers.includes(t))));
    expect([...named].sort()).toEqual(scorers);
    const first = score!.changes[0]!;
    expect(watchValueAt(score!, first.tick - 1)).toBe(0);
    expect(watchValueAt(score!, first.tick)).toBe(first.value);
  });
});
