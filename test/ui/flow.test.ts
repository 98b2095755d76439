import { describe, expect, it } from 'vitest';
import type { SirenEvent } from '../../src/engine';
import {
  catchUpSize,
  createFlowTracker,
  edgePath,
  ensureReader,
  eventRate,
  flowLayout,
  producerOf,
  RULES_PRODUCER,
} from '../../src/ui/panels/flow/model';
import { advance, runScenario } from './helpers';

const all = (e: { log: { start: number; slice(o: number): SirenEvent[] } }) => e.log.slice(e.log.start);

describe('producers', () => {
  it('names the system from the catalogue, "rules" for behaviour-emitted events, and the engine and triggers themselves', () => {
    const engine = runScenario('demo', 40);
    const first = (type: string) => all(engine).find((e) => e.type === type) as SirenEvent;
    expect(producerOf(first('demo.pulse'), engine.catalogue)).toBe('pulse');
    expect(producerOf(first('demo.hit'), engine.catalogue)).toBe('hits');
    expect(producerOf(first('demo.hp.changed'), engine.catalogue)).toBe(RULES_PRODUCER);
    expect(producerOf(first('demo.critical'), engine.catalogue)).toBe(RULES_PRODUCER); // declared in the rules file
    expect(producerOf(first('trigger.fired'), engine.catalogue)).toBe('triggers');
    engine.applyRules(engine.rules);
    expect(producerOf(all(engine).at(-1) as SirenEvent, engine.catalogue)).toBe('engine'); // rules.loaded
  });

  it('counts what each producer emitted, and pulses only for what came since the last refresh', () => {
    const engine = runScenario('demo', 20);
    const tracker = createFlowTracker();
    const first = tracker.update(engine);
    expect(first.producers.map((p) => p.name)).toEqual(['hits', 'pulse', 'rules', 'triggers']);
    expect(first.producers.every((p) => p.recent === 0)).toBe(true);
    expect(first.producers.reduce((n, p) => n + p.total, 0)).toBe(engine.log.end);
    expect(first.producers.find((p) => p.name === 'pulse')?.types).toEqual(['demo.pulse']);

    advance(engine, 1);
    const next = tracker.update(engine);
    expect(next.producers.find((p) => p.name === 'pulse')?.recent).toBe(2); // a pulse every half second
    expect(next.producers.reduce((n, p) => n + p.total, 0)).toBe(engine.log.end);
    expect(tracker.update(engine).producers.every((p) => p.recent === 0)).toBe(true); // nothing new
  });
});

