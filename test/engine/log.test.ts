import { describe, expect, it } from 'vitest';
import { createEvent, createHasher, createLog, toNdjson } from '../../src/engine';
import type { SirenEvent } from '../../src/engine';

const ev = (seq: number, type = 'x', payload: object = { n: seq }): SirenEvent =>
  createEvent(seq, type, Math.floor(seq / 2), payload);

function filled(capacity: number, count: number) {
  const log = createLog(capacity);
  for (let i = 0; i < count; i++) log.append(ev(i));
  return log;
}

describe('event log', () => {
  it('gives each appended event the next offset, from 0', () => {
    const log = filled(10, 3);
    expect([log.start, log.end]).toEqual([0, 3]);
    expect(log.at(0)?.seq).toBe(0);
    expect(log.at(2)?.seq).toBe(2);
    expect(log.at(3)).toBeUndefined();
    expect(log.at(-1)).toBeUndefined();
  });

  it('evicts the oldest events once full, moving start and keeping end', () => {
    const log = filled(4, 10);
    expect([log.start, log.end]).toEqual([6, 10]);
    expect(log.at(5)).toBeUndefined();
    expect(log.at(6)?.seq).toBe(6);
    expect(log.at(9)?.seq).toBe(9);
    expect(log.slice(0).map((e) => e.seq)).toEqual([6, 7, 8, 9]);
  });

  it('slices from an offset, at most max events, skipping evicted ones', () => {
    const log = filled(4, 10);
    expect(log.slice(7).map((e) => e.seq)).toEqual([7, 8, 9]);
    expect(log.slice(7, 2).map((e) => e.seq)).toEqual([7, 8]);
    expect(log.slice(2, 2).map((e) => e.seq)).toEqual([6, 7]);
    expect(log.slice(10)).toEqual([]);
  });

  it('lets readers consume from their own offset with their own lag', () => {
    const log = filled(100, 5);
    const fromStart = log.reader('panel', 0);
    const fromEnd = log.reader('trace');
    expect(fromStart.lag()).toBe(5);
    expect(fromEnd.lag()).toBe(0);
    expect(fromStart.poll(2).map((e) => e.seq)).toEqual([0, 1]);
    expect(fromStart.offset).toBe(2);
    expect(fromStart.lag()).toBe(3);
    log.append(ev(5));
    expect(fromEnd.poll().map((e) => e.seq)).toEqual([5]);
    expect(fromStart.poll().map((e) => e.seq)).toEqual([2, 3, 4, 5]);
    expect(fromStart.lag()).toBe(0);
    expect(log.readers.map((r) => r.name)).toEqual(['panel', 'trace']);
  });

  it('a lagging reader skips evicted events and counts only retained ones as lag', () => {
    const log = createLog(4);
    const r = log.reader('slow', 0);
    for (let i = 0; i < 10; i++) log.append(ev(i));
    expect(r.lag()).toBe(4);
    expect(r.poll().map((e) => e.seq)).toEqual([6, 7, 8, 9]);
    expect(r.offset).toBe(10);
  });

  it('seek moves a reader, clamped to what is retained', () => {
    const log = filled(4, 10);
    const r = log.reader('r', 9);
    r.seek(7);
    expect(r.offset).toBe(7);
    r.seek(0);
    expect(r.offset).toBe(6);
    r.seek(99);
    expect(r.offset).toBe(10);
    r.seek(8);
    expect(r.poll(1).map((e) => e.seq)).toEqual([8]);
  });

  it('tells append listeners of every event, in order, until they unsubscribe', () => {
    const log = createLog(2);
    const seen: number[] = [];
    const off = log.onAppend((e) => seen.push(e.seq));
    for (let i = 0; i < 3; i++) log.append(ev(i));
    off();
    log.append(ev(3));
    expect(seen).toEqual([0, 1, 2]);
  });

  it('hashes every event ever appended, including evicted ones', () => {
    const small = filled(2, 10);
    const big = filled(100, 10);
    expect(small.hash()).toBe(big.hash());
    const other = createLog(100);
    for (let i = 0; i < 10; i++) other.append(ev(i, i === 1 ? 'y' : 'x'));
    expect(other.hash()).not.toBe(big.hash()); // differs in an event long evicted from `small`
  });

  it('hashes the same events to the same digest, whatever the key order of payloads', () => {
    const a = createLog();
    const b = createLog();
    a.append(createEvent(0, 't', 0, { x: 1, y: [1, 'two', true, null], z: { b: 2, a: 1 } }));
    b.append(createEvent(0, 't', 0, { z: { a: 1, b: 2 }, y: [1, 'two', true, null], x: 1 }));
    expect(a.hash()).toBe(b.hash());
    expect(a.hash()).toMatch(/^[0-9a-f]{16}$/);
    b.append(ev(1));
    expect(a.hash()).not.toBe(b.hash());
  });

  it('a log with hashing off reports the empty digest', () => {
    const log = createLog(10, { hash: false });
    log.append(ev(0));
    expect(log.hash()).toBe(createHasher().digest());
  });

  it('truncate with a saved hash state gives the same hash and offsets as never having appended', () => {
    const log = filled(100, 5);
    const state = log.hashState();
    const before = log.hash();
    for (let i = 5; i < 9; i++) log.append(ev(i, 'other'));
    log.truncate(5, state);
    expect(log.hash()).toBe(before);
    expect(log.end).toBe(5);
    expect(log.at(5)).toBeUndefined();
    log.append(ev(5));
    expect(log.hash()).toBe(filled(100, 6).hash());
  });

  it('truncate moves readers back to the new end', () => {
    const log = filled(100, 5);
    const state = log.hashState();
    const r = log.reader('r');
    log.append(ev(5));
    r.poll();
    log.truncate(5, state);
    expect(r.offset).toBe(5);
    expect(r.lag()).toBe(0);
  });

  it('truncate after eviction never reports evicted offsets as retained', () => {
    const log = filled(4, 10); // retains 6..9
    const state = log.hashState();
    log.truncate(8, state);
    expect([log.start, log.end]).toEqual([6, 8]);
    expect(log.slice(0).map((e) => e.seq)).toEqual([6, 7]);
    expect(log.slice(0).every((e) => e !== undefined)).toBe(true);
  });

  it('truncate to an offset already evicted empties the log and resumes numbering there', () => {
    const hasher = createHasher();
    for (let i = 0; i < 3; i++) hasher.event(ev(i));
    const log = filled(4, 10);
    log.truncate(3, hasher.save());
    expect([log.start, log.end]).toEqual([3, 3]);
    expect(log.slice(0)).toEqual([]);
    for (let i = 3; i < 10; i++) log.append(ev(i));
    expect(log.hash()).toBe(filled(4, 10).hash());
    expect(log.slice(0).map((e) => e.seq)).toEqual([6, 7, 8, 9]);
  });

  it('writes NDJSON, one event per line', () => {
    const text = toNdjson([ev(0), ev(1)]);
    expect(text.split('\n')).toHaveLength(3);
    expect(JSON.parse(text.split('\n')[1]!)).toEqual({ seq: 1, type: 'x', tick: 0, payload: { n: 1 } });
  });
});
