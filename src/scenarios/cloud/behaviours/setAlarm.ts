import { z } from '../../../engine/zod';
import { alarmNames } from '../types';
import { defineCloudBehaviour } from './define';

/** The states an alarm can be in, as rules write them. */
export const alarmStates = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;

/** Puts an alarm into a state. */
export const setAlarm = defineCloudBehaviour({
  name: 'setAlarm',
  emits: ['alarm.changed'],
  description: 'Puts alarm `alarm` into `state`; emits alarm.changed {alarm, from, to} only when that is a change.',
  params: {
    alarm: { schema: z.enum(alarmNames), description: 'The alarm: "cpuHigh" or "cpuLow".' },
    state: { schema: z.enum(alarmStates), description: 'Its new state: "OK", "ALARM" or "INSUFFICIENT_DATA".' },
  },
  run(ctx, p) {
    const from = ctx.world.alarms[p.alarm];
    if (from === p.state) return;
    ctx.world.alarms[p.alarm] = p.state;
    ctx.emit('alarm.changed', { alarm: p.alarm, from, to: p.state });
  },
});
