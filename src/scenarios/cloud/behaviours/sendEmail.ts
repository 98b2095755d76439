import { formatClock } from '../../../engine/time';
import { z } from '../../../engine/zod';
import { cloudTuning } from '../config';
import { defineCloudBehaviour } from './define';

/** Sends an email into the outbox. */
export const sendEmail = defineCloudBehaviour({
  name: 'sendEmail',
  emits: ['email.sent'],
  description:
    'Puts an email into the outbox (newest first, the last 20 kept) and emits email.sent {to, subject, body}. Like an SNS alarm notification, the body ends with the state of the pool and the alarms when it was sent.',
  params: {
    to: { schema: z.string().min(1).max(200), description: 'Who gets it, e.g. "oncall@example.com".' },
    subject: { schema: z.string().min(1).max(200), description: 'The subject line.' },
    body: { schema: z.string().max(2000), description: 'The message; the state of the pool is added below it.' },
  },
  run(ctx, p) {
    const w = ctx.world;
    const state =
      `— Siren Cloud at ${formatClock(ctx.tick)}: ${w.pool.running} server${w.pool.running === 1 ? '' : 's'} in service, ${w.pool.booting} booting (size ${w.pool.size}, min ${w.pool.min}, max ${w.pool.max}); ` +
      `average CPU ${w.cpu.toFixed(1)} %, ${Math.round(w.rps)} requests/s; alarms: cpuHigh ${w.alarms.cpuHigh}, cpuLow ${w.alarms.cpuLow}.`;
    const body = p.body ? `${p.body}\n\n${state}` : state;
    w.outbox.unshift({ tick: ctx.tick, to: p.to, subject: p.subject, body });
    if (w.outbox.length > cloudTuning.outboxSize) w.outbox.length = cloudTuning.outboxSize;
    w.emails.sent++;
    ctx.emit('email.sent', { to: p.to, subject: p.subject, body });
  },
});
