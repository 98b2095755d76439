import { defineEvents } from '../../engine';
import type { PayloadMap } from '../../engine';

/** The cloud's events: what the servers and the load balancer report, and what the rules' behaviours do. */
export const cloudEvents = defineEvents({
  'cpu.sampled': {
    description: "A server's CPU sample (%), every 5 seconds while it is in service.",
    producer: 'servers',
    fields: { server: 'number', cpu: 'number' },
    entityField: 'server',
  },
  'pool.sampled': {
    description:
      "The load balancer's sample every 5 seconds: the pool's average CPU (%) over the servers in service, how many there are, and the requests per second (CloudWatch's ASG-average metric).",
    producer: 'load balancer',
    fields: { cpu: 'number', servers: 'number', rps: 'number' },
  },
  'load.changed': {
    description:
      'The traffic changed course: `source` "slider" (the operator set a new level), "spike" (the Spike button), "surge" (a random rush) or "calm" (a spike or surge ended); `rps` is the demand now.',
    producer: 'traffic',
    fields: { rps: 'number', source: 'string' },
  },
  'alarm.changed': {
    description:
      'An alarm changed state: `alarm` (an id of the rules\' "alarms", or "cpuHigh" / "cpuLow" set by setAlarm), `from` and `to` "OK", "ALARM" or "INSUFFICIENT_DATA", and for an alarm of the rules the CloudWatch-style `reason`.',
    producer: 'alarms, or behaviour setAlarm',
    fields: { alarm: 'string', from: 'string', to: 'string', reason: 'string?' },
  },
  'email.sent': {
    description: 'An email went into the outbox (the SNS story).',
    producer: 'behaviour sendEmail',
    fields: { to: 'string', subject: 'string', body: 'string' },
  },
  'pool.scaled': {
    description: "The pool's desired size changed from `from` to `to` servers (within min … max), for `reason`.",
    producer: 'behaviour scale',
    fields: { from: 'number', to: 'number', reason: 'string' },
  },
  'server.started': {
    description: 'A new server finished booting and takes traffic.',
    producer: 'servers',
    fields: { server: 'number' },
    entityField: 'server',
  },
  'server.failed': {
    description:
      "The load balancer's health check found a crashed server (it had stopped serving and reporting) and took it out.",
    producer: 'load balancer',
    fields: { server: 'number' },
  },
  'server.replaced': {
    description: 'The pool launched server `by` to replace failed server `server`; it boots like any new server.',
    producer: 'pool',
    fields: { server: 'number', by: 'number' },
  },
  'server.drained': {
    description: 'A server taken out by a scale-in finished its requests and went away.',
    producer: 'servers',
    fields: { server: 'number' },
    entityField: 'server',
  },
});

/** Payloads of the cloud's events. */
export type CloudEvents = PayloadMap<typeof cloudEvents>;
