import { quoteName, unknownName } from '../engine';
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
  /** The scenario's own parameters that the URL set (e.g. the city's `civilians`), checked. */
  scenarioParams: ReadonlyMap<string, number>;
  /** The classroom to join (`?room=&name=&broker=`, all three), or null. */
  classroom: ClassroomParams | null;
}

/** A URL parameter only one scenario has (e.g. the city's `civilians`). */
export interface ScenarioParam {
  readonly name: string;
  /** The value of the text, or what was expected and found (the page says it and ignores the parameter). */
  parse(text: string): { ok: true; value: number } | { ok: false; error: string };
}

const KNOWN = ['scenario', 'seed', 'rules', 'autopilot', 'muted', 'room', 'name', 'broker'];
/** Unknown parameters named one by one; past these, one line counts the rest. */
const MAX_UNKNOWN_REPORTED = 5;

/** Parses and checks the URL's query; each bad parameter is reported and ignored (its default is used). */
export function parseParams(
  search: string,
  pageUrl: string,
  scenarios: Readonly<Record<string, readonly ScenarioParam[]>>,
): { options: PageOptions; errors: string[] } {
  const scenarioNames = Object.keys(scenarios);
  const owned = new Map(
    scenarioNames.flatMap((s) => (scenarios[s] ?? []).map((p) => [p.name, { owner: s, p }] as const)),
  );
  const known = [...KNOWN, ...owned.keys()];
  const q = new URLSearchParams(search);
  const errors: string[] = [];
  const options: PageOptions = {
    scenario: scenarioNames.includes('city') ? 'city' : (scenarioNames[0] ?? ''),
    seed: 1,
    rules: null,
    autopilot: false,
    muted: false,
    scenarioParams: new Map(),
    classroom: null,
  };
  const unknown = [...new Set(q.keys())].filter((key) => !known.includes(key));
  for (const key of unknown.slice(0, MAX_UNKNOWN_REPORTED))
    errors.push(`URL parameter ${quoteName(key)}: ${unknownName('parameter', key, known)}; it was ignored`);
  if (unknown.length > MAX_UNKNOWN_REPORTED)
    errors.push(`${unknown.length - MAX_UNKNOWN_REPORTED} more unknown URL parameters were ignored`);
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
        `URL parameter "seed": expected a whole number from 0 to 4294967295, found ${quoteName(seed)}; using seed 1`,
      );
  }
  const rules = q.get('rules');
  if (rules !== null) {
    let url: URL | null = null;
    try {
      url = new URL(rules, pageUrl);
    } catch {
      errors.push(`URL parameter "rules": ${quoteName(rules)} is not a URL; using the default rules`);
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
    else errors.push(`URL parameter "${flag}": expected 1 or 0, found ${quoteName(v)}; it was ignored`);
  }
  const params = new Map<string, number>();
  for (const [name, { owner, p }] of owned) {
    const text = q.get(name);
    if (text === null) continue;
    const r = p.parse(text);
    if (!r.ok) errors.push(`URL parameter "${name}": ${r.error}; it was ignored`);
    else if (owner !== options.scenario)
      errors.push(`URL parameter "${name}": only the ${owner} has ${name}, not "${options.scenario}"; it was ignored`);
    else params.set(name, r.value);
  }
  options.scenarioParams = params;
  const classroom = checkClassroom(
    { room: q.get('room'), name: q.get('name'), broker: q.get('broker') },
    (field) => `URL parameter "${field}"`,
  );
  options.classroom = classroom.params;
  if (classroom.errors.length) errors.push(...classroom.errors.map((e) => `${e}; the classroom was not joined`));
  return { options, errors };
}
