import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../../src/engine/events';
import { createPublisher } from '../../../src/net/publisher';
import { readRoom } from '../../../src/net/consumer';
import { freePort, startBroker } from '../../../src/cli/classroom/broker';
import type { Broker } from '../../../src/cli/classroom/broker';
import { open } from './client';

const store = mkdtempSync(join(tmpdir(), 'siren-nats-restart-'));
let broker: Broker | undefined;
afterAll(async () => {
  await broker?.stop();
  rmSync(store, { recursive: true, force: true });
});

const until = async (ok: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('a broker killed mid-run and restarted', () => {
  it('keeps every acknowledged event, and the publisher resumes without a duplicate or a gap', async () => {
    const options = { host: '127.0.0.1', port: await freePort(), wsPort: await freePort(), store };
    broker = await startBroker(options);
    const { nc, js } = await open(broker.url);
    const acked = new Set<number>();
    const pub = createPublisher({
      js,
      room: 'crash',
      student: 'ann',
      run: 'run1',
      batch: 32,
      ackTimeout: 1000,
      onAck: (seq) => acked.add(seq),
    });
    let seq = 0;
    const produce = (n: number) => {
      for (let i = 0; i < n; i++, seq++) pub.push(createEvent(seq, 'lab.ping', seq, { n: seq }));
    };
    produce(500);
    await until(() => acked.size >= 100);
    await broker.kill();
    const ackedAtKill = [...acked];
    produce(300);
    await until(() => pub.status().state === 'offline');
    expect(pub.status().queued).toBeGreaterThan(0);
    broker = await startBroker(options);
    produce(200);
    await pub.drained();
    expect(pub.status().state).toBe('live');
    pub.close();
    await nc.close();

    const { nc: reader, js: rjs } = await open(broker.url);
    const seqs: number[] = [];
    await readRoom(rjs, { room: 'crash', anyType: true }, (ev) => seqs.push(ev.seq));
    await reader.close();
    expect(seqs).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    for (const s of ackedAtKill) expect(seqs).toContain(s);
  });
});
