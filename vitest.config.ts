import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';

const BROWSER_DIR = 'test/browser';
const BROWSER_SETUP = 'test/browser/setup.ts';

/** True when test/browser contains at least one *.test.ts file (recursively). */
function hasBrowserTests(dir: string): boolean {
  if (!existsSync(dir)) return false;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() ? hasBrowserTests(full) : entry.name.endsWith('.test.ts')) return true;
  }
  return false;
}

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'unit',
      include: ['test/**/*.test.ts'],
      exclude: ['test/browser/**', 'test/net/broker/**', 'node_modules/**'],
      environment: 'node',
    },
  },
  // Integration tests on a real nats-server: one broker for all of them, started by the global setup.
  {
    extends: true,
    test: {
      name: 'broker',
      include: ['test/net/broker/**/*.test.ts'],
      environment: 'node',
      fileParallelism: false,
      testTimeout: 30_000,
      hookTimeout: 30_000,
      globalSetup: ['test/net/broker/setup.ts'],
    },
  },
];

// The browser project exists only once there are browser tests; its global setup only if the file exists.
if (hasBrowserTests(BROWSER_DIR)) {
  projects.push({
    extends: true,
    test: {
      name: 'browser',
      include: ['test/browser/**/*.test.ts'],
      environment: 'node',
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 180_000,
      ...(existsSync(BROWSER_SETUP) ? { globalSetup: [BROWSER_SETUP] } : {}),
    },
  });
}

export default defineConfig({
  test: {
    projects,
  },
});
