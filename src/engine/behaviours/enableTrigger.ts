import { z } from '../zod';
import { defineBehaviour } from './define';

/** Turns another trigger on. */
export const enableTrigger = defineBehaviour({
  name: 'enableTrigger',
  emits: [],
  description: 'Enables the trigger with the given id.',
  params: { trigger: { schema: z.string(), description: 'Id of the trigger to enable.', kind: 'trigger' } },
  run(ctx, p) {
    ctx.setTriggerEnabled(p.trigger, true);
  },
});

/** Turns another trigger off. */
export const disableTrigger = defineBehaviour({
  name: 'disableTrigger',
  emits: [],
  description: 'Disables the trigger with the given id (it stops matching until enabled again).',
  params: { trigger: { schema: z.string(), description: 'Id of the trigger to disable.', kind: 'trigger' } },
  run(ctx, p) {
    ctx.setTriggerEnabled(p.trigger, false);
  },
});
