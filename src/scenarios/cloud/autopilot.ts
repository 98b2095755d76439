import { createRng } from '../../engine';
import type { CloudInput, CloudRuntime, CloudWorld } from './types';

const SECOND = 60;

/**
 * A deterministic operator: every minute or so it drags the load slider somewhere new (a notch at a time, like a
 * hand), and it presses Spike 20 seconds in and then every few minutes. It keeps its own seeded state.
 */
export function createCloudAutopilot(
  seed: number,
): (world: CloudWorld, runtime: CloudRuntime, tick: number) => CloudInput {
  const rng = createRng((seed ^ 0xc10d) >>> 0);
  let slider = 0.5;
  let target = 0.5;
  let retarget = rng.int(40, 70) * SECOND;
  let nextSpike = 20 * SECOND;
  let spikeUntil = -1;
  let input: CloudInput = { load: slider, spike: false };
  return (_w, _rt, tick) => {
    if (tick >= retarget) {
      target = Math.round(rng.range(0.25, 0.85) * 20) / 20;
      retarget = tick + rng.int(45, 90) * SECOND;
    }
    if (tick % 20 === 0 && slider !== target)
      slider = Math.round((slider + Math.sign(target - slider) * 0.05) * 20) / 20;
    if (tick >= nextSpike) {
      spikeUntil = tick + 6;
      nextSpike = tick + rng.int(120, 240) * SECOND;
    }
    const spike = tick < spikeUntil;
    if (input.load !== slider || input.spike !== spike) input = { load: slider, spike };
    return input;
  };
}
