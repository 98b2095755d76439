import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine';
import {
  createPathField,
  DRIVABLE,
  fillPathField,
  generateCity,
  lineAt,
  TileKind,
  tileAt,
  WALKABLE,
  zoneAt,
} from '../../src/game';

describe('generateCity', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateCity(createRng(1));
    const b = generateCity(createRng(1));
    const c = generateCity(createRng(2));
    expect(Buffer.from(a.tiles).equals(Buffer.from(b.tiles))).toBe(true);
    expect(a.parking).toEqual(b.parking);
    expect(Buffer.from(a.tiles).equals(Buffer.from(c.tiles))).toBe(false);
  });

  it('lays streets on every centreline, and one hospital with its door on the street', () => {
    const map = generateCity(createRng(3));
    const s = map.streets;
    let off = 0;
    for (let i = 0; i < s.nodesX; i++)
      for (let y = 1; y < map.height; y += 3) if (tileAt(map, lineAt(s, i), y) !== TileKind.Street) off++;
    expect(off).toBe(0);
    expect(map.tiles.filter((t) => t === TileKind.Hospital).length).toBe(49);
    expect(tileAt(map, map.hospital.doorX, map.hospital.doorY)).toBe(TileKind.Street);
    expect(map.zones[zoneAt(map, map, map.hospital.doorX, map.hospital.doorY)]?.kind).toBe('hospital');
  });

  it('puts parked cars on drivable tiles and garages where cars and people can reach them', () => {
    const map = generateCity(createRng(4));
    expect(map.parking.length).toBeGreaterThan(20);
    expect(map.garages.length).toBeGreaterThan(5);
    for (const p of map.parking) expect(DRIVABLE[tileAt(map, p.x, p.y)]).toBe(1);
    const drive = createPathField(map);
    fillPathField(map, drive, DRIVABLE, map.hospital.doorX, map.hospital.doorY);
    const walk = createPathField(map);
    fillPathField(map, walk, WALKABLE, map.hospital.doorX, map.hospital.doorY);
    for (const g of map.garages) {
      expect(tileAt(map, g.x, g.y)).toBe(TileKind.Garage);
      const k = Math.floor(g.y / map.tileSize) * map.cols + Math.floor(g.x / map.tileSize);
      expect(drive.dist[k]).toBeGreaterThan(0);
      expect(walk.dist[k]).toBeGreaterThan(0);
    }
  });

  it('gives every walkable tile a walking route to the hospital (no sealed-off pockets)', () => {
    const map = generateCity(createRng(5));
    const walk = createPathField(map);
    fillPathField(map, walk, WALKABLE, map.hospital.doorX, map.hospital.doorY);
    const sealed: number[] = [];
    for (let k = 0; k < map.tiles.length; k++) if (WALKABLE[map.tiles[k]!] && walk.dist[k]! < 0) sealed.push(k);
    expect(sealed).toEqual([]);
  });

  it('marks goon turf around alleys, with the hangout on the street', () => {
    const map = generateCity(createRng(6), { turfs: 3 });
    expect(map.turfs.length).toBe(3);
    for (const t of map.turfs) {
      expect(tileAt(map, t.x, t.y)).toBe(TileKind.Street);
      expect(map.zones.filter((z) => z.kind === 'turf').length).toBe(3);
    }
  });
});
