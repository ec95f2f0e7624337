// The moderation facade's types and constants (see ./moderation.ts): the
// shapes of moderation.Service's JSON, its enumerations and the progress
// event's name. ./moderation re-exports all of them.
import type { moderation } from './wailsjs/go/models';

// --- types -------------------------------------------------------------------

/** The 13 categories of the current moderation models, in the API's order. */
export const MODERATION_CATEGORIES = [
  'hate',
  'hate/threatening',
  'harassment',
  'harassment/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
] as const satisfies readonly ModerationCategory[];
export type ModerationCategory = `${moderation.Category}`;

export const MODERATION_MODELS = ['omni-moderation-latest', 'text-moderation-latest'] as const;
export const DEFAULT_MODERATION_MODEL = 'omni-moderation-latest';

export const MODERATION_RUN_STATUSES = [
  'pending',
  'running',
  'paused',
  'cancelled',
  'failed',
  'completed',
  'interrupted',
] as const satisfies readonly ModerationRunStatus[];
export type ModerationRunStatus = `${moderation.RunStatus}`;

export const MODERATION_ITEM_STATES = ['pending', 'done', 'error'] as const satisfies readonly ModerationItemState[];
export type ModerationItemState = `${moderation.ResultState}`;

export const MODERATION_IMPORT_FORMATS = ['txt', 'csv', 'jsonl'] as const;
export type ModerationImportFormat = (typeof MODERATION_IMPORT_FORMATS)[number];

export const MODERATION_SUITE_FORMATS = ['txt', 'csv', 'jsonl'] as const;
export type ModerationSuiteFormat = (typeof MODERATION_SUITE_FORMATS)[number];

export const MODERATION_REPORT_FORMATS = ['pdf', 'html', 'csv', 'json'] as const;
export type ModerationReportFormat = (typeof MODERATION_REPORT_FORMATS)[number];

/** Expected answers for an item: category → flagged or not. An absent category is unknown. */
export type ModerationLabels = Record<string, boolean>;

/** A suite's own cut-offs: category → threshold in (0, 1]. Empty means OpenAI's flags. */
export type ModerationThresholds = Record<string, number>;

/** Per category: flagged, not flagged, or null when the model has no such category. */
export type ModerationFlags = Record<string, boolean | null>;
export type ModerationScores = Record<string, number | null>;

export interface ModerationSuite {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  item_count: number;
  /** Items with at least one expected label. */
  labelled: number;
  thresholds: ModerationThresholds;
}

export interface ModerationItem {
  id: number;
  suite_id: number;
  position: number;
  text: string;
  image_path: string;
  expected: ModerationLabels;
}

export interface ModerationItemInput {
  text: string;
  image_path: string;
  expected: ModerationLabels;
}

export interface ModerationRunOptions {
  model: string;
  batch_size: number;
  concurrency: number;
  /** Client-side requests-per-minute limit; 0 means none. */
  rpm: number;
  /** Client-side tokens-per-minute limit; 0 means none. */
  tpm: number;
}

export interface ModerationRun extends ModerationRunOptions {
  id: number;
  suite_id: number;
  suite_name: string;
  status: ModerationRunStatus;
  total: number;
  /** Items answered. */
  done: number;
  /** Items that ended in an error. */
  errors: number;
  flagged: number;
  created_at: string;
  finished_at: string;
  /** Why the run stopped, if it failed; in English and in Chinese. */
  error: string;
  error_zh: string;
}

export interface ModerationImportOptions {
  /** "" picks the format from the file name or its content. */
  format: '' | ModerationImportFormat;
  /** The CSV column holding the prompts; "" finds one named prompt, text or input. */
  column: string;
  /** Where relative image paths start; "" means the file's folder. */
  base_dir: string;
}

export interface ModerationSkippedRow {
  line: number;
  reason: string;
  reason_zh: string;
}

export interface ModerationImportResult {
  suite_id: number;
  imported: number;
  skipped: ModerationSkippedRow[];
}

export interface ModerationResult {
  run_id: number;
  index: number;
  item_id: number;
  input: string;
  image_path: string;
  expected: ModerationLabels;
  state: ModerationItemState;
  /** OpenAI's own verdict. */
  flagged: boolean;
  categories: ModerationFlags;
  scores: ModerationScores;
  /** The input types ("text", "image") each category's score covers. */
  applied_input_types: Record<string, string[]>;
  error: string;
  error_zh: string;
  completed_at: string;
}

