import { describe, expect, it } from 'vitest';
import { copyArrays, createAgents, createCars, restoreArrays, savePrevious } from '../../src/game';

describe('createAgents and createCars', () => {
  it('makes n empty slots: absent, in no car, cars with no driver or owner', () => {
    const agents = createAgents(3);
    const cars = createCars(2);
    expect(agents.count).toBe(3);
    expect([...agents.present, ...agents.car]).toEqual([0, 0, 0, -1, -1, -1]);
    expect(cars.count).toBe(2);
    expect([...cars.present, ...cars.driver, ...cars.owner]).toEqual([0, 0, -1, -1, -1, -1]);
  });
});

describe('savePrevious', () => {
  it('copies the current positions into prevX and prevY', () => {
    const agents = createAgents(2);
    agents.x.set([1, 2]);
    agents.y.set([3, 4]);
    savePrevious(agents);
    expect([...agents.prevX, ...agents.prevY]).toEqual([1, 2, 3, 4]);
    agents.x[0] = 9;
    expect(agents.prevX[0]).toBe(1);
  });
});

describe('copyArrays and restoreArrays', () => {
  it('restores every typed array to its copied values, in place', () => {
    const cars = createCars(2);
    cars.x.set([5, 6]);
    cars.colour.set([3, 7]);
    const saved = copyArrays(cars);
    const x = cars.x;
    cars.x.set([0, 0]);
    cars.colour.set([1, 1]);
    cars.present[1] = 1;
    restoreArrays(cars, saved);
    expect(cars.x).toBe(x);
    expect([...cars.x, ...cars.colour, ...cars.present]).toEqual([5, 6, 3, 7, 0, 0]);
  });

  it('copies only the typed arrays, not the count', () => {
    expect(Object.keys(copyArrays(createAgents(1)))).not.toContain('count');
  });
});
