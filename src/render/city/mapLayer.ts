import type { Graphics } from 'pixi.js';
import type { FillInput } from 'pixi.js';
import type { CityMap } from '../../game/mapgen';
import { TileKind } from '../../game/tiles';
import { palette } from './palette';
import { hash01 } from './shapes';
import type { MapShapes, TileRect } from './shapes';

/** Pavement width along the blocks, in metres (pedestrians walk 0.6 m from the kerb). */
const PAVEMENT = 1.3;
const KERB = 0.2;

/** Says whether a shape anchored at (x, y) metres belongs to the picture being drawn (the map is drawn in regions). */
export type Keep = (x: number, y: number) => boolean;

/** Fills the current path if anything was added to it (an empty fill right after a stroke would refill the stroke). */
function fillIf(g: Graphics, added: number, style: FillInput): void {
  if (added > 0) g.fill(style);
}

function drawStreets(g: Graphics, map: CityMap, keep: Keep): void {
  const s = map.streets;
  const dash = 2.2;
  const gap = 2.6;
  const w = 0.16;
  // Centre lines stop short of the zebra crossings (which end 9.2 m from an intersection's centre).
  const clear = s.halfWidth + 3.4;
  const lines = (count: number) => Array.from({ length: count }, (_, i) => s.origin + i * s.spacing);
  const xs = lines(s.nodesX);
  const ys = lines(s.nodesY);
  // True when a dash starting at v would run into an intersection centred on one of `at`.
  const nearAny = (v: number, at: number[]) => at.some((c) => v < c + clear && v + dash > c - clear);
  // Dashed centre lines between intersections.
  let n = 0;
  for (const x of xs)
    for (let y = 0; y < map.height; y += dash + gap)
      if (keep(x, y) && !nearAny(y, ys)) {
        g.rect(x - w / 2, y, w, dash);
        n++;
      }
  for (const y of ys)
    for (let x = 0; x < map.width; x += dash + gap)
      if (keep(x, y) && !nearAny(x, xs)) {
        g.rect(x, y - w / 2, dash, w);
        n++;
      }
  fillIf(g, n, { color: palette.laneMark, alpha: 0.7 });
  // Zebra crossings on each arm of each intersection that leads somewhere.
  const stripe = 0.5;
  const depth = 2.2;
  const half = s.halfWidth - PAVEMENT - 0.3;
  n = 0;
  for (const [i, cx] of xs.entries())
    for (const [j, cy] of ys.entries()) {
      if (!keep(cx, cy)) continue;
      n++;
      const d0 = s.halfWidth + 0.5;
      for (let a = -half; a <= half - stripe; a += stripe * 2) {
        if (j > 0) g.rect(cx + a, cy - d0 - depth, stripe, depth);
        if (j < ys.length - 1) g.rect(cx + a, cy + d0, stripe, depth);
        if (i > 0) g.rect(cx - d0 - depth, cy + a, depth, stripe);
        if (i < xs.length - 1) g.rect(cx + d0, cy + a, depth, stripe);
      }
    }
  fillIf(g, n, { color: palette.crossing, alpha: 0.45 });
}

/** Draws a frame of width `t` just outside the rectangle (x, y, w, h), as four rectangles. */
function frame(g: Graphics, x: number, y: number, w: number, h: number, t: number): void {
  g.rect(x - t, y - t, w + 2 * t, t).rect(x - t, y + h, w + 2 * t, t);
  g.rect(x - t, y, t, h).rect(x + w, y, t, h);
}

