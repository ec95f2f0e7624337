// Pure helpers of the moderation screen: thresholds, category order and
// grouping, the results filter's inputs, progress and duration formatting,
// and the sweep chart's scales. Verdicts, filtering, sorting and paging of
// results happen in Go (api.moderationResults).
import {
  MODERATION_CATEGORIES,
  type ModerationCategorySweep,
  type ModerationFlagFilter,
  type ModerationImportFormat,
  type ModerationProgress,
  type ModerationQueryRow,
  type ModerationRun,
  type ModerationRunOptions,
  type ModerationScores,
  type ModerationSweepPoint,
  type ModerationThresholds,
  type ModerationVerdict,
} from '../../api/moderation';

export const CATEGORIES: readonly string[] = MODERATION_CATEGORIES;

// --- categories ----------------------------------------------------------------

/** The top-level category a category belongs to: "violence/graphic" → "violence". */
export function parentOf(category: string): string {
  const i = category.indexOf('/');
  return i < 0 ? category : category.slice(0, i);
}

export interface CategoryGroup {
  parent: string;
  categories: string[];
}

/**
 * Groups categories under their top-level category, in the API's order
 * (unknown categories last, by name); a group lists its parent first.
 */
export function groupCategories(categories: readonly string[] = CATEGORIES): CategoryGroup[] {
  const groups: CategoryGroup[] = [];
  for (const c of sortCategories(categories)) {
    const p = parentOf(c);
    let g = groups.find((x) => x.parent === p);
    if (!g) {
      g = { parent: p, categories: [] };
      groups.push(g);
    }
    g.categories.push(c);
  }
  return groups;
}

function apiRank(category: string): number {
  const i = CATEGORIES.indexOf(category);
  return i < 0 ? CATEGORIES.length : i;
}

/** Categories in the API's order; unknown ones last, by name. */
export function sortCategories(categories: readonly string[]): string[] {
  return [...categories].sort((a, b) => apiRank(a) - apiRank(b) || a.localeCompare(b));
}

/** Categories by score, highest first; unscored ones last; ties in the API's order. */
export function byScore(scores: ModerationScores): string[] {
  return sortCategories(Object.keys(scores)).sort((a, b) => {
    const sa = scores[a] ?? null;
    const sb = scores[b] ?? null;
    if (sa === null || sb === null) return sa === null ? (sb === null ? 0 : 1) : -1;
    return sb - sa;
  });
}

/** The highest-scoring category, "" when none has a score (Go's TopCategory). */
export function topCategory(scores: ModerationScores): string {
  let top = '';
  let best = -1;
  for (const c of CATEGORIES) {
    const s = scores[c];
    if (typeof s === 'number' && s > best) {
      top = c;
      best = s;
    }
  }
  return top;
}

// --- thresholds and verdicts -----------------------------------------------------

/** The categories flagged in a verdict, in the API's order. */
export function flaggedCategories(v: ModerationVerdict): string[] {
  return sortCategories(Object.keys(v.categories).filter((c) => v.categories[c] === true));
}

/** Parses a threshold as typed: a number above 0 and at most 1, else null. */
export function parseThreshold(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  const v = Number(s);
  return Number.isFinite(v) && v > 0 && v <= 1 ? v : null;
}

/** Thresholds fit to save: known categories only, values in (0, 1]. */
export function cleanThresholds(t: ModerationThresholds): ModerationThresholds {
  const out: ModerationThresholds = {};
  for (const c of sortCategories(Object.keys(t))) {
    const v = t[c];
    if (CATEGORIES.includes(c) && typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 1) out[c] = v;
  }
  return out;
}

export function sameThresholds(a: ModerationThresholds, b: ModerationThresholds): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => b[k] === a[k]);
}

/** Rounds a slider value to what the number field shows. */
export function roundThreshold(v: number): number {
  return Math.round(v * 10000) / 10000;
}

// --- result rows and filters --------------------------------------------------------

/** A row of the results table as Go judged it (filtering, sorting and paging happen in Go). */
export type EvaluatedRow = ModerationQueryRow;

/** The Results tab's filter inputs; Go applies them (api.moderationResults). */
export interface RowFilter {
  category: string;
  flag: ModerationFlagFilter;
  search: string;
}

