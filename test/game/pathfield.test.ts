import { describe, expect, it } from 'vitest';
import { createPathField, createTileMap, descend, fillPathField, tileIndex, TileKind, WALKABLE } from '../../src/game';

/** A 5 × 3 street map of 1 m tiles with a wall down column 2 but for its bottom tile. */
function walled() {
  const map = createTileMap(5, 3, 1, TileKind.Street);
  map.tiles[0 * 5 + 2] = TileKind.Building;
  map.tiles[1 * 5 + 2] = TileKind.Building;
  return map;
}

/** The field's distances as rows, for reading. */
const rows = (dist: Int32Array, cols: number) =>
  Array.from({ length: dist.length / cols }, (_, r) => [...dist.slice(r * cols, (r + 1) * cols)]);

describe('tileIndex', () => {
  it('gives the row-major index of the tile under a position, clamped to the map', () => {
    const map = walled();
    expect(tileIndex(map, 3.5, 1.2)).toBe(8);
    expect(tileIndex(map, -4, 99)).toBe(10);
  });
});

describe('fillPathField', () => {
  it('counts 4-neighbour steps to the goal around walls, -1 on walls', () => {
    const map = walled();
    const f = createPathField(map);
    fillPathField(map, f, WALKABLE, 0.5, 0.5);
    expect(f.goal).toBe(0);
    expect(rows(f.dist, 5)).toEqual([
      [0, 1, -1, 7, 8],
      [1, 2, -1, 6, 7],
      [2, 3, 4, 5, 6],
    ]);
  });

  it('leaves tiles it cannot reach at -1', () => {
    const map = walled();
    map.tiles[2 * 5 + 2] = TileKind.Building;
    const f = createPathField(map);
    fillPathField(map, f, WALKABLE, 0.5, 0.5);
    expect(rows(f.dist, 5).map((r) => r.slice(3))).toEqual([
      [-1, -1],
      [-1, -1],
      [-1, -1],
    ]);
  });
});

describe('descend', () => {
  it('points down the field, round the wall, and returns the distance from where it starts', () => {
    const map = walled();
    const f = createPathField(map);
    fillPathField(map, f, WALKABLE, 0.5, 0.5);
    const out = new Float64Array(2);
    expect(descend(map, f, 3.5, 0.5, 1, out)).toBe(7);
    expect([out[0], out[1]]).toEqual([0, 1]);
  });

  it('gives (0, 0) at the goal and where the goal cannot be reached', () => {
    const map = walled();
    const f = createPathField(map);
    fillPathField(map, f, WALKABLE, 0.5, 0.5);
    const out = Float64Array.of(9, 9);
    expect(descend(map, f, 0.5, 0.5, 3, out)).toBe(0);
    expect([out[0], out[1]]).toEqual([0, 0]);
    expect(descend(map, f, 2.5, 0.5, 3, out)).toBe(-1);
    expect([out[0], out[1]]).toEqual([0, 0]);
  });
});
