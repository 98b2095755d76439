import { f64, isClear, WALKABLE, walkToGoal, wanderPavements } from '../../../game';
import { tuning } from '../config';
import type { CityContext } from './context';

/** Civilians stroll the pavements; goons loiter around their turf. */
export function stepNpcs(ctx: CityContext): void {
  const { runtime: rt, rng } = ctx;
  const { agents: a, ranges, map } = rt;
  wanderPavements(map.streets, a, ranges.civilians[0], ranges.civilians[1], tuning.dt, rng);
  for (let i = ranges.goons[0]; i < ranges.goons[1]; i++) {
    if (a.present[i] === 0 || a.alive[i] === 0) continue;
    const arrived = walkToGoal(map, a, i, tuning.goonSpeed, tuning.dt, 0.3, rt.scratch.v);
    if ((arrived && rng.chance(1 / 90)) || rng.chance(1 / 600)) {
      const gx = f64(a.homeX, i) + rng.range(-3, 3);
      const gy = f64(a.homeY, i) + rng.range(-3, 3);
      // Only spots one can stand on; otherwise back home.
      const ok = isClear(map, WALKABLE, gx, gy, 0.4);
      a.goalX[i] = ok ? gx : f64(a.homeX, i);
      a.goalY[i] = ok ? gy : f64(a.homeY, i);
    }
  }
}
