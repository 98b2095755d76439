import { readRoom } from '../net/consumer';
import { isEventType } from '../net/subjects';
import { intFlag, parseFlags, runCli, UsageError } from './args';
import { brokerFlag, connectBroker, tokenFlag } from './classroom/connect';

const USAGE =
  'npm run -s room -- --broker nats://<host>:<port> --room <room> [--from <sequence>] [--follow] [--student <name>] [--type <event type>]';

runCli(async () => {
  const { values } = parseFlags(
    process.argv.slice(2),
    {
      broker: { type: 'string' },
      room: { type: 'string' },
      from: { type: 'string' },
      follow: { type: 'boolean' },
      student: { type: 'string' },
      type: { type: 'string' },
      help: { type: 'boolean' },
    },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(`usage: ${USAGE}\n`);
    return 0;
  }
  if (!values.broker) throw new UsageError(`--broker is required\nusage: ${USAGE}`);
  const url = brokerFlag('broker', values.broker);
  const room = tokenFlag('room', values.room);
  const student = values.student === undefined ? undefined : tokenFlag('student', values.student);
  if (values.type !== undefined && !isEventType(values.type))
    throw new UsageError(`--type: expected an event type like crime.committed, found ${JSON.stringify(values.type)}`);
  const from = intFlag('from', values.from, 1, 1, Number.MAX_SAFE_INTEGER);
  const link = await connectBroker(url);
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  let out = '';
  const flush = () => {
    if (out) process.stdout.write(out);
    out = '';
  };
  const timer = setInterval(flush, 100);
  try {
    const drops = await readRoom(
      link.js,
      { room, from, student, type: values.type, follow: values.follow, anyType: true, signal: stop.signal },
      (ev) => {
        out += JSON.stringify(ev) + '\n';
        if (out.length > 65536) flush();
      },
    );
    flush();
    if (drops.dropped)
      process.stderr.write(`dropped ${drops.dropped} malformed messages (last: ${drops.lastReason})\n`);
  } finally {
    clearInterval(timer);
    await link.nc.close();
  }
  return 0;
});
