import { z } from '../zod';
import { seconds, varNamePattern } from '../rules/format';
import { defineBehaviour } from './define';

const timerName = z.string().regex(varNamePattern, 'a timer name of letters, digits and _ starting with a letter');

/** Starts a named timer that emits `timer.done` when it runs out. */
export const startTimer = defineBehaviour({
  name: 'startTimer',
  emits: ['timer.done'],
  description:
    'Starts (or restarts) a named timer: after "seconds" it emits timer.done {timer}, and again every "seconds" when "repeat" is true. Read what is left as timer.<name>.left.',
  params: {
    timer: { schema: timerName, description: 'The timer name.', kind: 'timer' },
    seconds: { schema: seconds.min(1 / 60), description: 'How long until it runs out.' },
    repeat: { schema: z.boolean().optional(), description: 'Start again each time it runs out.' },
  },
  run(ctx, p) {
    ctx.startTimer(p.timer, p.seconds, p.repeat ?? false);
  },
});

/** Stops a named timer (nothing happens when it is not running). */
export const stopTimer = defineBehaviour({
  name: 'stopTimer',
  emits: [],
  description: 'Stops a running timer without emitting timer.done; timer.<name>.left reads 0 after.',
  params: { timer: { schema: timerName, description: 'The timer name.', kind: 'timer' } },
  run(ctx, p) {
    ctx.stopTimer(p.timer);
  },
});
