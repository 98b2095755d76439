import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { brokerInstalled, freePort, MISSING_BROKER, startBroker } from '../../../src/cli/classroom/broker';

declare module 'vitest' {
  export interface ProvidedContext {
    brokerUrl: string;
    brokerWsUrl: string;
  }
}

/** Starts one nats-server (JetStream in a temp folder, WebSocket on) on free ports for the broker tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!brokerInstalled()) throw new Error(MISSING_BROKER);
  const store = mkdtempSync(join(tmpdir(), 'siren-nats-'));
  const broker = await startBroker({ host: '127.0.0.1', port: await freePort(), wsPort: await freePort(), store });
  project.provide('brokerUrl', broker.url);
  project.provide('brokerWsUrl', broker.wsUrl);
  return async () => {
    await broker.stop();
    rmSync(store, { recursive: true, force: true });
  };
}
