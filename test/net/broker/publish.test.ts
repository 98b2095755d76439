import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { NatsConnection } from '@nats-io/nats-core';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { createEvent } from '../../../src/engine/events';
import type { SirenEvent } from '../../../src/engine/events';
import { createPublisher } from '../../../src/net/publisher';
import { readRoom, roomConsumers, ensureDurable, consumeDurable } from '../../../src/net/consumer';
import type { RoomEvent } from '../../../src/net/message';
import { freshRoom, open } from './client';

let nc: NatsConnection;
let js: JetStreamClient;
let jsm: JetStreamManager;

beforeAll(async () => {
  ({ nc, js, jsm } = await open(inject('brokerUrl')));
});
afterAll(async () => {
  await nc.close();
});

function pings(n: number, from = 0): SirenEvent[] {
  return Array.from({ length: n }, (_, i) => createEvent(from + i, 'lab.ping', from + i, { n: from + i }));
}

async function readAll(room: string, extra: { from?: number; student?: string; type?: string } = {}) {
  const got: RoomEvent[] = [];
  const drops = await readRoom(js, { room, anyType: true, ...extra }, (ev) => got.push(ev));
  return { got, drops };
}

describe('publishing a run to a room and reading it back', () => {
  it('delivers every event once, in order, with increasing stream sequences and its content intact', async () => {
    const room = freshRoom('pub');
    const pub = createPublisher({ js, room, student: 'ann', run: 'r1', batch: 64 });
    for (const ev of pings(300)) pub.push(ev);
    await pub.drained();
    pub.close();
    const { got, drops } = await readAll(room);
    expect(drops.dropped).toBe(0);
    expect(got.map((e) => e.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(got[5]).toMatchObject({ room, student: 'ann', run: 'r1', type: 'lab.ping', tick: 5, payload: { n: 5 } });
    for (let i = 1; i < got.length; i++) expect(got[i]!.stream).toBeGreaterThan(got[i - 1]!.stream);
  });

  it('drops a republish of the same run and seq (message ids), so retrying never duplicates', async () => {
    const room = freshRoom('dedup');
    for (let round = 0; round < 2; round++) {
      const pub = createPublisher({ js, room, student: 'bob', run: 'same-run' });
      for (const ev of pings(50)) pub.push(ev);
      await pub.drained();
      expect(pub.status()).toMatchObject({ state: 'live', acked: 50, queued: 0 });
      pub.close();
    }
    const { got } = await readAll(room);
    expect(got).toHaveLength(50);
  });

  it('reads from a stream sequence and filters by student and by type', async () => {
    const room = freshRoom('filter');
    for (const student of ['ann', 'bob']) {
      const pub = createPublisher({ js, room, student, run: 'r' });
      for (const ev of pings(10)) pub.push(ev);
      pub.push(createEvent(10, 'lab.hit', 10, { target: 1, amount: 2, source: 'x' }));
      await pub.drained();
      pub.close();
    }
    const all = (await readAll(room)).got;
    expect(all).toHaveLength(22);
    const from = all[15]!.stream;
    expect((await readAll(room, { from })).got.map((e) => e.stream)).toEqual(all.slice(15).map((e) => e.stream));
    expect((await readAll(room, { student: 'bob' })).got.every((e) => e.student === 'bob')).toBe(true);
    expect((await readAll(room, { type: 'lab.hit' })).got.map((e) => e.student)).toEqual(['ann', 'bob']);
  });

  it('reports a durable consumer with its lag, which falls to zero once it has read and acknowledged', async () => {
    const room = freshRoom('lag');
    const pub = createPublisher({ js, room, student: 'ann', run: 'r' });
    for (const ev of pings(40)) pub.push(ev);
    await pub.drained();
    pub.close();
    await ensureDurable(jsm, room, 'teacher');
    expect(await roomConsumers(jsm, room)).toEqual([{ name: 'teacher', pending: 40, ackPending: 0, delivered: 0 }]);
    const seen: RoomEvent[] = [];
    const reader = await consumeDurable(js, 'teacher', { anyType: true }, (ev) => seen.push(ev));
    for (let i = 0; i < 100 && seen.length < 40; i++) await new Promise((r) => setTimeout(r, 20));
    await reader.stop();
    expect(seen).toHaveLength(40);
    for (let i = 0; i < 50; i++) {
      const [lag] = await roomConsumers(jsm, room);
      if (lag!.ackPending === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await roomConsumers(jsm, room)).toMatchObject([{ name: 'teacher', pending: 0, ackPending: 0 }]);
    await jsm.consumers.delete('SIREN', 'teacher');
  });
});
