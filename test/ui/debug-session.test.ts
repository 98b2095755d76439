import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createEngine, createLoop, scenarioCatalogue } from '../../src/engine';
import type { AnyEngine } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { createDebugSession } from '../../src/ui/debug/session';
import type { DebugHost } from '../../src/ui/debug/session';
import { rulesFor } from './helpers';

const demo = scenarios.demo as (typeof scenarios)[string];

/** A session on a demo engine, with a host that records what the session asked of the page. */
function setup() {
  let engine: AnyEngine = createEngine({ scenario: demo, rules: rulesFor('demo'), seed: 7 });
  const opened: string[] = [];
  const host: DebugHost = {
    scenario: 'demo',
    catalogue: scenarioCatalogue(demo),
    loop: createLoop(),
    selected: signal<number | null>(null),
    engine: () => engine,
    input: () => demo.idleInput,
    touch: () => undefined,
    open: (panel) => opened.push(panel),
  };
  const session = createDebugSession(host);
  const swap = (next: AnyEngine) => {
    engine = next;
    session.attach(next);
  };
  return { engine: () => engine, host, opened, session, swap };
}

/** Steps the engine as the page's frames do until a breakpoint suspends a tick (or `max` ticks pass). */
function runToBreak(engine: AnyEngine, max = 3000): void {
  const pilot = demo.createAutopilot(7);
  for (let i = 0; i < max && !engine.suspendedAt; i++) engine.step(pilot(engine.world, engine.runtime, engine.tick));
}

describe('the debug session', () => {
  it('refuses a breakpoint that does not fit the rules with its located error, and adds nothing', () => {
    const { session } = setup();
    expect(session.add({ kind: 'trigger', trigger: 'hit-hurt', enabled: true })).toEqual([
      'breakpoint:1:1  trigger  unknown trigger "hit-hurt"; did you mean "hit-hurts"?',
    ]);
    expect(session.breakpoints.value).toEqual([]);
    expect(session.debugger().entries).toEqual([]);
  });

  it('after the ticks, a breakpoint hit pauses the game and selects its event; F10 steps one event, F8 continues', () => {
    const { engine, host, session } = setup();
    expect(session.add({ kind: 'trigger', trigger: 'hit-hurts', enabled: true })).toEqual([]);
    runToBreak(engine());
    session.afterSteps();
    const first = session.stop.value;
    expect(first?.reason).toMatch(/^trigger "hit-hurts" fires — paused after #\d+ /);
    expect(host.loop.paused).toBe(true);
    expect(host.selected.value).toBe(first?.event.seq);

    session.stepEvent();
    const stepped = session.stop.value;
    expect(stepped?.event.seq).toBe((first?.event.seq ?? -1) + 1);
    expect(host.selected.value).toBe(stepped?.event.seq);

    session.resume();
    expect(session.stop.value).toBe(session.debugger().stop);
    expect(host.loop.paused).toBe(session.stop.value !== null);
  });

  it('pins a fact the rules can read (trimmed), refuses one they cannot, and unpins', () => {
    const { session } = setup();
    const errors = session.watch('world.scor');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('did you mean "world.score"?');
    expect(session.watches.value).toEqual([]);
    expect(session.watch(' world.score ')).toEqual([]);
    expect(session.watches.value).toEqual(['world.score']);
    expect(session.debugger().watches.map((w) => w.fact)).toEqual(['world.score']);
    session.unwatch('world.score');
    expect(session.watches.value).toEqual([]);
    expect(session.debugger().watches).toEqual([]);
  });

  it('a disabled breakpoint stays listed but does not stop the game', () => {
    const { engine, host, session } = setup();
    session.add({ kind: 'trigger', trigger: 'hit-hurts', enabled: true });
    session.setEnabled(0, false);
    expect(session.breakpoints.value).toEqual([{ kind: 'trigger', trigger: 'hit-hurts', enabled: false }]);
    runToBreak(engine(), 1200);
    session.afterSteps();
    expect(session.stop.value).toBeNull();
    expect(host.loop.paused).toBe(false);
    session.remove(0);
    expect(session.breakpoints.value).toEqual([]);
  });

  it('a new engine gets a debugger with the same breakpoints and no stop', () => {
    const { engine, session, swap } = setup();
    session.add({ kind: 'trigger', trigger: 'hit-hurts', enabled: true });
    runToBreak(engine());
    session.afterSteps();
    expect(session.stop.value).not.toBeNull();
    const before = session.debugger();
    swap(createEngine({ scenario: demo, rules: rulesFor('demo'), seed: 8 }));
    expect(session.debugger()).not.toBe(before);
    expect(session.debugger().entries.map((e) => e.spec)).toEqual(session.breakpoints.value);
    expect(session.stop.value).toBeNull();
  });

  it('"where from" remembers the way back and opens the Rules editor', () => {
    const { opened, session } = setup();
    session.whereFrom('hit-hurts', 'watches', 12);
    expect(session.jump.value).toEqual({ trigger: 'hit-hurts', back: 'watches', seq: 12 });
    expect(opened).toEqual(['editor']);
  });
});
