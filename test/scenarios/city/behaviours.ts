import { createRng } from '../../../src/engine';
import type { BehaviourContext, BehaviourDef } from '../../../src/engine';
import { defaultSize } from '../../../src/scenarios/city';
import type { CityRuntime, CityWorld } from '../../../src/scenarios/city';
import { createCity } from '../../../src/scenarios/city/init';

/** A fresh city of a seed, and what a behaviour run against it emitted. */
export interface CityBench {
  world: CityWorld;
  runtime: CityRuntime;
  emitted: { type: string; payload: Record<string, unknown> }[];
  /** Runs a behaviour once against the city with these parameters (rng seeded by `seed`). */
  run(def: BehaviourDef<CityWorld, CityRuntime>, params: Record<string, unknown>, seed?: number): void;
}

/** A city to run behaviours against directly, without an engine. */
export function cityBench(seed: number): CityBench {
  const { world, runtime } = createCity(createRng(seed), defaultSize);
  const emitted: CityBench['emitted'] = [];
  const bench: CityBench = {
    world,
    runtime,
    emitted,
    run(def, params, rngSeed = seed) {
      const ctx: BehaviourContext<CityWorld, CityRuntime> = {
        world: bench.world,
        runtime: bench.runtime,
        event: null,
        trigger: 't',
        tick: 1,
        rng: createRng(rngSeed),
        emit: (type, payload) => void emitted.push({ type, payload: payload as Record<string, unknown> }),
        setTriggerEnabled: () => undefined,
        getVar: () => undefined,
        setVar: () => undefined,
        startTimer: () => undefined,
        stopTimer: () => undefined,
      };
      def.run(ctx, params);
    },
  };
  return bench;
}