/** An item's flags under the suite's thresholds. */
export interface ModerationVerdict {
  flagged: boolean;
  categories: ModerationFlags;
  /** The highest-scoring category, "" if none. */
  top: string;
}

export interface ModerationResultRow {
  result: ModerationResult;
  verdict: ModerationVerdict;
}

export type ModerationFlagFilter = '' | 'flagged' | 'unflagged' | 'error' | 'pending';

/**
 * What the Results tab asks for (Go's moderation.ResultQuery): filters, a
 * sort key and direction, a page. Go does the filtering, sorting and paging.
 */
export type ModerationResultQuery = moderation.ResultQuery;

/** Every row of a run counted under the query's thresholds (Go's moderation.ResultCounts). */
export type ModerationResultCounts = moderation.ResultCounts;

/** A row of a queried page. */
export interface ModerationQueryRow extends ModerationResultRow {
  /** OpenAI's verdict differs from the one under the thresholds. */
  changed: boolean;
  /** The flags disagree with an expected label. */
  mismatch: boolean;
}

/** One page of a run's results table (Go's moderation.QueryPage). */
export interface ModerationQueryPage {
  run: ModerationRun;
  /** The thresholds the flags were judged with. */
  thresholds: ModerationThresholds;
  counts: ModerationResultCounts;
  /** Rows that pass the filters. */
  matching: number;
  page: number;
  pages: number;
  rows: ModerationQueryRow[];
}

export interface ModerationItemChange {
  item_id: number;
  input: string;
  index_a: number;
  index_b: number;
  flagged_a: boolean;
  flagged_b: boolean;
  top_a: string;
  top_b: string;
  top_score_a: number;
  top_score_b: number;
  flag_changed: boolean;
  top_changed: boolean;
}

export interface ModerationComparison {
  run_a: ModerationRun;
  run_b: ModerationRun;
  thresholds: ModerationThresholds;
  /** Items answered in both runs. */
  compared: number;
  unchanged: number;
  /** Items missing or unanswered in either run. */
  not_in_both: number;
  changes: ModerationItemChange[];
}

export interface ModerationCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface ModerationCategoryMetrics {
  category: string;
  labelled: number;
  counts: ModerationCounts;
  /** null when nothing was flagged. */
  precision: number | null;
  /** null when nothing was expected. */
  recall: number | null;
}

export interface ModerationSweepPoint {
  threshold: number;
  counts: ModerationCounts;
  precision: number | null;
  recall: number | null;
}

export interface ModerationCategorySweep {
  category: string;
  labelled: number;
  points: ModerationSweepPoint[];
}

export interface ModerationMetrics {
  run_id: number;
  thresholds: ModerationThresholds;
  /** Answered items with at least one known label. */
  labelled: number;
  categories: ModerationCategoryMetrics[];
  sweep: ModerationCategorySweep[];
}

export interface ModerationReportSummary {
  total: number;
  flagged: number;
  errors: number;
  per_category: Record<string, number>;
}

export interface ModerationReport {
  run_id: number;
  model: string;
  summary: ModerationReportSummary;
}

export type ModerationProgressState = 'running' | 'waiting' | ModerationRunStatus;

/** A snapshot of a run being sent (the "moderation:progress" event). */
export interface ModerationProgress {
  run_id: number;
  /** Items finished: answered or ended in an error. */
  done: number;
  total: number;
  errors: number;
  flagged: number;
  /** Items per second in this session. */
  rate: number;
  /** Seconds left at that rate; -1 when unknown. */
  eta_seconds: number;
  /** running, waiting, or (final) the run's status. */
  state: ModerationProgressState;
  waiting_until: string;
  wait_reason: '' | 'rate_limit' | 'retry';
  /** HTTP attempts this session. */
  requests: number;
  /** Of those, how many were answered 429. */
  rate_limited: number;
  final: boolean;
}

/** A registered key a run may use (only its label and redacted form). */
export interface ModerationKeyOption {
  label: string;
  member: string;
  environment: string;
  status: string;
  redacted: string;
}

export const MODERATION_PROGRESS_EVENT = 'moderation:progress';
