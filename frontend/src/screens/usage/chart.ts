// Pure geometry of the usage chart: a "nice" value axis, which x labels fit,
// and what each metric stacks. Kept free of Svelte so it is unit-tested.
import type { UsagePoint } from '../../api/usage';

export const METRICS = ['requests', 'tokens', 'cost', 'errors', 'rate_limited'] as const;
export type Metric = (typeof METRICS)[number];

export interface Scale {
  /** The top of the axis: a multiple of step, at least the largest value. */
  max: number;
  step: number;
  /** 0, step, 2·step … max */
  ticks: number[];
}

/**
 * A value axis from 0 whose ticks are 1, 2, 2.5 or 5 times a power of ten,
 * about `count` of them. Integer metrics (requests, tokens) never get
 * fractional ticks. An empty chart still gets an axis.
 */
export function niceScale(maxValue: number, count = 4, integer = false): Scale {
  const top = Number.isFinite(maxValue) && maxValue > 0 ? maxValue : 0;
  if (top === 0) {
    const step = integer ? 1 : 0.25;
    return { max: step * count, step, ticks: Array.from({ length: count + 1 }, (_, i) => i * step) };
  }
  const raw = top / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  let step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
  if (integer && step < 1) step = 1;
  if (integer && !Number.isInteger(step)) step = Math.ceil(step);
  const n = Math.max(1, Math.ceil(top / step - 1e-9));
  const ticks = Array.from({ length: n + 1 }, (_, i) => round(i * step));
  return { max: round(n * step), step, ticks };
}

/** Drops floating-point noise such as 0.30000000000000004. */
function round(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

/** Show every k-th x label so labels at least minGap pixels wide don't overlap. */
export function labelEvery(points: number, plotWidth: number, minGap = 64): number {
  if (points <= 0 || plotWidth <= 0) return 1;
  const fit = Math.max(1, Math.floor(plotWidth / minGap));
  return Math.max(1, Math.ceil(points / fit));
}

/** Which bucket the pointer is over, clamped to the chart. */
export function indexAt(x: number, plotLeft: number, plotWidth: number, points: number): number {
  if (points <= 0) return -1;
  const i = Math.floor(((x - plotLeft) / plotWidth) * points);
  return Math.min(points - 1, Math.max(0, i));
}

/** The parts of a bar, bottom first; they sum to the metric's value. */
export type Part = 'ok' | 'errors' | 'input' | 'output' | 'cost' | 'other_errors' | 'rate_limited';

export const STACKS: Record<Metric, Part[]> = {
  requests: ['ok', 'errors'],
  tokens: ['input', 'output'],
  cost: ['cost'],
  errors: ['other_errors', 'rate_limited'],
  rate_limited: ['rate_limited'],
};

export function partValue(p: UsagePoint, part: Part): number {
  switch (part) {
    case 'ok':
      return Math.max(0, p.requests - p.errors);
    case 'errors':
      return Math.min(p.errors, p.requests);
    case 'input':
      return p.input_tokens;
    case 'output':
      return p.output_tokens;
    case 'cost':
      return p.cost_usd;
    case 'other_errors':
      return Math.max(0, p.errors - p.rate_limited);
    case 'rate_limited':
      return p.rate_limited;
  }
}

/** The bar's full height for a metric. */
export function metricValue(p: UsagePoint, metric: Metric): number {
  return STACKS[metric].reduce((sum, part) => sum + partValue(p, part), 0);
}

/** Integer-valued metrics get integer ticks. */
export function isInteger(metric: Metric): boolean {
  return metric !== 'cost';
}

export interface Segment {
  part: Part;
  y: number;
  height: number;
}

/** A bar's stacked segments in plot coordinates (y grows downwards from top). */
export function segments(p: UsagePoint, metric: Metric, scaleMax: number, top: number, height: number): Segment[] {
  const out: Segment[] = [];
  let base = top + height;
  for (const part of STACKS[metric]) {
    const v = partValue(p, part);
    if (v <= 0 || scaleMax <= 0) continue;
    const h = (v / scaleMax) * height;
    base -= h;
    out.push({ part, y: base, height: h });
  }
  return out;
}
