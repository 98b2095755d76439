import type { BehaviourDef } from '../../../engine';
import type { CloudRuntime, CloudWorld } from '../types';
import { scale } from './scale';
import { sendEmail } from './sendEmail';
import { setAlarm } from './setAlarm';
import { showAlarm } from './showAlarm';

export { alarmStates } from './setAlarm';

/** Every behaviour the cloud's rules may name. */
export const cloudBehaviours: readonly BehaviourDef<CloudWorld, CloudRuntime>[] = [
  setAlarm,
  showAlarm,
  sendEmail,
  scale,
];
