import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The broker binary: $NATS_SERVER, or the first nats-server on PATH or where Debian installs it (/usr/sbin). */
export const NATS_SERVER =
  process.env.NATS_SERVER ??
  [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/sbin', '/usr/bin', '/usr/local/bin']
    .map((dir) => join(dir, 'nats-server'))
    .find((p) => existsSync(p)) ??
  'nats-server';

/** The broker's config file in the repo; ports, host and store folder come from the environment. */
export const NATS_CONF = fileURLToPath(new URL('../../../classroom/nats.conf', import.meta.url));

/** The one line printed when the broker is not installed. */
export const MISSING_BROKER = `nats-server not found (on PATH or in /usr/sbin): install it with "apt-get install -y nats-server" (or set NATS_SERVER)`;

/** Where and how a broker listens. */
export interface BrokerOptions {
  readonly host: string;
  readonly port: number;
  readonly wsPort: number;
  /** The JetStream file store folder (kept across restarts). */
  readonly store: string;
}

/** A running nats-server child process. */
export interface Broker {
  readonly url: string;
  readonly wsUrl: string;
  readonly child: ChildProcess;
  /** Stops it gracefully (SIGTERM, then SIGKILL after 3 s). */
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
}

/** True when the broker binary is installed. */
export function brokerInstalled(): boolean {
  return existsSync(NATS_SERVER);
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ host: host === '0.0.0.0' ? '127.0.0.1' : host, port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

function waitExit(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
    if (signal !== 'SIGKILL') setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

/** Starts nats-server from the repo's config and waits until its client and WebSocket ports answer. */
export async function startBroker(o: BrokerOptions): Promise<Broker> {
  if (!brokerInstalled()) throw new Error(MISSING_BROKER);
  const env = {
    ...process.env,
    SIREN_NATS_HOST: o.host,
    SIREN_NATS_PORT: String(o.port),
    SIREN_NATS_WS_PORT: String(o.wsPort),
    SIREN_NATS_STORE: o.store,
  };
  const child = spawn(NATS_SERVER, ['-c', NATS_CONF], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const deadline = Date.now() + 10_000;
  while (!((await answers(o.host, o.port)) && (await answers(o.host, o.wsPort)))) {
    if (child.exitCode !== null) throw new Error(`nats-server exited early:\n${output}`);
    if (Date.now() > deadline) {
      await waitExit(child, 'SIGKILL');
      throw new Error(`nats-server did not listen on ${o.port} within 10 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const local = o.host === '0.0.0.0' ? '127.0.0.1' : o.host;
  return {
    url: `nats://${local}:${o.port}`,
    wsUrl: `ws://${local}:${o.wsPort}`,
    child,
    stop: () => waitExit(child, 'SIGTERM'),
    kill: () => waitExit(child, 'SIGKILL'),
  };
}