function drawPavements(g: Graphics, map: CityMap, all: TileRect[], keep: Keep): void {
  // Frames only: the block itself is covered by its roofs, alleys, garages and parks, so nothing is painted twice.
  const ts = map.tileSize;
  const blocks = all.filter((r) => keep(r.tx * ts, r.ty * ts));
  if (!blocks.length) return;
  for (const r of blocks)
    frame(g, r.tx * ts - PAVEMENT, r.ty * ts - PAVEMENT, r.tw * ts + 2 * PAVEMENT, r.th * ts + 2 * PAVEMENT, KERB);
  g.fill(palette.kerb);
  for (const r of blocks) frame(g, r.tx * ts, r.ty * ts, r.tw * ts, r.th * ts, PAVEMENT);
  g.fill(palette.pavement);
}

function drawBuildings(g: Graphics, map: CityMap, all: TileRect[], keep: Keep): void {
  const ts = map.tileSize;
  const buildings = all.filter((b) => keep(b.tx * ts, b.ty * ts));
  if (!buildings.length) return;
  const sh = 0.9;
  // Shadows to the south-east: just the L that shows beside each roof.
  for (const b of buildings)
    g.rect((b.tx + b.tw) * ts, b.ty * ts + sh, sh, b.th * ts).rect(
      b.tx * ts + sh,
      (b.ty + b.th) * ts,
      b.tw * ts - sh,
      sh,
    );
  g.fill({ color: palette.shadow, alpha: 0.35 });
  for (const b of buildings) {
    const x = b.tx * ts;
    const y = b.ty * ts;
    const w = b.tw * ts;
    const h = b.th * ts;
    const roof = palette.roofs[Math.floor(hash01(b.tx, b.ty, 2) * palette.roofs.length)];
    g.rect(x, y, w, h).fill(roof);
    g.rect(x + 0.35, y + 0.35, w - 0.7, h - 0.7).stroke({ width: 0.3, color: palette.roofEdge, alpha: 0.45 });
    // Rooftop boxes: vents and air conditioners.
    const n = 1 + Math.floor(hash01(b.tx, b.ty, 3) * 3);
    for (let k = 0; k < n; k++) {
      const bw = 1.2 + hash01(b.tx, b.ty, 10 + k) * 2.2;
      const bh = 1.2 + hash01(b.tx, b.ty, 20 + k) * 1.8;
      const bx = x + 1.2 + hash01(b.tx, b.ty, 30 + k) * Math.max(0, w - bw - 2.4);
      const by = y + 1.2 + hash01(b.tx, b.ty, 40 + k) * Math.max(0, h - bh - 2.4);
      g.rect(bx + 0.25, by + 0.25, bw, bh).fill({ color: palette.shadow, alpha: 0.3 });
      g.rect(bx, by, bw, bh).fill(palette.roofDetail);
    }
  }
}

function drawAlleys(g: Graphics, map: CityMap, all: TileRect[], keep: Keep): void {
  const ts = map.tileSize;
  let n = 0;
  for (const r of all)
    if (keep(r.tx * ts, r.ty * ts)) {
      g.rect(r.tx * ts, r.ty * ts, r.tw * ts, r.th * ts);
      n++;
    }
  fillIf(g, n, palette.alley);
  const { cols, rows, tiles } = map;
  n = 0;
  for (let ty = 0; ty < rows; ty++)
    for (let tx = 0; tx < cols; tx++) {
      if (tiles[ty * cols + tx] !== TileKind.Alley || hash01(tx, ty, 5) > 0.3 || !keep(tx * ts, ty * ts)) continue;
      n++;
      const side = hash01(tx, ty, 6) < 0.5 ? 0.15 : ts - 1.05;
      const vertical = tiles[(ty + 1) * cols + tx] === TileKind.Alley || tiles[(ty - 1) * cols + tx] === TileKind.Alley;
      if (vertical) g.rect(tx * ts + side, ty * ts + 1, 0.9, 1.4);
      else g.rect(tx * ts + 1, ty * ts + side, 1.4, 0.9);
    }
  fillIf(g, n, palette.alleyTrash);
}

