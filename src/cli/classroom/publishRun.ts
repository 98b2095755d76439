import type { EventLog } from '../../engine/log';
import { createPublisher } from '../../net/publisher';
import { newRunId } from '../../net/subjects';
import { UsageError } from '../args';
import { brokerFlag, BrokerError, connectBroker, tokenFlag } from './connect';

/** The sim flags that publish a run to a classroom broker. */
export interface PublishFlags {
  publish?: string;
  room?: string;
  name?: string;
}

/** Usage of the publishing flags. */
export const PUBLISH_USAGE = '[--publish nats://<host>:<port> --room <room> --name <student>]';

/**
 * With `--publish`, connects to the broker and sends every event the log appends, in seq order; `finish()` waits until
 * the broker has acknowledged all of them (a broker gone for good makes it fail after `ackWaitMs`).
 */
export async function publishLog(
  flags: PublishFlags,
  log: EventLog,
  ackWaitMs = 30_000,
): Promise<{ finish(): Promise<number> } | null> {
  if (flags.publish === undefined) {
    if (flags.room !== undefined || flags.name !== undefined)
      throw new UsageError('--room and --name go with --publish nats://<host>:<port>');
    return null;
  }
  const url = brokerFlag('publish', flags.publish);
  const room = tokenFlag('room', flags.room);
  const student = tokenFlag('name', flags.name);
  const link = await connectBroker(url);
  const publisher = createPublisher({ js: link.js, room, student, run: newRunId(), maxQueue: Infinity, batch: 256 });
  log.onAppend((ev) => publisher.push(ev));
  return {
    async finish() {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const s = publisher.status();
          reject(new BrokerError(`the broker at ${url} did not acknowledge ${s.queued} events (${s.lastError})`));
        }, ackWaitMs);
      });
      try {
        await Promise.race([publisher.drained(), timeout]);
        return publisher.status().acked;
      } finally {
        clearTimeout(timer);
        publisher.close();
        await link.nc.close();
      }
    },
  };
}
