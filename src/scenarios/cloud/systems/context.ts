import type { StepContext } from '../../../engine';
import type { CloudInput, CloudRuntime, CloudWorld } from '../types';

/** What the cloud's systems get each tick. */
export type CloudContext = StepContext<CloudWorld, CloudRuntime, CloudInput>;
