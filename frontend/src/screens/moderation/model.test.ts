import { describe, expect, it } from 'vitest';
import type { ModerationRun, ModerationSweepPoint } from '../../api';
import {
  barWidth,
  bestF1,
  byScore,
  canResume,
  CATEGORIES,
  chartScale,
  cleanRunOptions,
  cleanThresholds,
  clockTime,
  defaultPair,
  defaultSweepCategory,
  durationParts,
  flaggedCategories,
  formatOfPath,
  formatRate,
  formatRatio,
  formatScore,
  groupCategories,
  initialProgress,
  nearestPoint,
  parentOf,
  parseThreshold,
  progressPercent,
  promptColumn,
  sameThresholds,
  secondsUntil,
  seriesPath,
  sortCategories,
  topCategory,
} from './model';

function run(over: Partial<ModerationRun> = {}): ModerationRun {
  return {
    id: 1,
    suite_id: 1,
    suite_name: 's',
    model: 'omni-moderation-latest',
    batch_size: 32,
    concurrency: 2,
    rpm: 0,
    tpm: 0,
    status: 'completed',
    total: 10,
    done: 10,
    errors: 0,
    flagged: 0,
    created_at: '',
    finished_at: '',
    error: '',
    error_zh: '',
    ...over,
  };
}

const point = (threshold: number, precision: number | null, recall: number | null): ModerationSweepPoint => ({
  threshold,
  counts: { tp: 0, fp: 0, fn: 0, tn: 0 },
  precision,
  recall,
});

describe('categories', () => {
  it('has the 13 categories in the API order', () => {
    expect(CATEGORIES).toHaveLength(13);
    expect(CATEGORIES[0]).toBe('hate');
    expect(CATEGORIES[12]).toBe('violence/graphic');
  });

  it('finds a category’s parent', () => {
    expect(parentOf('violence/graphic')).toBe('violence');
    expect(parentOf('self-harm/intent')).toBe('self-harm');
    expect(parentOf('sexual')).toBe('sexual');
  });

  it('groups categories under their parent, in the API order', () => {
    const groups = groupCategories();
    expect(groups.map((g) => g.parent)).toEqual(['hate', 'harassment', 'illicit', 'self-harm', 'sexual', 'violence']);
    expect(groups.find((g) => g.parent === 'self-harm')?.categories).toEqual([
      'self-harm',
      'self-harm/intent',
      'self-harm/instructions',
    ]);
    expect(groupCategories(['violence/graphic', 'hate', 'violence'])).toEqual([
      { parent: 'hate', categories: ['hate'] },
      { parent: 'violence', categories: ['violence', 'violence/graphic'] },
    ]);
  });

  it('sorts unknown categories last, by name', () => {
    expect(sortCategories(['zeta', 'violence', 'alpha', 'hate'])).toEqual(['hate', 'violence', 'alpha', 'zeta']);
  });

  it('orders categories by score, unscored last, ties in API order', () => {
    expect(byScore({ violence: 0.2, hate: 0.9, sexual: null, harassment: 0.2, illicit: 0 })).toEqual([
      'hate',
      'harassment',
      'violence',
      'illicit',
      'sexual',
    ]);
  });

  it('picks the top category like Go (first of the highest in API order)', () => {
    expect(topCategory({ violence: 0.5, hate: 0.5, sexual: 0.1 })).toBe('hate');
    expect(topCategory({ violence: null })).toBe('');
    expect(topCategory({})).toBe('');
  });
});

describe('verdicts', () => {
  it('lists flagged categories in API order', () => {
    const v = { flagged: true, categories: { violence: true, hate: true, sexual: false, illicit: null }, top: 'violence' };
    expect(flaggedCategories(v)).toEqual(['hate', 'violence']);
  });
});

