import { describe, expect, it } from 'vitest';
import { createEvent, createLog } from '../../src/engine';
import type { EventLog, SirenEvent } from '../../src/engine';
import {
  compactPayload,
  createLogIndex,
  eventDetail,
  eventFamily,
  familyColour,
  setFamilyHues,
  offsetAtRow,
  rowOfOffset,
  rowToIndex,
  showAll,
  tickSeconds,
  visibleRange,
} from '../../src/ui/panels/log/model';
import { advance, runScenario } from './helpers';

/** Per-type counts of the retained log, counted the slow way. */
function countAll(log: EventLog): Map<string, number> {
  const m = new Map<string, number>();
  for (const ev of log.slice(log.start)) m.set(ev.type, (m.get(ev.type) ?? 0) + 1);
  return m;
}

/** A log filled with `n` synthetic events cycling through a few types. */
function syntheticLog(n: number, capacity: number): EventLog {
  const log = createLog(capacity, { hash: false });
  const types = ['damage', 'health.changed', 'npc.spawned', 'trigger.fired'];
  for (let i = 0; i < n; i++) {
    const type = types[i % types.length] as string;
    log.append(
      createEvent(
        i,
        type,
        Math.floor(i / 10),
        type === 'health.changed'
          ? { entity: i % 7, from: 100, to: 90 }
          : { n: i, who: i % 3 === 0 ? 'Goon' : 'police' },
      ),
    );
  }
  return log;
}

describe('event families and payloads', () => {
  it('takes the family from the part before the first dot', () => {
    expect(eventFamily('health.changed')).toBe('health');
    expect(eventFamily('demo.hp.changed')).toBe('demo');
    expect(eventFamily('damage')).toBe('damage');
  });

  it("colours the scenario's event families with the hues its view chose", () => {
    setFamilyHues({ damage: 0, health: 130 });
    expect(familyColour('damage')).toBe('hsl(0 70% 66%)');
    expect(familyColour('health')).toBe('hsl(130 70% 66%)');
    expect(familyColour('trigger')).toBe('hsl(210 70% 66%)');
    setFamilyHues({ damage: 200 });
    expect(familyColour('damage')).toBe('hsl(200 70% 66%)');
    expect(familyColour('constructor')).toMatch(/^hsl\(\d+ 70% 66%\)$/);
  });

  it('gives each family a stable colour, different for damage and health', () => {
    setFamilyHues({});
    expect(familyColour('damage')).toBe(familyColour('damage'));
    expect(familyColour('damage')).not.toBe(familyColour('health'));
    expect(familyColour('cpu')).toMatch(/^hsl\(\d+ 70% 66%\)$/);
    expect(familyColour('cpu')).toBe(familyColour('cpu'));
  });

  it('writes a change as old → new after the other fields', () => {
    expect(compactPayload({ entity: 0, from: 100, to: 95 })).toBe('entity=0 100 → 95');
    expect(compactPayload({ from: 1, to: 2 })).toBe('1 → 2');
  });

  it('writes other payloads as key=value, rounding floats and keeping arrays as JSON', () => {
    expect(compactPayload({ target: 3, source: 'goon', amount: 12.3456 })).toBe('target=3 source=goon amount=12.35');
    expect(compactPayload({ triggers: ['a', 'b'], opt: null })).toBe('triggers=["a","b"] opt=null');
    expect(compactPayload({})).toBe('');
  });

  it('shows ticks as seconds of game time', () => {
    expect(tickSeconds(90)).toBe('1.5 s');
    expect(tickSeconds(0)).toBe('0.0 s');
  });
});

