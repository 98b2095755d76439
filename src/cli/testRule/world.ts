import { fitsFieldType, scenarioCatalogue, unknownName } from '../../engine';
import type { AnyScenario } from '../../engine';
import { UsageError } from '../args';

/** A world override: dotted world-fact paths and their values. */
export type WorldOverride = ReadonlyMap<string, unknown>;

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads `--world '{"wanted": 3, "player": {"inCar": true}}'`: every leaf must be a world fact the rules can read, of
 * its type; anything else is a UsageError naming the path (with did-you-mean).
 */
export function parseWorld(text: string, scenario: AnyScenario): WorldOverride {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--world: not valid JSON (${(e as Error).message})`);
  }
  if (!isPlain(v)) throw new UsageError('--world: expected an object of world facts, e.g. {"wanted": 3}');
  const facts = scenarioCatalogue(scenario).worldFacts;
  const names = Object.keys(facts);
  const out = new Map<string, unknown>();
  const errors: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string): void => {
    for (const [k, x] of Object.entries(o)) {
      const path = prefix + k;
      if (k === '__proto__' || k === 'constructor' || k === 'prototype')
        errors.push(`--world: key "${path}" is not allowed`);
      else if (Object.hasOwn(facts, path)) {
        const type = (facts[path] as { type: Parameters<typeof fitsFieldType>[1] }).type;
        if (fitsFieldType(x, type)) out.set(path, x);
        else errors.push(`--world: world.${path} is ${type}, found ${JSON.stringify(x)}`);
      } else if (isPlain(x) && names.some((n) => n.startsWith(path + '.'))) walk(x, path + '.');
      else
        errors.push(
          `--world: ${unknownName(
            'world fact',
            `world.${path}`,
            names.map((n) => `world.${n}`),
          )}`,
        );
    }
  };
  walk(v, '');
  if (errors.length) throw new UsageError(errors.join('\n'));
  return out;
}

/** Sets one dotted path in a plain-object world (a copy of each object on the way). */
function setPath(world: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const copy = { ...world };
  copy[head] = rest.length ? setPath(isPlain(world[head]) ? world[head] : {}, rest.join('.'), value) : value;
  return copy;
}

/** The scenario with its initial world changed by the override (the runtime is left as it is). */
export function withWorld(scenario: AnyScenario, override: WorldOverride): AnyScenario {
  return {
    ...scenario,
    init(rng) {
      const start = scenario.init(rng);
      let world = start.world as Record<string, unknown>;
      for (const [path, value] of override) world = setPath(world, path, value);
      return { world, runtime: start.runtime };
    },
  };
}
