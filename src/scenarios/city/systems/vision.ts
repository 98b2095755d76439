import { f64, inCone, lineOfSight, tileAt, TileKind } from '../../../game';
import { tuning } from '../config';
import type { CityContext } from './context';

/**
 * Police sight: each unit on duty sees the player when within its cone (or very close) with no building in between.
 * Nobody sees into a garage; alleys are dark, seen only from close by. Sets agents.sees[id] and world.player.hidden;
 * returns the first unit that sees the player, or -1.
 */
export function stepVision(ctx: CityContext): number {
  const { runtime: rt, world: w } = ctx;
  const { agents: a, ranges, map, sight } = rt;
  const px = f64(a.x, 0);
  const py = f64(a.y, 0);
  const tile = tileAt(map, px, py);
  const hidden = a.alive[0] === 1 && (tile === TileKind.Garage || tile === TileKind.Alley);
  if (w.player.hidden !== hidden) w.player.hidden = hidden;
  const visible = a.alive[0] === 1 && tile !== TileKind.Garage;
  const maxRange = tile === TileKind.Alley ? tuning.alleyRange : (w.tunes?.sightRange ?? sight.range);
  const r2 = maxRange * maxRange;
  const aw2 = tuning.awareness * tuning.awareness;
  let seer = -1;
  for (let id = ranges.police[0]; id < ranges.police[1]; id++) {
    a.sees[id] = 0;
    if (!visible || a.present[id] === 0 || a.alive[id] === 0) continue;
    const x = f64(a.x, id);
    const y = f64(a.y, id);
    const dx = px - x;
    const dy = py - y;
    const d2 = dx * dx + dy * dy;
    if (d2 > r2) continue;
    if (d2 > aw2 && !inCone(sight, x, y, f64(a.heading, id), px, py)) continue;
    if (!lineOfSight(map, x, y, px, py)) continue;
    a.sees[id] = 1;
    if (seer < 0) seer = id;
  }
  return seer;
}
