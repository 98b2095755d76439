import { describe, expect, it } from 'vitest';
import { createTileMap, DRIVABLE, isClear, isOpaque, tileAt, TileKind, WALKABLE } from '../../src/game';

describe('createTileMap', () => {
  it('sizes the map in tiles and metres and fills it with one kind', () => {
    const map = createTileMap(5, 3, 4, TileKind.Park);
    expect([map.cols, map.rows, map.tileSize, map.width, map.height]).toEqual([5, 3, 4, 20, 12]);
    expect([...map.tiles]).toEqual(new Array(15).fill(TileKind.Park));
  });
});

describe('tileAt', () => {
  it('reads the tile under a position in metres, and counts outside the map as a building', () => {
    const map = createTileMap(4, 4, 2, TileKind.Street);
    map.tiles[1 * 4 + 3] = TileKind.Garage;
    expect(tileAt(map, 6.5, 2.1)).toBe(TileKind.Garage);
    expect(tileAt(map, 5.9, 2.1)).toBe(TileKind.Street);
    expect(tileAt(map, -0.1, 1)).toBe(TileKind.Building);
    expect(tileAt(map, 1, 8)).toBe(TileKind.Building);
  });
});

describe('isClear', () => {
  it('holds when all four corners of the square stand on passable tiles', () => {
    const map = createTileMap(4, 4, 1, TileKind.Street);
    map.tiles[2 * 4 + 2] = TileKind.Alley;
    expect(isClear(map, WALKABLE, 2.5, 2.5, 0.4)).toBe(true);
    expect(isClear(map, DRIVABLE, 2.5, 2.5, 0.4)).toBe(false);
    expect(isClear(map, DRIVABLE, 1.5, 1.5, 0.4)).toBe(true);
    expect(isClear(map, DRIVABLE, 1.8, 1.8, 0.4)).toBe(false);
  });

  it('fails at the map edge', () => {
    expect(isClear(createTileMap(4, 4, 1, TileKind.Street), WALKABLE, 0.2, 2, 0.4)).toBe(false);
  });
});

describe('isOpaque', () => {
  it('is true for buildings, garages and the hospital, false for streets, alleys and parks', () => {
    const tiles = Uint8Array.of(
      TileKind.Street,
      TileKind.Building,
      TileKind.Alley,
      TileKind.Garage,
      TileKind.Hospital,
      TileKind.Park,
    );
    expect([0, 1, 2, 3, 4, 5].map((t) => isOpaque(tiles, t))).toEqual([false, true, false, true, true, false]);
  });

  it('is false past the end of the tiles', () => {
    expect(isOpaque(Uint8Array.of(TileKind.Building), 1)).toBe(false);
    expect(isOpaque(Uint8Array.of(TileKind.Building), -1)).toBe(false);
  });
});
