import { createCityScenario } from '../../scenarios/city';
import type { CitySize } from '../../scenarios/city';

/**
 * A city of about `agents` agents for the world and memory benchmarks: 2% police on duty (and 0.5% in reserve),
 * 1% goons, the player, and civilians for the rest, on a map grown to keep the default's ~8 civilians per block.
 */
export function benchCitySize(agents: number): CitySize {
  const police = Math.round(agents / 50);
  const reserve = Math.round(agents / 200);
  const goons = Math.round(agents / 100);
  const civilians = agents - 1 - police - reserve - goons;
  return {
    civilians,
    police,
    reserve,
    goons,
    blocks: Math.max(8, Math.round(Math.sqrt(civilians / 8))),
    turfs: Math.max(3, Math.round(goons / 2)),
  };
}

/** The city scenario at benchCitySize(agents). */
export function createBenchCity(agents: number): ReturnType<typeof createCityScenario> {
  return createCityScenario(benchCitySize(agents));
}

/** "9,649 civilians · 100 goons · 200 (+50) police · 2,003 cars" for a size and the cars its map got. */
export function describeCity(size: CitySize, cars: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `${n(size.civilians)} civilians · ${n(size.goons)} goons · ${n(size.police)} (+${n(size.reserve)}) police · ${n(cars)} cars`;
}
