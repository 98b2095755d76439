import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, createEvent } from '../../engine';
import type { SirenEvent } from '../../engine';
import { consumeDurable, ensureDurable, readRoom } from '../../net/consumer';
import { createPublisher } from '../../net/publisher';
import { findScenario, loadRulesFile } from '../../cli/load';
import { brokerInstalled, freePort, startBroker } from '../../cli/classroom/broker';
import { connectBroker } from '../../cli/classroom/connect';
import type { NodeLink } from '../../cli/classroom/connect';
import { teacherFps } from './classroomPage';
import { si } from './report';
import type { Benchmark, BenchOptions, BenchReport } from './report';

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Events/s published (acknowledged) and consumed through the broker from this one process (wall clock). */
async function throughput(link: NodeLink, n: number): Promise<{ published: number; consumed: number }> {
  const room = `bench-${Date.now().toString(36)}`;
  const pub = createPublisher({ js: link.js, room, student: 's1', run: 'bench', maxQueue: Infinity, batch: 256 });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) pub.push(createEvent(i, 'lab.ping', i, { n: i, name: 'bench' }));
  await pub.drained();
  const published = n / ((performance.now() - t0) / 1000);
  pub.close();
  const t1 = performance.now();
  let got = 0;
  await readRoom(link.js, { room, anyType: true }, () => got++);
  return { published, consumed: got / ((performance.now() - t1) / 1000) };
}

/** Student → teacher latency: publish at a classroom's pace, a durable consumer (the teacher's) receives. */
async function latency(link: NodeLink, n: number): Promise<number[]> {
  const room = `lat-${Date.now().toString(36)}`;
  await ensureDurable(link.jsm, room, `teacher-${room}`);
  const sent = new Map<number, number>();
  const out: number[] = [];
  const reader = await consumeDurable(link.js, `teacher-${room}`, { anyType: true }, (ev) => {
    const t = sent.get(ev.seq);
    if (t !== undefined) out.push(performance.now() - t);
  });
  const pub = createPublisher({ js: link.js, room, student: 's1', run: 'lat' });
  for (let i = 0; i < n; i++) {
    sent.set(i, performance.now());
    pub.push(createEvent(i, 'lab.ping', i, { n: i }));
    await sleep(5);
  }
  await pub.drained();
  for (let i = 0; i < 100 && out.length < n; i++) await sleep(20);
  await reader.stop();
  pub.close();
  await link.jsm.consumers.delete('SIREN', `teacher-${room}`);
  return out;
}

/** The page's extra CPU per frame while joined: a city at 60 ticks/s with and without publishing its log. */
async function frameCost(link: NodeLink, frames: number): Promise<{ off: number; on: number }> {
  const scenario = findScenario('city');
  const rules = loadRulesFile(scenario.rulesFile, scenario);
  const run = async (joined: boolean) => {
    const engine = createEngine({ scenario, rules, seed: 3, historyTicks: 60, logCapacity: 20_000 });
    const pilot = scenario.createAutopilot(3);
    const pub = joined ? createPublisher({ js: link.js, room: 'frames', student: 'p', run: `f${Date.now()}` }) : null;
    if (pub) engine.log.onAppend((ev: SirenEvent) => pub.push(ev));
    const c0 = process.cpuUsage();
    for (let f = 0; f < frames; f++) {
      engine.step(pilot(engine.world, engine.runtime, engine.tick));
      // The page's async work (sends, acks) runs between frames.
      if (f % 4 === 0) await new Promise((r) => setImmediate(r));
    }
    await pub?.drained();
    const c = process.cpuUsage(c0);
    pub?.close();
    return (c.user + c.system) / 1000 / frames;
  };
  await run(false);
  await run(true);
  const off: number[] = [];
  const on: number[] = [];
  for (let i = 0; i < 3; i++) {
    off.push(await run(false));
    on.push(await run(true));
  }
  return { off: pct(off, 0.5), on: pct(on, 0.5) };
}

/** The classroom on a real nats-server: throughput, end-to-end latency, and the page's extra CPU per frame. */
export const classroomBenchmark: Benchmark = {
  name: 'classroom',
  description: 'NATS JetStream: events/s published and consumed, student → teacher latency, extra CPU per frame',
  async run(opts: BenchOptions): Promise<BenchReport> {
    if (!brokerInstalled())
      return {
        tables: [],
        targets: [],
        data: { skipped: 'nats-server is not installed (apt-get install -y nats-server)' },
      };
    const store = mkdtempSync(join(tmpdir(), 'siren-bench-nats-'));
    const broker = await startBroker({ host: '127.0.0.1', port: await freePort(), wsPort: await freePort(), store });
    try {
      const link = await connectBroker(broker.url);
      opts.progress('classroom: throughput');
      const tp = await throughput(link, opts.quick ? 5000 : 20_000);
      opts.progress('classroom: latency');
      const lat = await latency(link, opts.quick ? 200 : 1000);
      opts.progress('classroom: CPU per frame');
      const fc = await frameCost(link, opts.quick ? 1200 : 3600);
      const page = opts.quick ? null : await teacherFps(link, broker.wsUrl, 30, opts.progress);
      await link.nc.close();
      const extra = Math.max(0, fc.on - fc.off);
      const p50 = pct(lat, 0.5);
      const p95 = pct(lat, 0.95);
      return {
        tables: [
          {
            title: 'classroom (one nats-server on this machine, wall clock for the broker figures)',
            columns: ['measure', 'result'],
            rows: [
              ['events/s published and acknowledged (one process, 256 in flight)', si(tp.published)],
              ['events/s consumed (ordered consumer)', si(tp.consumed)],
              ['latency student → teacher (durable consumer) p50 / p95', `${p50.toFixed(2)} / ${p95.toFixed(2)} ms`],
              [
                'city tick CPU, not joined / joined (publishing every event)',
                `${fc.off.toFixed(3)} / ${fc.on.toFixed(3)} ms`,
              ],
              ['extra CPU per frame while joined (mean, sends and acks included)', `${extra.toFixed(3)} ms`],
              ...(page
                ? [
                    [
                      "teacher's view with 30 bots: fps ÷ bare Pixi stage (fps)",
                      `${(page.teacher / page.bare).toFixed(2)}× (${page.teacher.toFixed(1)} / ${page.bare.toFixed(1)})`,
                    ],
                  ]
                : []),
            ],
          },
        ],
        targets: [
          ...(page
            ? [
                {
                  what: "teacher's view with 30 bots (bare stage's fps × 30/60)",
                  target: `≥ ${(page.bare / 2).toFixed(1)} fps`,
                  actual: `${page.teacher.toFixed(1)} fps`,
                  ok: page.teacher >= page.bare / 2 && page.problems.length === 0,
                },
              ]
            : []),
          {
            what: 'extra CPU per frame while joined',
            target: '≤ 0.5 ms',
            actual: `${extra.toFixed(3)} ms`,
            ok: extra <= 0.5,
          },
        ],
        data: { ...tp, latencyP50: p50, latencyP95: p95, frameOff: fc.off, frameOn: fc.on, extraPerFrame: extra, page },
      };
    } finally {
      await broker.stop();
      rmSync(store, { recursive: true, force: true });
    }
  },
};
