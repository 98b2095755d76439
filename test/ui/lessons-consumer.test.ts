import { describe, expect, it } from 'vitest';
import { createLessonConsumer, LESSONS_READER } from '../../src/ui/panels/lessons/consumer';
import { loadProgress, progressKey, saveProgress } from '../../src/ui/panels/lessons/progress';
import { advance, runScenario } from './helpers';

describe("the lessons' log consumer", () => {
  it('reads from its own offset: what was appended while nobody polled is read on the next poll', () => {
    const engine = runScenario('city', 2);
    const c = createLessonConsumer();
    c.begin(engine.log, 'a');
    expect(c.poll(engine.log, 'a', engine.tick).events).toEqual([]);
    const from = engine.log.end;
    advance(engine, 3);
    expect(c.reader(engine.log).lag()).toBe(engine.log.end - from);
    const batch = c.poll(engine.log, 'a', engine.tick);
    expect(batch.events.map((e) => e.seq)).toEqual(engine.log.slice(from).map((e) => e.seq));
    expect(batch.rewound).toBe(false);
    expect(engine.log.readers.filter((r) => r.name === LESSONS_READER)).toHaveLength(1);
  });

  it('keeps an offset per lesson', () => {
    const engine = runScenario('city', 1);
    const c = createLessonConsumer();
    c.begin(engine.log, 'a');
    const aFrom = engine.log.end;
    advance(engine, 1);
    c.begin(engine.log, 'b');
    advance(engine, 1);
    expect(c.poll(engine.log, 'b', engine.tick).events.length).toBeGreaterThan(0);
    const a = c.poll(engine.log, 'a', engine.tick).events;
    expect(a[0]?.seq).toBe(aFrom);
    expect(a.at(-1)?.seq).toBe(engine.log.end - 1);
  });

  it('notices the clock going back by time travel', () => {
    const engine = runScenario('city', 5);
    const c = createLessonConsumer();
    c.begin(engine.log, 'a');
    c.poll(engine.log, 'a', engine.tick);
    engine.rewind(engine.tick - 90);
    expect(c.poll(engine.log, 'a', engine.tick).rewound).toBe(true);
    expect(c.poll(engine.log, 'a', engine.tick).rewound).toBe(false);
  });

  it('notices events it read replaced by time travel, even once the clock has passed that point again', () => {
    const engine = runScenario('city', 5);
    const c = createLessonConsumer();
    c.begin(engine.log, 'a');
    const pilot = engine.scenario.createAutopilot(7);
    while (engine.log.at(engine.log.end - 1)?.tick !== engine.tick - 1)
      engine.step(pilot(engine.world, engine.runtime, engine.tick));
    expect(c.poll(engine.log, 'a', engine.tick).events.length).toBeGreaterThan(0);
    const at = engine.tick;
    engine.rewind(at - 3);
    advance(engine, 2);
    expect(engine.tick).toBeGreaterThan(at);
    expect(c.poll(engine.log, 'a', engine.tick).rewound).toBe(true);
    expect(c.poll(engine.log, 'a', engine.tick).rewound).toBe(false);
  });
});

describe('lesson progress in storage', () => {
  function memory() {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
  }

  it('round-trips per scenario', () => {
    const s = memory();
    saveProgress(s, 'city', {
      progress: { a: { step: 2, completed: false }, b: { step: 3, completed: true } },
      active: 'a',
    });
    expect(s.m.has(progressKey('city'))).toBe(true);
    expect(loadProgress(s, 'city', ['a', 'b'])).toEqual({
      progress: { a: { step: 2, completed: false }, b: { step: 3, completed: true } },
      active: 'a',
    });
    expect(loadProgress(s, 'cloud', ['a', 'b'])).toEqual({ progress: {}, active: null });
  });

  it('ignores anything unreadable, unknown lessons and bad entries', () => {
    const s = memory();
    s.m.set(progressKey('city'), '{oops');
    expect(loadProgress(s, 'city', ['a'])).toEqual({ progress: {}, active: null });
    s.m.set(
      progressKey('city'),
      JSON.stringify({
        progress: {
          a: { step: -1, completed: false },
          b: { step: 1, completed: false },
          c: { step: 1, completed: 'yes' },
        },
        active: 'zzz',
      }),
    );
    expect(loadProgress(s, 'city', ['a', 'b', 'c'])).toEqual({
      progress: { b: { step: 1, completed: false } },
      active: null,
    });
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadProgress(throwing, 'city', ['a'])).toEqual({ progress: {}, active: null });
    expect(() => saveProgress(throwing, 'city', { progress: {}, active: null })).not.toThrow();
  });
});
