import type { Lesson } from '../../../scenarios/lesson';
import { cityLessons } from '../../../scenarios/city/lessons';
import { cloudLessons } from '../../../scenarios/cloud/lessons';

/** Each scenario's lessons, by scenario name: a scenario adds its own here (the cloud lessons will). */
export const lessonsByScenario: Readonly<Record<string, readonly Lesson[]>> = {
  city: cityLessons,
  cloud: cloudLessons,
};