describe('thresholds as typed', () => {
  it('parses numbers in (0, 1]', () => {
    expect(parseThreshold('0.5')).toBe(0.5);
    expect(parseThreshold(' 0,25 ')).toBe(0.25);
    expect(parseThreshold('1')).toBe(1);
    expect(parseThreshold('0.0005')).toBe(0.0005);
    expect(parseThreshold('0')).toBeNull();
    expect(parseThreshold('1.2')).toBeNull();
    expect(parseThreshold('abc')).toBeNull();
    expect(parseThreshold('')).toBeNull();
  });

  it('cleans thresholds for saving and compares them', () => {
    expect(cleanThresholds({ violence: 0.4, nonsense: 0.3, hate: 0, sexual: 2, harassment: NaN })).toEqual({ violence: 0.4 });
    expect(sameThresholds({ a: 1, b: 0.5 }, { b: 0.5, a: 1 })).toBe(true);
    expect(sameThresholds({ a: 1 }, { a: 0.9 })).toBe(false);
    expect(sameThresholds({ a: 1 }, {})).toBe(false);
  });
});

describe('numbers', () => {
  it('formats scores for people', () => {
    expect(formatScore(null)).toBe('—');
    expect(formatScore(0)).toBe('0');
    expect(formatScore(0.00001)).toBe('<0.0001');
    expect(formatScore(0.000412)).toBe('0.0004');
    expect(formatScore(0.0123)).toBe('0.012');
    expect(formatScore(0.91234)).toBe('0.912');
  });

  it('formats ratios and bar widths', () => {
    expect(formatRatio(null)).toBe('—');
    expect(formatRatio(0.666)).toBe('67%');
    expect(barWidth(null)).toBe(0);
    expect(barWidth(0)).toBe(0);
    expect(barWidth(0.0001)).toBe(1.5);
    expect(barWidth(0.5)).toBe(50);
    expect(barWidth(1.2)).toBe(100);
  });
});

describe('progress and ETA', () => {
  it('computes a percentage that never overshoots', () => {
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(24, 32)).toBe(75);
    expect(progressPercent(31, 32)).toBe(96);
    expect(progressPercent(40, 32)).toBe(100);
  });

  it('splits durations, rounding up to the second', () => {
    expect(durationParts(0)).toEqual({ h: 0, m: 0, s: 0 });
    expect(durationParts(44.2)).toEqual({ h: 0, m: 0, s: 45 });
    expect(durationParts(200)).toEqual({ h: 0, m: 3, s: 20 });
    expect(durationParts(3909)).toEqual({ h: 1, m: 5, s: 9 });
    expect(durationParts(-5)).toEqual({ h: 0, m: 0, s: 0 });
  });

  it('formats the rate', () => {
    expect(formatRate(0)).toBe('0');
    expect(formatRate(NaN)).toBe('0');
    expect(formatRate(2.345)).toBe('2.3');
    expect(formatRate(114.6)).toBe('115');
  });

  it('shows the local time a wait ends and counts down to it', () => {
    const at = new Date(2026, 10, 24, 9, 5, 7, 250);
    expect(clockTime(at.toISOString())).toBe('09:05:07');
    expect(clockTime('')).toBe('');
    expect(clockTime('not a time')).toBe('');
    expect(secondsUntil(at.toISOString(), at.getTime() - 11_500)).toBeCloseTo(11.5);
    expect(secondsUntil(at.toISOString(), at.getTime() + 1000)).toBe(0);
    expect(secondsUntil('bad', 0)).toBe(0);
  });

  it('starts a resumed run’s progress from what it already has', () => {
    const p = initialProgress(run({ id: 7, total: 40, done: 10, errors: 2, flagged: 3, status: 'paused' }));
    expect(p).toMatchObject({ run_id: 7, done: 12, total: 40, errors: 2, flagged: 3, eta_seconds: -1, state: 'running' });
  });
});

