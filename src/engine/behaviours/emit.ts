import { z } from '../zod';
import { defineBehaviour } from './define';

/** Emits an event (declared in the rules file's `events`, or one of the scenario's), so rules chain. */
export const emit = defineBehaviour({
  name: 'emit',
  emits: [],
  description:
    'Emits an event, caused by this trigger. Its type must be declared in the file\'s "events" or be a scenario event.',
  params: {
    event: { schema: z.string(), description: 'The event type to emit.', kind: 'event' },
    payload: {
      schema: z.record(z.string(), z.unknown()).optional(),
      description: 'Payload fields; each value a literal or a {"fact": …} reference.',
      kind: 'payload',
    },
  },
  run(ctx, p) {
    ctx.emit(p.event, p.payload ?? {});
  },
});
