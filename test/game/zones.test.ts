import { describe, expect, it } from 'vitest';
import { createTileMap, indexZones, TileKind, trackZone, zoneAt } from '../../src/game';
import type { Zone } from '../../src/game';

/** A 10 × 10 map of 1 m tiles: a park over the left half, a garage inside it, and an alley crossing both. */
function zoned() {
  const map = createTileMap(10, 10, 1, TileKind.Street);
  const zones: Zone[] = [
    { id: 0, name: 'park-1', kind: 'park', x: 0, y: 0, w: 5, h: 10 },
    { id: 1, name: 'garage-1', kind: 'garage', x: 1, y: 1, w: 2, h: 2 },
    { id: 2, name: 'alley-1', kind: 'alley', x: 0, y: 2, w: 8, h: 1 },
  ];
  return { map, index: indexZones(map, zones) };
}

describe('indexZones and zoneAt', () => {
  it('finds the zone at a position, -1 outside every zone and outside the map', () => {
    const { map, index } = zoned();
    expect(zoneAt(map, index, 0.5, 8.5)).toBe(0);
    expect(zoneAt(map, index, 7.5, 2.5)).toBe(2);
    expect(zoneAt(map, index, 7.5, 7.5)).toBe(-1);
    expect(zoneAt(map, index, -1, 5)).toBe(-1);
    expect(zoneAt(map, index, 5, 10.5)).toBe(-1);
  });

  it('gives overlaps to the stronger kind (garage over alley over park), whatever the order of the list', () => {
    const { map, index } = zoned();
    expect(zoneAt(map, index, 1.5, 1.5)).toBe(1);
    expect(zoneAt(map, index, 1.5, 2.5)).toBe(1);
    expect(zoneAt(map, index, 4.5, 2.5)).toBe(2);
  });
});

describe('trackZone', () => {
  /** trackZone with a recorder of what it emits. */
  function track(previous: number, current: number) {
    const { index } = zoned();
    const emitted: [string, { zone: string; kind: string }][] = [];
    const id = trackZone({ emit: (type, payload) => emitted.push([type, payload]) }, index, previous, current);
    return { id, emitted };
  }

  it('emits nothing while the zone stays the same', () => {
    expect(track(1, 1)).toEqual({ id: 1, emitted: [] });
  });

  it('emits zone.left for the old zone, then zone.entered for the new one', () => {
    expect(track(0, 1)).toEqual({
      id: 1,
      emitted: [
        ['zone.left', { zone: 'park-1', kind: 'park' }],
        ['zone.entered', { zone: 'garage-1', kind: 'garage' }],
      ],
    });
  });

  it('emits only zone.entered from outside, only zone.left going outside', () => {
    expect(track(-1, 2).emitted).toEqual([['zone.entered', { zone: 'alley-1', kind: 'alley' }]]);
    expect(track(2, -1).emitted).toEqual([['zone.left', { zone: 'alley-1', kind: 'alley' }]]);
  });
});
