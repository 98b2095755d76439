import { existsSync } from 'node:fs';
import { launch, openPage } from '../browser/chromium';
import { measureFrames, TIMING_SCRIPT } from '../browser/measure';
import { buildIfStale, startVite } from '../browser/server';
import { startBots } from '../../cli/classroom/bots';
import type { NodeLink } from '../../cli/classroom/connect';

/** The teacher's page with `bots` students publishing, against the bare Pixi stage, in one Chromium run. */
export async function teacherFps(
  link: NodeLink,
  wsUrl: string,
  bots: number,
  progress: (l: string) => void,
): Promise<{ bare: number; teacher: number; problems: string[] } | null> {
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) return null;
  progress('classroom: building the site if stale');
  buildIfStale();
  const server = await startVite('preview');
  const browser = await launch();
  const room = `fps${Date.now().toString(36)}`;
  const running = startBots(link, room, bots);
  try {
    const size = { width: 1280, height: 800 };
    const bare = await openPage(browser, `${server.url}bare.html`, size, { initScript: TIMING_SCRIPT });
    await bare.page.waitForTimeout(2000);
    const bareFps = (await measureFrames(bare.page, 5000)).fps;
    await bare.page.close();
    progress(`classroom: teacher's view with ${bots} bots`);
    const teacher = await openPage(browser, `${server.url}classroom.html?room=${room}&broker=${wsUrl}`, size, {
      initScript: TIMING_SCRIPT,
    });
    await teacher.page.waitForTimeout(4000);
    const fps = (await measureFrames(teacher.page, 5000)).fps;
    return { bare: bareFps, teacher: fps, problems: teacher.problems };
  } finally {
    await running.stop();
    await browser.close();
    await server.stop();
  }
}