export const emptyRowFilter = (): RowFilter => ({ category: '', flag: '', search: '' });

export function isRowFiltered(f: RowFilter): boolean {
  return f.category !== '' || f.flag !== '' || f.search.trim() !== '';
}

// --- numbers -----------------------------------------------------------------------

/** A score as shown beside its bar: 3 decimals, 4 under 0.01, "<0.0001" below that. */
export function formatScore(score: number | null): string {
  if (score === null) return '—';
  if (score <= 0) return '0';
  if (score < 0.0001) return '<0.0001';
  if (score < 0.01) return score.toFixed(4);
  return score.toFixed(3);
}

/** A ratio (precision, recall) as a percentage; "—" when there is none. */
export function formatRatio(v: number | null): string {
  return v === null ? '—' : `${Math.round(v * 100)}%`;
}

/** A score as a bar width in percent; tiny non-zero scores still show a sliver. */
export function barWidth(score: number | null): number {
  if (score === null || score <= 0) return 0;
  return Math.min(100, Math.max(score * 100, 1.5));
}

// --- progress ------------------------------------------------------------------------

export function progressPercent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

export interface Duration {
  h: number;
  m: number;
  s: number;
}

/** Whole hours, minutes and seconds of a duration, rounded up to the second. */
export function durationParts(seconds: number): Duration {
  const total = Math.max(0, Math.ceil(seconds));
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}

/** Items per second: one decimal under 10, whole numbers above. */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate) || rate <= 0) return '0';
  return rate < 10 ? rate.toFixed(1) : String(Math.round(rate));
}

/** The local time of day of an instant, hh:mm:ss; "" when unparsable. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Seconds from now until an instant (never negative); 0 when unparsable. */
export function secondsUntil(iso: string, now: number = Date.now()): number {
  const d = new Date(iso).getTime();
  return Number.isNaN(d) ? 0 : Math.max(0, (d - now) / 1000);
}

/** The progress a run has before its first report. */
export function initialProgress(run: ModerationRun): ModerationProgress {
  return {
    run_id: run.id,
    done: run.done + run.errors,
    total: run.total,
    errors: run.errors,
    flagged: run.flagged,
    rate: 0,
    eta_seconds: -1,
    state: 'running',
    waiting_until: '',
    wait_reason: '',
    requests: 0,
    rate_limited: 0,
    final: false,
  };
}

// --- runs ----------------------------------------------------------------------------

/** Statuses a run can be resumed from. */
export function canResume(run: ModerationRun): boolean {
  if (run.status === 'running') return false;
  if (run.status === 'completed') return run.errors > 0;
  return true;
}

/** A run that has answers to show. */
export function hasResults(run: ModerationRun): boolean {
  return run.done + run.errors > 0;
}

/** The two runs to compare first: the newest run with answers against the one before it. */
export function defaultPair(runs: ModerationRun[]): [number, number] | null {
  const usable = runs.filter(hasResults).sort((a, b) => b.id - a.id);
  const [b, a] = usable;
  return a && b ? [a.id, b.id] : null;
}

export const RUN_LIMITS = {
  batch_size: { min: 1, max: 256 },
  concurrency: { min: 1, max: 16 },
  rpm: { min: 0, max: 1_000_000 },
  tpm: { min: 0, max: 100_000_000 },
} as const;

export const DEFAULT_RUN_OPTIONS: ModerationRunOptions = {
  model: 'omni-moderation-latest',
  batch_size: 32,
  concurrency: 2,
  rpm: 0,
  tpm: 0,
};

function clampInt(v: unknown, min: number, max: number, fallback: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : fallback;
}

/** Run options as typed, bounded the way Go bounds them; bad values take the defaults. */
export function cleanRunOptions(o: Partial<Record<keyof ModerationRunOptions, unknown>>): ModerationRunOptions {
  const d = DEFAULT_RUN_OPTIONS;
  const model = typeof o.model === 'string' && o.model.trim() !== '' ? o.model.trim() : d.model;
  return {
    model,
    batch_size: clampInt(o.batch_size, RUN_LIMITS.batch_size.min, RUN_LIMITS.batch_size.max, d.batch_size),
    concurrency: clampInt(o.concurrency, RUN_LIMITS.concurrency.min, RUN_LIMITS.concurrency.max, d.concurrency),
    rpm: clampInt(o.rpm, RUN_LIMITS.rpm.min, RUN_LIMITS.rpm.max, d.rpm),
    tpm: clampInt(o.tpm, RUN_LIMITS.tpm.min, RUN_LIMITS.tpm.max, d.tpm),
  };
}

