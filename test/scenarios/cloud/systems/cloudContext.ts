import { createRng } from '../../../../src/engine';
import type { Rng } from '../../../../src/engine';
import { createCloud } from '../../../../src/scenarios/cloud/init';
import type { CloudContext } from '../../../../src/scenarios/cloud/systems/context';
import type { CloudInput } from '../../../../src/scenarios/cloud/types';

/** An event a system emitted, with its tick. */
export interface Emitted {
  tick: number;
  type: string;
  payload: Record<string, unknown>;
}

/** An Rng whose chance() always answers `yes` (false: no surge ever), whose ranges give their middle. */
export function calmRng(yes = false): Rng {
  const rng = createRng(1);
  return { ...rng, chance: () => yes, range: (min, max) => (min + max) / 2, int: (min) => min };
}

/** A fresh cloud at a slider setting, its emitted events, and `run` that applies one system for ticks in turn. */
export function cloudBench(setting = 0.5, rng: Rng = calmRng()) {
  const { world, runtime } = createCloud(createRng(1), setting);
  const emitted: Emitted[] = [];
  let tick = 0;
  const run = (system: (ctx: CloudContext) => void, ticks: number, input: Partial<CloudInput> = {}) => {
    for (let i = 0; i < ticks; i++) {
      const now = tick++;
      const emit = (type: string, payload: object) =>
        emitted.push({ tick: now, type, payload: payload as Record<string, unknown> });
      const ctx = { world, runtime, input: { load: setting, spike: false, ...input }, tick: now, rng, emit };
      system({ ...ctx, flush: () => undefined } as unknown as CloudContext);
    }
  };
  return { world, runtime, emitted, run };
}
