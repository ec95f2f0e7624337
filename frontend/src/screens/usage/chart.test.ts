import { describe, expect, it } from 'vitest';
import type { UsagePoint } from '../../api/usage';
import { indexAt, labelEvery, metricValue, niceScale, partValue, segments, STACKS } from './chart';

function point(p: Partial<UsagePoint>): UsagePoint {
  return {
    start: '2026-03-01T00:00:00Z',
    requests: 0,
    input_tokens: 0,
    output_tokens: 0,
    tokens: 0,
    cost_usd: 0,
    errors: 0,
    rate_limited: 0,
    ...p,
  };
}

describe('niceScale', () => {
  it('rounds the top up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceScale(7)).toEqual({ max: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(100)).toEqual({ max: 100, step: 25, ticks: [0, 25, 50, 75, 100] });
    expect(niceScale(101).max).toBe(150);
    expect(niceScale(1234).ticks).toEqual([0, 500, 1000, 1500]);
    expect(niceScale(987_654).max).toBe(1_000_000);
  });

  it('always covers the largest value with at most a few ticks', () => {
    for (const v of [1, 3, 9, 11, 49, 51, 99, 333, 7777, 12_345_678, 0.003, 0.42, 17.5]) {
      const s = niceScale(v);
      expect(s.max, String(v)).toBeGreaterThanOrEqual(v);
      expect(s.ticks.length, String(v)).toBeLessThanOrEqual(6);
      expect(s.ticks[0]).toBe(0);
      expect(s.ticks.at(-1)).toBe(s.max);
    }
  });

  it('keeps dollar ticks clean', () => {
    expect(niceScale(0.42).ticks).toEqual([0, 0.2, 0.4, 0.6]);
    expect(niceScale(0.003).ticks).toEqual([0, 0.001, 0.002, 0.003]);
  });

  it('never gives counts fractional ticks', () => {
    expect(niceScale(2, 4, true)).toEqual({ max: 2, step: 1, ticks: [0, 1, 2] });
    expect(niceScale(1, 4, true).ticks).toEqual([0, 1]);
    for (const v of [3, 7, 13, 250, 999]) {
      for (const tick of niceScale(v, 4, true).ticks) expect(Number.isInteger(tick), `${v}: ${tick}`).toBe(true);
    }
  });

  it('draws an axis for an empty chart', () => {
    expect(niceScale(0, 4, true).ticks).toEqual([0, 1, 2, 3, 4]);
    expect(niceScale(0).max).toBeGreaterThan(0);
    expect(niceScale(Number.NaN).max).toBeGreaterThan(0);
  });
});

describe('x axis', () => {
  it('thins labels so they fit', () => {
    expect(labelEvery(7, 700)).toBe(1);
    expect(labelEvery(30, 700)).toBe(3);
    expect(labelEvery(365, 900)).toBe(27);
    expect(labelEvery(0, 700)).toBe(1);
    expect(labelEvery(10, 0)).toBe(1);
  });

  it('finds the bucket under the pointer, clamped to the plot', () => {
    expect(indexAt(50, 50, 300, 30)).toBe(0);
    expect(indexAt(59.9, 50, 300, 30)).toBe(0);
    expect(indexAt(60, 50, 300, 30)).toBe(1);
    expect(indexAt(349, 50, 300, 30)).toBe(29);
    expect(indexAt(400, 50, 300, 30)).toBe(29);
    expect(indexAt(10, 50, 300, 30)).toBe(0);
    expect(indexAt(10, 50, 300, 0)).toBe(-1);
  });
});

describe('stacks', () => {
  const p = point({ requests: 10, errors: 3, rate_limited: 2, input_tokens: 500, output_tokens: 120, tokens: 620, cost_usd: 0.5 });

  it('split each metric into parts that add up to it', () => {
    expect(metricValue(p, 'requests')).toBe(10);
    expect(partValue(p, 'ok')).toBe(7);
    expect(partValue(p, 'errors')).toBe(3);
    expect(metricValue(p, 'tokens')).toBe(620);
    expect(metricValue(p, 'cost')).toBe(0.5);
    expect(metricValue(p, 'errors')).toBe(3);
    expect(partValue(p, 'other_errors')).toBe(1);
    expect(metricValue(p, 'rate_limited')).toBe(2);
    expect(STACKS.errors).toEqual(['other_errors', 'rate_limited']);
  });

  it('lays segments bottom up within the plot', () => {
    const segs = segments(p, 'requests', 20, 10, 200);
    expect(segs.map((s) => s.part)).toEqual(['ok', 'errors']);
    expect(segs[0]).toEqual({ part: 'ok', y: 140, height: 70 });
    expect(segs[1]).toEqual({ part: 'errors', y: 110, height: 30 });
    expect(segments(point({}), 'requests', 20, 10, 200)).toEqual([]);
  });
});
