import type { BehaviourDef } from '../../../engine';
import type { CityRuntime, CityWorld } from '../types';
import { changeHealth } from './changeHealth';
import { callBackup } from './callBackup';
import { changeWanted } from './changeWanted';
import { despawnCivilians } from './despawnCivilians';
import { dismissBackup } from './dismissBackup';
import { killNpc } from './killNpc';
import { killPlayer } from './killPlayer';
import { policeWeapons } from './policeWeapons';
import { radio } from './radio';
import { respawnPlayer } from './respawnPlayer';
import { setWanted } from './setWanted';
import { siren } from './siren';
import { spawnCivilians } from './spawnCivilians';
import { tune } from './tune';
import { spawn } from './spawn';

/** Every behaviour the city's rules may name. */
export const cityBehaviours: readonly BehaviourDef<CityWorld, CityRuntime>[] = [
  changeHealth,
  changeWanted,
  setWanted,
  siren,
  radio,
  despawnCivilians,
  spawnCivilians,
  killPlayer,
  killNpc,
  respawnPlayer,
  policeWeapons,
  callBackup,
  dismissBackup,
  tune,
  spawn,
];
