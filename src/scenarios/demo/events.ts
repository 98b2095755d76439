import { defineEvents } from '../../engine';
import type { PayloadMap } from '../../engine';

/** The demo's events: a pulse and hits on a few numbered targets. */
export const demoEvents = defineEvents({
  'demo.pulse': { description: 'A heartbeat every half second.', producer: 'pulse', fields: { n: 'number' } },
  'demo.hit': {
    description: 'A target was hit.',
    producer: 'hits',
    fields: { target: 'number', amount: 'number' },
    entityField: 'target',
  },
  'demo.hp.changed': {
    description: "A target's hit points changed.",
    producer: 'rules',
    fields: { entity: 'number', from: 'number', to: 'number' },
    entityField: 'entity',
  },
  'demo.score.changed': {
    description: 'The score changed.',
    producer: 'rules',
    fields: { from: 'number', to: 'number' },
  },
});

/** Payloads of the demo's events. */
export type DemoEvents = PayloadMap<typeof demoEvents>;