function drawGarages(g: Graphics, map: CityMap, all: TileRect[], keep: Keep): void {
  const ts = map.tileSize;
  const { cols, rows, tiles } = map;
  const street = (tx: number, ty: number) =>
    tx >= 0 && ty >= 0 && tx < cols && ty < rows && tiles[ty * cols + tx] === TileKind.Street;
  for (const r of all) {
    if (!keep(r.tx * ts, r.ty * ts)) continue;
    const x = r.tx * ts;
    const y = r.ty * ts;
    const w = r.tw * ts;
    const h = r.th * ts;
    g.rect(x, y, w, h).fill(palette.garageFloor);
    g.rect(x + 0.3, y + 0.3, w - 0.6, h - 0.6).stroke({ width: 0.25, color: palette.garageRoof, alpha: 0.8 });
    for (let d = 1.2; d < w + h; d += 1.6) {
      // Faint diagonal hatching: a roof you can still see under.
      const x0 = x + Math.min(d, w);
      const y0 = y + Math.max(0, d - w);
      const x1 = x + Math.max(0, d - h);
      const y1 = y + Math.min(d, h);
      g.moveTo(x0, y0).lineTo(x1, y1);
    }
    g.stroke({ width: 0.12, color: palette.garageRoof, alpha: 0.35 });
    // The door: striped on every side that opens onto a street.
    const doors: [number, number, number, number, boolean][] = [];
    if (street(r.tx, r.ty - 1)) doors.push([x, y, w, 0.5, true]);
    if (street(r.tx, r.ty + r.th)) doors.push([x, y + h - 0.5, w, 0.5, true]);
    if (street(r.tx - 1, r.ty)) doors.push([x, y, 0.5, h, false]);
    if (street(r.tx + r.tw, r.ty)) doors.push([x + w - 0.5, y, 0.5, h, false]);
    for (const [dx, dy, dw, dh, across] of doors) {
      g.rect(dx, dy, dw, dh).fill(palette.garageDoor);
      const len = across ? dw : dh;
      for (let a = 0.4; a < len; a += 1) {
        if (across) g.rect(dx + a, dy, 0.45, dh);
        else g.rect(dx, dy + a, dw, 0.45);
      }
      g.fill(0x1a1a1a);
    }
  }
}

function drawHospital(g: Graphics, map: CityMap, all: TileRect[], keep: Keep): void {
  const ts = map.tileSize;
  const hs = map.hospital;
  // The hospital is one picture: it goes with the region holding its top-left corner.
  if (hs.w <= 0 || !keep(hs.x, hs.y)) return;
  const rects = all;
  for (const r of rects)
    g.rect((r.tx + r.tw) * ts, r.ty * ts + 0.9, 0.9, r.th * ts).rect(
      r.tx * ts + 0.9,
      (r.ty + r.th) * ts,
      r.tw * ts - 0.9,
      0.9,
    );
  g.fill({ color: palette.shadow, alpha: 0.35 });
  for (const r of rects) {
    g.rect(r.tx * ts, r.ty * ts, r.tw * ts, r.th * ts).fill(palette.hospital);
    g.rect(r.tx * ts + 0.4, r.ty * ts + 0.4, r.tw * ts - 0.8, r.th * ts - 0.8).stroke({
      width: 0.5,
      color: palette.hospitalEdge,
    });
  }
  const cx = hs.x + hs.w / 2;
  const cy = hs.y + hs.h / 2;
  const s = Math.min(hs.w, hs.h) * 0.26;
  g.circle(cx, cy, s * 1.25).stroke({ width: 0.6, color: palette.hospitalCross, alpha: 0.5 });
  g.rect(cx - s, cy - s / 3, 2 * s, (2 * s) / 3).fill(palette.hospitalCross);
  g.rect(cx - s / 3, cy - s, (2 * s) / 3, 2 * s).fill(palette.hospitalCross);
}

