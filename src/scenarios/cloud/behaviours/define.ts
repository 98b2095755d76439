import { behaviourFactory } from '../../../engine';
import type { CloudRuntime, CloudWorld } from '../types';

/** `defineBehaviour` bound to the cloud's world and runtime. */
export const defineCloudBehaviour = behaviourFactory<CloudWorld, CloudRuntime>();