describe('log index', () => {
  it('counts every retained event by type and matches them all with no filter', () => {
    const engine = runScenario('demo', 30);
    const index = createLogIndex();
    expect(index.update(engine.log)).toBe(true);
    expect(index.counts).toEqual(countAll(engine.log));
    expect(index.matches()).toEqual(engine.log.slice(engine.log.start).map((e) => e.seq));
  });

  it('reads only what was appended since the last update, and says when nothing changed', () => {
    const engine = runScenario('demo', 10);
    const index = createLogIndex();
    index.update(engine.log);
    expect(index.update(engine.log)).toBe(false);
    advance(engine, 10);
    expect(index.update(engine.log)).toBe(true);
    const fresh = createLogIndex();
    fresh.update(engine.log);
    expect(index.matches()).toEqual(fresh.matches());
    expect(index.counts).toEqual(fresh.counts);
  });

  it('hides unticked types', () => {
    const engine = runScenario('demo', 30);
    const index = createLogIndex({ hidden: new Set(['trigger.fired', 'demo.pulse']), text: '' });
    index.update(engine.log);
    const shown = index.matches().map((o) => (engine.log.at(o) as SirenEvent).type);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).not.toContain('trigger.fired');
    expect(shown).not.toContain('demo.pulse');
    expect(index.counts.get('trigger.fired')).toBeGreaterThan(0);
  });

  it('matches text in the type or the payload JSON, ignoring case', () => {
    const log = syntheticLog(400, 1000);
    const index = createLogIndex({ hidden: new Set(), text: 'GOON' });
    index.update(log);
    expect(index.matches().length).toBeGreaterThan(0);
    for (const o of index.matches()) expect(JSON.stringify(log.at(o)?.payload)).toContain('Goon');
    index.setFilter({ hidden: new Set(), text: 'health.ch' });
    expect(index.matches()).toEqual(
      log
        .slice(0)
        .filter((e) => e.type === 'health.changed')
        .map((e) => e.seq),
    );
    index.setFilter(showAll);
    expect(index.matches().length).toBe(400);
  });

  it('matches what a row shows (kind=hospital, 100 → 95) as well as the JSON ("kind":"hospital")', () => {
    const log = createLog(100, { hash: false });
    log.append(createEvent(0, 'zone.entered', 0, { zone: 'hospital-1', kind: 'hospital' }));
    log.append(createEvent(1, 'zone.entered', 1, { zone: 'turf-2', kind: 'turf' }));
    log.append(createEvent(2, 'health.changed', 2, { entity: 0, from: 100, to: 95 }));
    const index = createLogIndex({ hidden: new Set(), text: 'kind=hospital' });
    index.update(log);
    expect(index.matches()).toEqual([0]);
    index.setFilter({ hidden: new Set(), text: '"kind":"turf"' });
    expect(index.matches()).toEqual([1]);
    index.setFilter({ hidden: new Set(), text: '100 → 95' });
    expect(index.matches()).toEqual([2]);
    index.setFilter({ hidden: new Set(), text: 'kind=nowhere' });
    expect(index.matches()).toEqual([]);
  });

  it('after "none", a type first seen later stays hidden; only the types ticked since show', () => {
    const log = createLog(100, { hash: false });
    const index = createLogIndex({ hidden: new Set(), only: new Set(), text: '' });
    log.append(createEvent(0, 'damage', 0, { n: 0 }));
    index.update(log);
    expect(index.matches()).toEqual([]);
    log.append(createEvent(1, 'pursuit.started', 1, {}));
    index.update(log);
    expect(index.matches()).toEqual([]);
    index.setFilter({ hidden: new Set(), only: new Set(['pursuit.started']), text: '' });
    log.append(createEvent(2, 'health.changed', 2, {}));
    index.update(log);
    expect(index.matches()).toEqual([1]);
  });

  it('keeps up with a ring that evicts, over 15,000 events', () => {
    const log = createLog(10_000, { hash: false });
    const index = createLogIndex({ hidden: new Set(['npc.spawned']), text: '' });
    for (let i = 0; i < 15_000; i++) {
      const type = ['damage', 'health.changed', 'npc.spawned'][i % 3] as string;
      log.append(createEvent(i, type, i, { n: i }));
      if (i % 997 === 0) index.update(log);
    }
    index.update(log);
    expect(log.start).toBe(5000);
    expect([...index.counts.values()].reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(index.counts).toEqual(countAll(log));
    expect(index.matches()[0]).toBeGreaterThanOrEqual(log.start);
    expect(index.matches().length).toBe(log.slice(log.start).filter((e) => e.type !== 'npc.spawned').length);
  });

  it('starts over when the log is rewound or the engine swapped', () => {
    const engine = runScenario('demo', 20);
    const index = createLogIndex();
    index.update(engine.log);
    engine.rewind(engine.tick - 300);
    advance(engine, 8); // past where it was: same offsets, other events
    index.update(engine.log);
    const fresh = createLogIndex();
    fresh.update(engine.log);
    expect(index.counts).toEqual(fresh.counts);
    expect(index.matches()).toEqual(fresh.matches());

    const other = runScenario('demo', 5, { seed: 99 });
    index.update(other.log);
    expect(index.counts).toEqual(countAll(other.log));
  });
});

