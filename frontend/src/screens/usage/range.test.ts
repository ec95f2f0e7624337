import { describe, expect, it } from 'vitest';
import {
  addDays,
  bucketFor,
  dayList,
  daysIn,
  fillDays,
  monthStart,
  parseDay,
  rangeProblem,
  resolveRange,
  utcDay,
} from './range';

// 12 March 2026, 23:30 in UTC: already the 13th east of UTC+0:30.
const NOW = new Date('2026-03-12T23:30:00Z');

describe('UTC days', () => {
  it('takes the UTC calendar day of an instant', () => {
    expect(utcDay(NOW)).toBe('2026-03-12');
    expect(utcDay(new Date('2026-03-13T00:10:00+08:00'))).toBe('2026-03-12');
  });

  it('parses only real days', () => {
    expect(parseDay('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('2026-2-3')).toBeNull();
    expect(parseDay('')).toBeNull();
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('nonsense', 3)).toBe('nonsense');
  });

  it('counts days with both ends included', () => {
    expect(daysIn({ since: '2026-03-12', until: '2026-03-12' })).toBe(1);
    expect(daysIn({ since: '2026-03-01', until: '2026-03-31' })).toBe(31);
    expect(daysIn({ since: '2025-03-13', until: '2026-03-12' })).toBe(365);
    expect(daysIn({ since: '2026-03-12', until: '2026-03-11' })).toBe(0);
    expect(daysIn({ since: '', until: '2026-03-11' })).toBe(0);
  });
});

describe('presets', () => {
  it('end today and cover the named number of days', () => {
    expect(resolveRange({ preset: '7d', since: '', until: '' }, NOW)).toEqual({ since: '2026-03-06', until: '2026-03-12' });
    expect(resolveRange({ preset: '30d', since: '', until: '' }, NOW)).toEqual({ since: '2026-02-11', until: '2026-03-12' });
    expect(resolveRange({ preset: '90d', since: '', until: '' }, NOW)).toEqual({ since: '2025-12-13', until: '2026-03-12' });
    for (const preset of ['7d', '30d', '90d'] as const) {
      expect(daysIn(resolveRange({ preset, since: '', until: '' }, NOW))).toBe(Number(preset.slice(0, -1)));
    }
  });

  it('"this month" starts on the first of the UTC month', () => {
    expect(monthStart(NOW)).toBe('2026-03-01');
    expect(resolveRange({ preset: 'month', since: '', until: '' }, NOW)).toEqual({ since: '2026-03-01', until: '2026-03-12' });
    const first = new Date('2026-04-01T00:05:00Z');
    expect(resolveRange({ preset: 'month', since: '', until: '' }, first)).toEqual({ since: '2026-04-01', until: '2026-04-01' });
  });

  it('custom ranges come back as given', () => {
    expect(resolveRange({ preset: 'custom', since: '2026-01-05', until: '2026-01-09' }, NOW)).toEqual({
      since: '2026-01-05',
      until: '2026-01-09',
    });
  });
});

describe('custom range checks', () => {
  it('says what is wrong', () => {
    expect(rangeProblem({ since: '2026-01-05', until: '2026-01-09' })).toBeNull();
    expect(rangeProblem({ since: '2026-01-05', until: '2026-01-05' })).toBeNull();
    expect(rangeProblem({ since: '', until: '2026-01-09' })).toBe('missing');
    expect(rangeProblem({ since: '2026-01-10', until: '2026-01-09' })).toBe('order');
    expect(rangeProblem({ since: '2000-01-01', until: '2026-01-09' })).toBe('tooLong');
  });
});

describe('chart buckets', () => {
  it('are hours for a day or two and days beyond', () => {
    expect(bucketFor({ since: '2026-03-12', until: '2026-03-12' })).toBe('hour');
    expect(bucketFor({ since: '2026-03-11', until: '2026-03-12' })).toBe('hour');
    expect(bucketFor({ since: '2026-03-10', until: '2026-03-12' })).toBe('day');
  });

  it('lists every day of a range', () => {
    expect(dayList({ since: '2026-02-27', until: '2026-03-02' })).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(dayList({ since: '2026-03-02', until: '2026-03-01' })).toEqual([]);
    expect(dayList(resolveRange({ preset: '90d', since: '', until: '' }, NOW))).toHaveLength(90);
  });

  it('fill the days a report by day left out with zeros', () => {
    const row = {
      group: '2026-03-02',
      label: '',
      requests: 5,
      input_tokens: 100,
      cached_tokens: 10,
      output_tokens: 40,
      reasoning_tokens: 0,
      errors: 2,
      rate_limited: 1,
      requests_without_usage: 0,
      cost_usd: 0.25,
    };
    const points = fillDays([row], { since: '2026-03-01', until: '2026-03-03' });
    expect(points.map((p) => p.start)).toEqual(['2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z']);
    expect(points[0]).toMatchObject({ requests: 0, tokens: 0, cost_usd: 0, errors: 0, rate_limited: 0 });
    expect(points[1]).toMatchObject({ requests: 5, input_tokens: 100, output_tokens: 40, tokens: 140, cost_usd: 0.25, errors: 2, rate_limited: 1 });
  });
});
