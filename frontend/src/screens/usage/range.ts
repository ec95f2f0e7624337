// Date ranges of the Usage screen. The usage log counts whole UTC days (as
// OpenAI's usage dashboard does), so ranges are UTC calendar days:
// YYYY-MM-DD strings, both ends inclusive, exactly what the Go side takes.
import type { UsageBucket, UsagePoint, UsageReportRow } from '../../api/usage';

export const RANGE_PRESETS = ['7d', '30d', '90d', 'month', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The picker's state: a preset, or custom with its own ends. */
export interface RangeChoice {
  preset: RangePreset;
  /** Custom ends, YYYY-MM-DD; ignored by the other presets. */
  since: string;
  until: string;
}

/** A resolved period: UTC days, both inclusive. */
export interface DayRange {
  since: string;
  until: string;
}

/** Longest custom period, in days (the rollups make a year fast; ten years stay drawable). */
export const MAX_RANGE_DAYS = 3660;

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC calendar day of an instant. */
export function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Parses YYYY-MM-DD as UTC midnight; null when it isn't a real day. */
export function parseDay(day: string): Date | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return utcDay(d) === day ? d : null;
}

export function addDays(day: string, n: number): string {
  const d = parseDay(day);
  if (!d) return day;
  return utcDay(new Date(d.getTime() + n * DAY_MS));
}

/** The first day of the UTC month of now. */
export function monthStart(now: Date): string {
  return `${utcDay(now).slice(0, 8)}01`;
}

/** Days in a range, both ends counted; 0 when it is empty or invalid. */
export function daysIn(r: DayRange): number {
  const a = parseDay(r.since);
  const b = parseDay(r.until);
  if (!a || !b || b < a) return 0;
  return Math.round((b.getTime() - a.getTime()) / DAY_MS) + 1;
}

/** The days a preset covers as of now; custom ranges come back as given. */
export function resolveRange(choice: RangeChoice, now: Date): DayRange {
  const today = utcDay(now);
  switch (choice.preset) {
    case '7d':
      return { since: addDays(today, -6), until: today };
    case '30d':
      return { since: addDays(today, -29), until: today };
    case '90d':
      return { since: addDays(today, -89), until: today };
    case 'month':
      return { since: monthStart(now), until: today };
    case 'custom':
      return { since: choice.since, until: choice.until };
  }
}

export type RangeProblem = 'missing' | 'order' | 'tooLong' | null;

/** Why a custom range can't be used, or null when it can. */
export function rangeProblem(r: DayRange): RangeProblem {
  if (!parseDay(r.since) || !parseDay(r.until)) return 'missing';
  const n = daysIn(r);
  if (n === 0) return 'order';
  if (n > MAX_RANGE_DAYS) return 'tooLong';
  return null;
}

/** Hourly buckets for a day or two, daily buckets beyond. */
export function bucketFor(r: DayRange): UsageBucket {
  return daysIn(r) <= 2 ? 'hour' : 'day';
}

/** Every day of a range, in order. */
export function dayList(r: DayRange): string[] {
  const n = daysIn(r);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(addDays(r.since, i));
  return out;
}

/**
 * Turns a report by day (only the days with usage, from one source) into
 * chart points covering every day of the range, the way Series does.
 */
export function fillDays(rows: UsageReportRow[], r: DayRange): UsagePoint[] {
  const byDay = new Map(rows.map((row) => [row.group, row]));
  return dayList(r).map((day) => {
    const row = byDay.get(day);
    const input = row?.input_tokens ?? 0;
    const output = row?.output_tokens ?? 0;
    return {
      start: `${day}T00:00:00Z`,
      requests: row?.requests ?? 0,
      input_tokens: input,
      output_tokens: output,
      tokens: input + output,
      cost_usd: row?.cost_usd ?? 0,
      errors: row?.errors ?? 0,
      rate_limited: row?.rate_limited ?? 0,
    };
  });
}
