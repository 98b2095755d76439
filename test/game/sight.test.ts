import { describe, expect, it } from 'vitest';
import { canSee, createTileMap, inCone, lineOfSight, TileKind } from '../../src/game';
import type { TileMap } from '../../src/game';

/** A 10 × 10 map of 1 m street tiles with one building tile at (5, 5) and a garage at (8, 2). */
function testMap(): TileMap {
  const map = createTileMap(10, 10, 1, TileKind.Street);
  map.tiles[5 * 10 + 5] = TileKind.Building;
  map.tiles[2 * 10 + 8] = TileKind.Garage;
  map.tiles[7 * 10 + 2] = TileKind.Alley;
  map.tiles[7 * 10 + 3] = TileKind.Park;
  return map;
}

describe('lineOfSight', () => {
  it('is clear along an open street', () => {
    expect(lineOfSight(testMap(), 0.5, 0.5, 9.5, 0.5)).toBe(true);
    expect(lineOfSight(testMap(), 0.5, 0.5, 0.5, 9.5)).toBe(true);
  });

  it('is blocked by a building between the two ends, in either direction', () => {
    const map = testMap();
    expect(lineOfSight(map, 0.5, 5.5, 9.5, 5.5)).toBe(false);
    expect(lineOfSight(map, 9.5, 5.5, 0.5, 5.5)).toBe(false);
    expect(lineOfSight(map, 2.5, 2.5, 8.5, 8.5)).toBe(false);
  });

  it('passes beside a building that is not on the line', () => {
    expect(lineOfSight(testMap(), 0.5, 4.5, 9.5, 4.5)).toBe(true);
  });

  it('is blocked by garages but not by alleys or parks', () => {
    const map = testMap();
    expect(lineOfSight(map, 8.5, 0.5, 8.5, 4.5)).toBe(false);
    expect(lineOfSight(map, 0.5, 7.5, 9.5, 7.5)).toBe(true);
  });

  it('ignores the tiles the two ends stand on', () => {
    expect(lineOfSight(testMap(), 4.5, 5.5, 5.5, 5.5)).toBe(true);
  });
});

describe('inCone and canSee', () => {
  const cone = { range: 6, halfAngle: Math.PI / 4 };

  it('sees ahead within range and half-angle, not behind or beyond range', () => {
    expect(inCone(cone, 0, 0, 0, 5, 1)).toBe(true);
    expect(inCone(cone, 0, 0, 0, -5, 0)).toBe(false);
    expect(inCone(cone, 0, 0, 0, 7, 0)).toBe(false);
    expect(inCone(cone, 0, 0, 0, 3, 3.2)).toBe(false);
  });

  it('handles headings across ±π', () => {
    expect(inCone(cone, 0, 0, Math.PI - 0.1, -5, 0.5)).toBe(true);
    expect(inCone(cone, 0, 0, -Math.PI + 0.1, -5, -0.5)).toBe(true);
  });

  it('needs both the cone and a clear line', () => {
    const map = testMap();
    expect(canSee(map, cone, 1.5, 5.5, 0, 6.5, 5.5)).toBe(false);
    expect(canSee(map, cone, 1.5, 4.5, 0, 6.5, 4.5)).toBe(true);
    expect(canSee(map, cone, 1.5, 4.5, Math.PI, 6.5, 4.5)).toBe(false);
  });
});
