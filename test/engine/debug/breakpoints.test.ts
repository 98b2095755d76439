import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  breakpointsSchema,
  compileBreakpoint,
  createDebugger,
  createEngine,
  exportRun,
  formatError,
  parseRun,
  replayRun,
  triggerLocation,
  triggerOf,
} from '../../../src/engine';
import { scenarios } from '../../../src/scenarios';
import type { BreakpointSpec } from '../../../src/engine';
import { demoScenario } from '../../../src/scenarios/demo';
import { compile, demoCatalogue } from '../helpers';

const demoRules = () =>
  compile(readFileSync('public/rules/demo.json', 'utf8'), demoCatalogue, 'public/rules/demo.json');
const demoEngine = () => createEngine({ scenario: demoScenario, rules: demoRules(), seed: 7 });
const boost = { boost: true };

function errorsOf(spec: BreakpointSpec): string[] {
  const c = compileBreakpoint(demoCatalogue, demoRules(), spec);
  return c.ok ? [] : c.errors.map(formatError);
}

describe('breakpoint checks', () => {
  it('an unknown trigger, event type or fact is a located error with a did-you-mean', () => {
    expect(errorsOf({ kind: 'trigger', trigger: 'hit-hurt', enabled: true })).toEqual([
      'breakpoint:1:1  trigger  unknown trigger "hit-hurt"; did you mean "hit-hurts"?',
    ]);
    expect(errorsOf({ kind: 'event', event: 'demo.hits', enabled: true })).toEqual([
      'breakpoint:1:1  event  unknown event type "demo.hits"; did you mean "demo.hit"?',
    ]);
    expect(errorsOf({ kind: 'fact', fact: 'world.scor', enabled: true })).toEqual([
      'breakpoint:1:1  fact  unknown world fact "world.scor"; did you mean "world.score"?',
    ]);
    expect(errorsOf({ kind: 'fact', fact: 'event.amount', enabled: true })[0]).toContain('belongs to one event');
  });

  it('the stored format refuses unknown kinds and extra keys', () => {
    expect(breakpointsSchema.safeParse([{ kind: 'trigger', trigger: 'a', enabled: true }]).success).toBe(true);
    expect(breakpointsSchema.safeParse([{ kind: 'watch', fact: 'world.x', enabled: true }]).success).toBe(false);
    expect(breakpointsSchema.safeParse([{ kind: 'fact', fact: 'world.x', enabled: true, x: 1 }]).success).toBe(false);
  });
});

describe('the debugger', () => {
  it('stops at the event that fires a trigger, with the trigger named, before later events are delivered', () => {
    const engine = demoEngine();
    const dbg = createDebugger(engine);
    dbg.set([{ kind: 'trigger', trigger: 'big-hit-scores', enabled: true }]);
    while (!dbg.stop && engine.tick < 2000) engine.step(boost);
    const stop = dbg.stop!;
    expect(stop.event.type).toBe('demo.hit');
    expect((stop.event.payload as { amount: number }).amount).toBeGreaterThanOrEqual(15);
    expect(stop.reason).toBe(
      `trigger "big-hit-scores" fires — paused after #${stop.event.seq} demo.hit (tick ${stop.event.tick})`,
    );
    expect(engine.tick).toBe(stop.event.tick);
  });

  it('stops at an event type only where its condition holds', () => {
    const engine = demoEngine();
    const dbg = createDebugger(engine);
    dbg.set([{ kind: 'event', event: 'demo.hit', when: 'event.amount gt 18', enabled: true }]);
    for (let i = 0; i < 3; i++) {
      while (!dbg.stop && engine.tick < 3000) engine.step(boost);
      expect((dbg.stop!.event.payload as { amount: number }).amount).toBeGreaterThan(18);
      dbg.resume();
    }
  });

  it('stops after the event during which a watched fact changed, and a disabled breakpoint never stops', () => {
    const engine = demoEngine();
    const dbg = createDebugger(engine);
    dbg.set([
      { kind: 'fact', fact: 'world.score', enabled: true },
      { kind: 'trigger', trigger: 'hit-hurts', enabled: false },
    ]);
    while (!dbg.stop && engine.tick < 3000) engine.step(boost);
    expect(dbg.stop!.reason).toMatch(/^world\.score changes — /);
    expect(engine.facts.world).toMatchObject({ score: 1 });
    expect(engine.world.score).toBe(0);
  });

  it('steps to the next event, and to the end of the tick', () => {
    const engine = demoEngine();
    const dbg = createDebugger(engine);
    dbg.set([{ kind: 'event', event: 'demo.hit', enabled: true }]);
    while (!dbg.stop && engine.tick < 3000) engine.step(boost);
    const at = dbg.stop!.event;
    dbg.stepEvent(boost);
    expect(dbg.stop!.event.seq).toBe(at.seq + 1);
    expect(dbg.stop!.reason).toMatch(/^stepped — /);
    dbg.stepTick(boost);
    expect(dbg.stop).toBeNull();
    expect(engine.tick).toBe(at.tick + 1);
  });
});

describe('breakpoints in an exported run', () => {
  it('travel as metadata: the run replays to the same hash with or without them, and bad ones are refused', () => {
    const engine = demoEngine();
    const dbg = createDebugger(engine);
    const specs: BreakpointSpec[] = [{ kind: 'event', event: 'demo.hit', when: 'event.amount gt 18', enabled: true }];
    dbg.set(specs);
    while (!dbg.stop && engine.tick < 3000) engine.step(boost);
    const run = exportRun(engine, { breakpoints: specs });
    expect(engine.suspendedAt).toBeNull();
    expect(run.breakpoints).toEqual(specs);
    const parsed = parseRun(JSON.stringify(run), scenarios);
    expect(parsed.ok && replayRun(parsed.run, demoScenario).log.hash()).toBe(run.hash);
    const plain = exportRun(engine);
    expect(plain.hash).toBe(run.hash);
    expect('breakpoints' in plain).toBe(false);
    const bad = parseRun(JSON.stringify({ ...run, breakpoints: [{ kind: 'nope' }] }), scenarios, 'r.json');
    expect(bad.ok ? [] : bad.errors[0]).toMatch(/^r\.json: breakpoints\[0\]/);
  });
});

describe('where a change came from', () => {
  it('finds the trigger behind an event and its line:col in the rules text', () => {
    const text = readFileSync('public/rules/demo.json', 'utf8');
    expect(triggerLocation(text, 'big-hit-scores')).toEqual({ line: 22, column: 5 });
    expect(triggerLocation(text.replace('"triggers"', '"triggers" oops'), 'big-hit-scores')).toEqual({
      line: 23,
      column: 7,
    });
    expect(triggerLocation(text, 'nope')).toBeNull();
    const engine = demoEngine();
    while (engine.tick < 600) engine.step(boost);
    const critical = engine.log.slice(0).find((e) => e.type === 'demo.critical')!;
    expect(triggerOf(critical)).toBe('low-hp-is-critical');
    const fired = engine.log.slice(0).find((e) => e.type === 'trigger.fired')!;
    expect(triggerOf(fired)).toBe((fired.payload as { trigger: string }).trigger);
  });
});
