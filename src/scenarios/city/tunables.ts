/** One tunable: what it means, its range, and its value when no rule has tuned it. */
export interface Tunable {
  readonly description: string;
  readonly min: number;
  readonly max: number;
  readonly initial: number;
}

/** The city tunables rules may change with `tune` (read by the city's systems from world.tunes). */
export const tunables = {
  policeSpeed: {
    description: 'police speed, a multiplier of patrol, search and chase speeds',
    min: 0.25,
    max: 2,
    initial: 1,
  },
  sightRange: { description: 'how far police see, in metres', min: 10, max: 100, initial: 48 },
  goonDamage: { description: 'goon bullet damage, a multiplier', min: 0, max: 5, initial: 1 },
  carHealCap: {
    description: 'the highest health a heal brings the player to while in a car',
    min: 1,
    max: 100,
    initial: 100,
  },
} as const satisfies Record<string, Tunable>;

/** A tunable's name. */
export type TunableName = keyof typeof tunables;

/** The tunable names, in order. */
export const tunableNames = Object.keys(tunables) as [TunableName, ...TunableName[]];

/** Why a value is outside a tunable's range, or null when it is inside. */
export function outOfRange(name: TunableName, value: number): string | null {
  const t = tunables[name];
  return value < t.min || value > t.max
    ? `"${name}" (${t.description}) takes ${t.min} to ${t.max}, found ${value}`
    : null;
}
