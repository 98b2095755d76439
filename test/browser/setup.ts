import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildIfStale, startVite } from '../../src/tools/browser/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the site if dist/ is missing or older than its sources, serves it with `vite preview`, and stops it after. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH)`,
    );
  buildIfStale();
  const server = await startVite('preview');
  project.provide('baseUrl', server.url);
  return server.stop;
}
