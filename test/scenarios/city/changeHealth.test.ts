import { describe, expect, it } from 'vitest';
import { changeHealth } from '../../../src/scenarios/city/behaviours/changeHealth';
import { tunables } from '../../../src/scenarios/city/tunables';
import { cityBench } from './behaviours';

/** The player at `health`, in a car or not, after a heal of `amount` under a car heal cap (undefined: untuned). */
function healed(health: number, amount: number, inCar: boolean, cap?: number): number {
  const b = cityBench(1);
  b.world.player.health = health;
  b.world.player.inCar = inCar;
  if (cap !== undefined) b.world.tunes = { carHealCap: cap };
  b.run(changeHealth, { entity: 0, amount });
  return b.world.player.health;
}

describe('the car heal cap', () => {
  it('defaults to the maximum health, so an untuned car heals as before', () => {
    expect(tunables.carHealCap.initial).toBe(100);
    expect(healed(40, 30, true)).toBe(70);
    expect(healed(90, 30, true)).toBe(100);
  });

  it('stops a heal in a car at the cap, and never takes health away', () => {
    expect(healed(40, 30, true, 60)).toBe(60);
    expect(healed(40, 10, true, 60)).toBe(50);
    expect(healed(70, 30, true, 60)).toBe(70);
  });

  it('leaves heals on foot and damage in a car alone', () => {
    expect(healed(40, 30, false, 60)).toBe(70);
    expect(healed(70, -30, true, 50)).toBe(40);
  });
});