// --- import --------------------------------------------------------------------------

/** The import format a file name suggests ("" when it says nothing); .gz is looked through. */
export function formatOfPath(path: string): '' | ModerationImportFormat {
  const name = path.trim().toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.txt')) return 'txt';
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  return '';
}

/** The CSV column Go would take by itself (prompt, text or input); "" when the user must pick. */
export function promptColumn(columns: string[]): string {
  for (const want of ['prompt', 'text', 'input']) {
    const hit = columns.find((c) => c.trim().toLowerCase() === want);
    if (hit !== undefined) return hit;
  }
  return '';
}

/** The name of the file at path, without its folders. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

// --- the sweep chart -----------------------------------------------------------------

export interface ChartBox {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Scale {
  x: (threshold: number) => number;
  y: (value: number) => number;
  /** The plot area. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Maps thresholds 0–1 across the plot and values 0–1 up it (0 at the bottom). */
export function chartScale(box: ChartBox): Scale {
  const x0 = box.left;
  const x1 = box.width - box.right;
  const y0 = box.height - box.bottom;
  const y1 = box.top;
  const clamp = (v: number) => Math.max(0, Math.min(1, v));
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    x: (t) => round(x0 + clamp(t) * (x1 - x0)),
    y: (v) => round(y0 - clamp(v) * (y0 - y1)),
    x0,
    x1,
    y0,
    y1,
  };
}

/**
 * The SVG path of one series (precision or recall) across the sweep;
 * points without a value break the line.
 */
export function seriesPath(points: ModerationSweepPoint[], key: 'precision' | 'recall', s: Scale): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    const v = p[key];
    if (v === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${s.x(p.threshold)} ${s.y(v)} `;
    pen = true;
  }
  return d.trim();
}

/** The sweep point nearest a threshold. */
export function nearestPoint(points: ModerationSweepPoint[], threshold: number): ModerationSweepPoint | null {
  let best: ModerationSweepPoint | null = null;
  for (const p of points) {
    if (!best || Math.abs(p.threshold - threshold) < Math.abs(best.threshold - threshold)) best = p;
  }
  return best;
}

/**
 * The category the sweep chart opens on: the one with the most labelled
 * items among those with something to draw (a precision or a recall), else
 * the one with the most labelled items; ties in the API's order. "" when
 * nothing is labelled.
 */
export function defaultSweepCategory(sweep: ModerationCategorySweep[]): string {
  const drawable = (s: ModerationCategorySweep) => s.points.some((p) => p.precision !== null || p.recall !== null);
  const pick = (list: ModerationCategorySweep[]) =>
    list.reduce<ModerationCategorySweep | null>((best, s) => (s.labelled > (best?.labelled ?? 0) ? s : best), null);
  const labelled = sortSweep(sweep).filter((s) => s.labelled > 0);
  return (pick(labelled.filter(drawable)) ?? pick(labelled))?.category ?? '';
}

function sortSweep(sweep: ModerationCategorySweep[]): ModerationCategorySweep[] {
  return [...sweep].sort((a, b) => apiRank(a.category) - apiRank(b.category));
}

/**
 * The threshold with the best F1 score in a sweep (ties go to the higher
 * threshold, which flags less); null when no point has both numbers.
 */
export function bestF1(points: ModerationSweepPoint[]): ModerationSweepPoint | null {
  let best: ModerationSweepPoint | null = null;
  let bestF = -1;
  for (const p of points) {
    if (p.precision === null || p.recall === null || p.precision + p.recall === 0) continue;
    const f = (2 * p.precision * p.recall) / (p.precision + p.recall);
    if (f >= bestF) {
      best = p;
      bestF = f;
    }
  }
  return best;
}
