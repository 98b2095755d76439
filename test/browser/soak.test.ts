import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser';
import { runSoak, soakReport } from '../../src/tools/soak/pageSoak';

const base = inject('baseUrl');

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('browser soak, short (npm run soak:browser runs the long one)', () => {
  it(
    'keeps the DOM and the JS heap flat over 50 s with the autopilot playing and every panel shown in turn',
    { timeout: 240_000 },
    async () => {
      // Samples at 20, 30, 40 and 50 s; the first is the baseline.
      const r = await runSoak(browser, {
        url: `${base}?autopilot=1&muted=1`,
        durationMs: 50_000,
        intervalMs: 10_000,
        firstSampleMs: 20_000,
        baselineAtMs: 20_000,
      });
      console.log(`${r.url}\n${soakReport(r)}`);
      expect(r.panels.length).toBeGreaterThanOrEqual(8);
      expect(r.samples).toHaveLength(4);
      for (const c of r.checks) expect(c.ok, `${c.what}: ${c.detail}`).toBe(true);
      expect(r.ok).toBe(true);
    },
  );
});