function drawParks(g: Graphics, map: CityMap, parks: TileRect[], keep: Keep): void {
  const ts = map.tileSize;
  const mine = parks.filter((r) => keep(r.tx * ts, r.ty * ts));
  for (const r of mine) g.rect(r.tx * ts, r.ty * ts, r.tw * ts, r.th * ts);
  fillIf(g, mine.length, palette.park);
  for (const r of mine) {
    const x = r.tx * ts;
    const y = r.ty * ts;
    const w = r.tw * ts;
    const h = r.th * ts;
    g.rect(x, y + h / 2 - 1, w, 2)
      .rect(x + w / 2 - 1, y, 2, h)
      .fill({ color: palette.parkPath, alpha: 0.8 });
    g.circle(x + w / 2, y + h / 2, 3.2).fill(palette.parkPath);
    g.circle(x + w / 2, y + h / 2, 1.6).fill(0x4a6fa0);
  }
  // Trees on park tiles away from the paths.
  const { cols, rows, tiles } = map;
  for (let ty = 0; ty < rows; ty++)
    for (let tx = 0; tx < cols; tx++) {
      if (tiles[ty * cols + tx] !== TileKind.Park || hash01(tx, ty, 7) > 0.55 || !keep(tx * ts, ty * ts)) continue;
      const px = tx * ts + 0.8 + hash01(tx, ty, 8) * (ts - 1.6);
      const py = ty * ts + 0.8 + hash01(tx, ty, 9) * (ts - 1.6);
      const r = 1.1 + hash01(tx, ty, 11) * 0.9;
      const rect = parks.find((p) => tx >= p.tx && ty >= p.ty && tx < p.tx + p.tw && ty < p.ty + p.th);
      if (rect) {
        const mx = (rect.tx + rect.tw / 2) * ts;
        const my = (rect.ty + rect.th / 2) * ts;
        if (Math.abs(px - mx) < r + 1.2 || Math.abs(py - my) < r + 1.2) continue;
      }
      g.circle(px + 0.5, py + 0.5, r).fill({ color: palette.shadow, alpha: 0.3 });
      g.circle(px, py, r).fill(palette.tree);
      g.circle(px - r * 0.25, py - r * 0.25, r * 0.55).fill({ color: palette.treeLight, alpha: 0.7 });
    }
}

/** Goon turfs: a faint wash and a bright border in the goons' colour, so a player sees one before walking in. */
function drawTurfs(g: Graphics, map: CityMap, keep: Keep): void {
  for (const z of map.zones) {
    if (z.kind !== 'turf' || !keep(z.x, z.y)) continue;
    g.rect(z.x, z.y, z.w, z.h).fill({ color: palette.goon, alpha: 0.1 });
    g.rect(z.x + 0.2, z.y + 0.2, z.w - 0.4, z.h - 0.4).stroke({ width: 0.4, color: palette.goon, alpha: 0.55 });
  }
}

/**
 * Draws the static city (street markings, pavements, parks, alleys, buildings, garages, hospital, turfs), in metres, into
 * `g`: only the shapes whose anchor `keep` accepts. Asphalt is not drawn: it is the renderer's clear colour.
 */
export function drawMap(g: Graphics, map: CityMap, shapes: MapShapes, keep: Keep): void {
  drawStreets(g, map, keep);
  drawPavements(g, map, shapes.blocks, keep);
  drawParks(g, map, shapes.parks, keep);
  drawAlleys(g, map, shapes.alleys, keep);
  drawBuildings(g, map, shapes.lots, keep);
  drawGarages(g, map, shapes.garages, keep);
  drawHospital(g, map, shapes.hospital, keep);
  drawTurfs(g, map, keep);
}

/** Paints everything beyond the map's edges (four wide bands). */
export function drawOutside(g: Graphics, map: CityMap): void {
  const far = 2000;
  g.rect(-far, -far, map.width + 2 * far, far).rect(-far, map.height, map.width + 2 * far, far);
  g.rect(-far, 0, far, map.height).rect(map.width, 0, far, map.height).fill(palette.void);
}
