import { z } from '../../../engine/zod';
import { alarmStates } from './setAlarm';
import { defineCloudBehaviour } from './define';

/** Shows an alarm's state on the dashboard without changing it (the mirror of an alarm of the rules' "alarms"). */
export const showAlarm = defineCloudBehaviour({
  name: 'showAlarm',
  emits: [],
  description:
    'Shows `state` on the dashboard tile of alarm `alarm` ("cpuHigh" or "cpuLow"; others have no tile), e.g. from an alarm.changed event of the rules\' "alarms"; emits nothing.',
  params: {
    alarm: { schema: z.string().max(64), description: 'The alarm id (usually `{ "fact": "event.alarm" }`).' },
    state: { schema: z.enum(alarmStates), description: 'The state to show (usually `{ "fact": "event.to" }`).' },
  },
  run(ctx, p) {
    if (Object.hasOwn(ctx.world.alarms, p.alarm)) ctx.world.alarms[p.alarm as keyof typeof ctx.world.alarms] = p.state;
  },
});
