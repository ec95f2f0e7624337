// The moderation facade's decoders (see ./moderation.ts): Go's nulls and
// omitted fields become empty values and unknown enums safe ones, once, so
// the screen never sees them.
import {
  MODERATION_CATEGORIES,
  MODERATION_ITEM_STATES,
  MODERATION_RUN_STATUSES,
  type ModerationCategoryMetrics,
  type ModerationCategorySweep,
  type ModerationComparison,
  type ModerationCounts,
  type ModerationFlags,
  type ModerationImportResult,
  type ModerationItem,
  type ModerationItemChange,
  type ModerationKeyOption,
  type ModerationLabels,
  type ModerationMetrics,
  type ModerationProgress,
  type ModerationProgressState,
  type ModerationReport,
  type ModerationResult,
  type ModerationQueryPage,
  type ModerationQueryRow,
  type ModerationResultCounts,
  type ModerationRun,
  type ModerationScores,
  type ModerationSkippedRow,
  type ModerationSuite,
  type ModerationSweepPoint,
  type ModerationThresholds,
  type ModerationVerdict,
} from './moderation.types';
import { obj, str, num, numOrNull, list, oneOf } from './wire';
export { obj, str, list, nothing } from './wire';

// --- decoders ----------------------------------------------------------------

function labels(v: unknown): ModerationLabels {
  const out: ModerationLabels = {};
  for (const [k, val] of Object.entries(obj(v))) if (typeof val === 'boolean') out[k] = val;
  return out;
}

function thresholds(v: unknown): ModerationThresholds {
  const out: ModerationThresholds = {};
  for (const [k, val] of Object.entries(obj(v))) {
    if (typeof val === 'number' && Number.isFinite(val)) out[k] = val;
  }
  return out;
}

/** Every one of the 13 categories, plus any other the Go side sent; missing ones are null. */
function flags(v: unknown): ModerationFlags {
  const o = obj(v);
  const out: ModerationFlags = {};
  for (const c of MODERATION_CATEGORIES) out[c] = typeof o[c] === 'boolean' ? (o[c] as boolean) : null;
  for (const [k, val] of Object.entries(o)) if (!(k in out)) out[k] = typeof val === 'boolean' ? val : null;
  return out;
}

function scores(v: unknown): ModerationScores {
  const o = obj(v);
  const out: ModerationScores = {};
  for (const c of MODERATION_CATEGORIES) out[c] = numOrNull(o[c]);
  for (const [k, val] of Object.entries(o)) if (!(k in out)) out[k] = numOrNull(val);
  return out;
}

function appliedTypes(v: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, val] of Object.entries(obj(v))) out[k] = list(val, str).filter((s) => s !== '');
  return out;
}

export function decodeSuite(v: unknown): ModerationSuite {
  const o = obj(v);
  return {
    id: num(o['id']),
    name: str(o['name']),
    created_at: str(o['created_at']),
    updated_at: str(o['updated_at']),
    item_count: num(o['item_count']),
    labelled: num(o['labelled']),
    thresholds: thresholds(o['thresholds']),
  };
}

export function decodeItem(v: unknown): ModerationItem {
  const o = obj(v);
  return {
    id: num(o['id']),
    suite_id: num(o['suite_id']),
    position: num(o['position']),
    text: str(o['text']),
    image_path: str(o['image_path']),
    expected: labels(o['expected']),
  };
}

export function decodeRun(v: unknown): ModerationRun {
  const o = obj(v);
  return {
    id: num(o['id']),
    suite_id: num(o['suite_id']),
    suite_name: str(o['suite_name']),
    model: str(o['model']),
    batch_size: num(o['batch_size']),
    concurrency: num(o['concurrency']),
    rpm: num(o['rpm']),
    tpm: num(o['tpm']),
    // An unknown status from a newer Go side reads as stopped, which offers Resume.
    status: oneOf(MODERATION_RUN_STATUSES, o['status'], 'interrupted'),
    total: num(o['total']),
    done: num(o['done']),
    errors: num(o['errors']),
    flagged: num(o['flagged']),
    created_at: str(o['created_at']),
    finished_at: str(o['finished_at']),
    error: str(o['error']),
    error_zh: str(o['error_zh']),
  };
}

function decodeSkipped(v: unknown): ModerationSkippedRow {
  const o = obj(v);
  return { line: num(o['line']), reason: str(o['reason']), reason_zh: str(o['reason_zh']) };
}

export function decodeImport(v: unknown): ModerationImportResult {
  const o = obj(v);
  return { suite_id: num(o['suite_id']), imported: num(o['imported']), skipped: list(o['skipped'], decodeSkipped) };
}

export function decodeResult(v: unknown): ModerationResult {
  const o = obj(v);
  return {
    run_id: num(o['run_id']),
    index: num(o['index']),
    item_id: num(o['item_id']),
    input: str(o['input']),
    image_path: str(o['image_path']),
    expected: labels(o['expected']),
    state: oneOf(MODERATION_ITEM_STATES, o['state'], 'pending'),
    flagged: o['flagged'] === true,
    categories: flags(o['categories']),
    scores: scores(o['scores']),
    applied_input_types: appliedTypes(o['applied_input_types']),
    error: str(o['error']),
    error_zh: str(o['error_zh']),
    completed_at: str(o['completed_at']),
  };
}

function decodeVerdict(v: unknown): ModerationVerdict {
  const o = obj(v);
  return { flagged: o['flagged'] === true, categories: flags(o['categories']), top: str(o['top']) };
}

function decodeRow(v: unknown): ModerationQueryRow {
  const o = obj(v);
  return {
    result: decodeResult(o['result']),
    verdict: decodeVerdict(o['verdict']),
    changed: o['changed'] === true,
    mismatch: o['mismatch'] === true,
  };
}

