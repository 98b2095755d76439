import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine';
import {
  AgentKind,
  createAgents,
  despawnPedestrians,
  lineAt,
  pavementOffset,
  placePedestrian,
  spawnPedestrians,
  wanderPavements,
} from '../../src/game';
import type { Agents, StreetGrid } from '../../src/game';

/** 4 × 3 intersections 40 m apart, the first centreline at 6 m, streets 12 m wide. */
const streets: StreetGrid = { nodesX: 4, nodesY: 3, origin: 6, spacing: 40, halfWidth: 6 };

/** `n` present, living civilians, all standing at (0, 0). */
function civilians(n: number): Agents {
  const agents = createAgents(n);
  for (let i = 0; i < n; i++) {
    agents.kind[i] = AgentKind.Civilian;
    agents.present[i] = 1;
    agents.alive[i] = 1;
  }
  return agents;
}

/** Whether v is a centreline of `count` lines. */
const onLine = (v: number, count: number) => Array.from({ length: count }, (_, k) => lineAt(streets, k)).includes(v);

describe('pavementOffset', () => {
  it('is the street half-width less 0.6 m of kerb', () => {
    expect(pavementOffset(streets)).toBeCloseTo(5.4);
  });
});

describe('placePedestrian', () => {
  it('puts the pedestrian on a pavement corner, at rest there (previous position and goal the same)', () => {
    const agents = civilians(1);
    placePedestrian(streets, agents, 0, createRng(3));
    const [x, y, ox, oy] = [agents.x[0] ?? NaN, agents.y[0] ?? NaN, agents.homeX[0], agents.homeY[0]];
    expect(Math.abs(ox ?? 0)).toBeCloseTo(5.4);
    expect(Math.abs(oy ?? 0)).toBeCloseTo(5.4);
    expect(onLine(x - (ox ?? 0), streets.nodesX)).toBe(true);
    expect(onLine(y - (oy ?? 0), streets.nodesY)).toBe(true);
    expect([agents.prevX[0], agents.goalX[0], agents.prevY[0], agents.goalY[0]]).toEqual([x, x, y, y]);
  });

  it('places the same pedestrian at the same corner for the same seed', () => {
    const a = civilians(1);
    const b = civilians(1);
    placePedestrian(streets, a, 0, createRng(9));
    placePedestrian(streets, b, 0, createRng(9));
    expect([a.x[0], a.y[0], a.heading[0]]).toEqual([b.x[0], b.y[0], b.heading[0]]);
  });
});

describe('wanderPavements', () => {
  it('walks along the pavement towards the goal at 1.2 m/s plus 0.12 m/s per id mod 5, facing the way it goes', () => {
    const agents = civilians(2);
    agents.x[1] = agents.goalX[1] = 10;
    agents.y[1] = 20;
    agents.goalY[1] = 0;
    wanderPavements(streets, agents, 0, 2, 1, createRng(1));
    expect(agents.y[1]).toBeCloseTo(20 - 1.32);
    expect(agents.x[1]).toBe(10);
    expect(agents.heading[1]).toBeCloseTo(-Math.PI / 2);
    expect(agents.speed[1]).toBeCloseTo(1.32);
  });

  it('on reaching its corner, stops there and picks a neighbouring corner as the next goal', () => {
    const agents = civilians(1);
    const off = pavementOffset(streets);
    agents.homeX[0] = off;
    agents.homeY[0] = off;
    const cx = lineAt(streets, 1) + off;
    const cy = lineAt(streets, 1) + off;
    agents.x[0] = cx - 0.5;
    agents.y[0] = cy;
    agents.goalX[0] = cx;
    agents.goalY[0] = cy;
    wanderPavements(streets, agents, 0, 1, 1, createRng(5));
    expect([agents.x[0], agents.y[0]]).toEqual([cx, cy]);
    const steps = [Math.abs((agents.goalX[0] ?? 0) - cx), Math.abs((agents.goalY[0] ?? 0) - cy)].sort((a, b) => a - b);
    expect(steps).toEqual([0, streets.spacing]);
  });

  it('leaves absent and dead pedestrians, and those outside [from, to), where they are', () => {
    const agents = civilians(3);
    for (let i = 0; i < 3; i++) agents.goalX[i] = 50;
    agents.present[0] = 0;
    agents.alive[1] = 0;
    wanderPavements(streets, agents, 0, 2, 1, createRng(1));
    wanderPavements(streets, agents, 3, 3, 1, createRng(1));
    expect([...agents.x]).toEqual([0, 0, 0]);
  });
});

describe('despawnPedestrians', () => {
  it('removes present, living civilians within the radius, up to max, calling back with each id', () => {
    const agents = civilians(5);
    agents.x[1] = 100;
    agents.kind[2] = AgentKind.Goon;
    agents.alive[3] = 0;
    agents.speed[4] = 1.3;
    const removed: number[] = [];
    expect(despawnPedestrians(agents, 0, 5, 0, 0, 10, 5, (id) => removed.push(id))).toBe(2);
    expect(removed).toEqual([0, 4]);
    expect([...agents.present]).toEqual([0, 1, 1, 1, 0]);
    expect(agents.speed[4]).toBe(0);
  });

  it('removes anywhere when the radius is not positive, and stops at max', () => {
    const agents = civilians(4);
    agents.x[0] = 1000;
    const removed: number[] = [];
    expect(despawnPedestrians(agents, 0, 4, 0, 0, 0, 3, (id) => removed.push(id))).toBe(3);
    expect(removed).toEqual([0, 1, 2]);
  });
});

describe('spawnPedestrians', () => {
  it('brings back absent or dead civilians on pavement corners, up to max, and never other kinds', () => {
    const agents = civilians(5);
    agents.present[0] = 0;
    agents.alive[1] = 0;
    agents.kind[2] = AgentKind.Goon;
    agents.present[2] = 0;
    agents.present[3] = 0;
    const back: number[] = [];
    expect(spawnPedestrians(streets, agents, 0, 5, 2, createRng(2), (id) => back.push(id))).toBe(2);
    expect(back).toEqual([0, 1]);
    expect([...agents.present]).toEqual([1, 1, 0, 0, 1]);
    expect(agents.alive[1]).toBe(1);
    expect(onLine((agents.x[0] ?? 0) - (agents.homeX[0] ?? 0), streets.nodesX)).toBe(true);
  });
});
