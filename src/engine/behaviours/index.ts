import type { BehaviourDef } from './define';
import { emit } from './emit';
import { enableTrigger, disableTrigger } from './enableTrigger';
import { changeVar, setVar, toggleVar } from './vars';
import { startTimer, stopTimer } from './timers';
import { playSound, say } from './say';

export { defineBehaviour, behaviourFactory } from './define';
export type { BehaviourDef, BehaviourContext, ParamSpec, ParamKind } from './define';

/** Behaviours every scenario has. */
export const engineBehaviours: readonly BehaviourDef[] = [
  emit,
  enableTrigger,
  disableTrigger,
  setVar,
  changeVar,
  toggleVar,
  startTimer,
  stopTimer,
  say,
  playSound,
];
