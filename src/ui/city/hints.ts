import type { AnyEngine } from '../../engine';
import { nearestFreeCar } from '../../game';
import { tuning } from '../../scenarios/city/config';
import type { CityInput, CityRuntime, CityWorld } from '../../scenarios/city/types';

const HINT_MS = 3000;

/** The latest input record at or before the end of the run, and the one before it. */
function lastInputs(e: AnyEngine): { at: number; input: CityInput; before: CityInput | null } | null {
  const records = e.records as readonly { tick: number; input?: CityInput }[];
  let found: { at: number; input: CityInput } | null = null;
  for (let i = records.length - 1; i >= 0 && i >= records.length - 8; i--) {
    const input = records[i]?.input;
    if (input === undefined) continue;
    if (found) return { ...found, before: input };
    found = { at: i, input };
  }
  return found && { ...found, before: null };
}

/**
 * Says why E or Space did nothing (no car within reach, no shooting from a car), and offers E when a car is in
 * reach. Reads the engine's input records and world; changes nothing.
 */
export function createActionHints() {
  let seen = -1;
  let wasInCar = false;
  let text = '';
  let until = 0;
  return {
    /** The hint to show now ('' for none). */
    update(e: AnyEngine, now: number): string {
      const w = e.world as CityWorld;
      const rt = e.runtime as CityRuntime;
      const x = rt.agents.x[0] as number;
      const y = rt.agents.y[0] as number;
      const last = lastInputs(e);
      if (last && last.at !== seen && w.player.alive) {
        seen = last.at;
        const { input, before } = last;
        if (input.action && !before?.action && !wasInCar && !w.player.inCar) {
          const far = nearestFreeCar(rt.cars, x, y, tuning.enterCarRange * 4);
          text =
            far < 0
              ? 'E: no car nearby. Walk up to a parked car first.'
              : `E: that car is too far. Get within ${tuning.enterCarRange} m of it.`;
          until = now + HINT_MS;
        } else if (input.shoot && !before?.shoot && w.player.inCar) {
          text = 'Space: no shooting from a car. E gets you out.';
          until = now + HINT_MS;
        }
      }
      wasInCar = w.player.inCar;
      if (now < until) return text;
      if (w.player.alive && !w.player.inCar && nearestFreeCar(rt.cars, x, y, tuning.enterCarRange) >= 0)
        return 'E: get in the car';
      return '';
    },
  };
}