describe('topic and consumers', () => {
  it('shows the log offsets, retention and the rate of the last game second', () => {
    const engine = runScenario('demo', 20, { logCapacity: 100 });
    const snap = createFlowTracker().update(engine);
    expect(snap.topic).toMatchObject({
      start: engine.log.end - 100,
      end: engine.log.end,
      retained: 100,
      capacity: 100,
    });
    const lastSecond = all(engine).filter((e) => e.tick >= engine.tick - 60).length;
    expect(snap.topic.rate).toBe(lastSecond);
    expect(eventRate(engine.log, engine.tick)).toBe(lastSecond);
  });

  it('puts the synchronous trigger system first (lag 0), then every log reader with its offset and lag', () => {
    const engine = runScenario('demo', 5);
    const hud = engine.log.reader('hud');
    advance(engine, 5);
    const snap = createFlowTracker().update(engine);
    expect(snap.consumers[0]).toMatchObject({ name: 'triggers', kind: 'sync', offset: engine.log.end, lag: 0 });
    expect(snap.consumers[1]).toMatchObject({
      name: 'hud',
      kind: 'reader',
      offset: hud.offset,
      lag: engine.log.end - hud.offset,
    });
    expect(snap.consumers[1]?.lag).toBeGreaterThan(0);
  });

  it("registers the panel's own reader once and reuses it", () => {
    const engine = runScenario('demo', 5);
    const a = ensureReader(engine.log, 'flow');
    const b = ensureReader(engine.log, 'flow');
    expect(b).toBe(a);
    expect(engine.log.readers.filter((r) => r.name === 'flow')).toHaveLength(1);
  });

  it('lets a paused consumer fall behind and a resumed one catch up in batches', () => {
    const engine = runScenario('demo', 1);
    const tracker = createFlowTracker();
    const flow = ensureReader(engine.log, 'flow');
    tracker.update(engine);
    advance(engine, 60); // paused: not polled
    const behind = tracker.update(engine).consumers.find((c) => c.name === 'flow');
    expect(behind?.lag).toBe(engine.log.end - flow.offset);
    expect(behind?.moved).toBe(false);
    const lag = behind?.lag ?? 0;
    expect(lag).toBeGreaterThan(100);
    flow.poll(100);
    const catching = tracker.update(engine).consumers.find((c) => c.name === 'flow');
    expect(catching).toMatchObject({ lag: lag - 100, moved: true });
    while (flow.lag() > 0) flow.poll(100);
    expect(tracker.update(engine).consumers.find((c) => c.name === 'flow')?.lag).toBe(0);
  });

  it('catches up geometrically even while the producers keep going', () => {
    expect(catchUpSize(0, 0, 400)).toBe(0);
    expect(catchUpSize(100, 0, 400)).toBe(100); // all new, nothing behind: read it all
    expect(catchUpSize(20_600, 20_000, 400)).toBe(600 + 5000); // what arrived + a quarter of the backlog
    expect(catchUpSize(1100, 1000, 400)).toBe(500); // at least a batch of the backlog
    let backlog = 20_000;
    let refreshes = 0;
    while (backlog > 0 && refreshes < 100) {
      const lag = backlog + 600; // 600 new events every refresh
      backlog = lag - catchUpSize(lag, backlog, 400);
      refreshes++;
    }
    expect(refreshes).toBeLessThan(20);
  });

  it('counts what a reader missed when the ring evicted it before it read', () => {
    const engine = runScenario('demo', 1, { logCapacity: 50 });
    const slow = engine.log.reader('slow', engine.log.start);
    const at = slow.offset;
    advance(engine, 20);
    const c = createFlowTracker()
      .update(engine)
      .consumers.find((x) => x.name === 'slow');
    expect(c?.missed).toBe(engine.log.start - at);
    expect(c?.lag).toBe(50);
  });

  it('starts over on a new engine', () => {
    const tracker = createFlowTracker();
    tracker.update(runScenario('demo', 20));
    const fresh = runScenario('demo', 2, { seed: 3 });
    const snap = tracker.update(fresh);
    expect(snap.producers.reduce((n, p) => n + p.total, 0)).toBe(fresh.log.end);
    expect(snap.producers.every((p) => p.recent === 0)).toBe(true);
  });
});

describe('diagram layout', () => {
  it('stacks producers left and consumers right, inside the picture, without overlaps', () => {
    for (const [p, c] of [
      [1, 1],
      [6, 4],
      [3, 9],
    ] as const) {
      const L = flowLayout(p, c);
      expect(L.producers).toHaveLength(p);
      expect(L.consumers).toHaveLength(c);
      for (const col of [L.producers, L.consumers])
        col.forEach((b, i) => {
          expect(b.y).toBeGreaterThanOrEqual(0);
          expect(b.y + b.h).toBeLessThanOrEqual(L.height);
          expect(b.x + b.w).toBeLessThanOrEqual(L.width);
          if (i > 0) expect(b.y).toBeGreaterThanOrEqual((col[i - 1] as typeof b).y + b.h);
        });
      const P = L.producers[0] as (typeof L.producers)[number];
      const C = L.consumers[0] as (typeof L.consumers)[number];
      expect(P.x + P.w).toBeLessThan(L.topic.x);
      expect(L.topic.x + L.topic.w).toBeLessThan(C.x);
    }
  });

  it('draws edges from the right middle of one box to the left middle of the next', () => {
    expect(edgePath({ x: 0, y: 0, w: 10, h: 20 }, { x: 30, y: 40, h: 20 })).toBe('M10 10 C20 10 20 50 30 50');
  });
});
