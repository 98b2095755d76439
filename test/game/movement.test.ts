import { describe, expect, it } from 'vitest';
import { createTileMap, DRIVABLE, len, slide, TileKind, turnTowards, WALKABLE } from '../../src/game';

/** A 10 × 10 street map of 1 m tiles with a building at column 5, rows 0 … 4. */
function walled() {
  const map = createTileMap(10, 10, 1, TileKind.Street);
  for (let ty = 0; ty < 5; ty++) map.tiles[ty * 10 + 5] = TileKind.Building;
  return map;
}

describe('len', () => {
  it('is the length of a vector', () => {
    expect(len(3, 4)).toBe(5);
    expect(len(-6, 8)).toBe(10);
    expect(len(0, 0)).toBe(0);
  });
});

describe('slide', () => {
  it('moves freely in the open and reports nothing blocked', () => {
    const out = new Float64Array(2);
    expect(slide(walled(), WALKABLE, 2, 7, 1, 0.5, 0.4, out)).toBe(false);
    expect([out[0], out[1]]).toEqual([3, 7.5]);
  });

  it('keeps the free axis when one is blocked by a wall (sliding along it)', () => {
    const out = new Float64Array(2);
    expect(slide(walled(), WALKABLE, 4.5, 2, 0.5, 0.5, 0.4, out)).toBe(true);
    expect([out[0], out[1]]).toEqual([4.5, 2.5]);
  });

  it('nudges sideways round a corner it would otherwise stick on', () => {
    const out = new Float64Array(2);
    expect(slide(walled(), WALKABLE, 4.5, 5.3, 0.3, 0, 0.4, out)).toBe(true);
    expect(out[0]).toBe(4.5);
    expect(out[1]).toBeCloseTo(5.6);
  });

  it('uses the given passability: a car may not drive into an alley a person walks into', () => {
    const map = walled();
    map.tiles[7 * 10 + 3] = TileKind.Alley;
    const out = new Float64Array(2);
    expect(slide(map, DRIVABLE, 2.5, 7.5, 1, 0, 0.4, out)).toBe(true);
    expect(slide(map, WALKABLE, 2.5, 7.5, 1, 0, 0.4, out)).toBe(false);
  });
});

describe('turnTowards', () => {
  it('reaches the target when it is within the step', () => {
    expect(turnTowards(0, 0.2, 0.3)).toBe(0.2);
  });

  it('turns by at most the step, the short way round', () => {
    expect(turnTowards(0, 1, 0.3)).toBeCloseTo(0.3);
    expect(turnTowards(0, -1, 0.3)).toBeCloseTo(-0.3);
    expect(turnTowards(3, -3, 0.1)).toBeCloseTo(3.1);
  });
});
