import type { Rng } from '../../../engine';
import { f64 } from '../../../game';
import type { Zone, ZoneKind } from '../../../game';
import type { CityRuntime } from '../types';

/** The kinds of zone a spawn may name (every city has its zones of these kinds; their numbered names vary with the seed). */
export const SPAWN_ZONES = ['turf', 'park', 'garage', 'alley', 'hospital'] as const satisfies readonly ZoneKind[];

/** How far from the player, in metres, `near: "player"` brings agents. */
export const NEAR_PLAYER_METRES = 30;

/** Random places tried before falling back to the area's centre. */
const TRIES = 8;

/** Where one spawn puts its agents: around a point (within `r` metres), or inside one of some zones. */
export type SpawnArea =
  | { readonly kind: 'near'; readonly x: number; readonly y: number; readonly r: number }
  | { readonly kind: 'zones'; readonly zones: readonly Zone[] };

/** The area a spawn's `zone` or `near` names, or why there is none (this map has no such zone, or a bad value from a fact). */
export function spawnArea(rt: CityRuntime, zone: string | undefined, near: string | undefined): SpawnArea | string {
  if (near !== undefined) {
    if (near !== 'player') return `"near" takes "player", found ${JSON.stringify(near)}`;
    return { kind: 'near', x: f64(rt.agents.x, 0), y: f64(rt.agents.y, 0), r: NEAR_PLAYER_METRES };
  }
  if (!(SPAWN_ZONES as readonly string[]).includes(zone ?? ''))
    return `"zone" takes one of ${SPAWN_ZONES.join(', ')}, found ${JSON.stringify(zone)}`;
  const zones = rt.map.zones.filter((z) => z.kind === zone);
  return zones.length ? { kind: 'zones', zones } : `this city has no ${zone} zone`;
}

/**
 * Finds a spot in an area for one agent, written to out[0..1]: a random point of the area that `snap` turns into a
 * usable spot (snap writes the spot to out and returns false when there is none near), still inside the area; after
 * a few misses, the area's centre, snapped, or the nearest street to it.
 */
export function findSpot(
  area: SpawnArea,
  rng: Rng,
  out: Float64Array,
  snap: (x: number, y: number, out: Float64Array) => boolean,
  street: (x: number, y: number, out: Float64Array) => void,
): void {
  const zone = area.kind === 'zones' ? area.zones[rng.int(0, area.zones.length - 1)] : undefined;
  for (let t = 0; t < TRIES; t++) {
    let x: number;
    let y: number;
    if (zone) {
      x = zone.x + rng.next() * zone.w;
      y = zone.y + rng.next() * zone.h;
    } else {
      const a = area as Extract<SpawnArea, { kind: 'near' }>;
      const angle = rng.range(-Math.PI, Math.PI);
      const d = Math.sqrt(rng.next()) * a.r;
      x = a.x + Math.cos(angle) * d;
      y = a.y + Math.sin(angle) * d;
    }
    if (snap(x, y, out) && (zone || within(area, out))) return;
  }
  const cx = zone ? zone.x + zone.w / 2 : (area as Extract<SpawnArea, { kind: 'near' }>).x;
  const cy = zone ? zone.y + zone.h / 2 : (area as Extract<SpawnArea, { kind: 'near' }>).y;
  if (!snap(cx, cy, out)) street(cx, cy, out);
}

/** True when out[0..1] lies within a `near` area's radius. */
function within(area: SpawnArea, out: Float64Array): boolean {
  if (area.kind !== 'near') return true;
  const dx = f64(out, 0) - area.x;
  const dy = f64(out, 1) - area.y;
  return dx * dx + dy * dy <= area.r * area.r;
}
