import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine';
import {
  createAgents,
  createCars,
  createTileMap,
  DRIVABLE,
  driveCar,
  driveStreets,
  generateCity,
  isClear,
  lineAt,
  slide,
  snapToStreet,
  TileKind,
  tileAt,
  walk,
  WALKABLE,
} from '../../src/game';

describe('street driving', () => {
  const map = generateCity(createRng(11));
  const s = map.streets;

  it('snaps any point to the nearest street centreline', () => {
    const out = new Float64Array(2);
    snapToStreet(s, lineAt(s, 2) + 3, lineAt(s, 3) + 17, out);
    expect([out[0], out[1]]).toEqual([lineAt(s, 2), lineAt(s, 3) + 17]);
    snapToStreet(s, -50, -50, out);
    expect([out[0], out[1]]).toEqual([lineAt(s, 0), lineAt(s, 0)]);
  });

  it('drives a police car from any intersection to any street point without leaving the road', () => {
    const rng = createRng(3);
    const cars = createCars(1);
    const scratch = new Float64Array(2);
    for (let trial = 0; trial < 30; trial++) {
      cars.x[0] = lineAt(s, rng.int(0, s.nodesX - 1));
      cars.y[0] = lineAt(s, rng.int(0, s.nodesY - 1));
      cars.speed[0] = 0;
      snapToStreet(s, rng.range(0, map.width), rng.range(0, map.height), scratch);
      const tx = scratch[0]!;
      const ty = scratch[1]!;
      let arrived = false;
      let offRoad = 0;
      for (let t = 0; t < 60 * 120 && !arrived; t++) {
        arrived = driveStreets(s, cars, 0, tx, ty, 15, 8, 1 / 60, scratch);
        if (tileAt(map, cars.x[0], cars.y[0]) !== TileKind.Street) offRoad++;
      }
      expect(offRoad).toBe(0);
      expect(arrived).toBe(true);
      expect([cars.x[0], cars.y[0]]).toEqual([tx, ty]);
    }
  });

  it('keeps a player-driven car on drivable tiles whatever the controls do', () => {
    const rng = createRng(5);
    const cars = createCars(1);
    cars.x[0] = map.hospital.doorX;
    cars.y[0] = map.hospital.doorY;
    const scratch = new Float64Array(2);
    const handling = { maxSpeed: 19, accel: 11, brake: 16, turnRate: 4.2 };
    let dx = 1;
    let dy = 0;
    let bad = 0;
    for (let t = 0; t < 60 * 60; t++) {
      if (t % 40 === 0) {
        dx = rng.int(-1, 1);
        dy = rng.int(-1, 1);
      }
      driveCar(map, cars, 0, dx, dy, handling, 1 / 60, scratch);
      if (!isClear(map, DRIVABLE, cars.x[0], cars.y[0], 1.2)) bad++;
    }
    expect(bad).toBe(0);
  });
});

describe('walking', () => {
  it('never walks into a building, and slides along walls', () => {
    const map = generateCity(createRng(12));
    const rng = createRng(9);
    const agents = createAgents(1);
    agents.x[0] = map.hospital.doorX;
    agents.y[0] = map.hospital.doorY;
    const scratch = new Float64Array(2);
    let dx = 0;
    let dy = 1;
    let bad = 0;
    for (let t = 0; t < 60 * 60; t++) {
      if (t % 50 === 0) {
        dx = rng.int(-1, 1);
        dy = rng.int(-1, 1);
      }
      walk(map, agents, 0, dx, dy, 5.5, 1 / 60, scratch);
      if (!isClear(map, WALKABLE, agents.x[0], agents.y[0], 0.4)) bad++;
    }
    expect(bad).toBe(0);
  });

  it('nudges a mover round a corner it would otherwise stick on', () => {
    // A 3 × 3 room of 4 m tiles: open row y = 4…8, building above-left at (0,0).
    const map = createTileMap(3, 3, 4, TileKind.Street);
    map.tiles[0] = TileKind.Building;
    const out = new Float64Array(2);
    // Pressed against the building's lower edge, moving left: blocked, but nudged down (away from the corner).
    let x = 5;
    let y = 4.6;
    for (let t = 0; t < 10; t++) {
      slide(map, WALKABLE, x, y, -0.2, 0, 1, out);
      x = out[0]!;
      y = out[1]!;
    }
    expect(y).toBeGreaterThanOrEqual(5);
    expect(x).toBeLessThan(5);
  });
});
