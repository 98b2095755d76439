import type { TileMap } from './tiles';

/** Kinds of named area the player can enter. */
export type ZoneKind = 'garage' | 'alley' | 'hospital' | 'turf' | 'park';

/** A named rectangle of the map, in metres. */
export interface Zone {
  /** Index in the map's zone list. */
  readonly id: number;
  /** Unique name, e.g. "garage-3". */
  readonly name: string;
  readonly kind: ZoneKind;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Zones and, per tile, the zone it belongs to (-1 for none). */
export interface ZoneIndex {
  readonly zones: readonly Zone[];
  /** zoneOf[ty * cols + tx]: the zone id of that tile, -1 if none. */
  readonly zoneOf: Int16Array;
}

/** Which kinds win where zones overlap (earlier wins). */
const PRIORITY: readonly ZoneKind[] = ['garage', 'alley', 'hospital', 'turf', 'park'];

/** Builds the per-tile zone index; where zones overlap, garage > alley > hospital > turf > park. */
export function indexZones(map: TileMap, zones: readonly Zone[]): ZoneIndex {
  const zoneOf = new Int16Array(map.cols * map.rows).fill(-1);
  const rank = (id: number) => {
    const z = zones[id];
    return z ? PRIORITY.indexOf(z.kind) : 99;
  };
  for (const z of zones) {
    const tx0 = Math.max(0, Math.floor(z.x / map.tileSize));
    const ty0 = Math.max(0, Math.floor(z.y / map.tileSize));
    const tx1 = Math.min(map.cols, Math.ceil((z.x + z.w) / map.tileSize));
    const ty1 = Math.min(map.rows, Math.ceil((z.y + z.h) / map.tileSize));
    for (let ty = ty0; ty < ty1; ty++)
      for (let tx = tx0; tx < tx1; tx++) {
        const k = ty * map.cols + tx;
        if (PRIORITY.indexOf(z.kind) < rank(zoneOf[k] ?? -1)) zoneOf[k] = z.id;
      }
  }
  return { zones, zoneOf };
}

/** The zone id at a position (-1 for none). */
export function zoneAt(map: TileMap, index: ZoneIndex, x: number, y: number): number {
  const tx = Math.floor(x / map.tileSize);
  const ty = Math.floor(y / map.tileSize);
  if (tx < 0 || ty < 0 || tx >= map.cols || ty >= map.rows) return -1;
  return index.zoneOf[ty * map.cols + tx] ?? -1;
}

/** What a zone tracker needs: somewhere to report entering and leaving. */
export interface ZoneContext {
  emit(type: 'zone.entered' | 'zone.left', payload: { zone: string; kind: string }): void;
}

/** Compares the zone a mover is in now with the one it was in; emits `zone.left` then `zone.entered`. Returns the new id. */
export function trackZone(ctx: ZoneContext, index: ZoneIndex, previous: number, current: number): number {
  if (previous === current) return current;
  const left = index.zones[previous];
  if (left) ctx.emit('zone.left', { zone: left.name, kind: left.kind });
  const entered = index.zones[current];
  if (entered) ctx.emit('zone.entered', { zone: entered.name, kind: entered.kind });
  return current;
}
