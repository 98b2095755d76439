import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { NatsConnection } from '@nats-io/nats-core';
import type { JetStreamClient } from '@nats-io/jetstream';
import { readRoom } from '../../../src/net/consumer';
import type { RoomEvent } from '../../../src/net/message';
import { eventSubject } from '../../../src/net/subjects';
import { cityScenario } from '../../../src/scenarios/city';
import { scenarioCatalogue } from '../../../src/engine';
import { freshRoom, open } from './client';

let nc: NatsConnection;
let js: JetStreamClient;
beforeAll(async () => {
  ({ nc, js } = await open(inject('brokerUrl')));
});
afterAll(async () => {
  await nc.close();
});

const events = scenarioCatalogue(cityScenario).events;
const good = { run: 'r', seq: 1, tick: 2, type: 'wanted.changed', payload: { from: 1, to: 2 } };

describe('hostile messages on a room', () => {
  it('drops and counts every malformed or hostile message and still delivers the good one', async () => {
    const room = freshRoom('hostile');
    const subject = eventSubject(room, 'eve', 'wanted.changed');
    const bad: [string, string | Uint8Array][] = [
      [subject, 'x'.repeat(20_000)],
      [subject, 'not json {'],
      [subject, new Uint8Array([0xff, 0xfe, 0x7b, 0x7d])],
      [subject, JSON.stringify({ ...good, extra: 1 })],
      [subject, JSON.stringify({ ...good, type: 'crime.committed' })],
      [subject, JSON.stringify({ ...good, payload: { from: 1, to: '<img src=x onerror=alert(1)>' } })],
      [subject, '{"run":"r","seq":1,"tick":2,"type":"wanted.changed","payload":{"__proto__":{"polluted":1}}}'],
      [eventSubject(room, 'eve', 'made.up'), JSON.stringify({ ...good, type: 'made.up', payload: {} })],
      [subject, JSON.stringify({ ...good, run: '../../etc' })],
    ];
    for (const [s, body] of bad) await js.publish(s, body);
    await js.publish(subject, JSON.stringify(good));
    const got: RoomEvent[] = [];
    const drops = await readRoom(js, { room, events }, (ev) => got.push(ev));
    expect(drops.dropped).toBe(bad.length);
    expect(got).toEqual([{ stream: got[0]?.stream, room, student: 'eve', ...good }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
