import { describe, expect, it } from 'vitest';
import { createEvent, scenarioCatalogue } from '../../src/engine';
import { canonicalJson, decodeEvent, encodeEvent, MAX_MESSAGE_BYTES } from '../../src/net/message';
import { isToken, messageId, parseSubject, roomFilter } from '../../src/net/subjects';
import { cityScenario } from '../../src/scenarios/city';

const events = scenarioCatalogue(cityScenario).events;
const bytes = (s: string) => new TextEncoder().encode(s);

describe('room subjects and message ids', () => {
  it('accepts letters, digits, - and _ as tokens and nothing a subject could misread', () => {
    expect(['r1', 'class-3_b', 'A'].every(isToken)).toBe(true);
    expect(['', 'r.1', 'r 1', 'a*', 'a>', 'é', 'x'.repeat(65)].some(isToken)).toBe(false);
    expect(roomFilter('r1')).toBe('siren.r1.*.>');
    expect(roomFilter('r1', 'ann', 'crime.committed')).toBe('siren.r1.ann.crime.committed');
    expect(messageId('r1', 'ann', 'abc', 7)).toBe('r1/ann/abc/7');
    expect(parseSubject('siren.r1.ann.crime.committed')).toEqual({
      room: 'r1',
      student: 'ann',
      type: 'crime.committed',
    });
    expect(parseSubject('siren.r1.ann')).toBeNull();
  });
});

describe('event messages', () => {
  it('encode canonically (sorted keys) and decode back to the same event with its stream sequence', () => {
    const ev = createEvent(3, 'wanted.changed', 9, { to: 2, from: 1 }, { seq: 2, trigger: 'crime-raises-wanted' });
    const text = encodeEvent('run1', ev);
    expect(text).toBe(
      '{"cause":{"seq":2,"trigger":"crime-raises-wanted"},"payload":{"from":1,"to":2},"run":"run1","seq":3,"tick":9,"type":"wanted.changed"}',
    );
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
    const r = decodeEvent('siren.r1.ann.wanted.changed', bytes(text), 42, { events });
    expect(r).toEqual({
      ok: true,
      event: {
        stream: 42,
        room: 'r1',
        student: 'ann',
        run: 'run1',
        seq: 3,
        tick: 9,
        type: 'wanted.changed',
        payload: { from: 1, to: 2 },
        cause: { seq: 2, trigger: 'crime-raises-wanted' },
      },
    });
  });

  it('refuses each kind of bad message with a reason', () => {
    const good = '{"payload":{"from":1,"to":2},"run":"r","seq":1,"tick":1,"type":"wanted.changed"}';
    const subject = 'siren.r1.ann.wanted.changed';
    const reason = (s: string, body: string | Uint8Array, anyType = false) => {
      const r = decodeEvent(s, typeof body === 'string' ? bytes(body) : body, 1, { events, anyType });
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason(subject, good)).toBe('ok');
    expect(reason(subject, ' '.repeat(MAX_MESSAGE_BYTES + 1))).toMatch(/^too large/);
    expect(reason('siren.r 1.ann.wanted.changed', good)).toBe('not a room subject');
    expect(reason(subject, new Uint8Array([0xc3, 0x28]))).toBe('not UTF-8 JSON');
    expect(reason(subject, good.replace('"to":2', '"to":"2"'))).toBe('payload is not a wanted.changed');
    expect(reason('siren.r1.ann.crime.committed', good)).toBe('type differs from the subject');
    expect(reason(subject, good.replace('"run":"r"', '"run":"r","x":1'))).toMatch(/^bad shape/);
    const madeUp = good.replace('wanted.changed', 'made.up');
    expect(reason('siren.r1.ann.made.up', madeUp)).toBe('unknown event type made.up');
    expect(reason('siren.r1.ann.made.up', madeUp, true)).toBe('ok');
  });
});
