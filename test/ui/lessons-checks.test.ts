import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRules, scenarioCatalogue } from '../../src/engine';
import type { CompiledRules } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { cloudLessons } from '../../src/scenarios/cloud/lessons';
import type { LessonCheck } from '../../src/scenarios/lesson';
import { beginMemo, checkStep } from '../../src/ui/panels/lessons/model';
import type { Observation } from '../../src/ui/panels/lessons/model';

const catalogue = scenarioCatalogue(scenarios.cloud as (typeof scenarios)[string]);
type Doc = {
  triggers: { id: string; when: { all: { fact: string; value: unknown }[] } }[];
  alarms: { id: string; threshold: number }[];
};
const base = (): Doc => JSON.parse(readFileSync('public/rules/cloud.json', 'utf8')) as Doc;

/** The cloud rules with the comparison on `fact` in each named trigger (or an `alarm:<id>`'s threshold) set to a number. */
function edited(doc: Doc, edits: [trigger: string, fact: string, value: number][]): CompiledRules {
  for (const [id, fact, value] of edits) {
    const alarm = id.startsWith('alarm:') ? doc.alarms.find((a) => `alarm:${a.id}` === id) : undefined;
    if (alarm) {
      alarm.threshold = value;
      continue;
    }
    const leaf = doc.triggers.find((t) => t.id === id)?.when.all.find((c) => c.fact === fact);
    if (!leaf) throw new Error(`${id} has no ${fact}`);
    leaf.value = value;
  }
  const r = loadRules(JSON.stringify(doc), catalogue, 'cloud.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.rules;
}

const step = (id: string): LessonCheck =>
  cloudLessons.flatMap((l) => l.steps).find((s) => s.id === id)?.check as LessonCheck;
const obs = (rules: CompiledRules): Observation => ({
  events: [],
  rewound: false,
  selected: undefined,
  rules,
  at: () => undefined,
});

const BROKEN: [string, string, number][] = [
  ['alarm:cpuLow', 'threshold', 60],
  ['scale-out', 'world.pool.sinceScaled', 0],
  ['scale-out-now', 'world.pool.sinceScaled', 0],
  ['scale-in', 'world.pool.sinceScaled', 0],
];

describe('cloud lesson checks accept exactly what their text asks for', () => {
  it('"remove the cooldowns" passes with all four edits, and not with three of them', () => {
    const c = step('remove-cooldowns');
    const start = edited(base(), []);
    const memo = beginMemo(c, start, null);
    expect(checkStep(c, obs(edited(base(), BROKEN)), memo)).toBe(true);
    for (let i = 0; i < BROKEN.length; i++)
      expect(
        checkStep(
          c,
          obs(
            edited(
              base(),
              BROKEN.filter((_, j) => j !== i),
            ),
          ),
          memo,
        ),
        `without ${BROKEN[i]?.[0]}`,
      ).toBe(false);
  });

  it('"a cooldown back on scale-in" passes for scale-in ≥ 120 only, not for an edit of scale-out', () => {
    const c = step('cooldown-back');
    const flapping = edited(base(), BROKEN);
    const memo = beginMemo(c, flapping, null);
    expect(checkStep(c, obs(edited(base(), [...BROKEN, ['scale-in', 'world.pool.sinceScaled', 120]])), memo)).toBe(
      true,
    );
    expect(checkStep(c, obs(edited(base(), [...BROKEN, ['scale-in', 'world.pool.sinceScaled', 300]])), memo)).toBe(
      true,
    );
    expect(checkStep(c, obs(edited(base(), [...BROKEN, ['scale-out', 'world.pool.sinceScaled', 120]])), memo)).toBe(
      false,
    );
    expect(checkStep(c, obs(edited(base(), [...BROKEN, ['scale-in', 'world.pool.sinceScaled', 60]])), memo)).toBe(
      false,
    );
    const both: [string, string, number][] = [
      ...BROKEN,
      ['scale-in', 'world.pool.sinceScaled', 120],
      ['scale-out', 'world.pool.sinceScaled', 60],
    ];
    expect(checkStep(c, obs(edited(base(), both)), memo), 'scale-out changed too').toBe(false);
  });
});
