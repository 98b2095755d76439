import { behaviourFactory } from '../../../engine';
import type { CityRuntime, CityWorld } from '../types';

/** `defineBehaviour` bound to the city's world and runtime. */
export const defineCityBehaviour = behaviourFactory<CityWorld, CityRuntime>();
