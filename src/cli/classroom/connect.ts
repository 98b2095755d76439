import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { ensureStream } from '../../net/stream';
import { tokenProblem } from '../../net/subjects';
import { UsageError } from '../args';

/** A broker that could not be reached or answered wrongly: one line on stderr, exit 1. */
export class BrokerError extends UsageError {
  constructor(message: string) {
    super(message, 1);
  }
}

/** Checks a `--broker`/`--publish` URL: nats:// or tls:// with a host (the default port is 4222). */
export function brokerFlag(flag: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--${flag}: expected a broker URL like nats://127.0.0.1:4222, found ${JSON.stringify(raw)}`);
  }
  if ((url.protocol !== 'nats:' && url.protocol !== 'tls:') || !url.hostname)
    throw new UsageError(`--${flag}: expected a nats:// or tls:// URL with a host, found ${JSON.stringify(raw)}`);
  return raw;
}

/** Checks a room, student or consumer name flag: one subject token. */
export function tokenFlag(flag: string, raw: string | undefined, fallback?: string): string {
  const value = raw ?? fallback;
  if (value === undefined) throw new UsageError(`--${flag} is required`);
  const problem = tokenProblem(`--${flag}`, value);
  if (problem) throw new UsageError(problem);
  return value;
}

/** A JetStream connection from Node, with the classroom stream ensured. */
export interface NodeLink {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
}

/** Connects to a broker within `timeoutMs` (then reconnects by itself) and ensures the stream; BrokerError if it cannot. */
export async function connectBroker(url: string, timeoutMs = 5000): Promise<NodeLink> {
  let nc: NatsConnection;
  try {
    nc = await connect({ servers: url, timeout: timeoutMs, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  } catch (e) {
    throw new BrokerError(`cannot reach the broker at ${url}: ${(e as Error).message}`);
  }
  try {
    const jsm = await jetstreamManager(nc, { timeout: timeoutMs });
    await ensureStream(jsm);
    return { nc, js: jetstream(nc, { timeout: timeoutMs }), jsm };
  } catch (e) {
    await nc.close();
    throw new BrokerError(`the broker at ${url} has no usable JetStream: ${(e as Error).message}`);
  }
}