describe('runs', () => {
  it('offers Resume for stopped runs and completed runs with errors', () => {
    expect(canResume(run({ status: 'completed' }))).toBe(false);
    expect(canResume(run({ status: 'completed', errors: 1 }))).toBe(true);
    for (const status of ['paused', 'cancelled', 'failed', 'interrupted', 'pending'] as const) {
      expect(canResume(run({ status }))).toBe(true);
    }
    expect(canResume(run({ status: 'running' }))).toBe(false);
  });

  it('compares the newest run with answers against the one before', () => {
    const runs = [run({ id: 5, done: 0, errors: 0 }), run({ id: 4 }), run({ id: 2 }), run({ id: 3, done: 0, errors: 1 })];
    expect(defaultPair(runs)).toEqual([3, 4]);
    expect(defaultPair([run({ id: 1 })])).toBeNull();
  });

  it('bounds run options the way Go does', () => {
    expect(cleanRunOptions({})).toEqual({ model: 'omni-moderation-latest', batch_size: 32, concurrency: 2, rpm: 0, tpm: 0 });
    expect(cleanRunOptions({ model: ' text-moderation-latest ', batch_size: 999, concurrency: 0, rpm: -4, tpm: '1500.6' })).toEqual({
      model: 'text-moderation-latest',
      batch_size: 256,
      concurrency: 1,
      rpm: 0,
      tpm: 1501,
    });
    expect(cleanRunOptions({ batch_size: 'x', concurrency: '' })).toMatchObject({ batch_size: 32, concurrency: 2 });
  });
});

describe('import helpers', () => {
  it('guesses the format from the file name', () => {
    expect(formatOfPath('/a/b.TXT')).toBe('txt');
    expect(formatOfPath('data.csv.gz')).toBe('csv');
    expect(formatOfPath('x.ndjson')).toBe('jsonl');
    expect(formatOfPath('samples-1680.jsonl.gz')).toBe('jsonl');
    expect(formatOfPath('notes')).toBe('');
  });

  it('finds the prompt column Go would take, or asks', () => {
    expect(promptColumn(['id', ' Text ', 'violence'])).toBe(' Text ');
    expect(promptColumn(['input', 'prompt'])).toBe('prompt');
    expect(promptColumn(['question', 'answer'])).toBe('');
  });
});

describe('the sweep chart', () => {
  const box = { width: 400, height: 200, top: 10, right: 10, bottom: 30, left: 40 };
  const s = chartScale(box);

  it('maps thresholds across and values up the plot', () => {
    expect(s.x(0)).toBe(40);
    expect(s.x(1)).toBe(390);
    expect(s.x(0.5)).toBe(215);
    expect(s.y(0)).toBe(170);
    expect(s.y(1)).toBe(10);
    expect(s.y(0.5)).toBe(90);
    expect(s.x(2)).toBe(390);
    expect(s.y(-1)).toBe(170);
  });

  it('draws a series, breaking the line where a value is missing', () => {
    const pts = [point(0, 1, 1), point(0.5, null, 0.5), point(1, 0, 0)];
    expect(seriesPath(pts, 'recall', s)).toBe('M40 10 L215 90 L390 170');
    expect(seriesPath(pts, 'precision', s)).toBe('M40 10 M390 170');
    expect(seriesPath([point(0.5, null, null)], 'precision', s)).toBe('');
  });

  it('finds the nearest point and the best F1', () => {
    const pts = [point(0.05, 0.5, 1), point(0.1, 0.8, 0.9), point(0.15, 1, 0.4), point(0.2, null, 0)];
    expect(nearestPoint(pts, 0.12)?.threshold).toBe(0.1);
    expect(nearestPoint([], 0.5)).toBeNull();
    expect(bestF1(pts)?.threshold).toBe(0.1);
    expect(bestF1([point(0.1, 1, 1), point(0.9, 1, 1)])?.threshold).toBe(0.9);
    expect(bestF1([point(0.1, null, 1)])).toBeNull();
  });

  it('opens on the most labelled category that has something to draw', () => {
    const sweep = [
      { category: 'harassment', labelled: 5, points: [point(0.5, null, null)] },
      { category: 'violence', labelled: 3, points: [point(0.5, 1, 1)] },
      { category: 'hate', labelled: 3, points: [point(0.5, 0.5, null)] },
      { category: 'sexual', labelled: 0, points: [] },
    ];
    expect(defaultSweepCategory(sweep)).toBe('hate');
    expect(defaultSweepCategory([{ category: 'harassment', labelled: 2, points: [point(0.5, null, null)] }])).toBe('harassment');
    expect(defaultSweepCategory([])).toBe('');
  });
});
