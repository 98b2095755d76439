import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { ensureStream } from '../../../src/net/stream';

/** A connection to a test broker with its JetStream client and manager, the stream ensured. */
export async function open(url: string): Promise<{ nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager }> {
  const nc = await connect({ servers: url, maxReconnectAttempts: -1, reconnectTimeWait: 100 });
  const jsm = await jetstreamManager(nc);
  await ensureStream(jsm);
  return { nc, js: jetstream(nc), jsm };
}

let n = 0;
/** A room name no other test uses (they share one stream). */
export function freshRoom(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${n++}`;
}