function decodeResultCounts(v: unknown): ModerationResultCounts {
  const o = obj(v);
  const per: Record<string, number> = {};
  for (const [k, n] of Object.entries(obj(o['per_category']))) per[k] = num(n);
  return {
    total: num(o['total']),
    flagged: num(o['flagged']),
    unflagged: num(o['unflagged']),
    errors: num(o['errors']),
    pending: num(o['pending']),
    changed: num(o['changed']),
    mismatched: num(o['mismatched']),
    per_category: per,
  };
}

export function decodePage(v: unknown): ModerationQueryPage {
  const o = obj(v);
  return {
    run: decodeRun(o['run']),
    thresholds: thresholds(o['thresholds']),
    counts: decodeResultCounts(o['counts']),
    matching: num(o['matching']),
    page: num(o['page']),
    pages: Math.max(1, num(o['pages'])),
    rows: list(o['rows'], decodeRow),
  };
}

function decodeChange(v: unknown): ModerationItemChange {
  const o = obj(v);
  return {
    item_id: num(o['item_id']),
    input: str(o['input']),
    index_a: num(o['index_a']),
    index_b: num(o['index_b']),
    flagged_a: o['flagged_a'] === true,
    flagged_b: o['flagged_b'] === true,
    top_a: str(o['top_a']),
    top_b: str(o['top_b']),
    top_score_a: num(o['top_score_a']),
    top_score_b: num(o['top_score_b']),
    flag_changed: o['flag_changed'] === true,
    top_changed: o['top_changed'] === true,
  };
}

export function decodeComparison(v: unknown): ModerationComparison {
  const o = obj(v);
  return {
    run_a: decodeRun(o['run_a']),
    run_b: decodeRun(o['run_b']),
    thresholds: thresholds(o['thresholds']),
    compared: num(o['compared']),
    unchanged: num(o['unchanged']),
    not_in_both: num(o['not_in_both']),
    changes: list(o['changes'], decodeChange),
  };
}

function decodeCounts(v: unknown): ModerationCounts {
  const o = obj(v);
  return { tp: num(o['tp']), fp: num(o['fp']), fn: num(o['fn']), tn: num(o['tn']) };
}

function decodeCategoryMetrics(v: unknown): ModerationCategoryMetrics {
  const o = obj(v);
  return {
    category: str(o['category']),
    labelled: num(o['labelled']),
    counts: decodeCounts(o['counts']),
    precision: numOrNull(o['precision']),
    recall: numOrNull(o['recall']),
  };
}

function decodeSweepPoint(v: unknown): ModerationSweepPoint {
  const o = obj(v);
  return {
    threshold: num(o['threshold']),
    counts: decodeCounts(o['counts']),
    precision: numOrNull(o['precision']),
    recall: numOrNull(o['recall']),
  };
}

function decodeSweep(v: unknown): ModerationCategorySweep {
  const o = obj(v);
  return { category: str(o['category']), labelled: num(o['labelled']), points: list(o['points'], decodeSweepPoint) };
}

export function decodeMetrics(v: unknown): ModerationMetrics {
  const o = obj(v);
  return {
    run_id: num(o['run_id']),
    thresholds: thresholds(o['thresholds']),
    labelled: num(o['labelled']),
    categories: list(o['categories'], decodeCategoryMetrics),
    sweep: list(o['sweep'], decodeSweep),
  };
}

export function decodeReport(v: unknown): ModerationReport {
  const o = obj(v);
  const s = obj(o['summary']);
  const per: Record<string, number> = {};
  for (const [k, val] of Object.entries(obj(s['per_category']))) per[k] = num(val);
  return {
    run_id: num(o['run_id']),
    model: str(o['model']),
    summary: { total: num(s['total']), flagged: num(s['flagged']), errors: num(s['errors']), per_category: per },
  };
}

const PROGRESS_STATES: readonly ModerationProgressState[] = ['running', 'waiting', ...MODERATION_RUN_STATUSES];

export function decodeProgress(v: unknown): ModerationProgress {
  const o = obj(v);
  const eta = o['eta_seconds'];
  const reason = str(o['wait_reason']);
  return {
    run_id: num(o['run_id']),
    done: num(o['done']),
    total: num(o['total']),
    errors: num(o['errors']),
    flagged: num(o['flagged']),
    rate: num(o['rate']),
    eta_seconds: typeof eta === 'number' && Number.isFinite(eta) && eta >= 0 ? eta : -1,
    state: oneOf(PROGRESS_STATES, o['state'], 'running'),
    waiting_until: str(o['waiting_until']),
    wait_reason: reason === 'rate_limit' || reason === 'retry' ? reason : '',
    requests: num(o['requests']),
    rate_limited: num(o['rate_limited']),
    final: o['final'] === true,
  };
}

function decodeKeyOption(v: unknown): ModerationKeyOption {
  const o = obj(v);
  return {
    label: str(o['label']),
    member: str(o['member']),
    environment: str(o['environment']),
    status: str(o['status']),
    redacted: str(o['redacted']),
  };
}

/** Keys a run may use: current ones (active or due for rotation), by label. */
export function decodeKeyOptions(v: unknown): ModerationKeyOption[] {
  return list(v, decodeKeyOption)
    .filter((k) => k.label !== '' && (k.status === 'active' || k.status === 'rotation_due'))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The decoders, for tests. */
export const moderationDecoders = {
  suite: decodeSuite,
  item: decodeItem,
  run: decodeRun,
  importResult: decodeImport,
  result: decodeResult,
  page: decodePage,
  comparison: decodeComparison,
  metrics: decodeMetrics,
  report: decodeReport,
  progress: decodeProgress,
  keyOptions: decodeKeyOptions,
};
