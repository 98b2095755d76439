import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, startBroker } from '../../src/cli/classroom/broker';
import type { Broker } from '../../src/cli/classroom/broker';
import { launch, openPage, shot } from './browser';

const base = inject('baseUrl');
const room = `b${Date.now().toString(36)}`;
const store = mkdtempSync(join(tmpdir(), 'siren-nats-browser-'));
let broker: Broker;
let bots: ChildProcess;
let browser: Browser;

interface TeacherHook {
  students(): { name: string; total: number; lastStream: number }[];
  read(): number;
  lastStream(): number;
  replayed(): number;
  dropped(): number;
}
type TeacherWindow = typeof window & { sirenTeacher: TeacherHook };

beforeAll(async () => {
  broker = await startBroker({ host: '127.0.0.1', port: await freePort(), wsPort: await freePort(), store });
  // Three headless students from the CLI, publishing in real time for the length of the test.
  bots = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/classroom.ts',
      '--broker',
      broker.url,
      '--room',
      room,
      '--bots',
      '3',
      '--seconds',
      '120',
    ],
    { stdio: 'ignore' },
  );
  browser = await launch();
});
afterAll(async () => {
  bots?.kill('SIGTERM');
  await browser?.close();
  await broker?.stop();
  rmSync(store, { recursive: true, force: true });
});

const until = async (page: Page, what: string, ok: () => Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) {
      await shot(page, `classroom-${what}`);
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
};
const lagOf = (page: Page) => page.$eval('.t-lag', (el) => Number((el as HTMLElement).dataset.lag));

describe('a classroom: three CLI bots, a student page and the teacher page on one broker', () => {
  it('shows every student, the merged log with stream sequences, the consumer lag growing when paused, and a replay', async () => {
    const student = await openPage(
      browser,
      `${base}?autopilot=1&room=${room}&name=ann&broker=${encodeURIComponent(broker.wsUrl)}`,
      { width: 640, height: 400 },
    );
    await until(student.page, 'badge-live', async () =>
      (await student.page.$eval('.classroom-badge', (el) => el.textContent ?? '')).startsWith('live'),
    );
    const { page, problems } = await openPage(browser, `${base}classroom.html?room=${room}&broker=${broker.wsUrl}`);
    const hook = () =>
      page.evaluate(() =>
        (window as TeacherWindow).sirenTeacher
          .students()
          .map((s) => s.name)
          .sort(),
      );
    await until(page, 'students', async () => (await hook()).length === 4);
    expect(await hook()).toEqual(['ann', 'bot1', 'bot2', 'bot3']);
    // The page redraws a few times a second: the log shows what the model already holds at its next refresh.
    await until(page, 'log rows', async () => (await page.$$('.t-log .t-seq')).length > 0);
    const seqs = await page.$$eval('.t-log .t-seq', (els) => els.map((e) => Number(e.textContent)));
    expect(seqs.length).toBeGreaterThan(0);
    expect(seqs.every((s, i) => i === 0 || s > (seqs[i - 1] as number))).toBe(true);

    await page.click('.t-pause');
    await until(page, 'lag-grows', async () => (await lagOf(page)) > 5);
    await page.click('.t-pause');
    await until(page, 'lag-caught-up', async () => (await lagOf(page)) < 5);

    await page.fill('.t-from', '1');
    await page.click('.t-replay');
    await until(page, 'replay', async () =>
      page.evaluate(() => (window as TeacherWindow).sirenTeacher.replayed() > 10),
    );
    expect(await page.evaluate(() => (window as TeacherWindow).sirenTeacher.dropped())).toBe(0);

    // The student page's Flow panel shows the broker: its events' stream sequences and the teacher's consumer.
    await student.page.keyboard.press('i');
    await student.page.click('[data-panel="flow"]');
    await until(student.page, 'flow-broker', async () =>
      student.page.$$eval(
        '.flow-broker-consumers td',
        (tds, name) => tds.some((td) => td.textContent === name),
        `teacher-${room}`,
      ),
    );
    expect(await student.page.$$eval('.flow-acks tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    expect(student.problems).toEqual([]);

    // The page may connect to its own origin and the chosen broker only: any other WebSocket origin is refused.
    await student.page.evaluate(() => {
      try {
        new WebSocket('ws://127.0.0.1:9/');
      } catch {
        // refused synchronously
      }
    });
    await until(student.page, 'csp', async () => student.problems.some((p) => p.includes('connect-src')), 5000);
  });
});