describe('virtual list', () => {
  it('renders only the rows in view, plus overscan, clamped to the list', () => {
    expect(visibleRange(0, 220, 22, 10_000, 0)).toEqual({ first: 0, last: 10 });
    expect(visibleRange(22 * 500, 220, 22, 10_000, 5)).toEqual({ first: 495, last: 515 });
    expect(visibleRange(22 * 9995, 220, 22, 10_000, 5)).toEqual({ first: 9990, last: 10_000 });
    expect(visibleRange(0, 400, 22, 0)).toEqual({ first: 0, last: 0 });
  });

  it('maps rows to offsets oldest first or newest first, and back', () => {
    const log = createLog(100, { hash: false });
    for (let i = 0; i < 14; i++)
      log.append(createEvent(i, [3, 5, 8, 13].includes(i) ? 'damage' : 'npc.spawned', i, {}));
    const index = createLogIndex({ hidden: new Set(['npc.spawned']), text: '' });
    index.update(log);
    expect(index.matches()).toEqual([3, 5, 8, 13]);
    expect(index.size).toBe(4);
    expect(offsetAtRow(index, 0, false)).toBe(3);
    expect(offsetAtRow(index, 0, true)).toBe(13);
    expect(offsetAtRow(index, 4, false)).toBeUndefined();
    expect(rowOfOffset(index, 8, false)).toBe(2);
    expect(rowOfOffset(index, 8, true)).toBe(1);
    expect(rowOfOffset(index, 6, false)).toBe(2); // the nearest later one
    expect(rowOfOffset(index, 14, false)).toBe(-1);
    expect(rowToIndex(0, 4, true)).toBe(3);
  });

  it('keeps row lookups right after the ring evicts the oldest matches', () => {
    const log = createLog(10, { hash: false });
    const index = createLogIndex();
    for (let i = 0; i < 25; i++) log.append(createEvent(i, 'damage', i, {}));
    index.update(log);
    expect(index.size).toBe(10);
    expect(offsetAtRow(index, 0, false)).toBe(15);
    expect(rowOfOffset(index, 3, false)).toBe(0); // evicted: the oldest retained one
    expect(rowOfOffset(index, 24, true)).toBe(0);
  });
});

describe('event detail', () => {
  it('gives the payload, tick in seconds and the selectable cause', () => {
    const engine = runScenario('demo', 30);
    const changed = engine.log.slice(0).find((e) => e.type === 'demo.hp.changed') as SirenEvent;
    const d = eventDetail(engine.log, changed.seq);
    expect(d.event).toBe(changed);
    expect(d.seconds).toBe(tickSeconds(changed.tick));
    expect(JSON.parse(d.payloadJson as string)).toEqual(changed.payload);
    expect(d.cause).toEqual({ seq: changed.cause?.seq, trigger: 'hit-hurts', type: 'demo.hit', retained: true });
  });

  it('says when the event or its cause has been evicted', () => {
    const log = createLog(3, { hash: false });
    log.append(createEvent(0, 'damage', 0, { target: 0 }));
    log.append(
      createEvent(1, 'health.changed', 0, { entity: 0, from: 100, to: 90 }, { seq: 0, trigger: 'damage-hurts' }),
    );
    log.append(createEvent(2, 'npc.spawned', 1, { npc: 1 }));
    log.append(createEvent(3, 'npc.spawned', 1, { npc: 2 }));
    expect(eventDetail(log, 0).event).toBeNull();
    expect(eventDetail(log, 1).cause).toEqual({ seq: 0, trigger: 'damage-hurts', type: null, retained: false });
  });
});
