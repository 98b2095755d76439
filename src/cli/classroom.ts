import { mkdirSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { intFlag, parseFlags, runCli, UsageError } from './args';
import { brokerInstalled, MISSING_BROKER, startBroker } from './classroom/broker';
import type { Broker } from './classroom/broker';
import { startBots } from './classroom/bots';
import { brokerFlag, connectBroker, tokenFlag } from './classroom/connect';

const USAGE =
  'npm run -s classroom -- [--room <room>] [--port 4222] [--ws-port 4223] [--store <folder>] [--page <http://host:port/>] [--bots <n>] [--broker nats://… (use a running broker)] [--seconds <s>]';

/** This machine's IPv4 LAN addresses (none when offline). */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => (a as { address: string }).address);
}

/** The student and teacher URLs for one host. */
function urls(page: URL, host: string, wsPort: number, room: string): string[] {
  const at = new URL(page.href);
  at.hostname = host;
  const broker = `ws://${host}:${wsPort}`;
  const q = `room=${room}&broker=${broker}`;
  return [
    `  student: ${new URL(`./?${q}&name=YOUR-NAME`, at).href}`,
    `  teacher: ${new URL(`./classroom.html?${q}`, at).href}`,
  ];
}

runCli(async () => {
  const { values } = parseFlags(
    process.argv.slice(2),
    {
      room: { type: 'string' },
      port: { type: 'string' },
      'ws-port': { type: 'string' },
      store: { type: 'string' },
      page: { type: 'string' },
      bots: { type: 'string' },
      broker: { type: 'string' },
      seconds: { type: 'string' },
      help: { type: 'boolean' },
    },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(`usage: ${USAGE}\n`);
    return 0;
  }
  const room = tokenFlag('room', values.room, 'r1');
  const port = intFlag('port', values.port, 4222, 1, 65535);
  const wsPort = intFlag('ws-port', values['ws-port'], 4223, 1, 65535);
  const bots = intFlag('bots', values.bots, 0, 0, 200);
  const seconds = intFlag('seconds', values.seconds, 0, 0, 86_400);
  let page: URL;
  try {
    page = new URL(values.page ?? 'http://127.0.0.1:5173/');
  } catch {
    throw new UsageError(
      `--page: expected the pages' URL like http://127.0.0.1:5173/, found ${JSON.stringify(values.page)}`,
    );
  }
  let broker: Broker | null = null;
  let url = values.broker === undefined ? '' : brokerFlag('broker', values.broker);
  if (!url) {
    if (!brokerInstalled()) {
      process.stderr.write(`${MISSING_BROKER}\n`);
      return 2;
    }
    const store = values.store ?? join(tmpdir(), 'siren-classroom');
    mkdirSync(store, { recursive: true });
    broker = await startBroker({ host: '0.0.0.0', port, wsPort, store });
    url = broker.url;
    process.stdout.write(`broker: nats://0.0.0.0:${port} (WebSocket ${wsPort}), JetStream store ${store}\n`);
  }
  const link = await connectBroker(url);
  process.stdout.write(`room ${room}: serve the pages with "npm run dev -- --host" (or preview), then open:\n`);
  for (const host of ['127.0.0.1', ...lanAddresses()])
    process.stdout.write(urls(page, host, wsPort, room).join('\n') + '\n');
  const running = bots ? startBots(link, room, bots) : null;
  if (running) process.stdout.write(`${bots} bots publishing: ${running.names.join(' ')}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
    if (seconds) setTimeout(resolve, seconds * 1000);
  });
  await running?.stop();
  if (running) process.stdout.write(`bots: ${running.acked()} events acknowledged\n`);
  await link.nc.close();
  await broker?.stop();
  return 0;
});
