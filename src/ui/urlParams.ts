import { unknownName } from '../engine';
import { checkClassroom } from './classroom/params';
import type { ClassroomParams } from './classroom/params';

/** What the page's URL may set. */
export interface PageOptions {
  scenario: string;
  seed: number;
  /** Same-origin URL of a rules file to load instead of the scenario's default. */
  rules: string | null;
  /** Let the autopilot play (attract mode). */
  autopilot: boolean;
  /** Start muted. */
  muted: boolean;
  /** A city with this many civilians instead of the default (a stress test; the city only). */
  civilians: number | null;
  /** The classroom to join (`?room=&name=&broker=`, all three), or null. */
  classroom: ClassroomParams | null;
}

const KNOWN = ['scenario', 'seed', 'rules', 'autopilot', 'muted', 'civilians', 'room', 'name', 'broker'];
/** The most civilians a page may ask for (the stress city of the tests and benchmarks has 2,000). */
export const MAX_CIVILIANS = 5000;

/** Parses and checks the URL's query; each bad parameter is reported and ignored (its default is used). */
export function parseParams(
  search: string,
  pageUrl: string,
  scenarioNames: readonly string[],
): { options: PageOptions; errors: string[] } {
  const q = new URLSearchParams(search);
  const errors: string[] = [];
  const options: PageOptions = {
    scenario: scenarioNames.includes('city') ? 'city' : (scenarioNames[0] ?? ''),
    seed: 1,
    rules: null,
    autopilot: false,
    muted: false,
    civilians: null,
    classroom: null,
  };
  for (const key of new Set(q.keys())) {
    if (!KNOWN.includes(key))
      errors.push(`URL parameter "${key}": ${unknownName('parameter', key, KNOWN)}; it was ignored`);
  }
  const scenario = q.get('scenario');
  if (scenario !== null) {
    if (scenarioNames.includes(scenario)) options.scenario = scenario;
    else
      errors.push(
        `URL parameter "scenario": ${unknownName('scenario', scenario, scenarioNames)}; playing "${options.scenario}"`,
      );
  }
  const seed = q.get('seed');
  if (seed !== null) {
    if (/^\d{1,10}$/.test(seed) && Number(seed) <= 0xffffffff) options.seed = Number(seed);
    else
      errors.push(
        `URL parameter "seed": expected a whole number from 0 to 4294967295, found ${JSON.stringify(seed)}; using seed 1`,
      );
  }
  const rules = q.get('rules');
  if (rules !== null) {
    let url: URL | null = null;
    try {
      url = new URL(rules, pageUrl);
    } catch {
      errors.push(`URL parameter "rules": ${JSON.stringify(rules)} is not a URL; using the default rules`);
    }
    if (url && url.origin !== new URL(pageUrl).origin)
      errors.push(
        `URL parameter "rules": only rules from this site can be loaded, not ${url.origin}; using the default rules`,
      );
    else if (url) options.rules = url.href;
  }
  for (const flag of ['autopilot', 'muted'] as const) {
    const v = q.get(flag);
    if (v === null) continue;
    if (v === '' || v === '1' || v === 'true') options[flag] = true;
    else if (v === '0' || v === 'false') options[flag] = false;
    else errors.push(`URL parameter "${flag}": expected 1 or 0, found ${JSON.stringify(v)}; it was ignored`);
  }
  const civilians = q.get('civilians');
  if (civilians !== null) {
    if (!/^\d{1,5}$/.test(civilians) || Number(civilians) > MAX_CIVILIANS)
      errors.push(
        `URL parameter "civilians": expected a whole number from 0 to ${MAX_CIVILIANS}, found ${JSON.stringify(civilians)}; it was ignored`,
      );
    else if (options.scenario !== 'city')
      errors.push(`URL parameter "civilians": only the city has civilians, not "${options.scenario}"; it was ignored`);
    else options.civilians = Number(civilians);
  }
  const classroom = checkClassroom(
    { room: q.get('room'), name: q.get('name'), broker: q.get('broker') },
    (field) => `URL parameter "${field}"`,
  );
  options.classroom = classroom.params;
  if (classroom.errors.length) errors.push(...classroom.errors.map((e) => `${e}; the classroom was not joined`));
  return { options, errors };
}
