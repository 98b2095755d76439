import { z } from '../zod';
import { alarmComparisons, missingTreatments } from './evaluate';

/** How each period's events become one datapoint. */
export const alarmStatistics = ['avg', 'max', 'min', 'sum', 'count'] as const;
/** A statistic name. */
export type AlarmStatistic = (typeof alarmStatistics)[number];

/** The most evaluation periods an alarm may have. */
export const MAX_ALARM_PERIODS = 100;
/** CloudWatch's limit: evaluation periods × period may not exceed one day. */
export const MAX_ALARM_SPAN_SECONDS = 86_400;

const alarmIdPattern = /^[A-Za-z][A-Za-z0-9_:-]{0,63}$/;

/** One alarm as a rules file writes it (CloudWatch's PutMetricAlarm, in Siren's words). */
export const alarmSchema = z.strictObject({
  id: z.string().regex(alarmIdPattern, 'an id of letters, digits and _ : - starting with a letter (at most 64)'),
  description: z.string().max(1000).optional(),
  on: z.string(),
  value: z.string().optional(),
  comparison: z.enum(alarmComparisons),
  threshold: z.number(),
  periods: z.number().int().min(1).max(MAX_ALARM_PERIODS),
  toAlarm: z.number().int().min(1).max(MAX_ALARM_PERIODS),
  period: z.number().min(1).max(MAX_ALARM_SPAN_SECONDS),
  statistic: z.enum(alarmStatistics).optional(),
  missing: z.enum(missingTreatments).optional(),
});

/** An alarm as written in the file. */
export type AlarmSpec = z.infer<typeof alarmSchema>;

/** What an alarm exposes as facts: `alarm.<id>.<field>`. */
export const alarmFacts = {
  state: 'its state: "OK", "ALARM" or "INSUFFICIENT_DATA"',
  datapoints: 'its evaluation range of datapoints, oldest first, "-" for a missing one (e.g. "81.2 - 77 90.4 -")',
} as const;

/** An alarm fact name. */
export type AlarmFact = keyof typeof alarmFacts;
