// The typed facade over the moderation bindings (see ./index.ts): the
// moderation tester (moderation.Service), its parts of main.App (the key
// runs use, file pickers, exports), the registered keys a run may use, and
// the "moderation:progress" event. Every function rejects with an AppError
// {code, message}.
import * as ModerationBindings from './wailsjs/go/moderation/Service';
import * as AppBindings from './wailsjs/go/main/App';
import * as KeysBindings from './wailsjs/go/keys/Screen';
import { EventsOn } from './wailsjs/runtime/runtime';
import { call, toAppError } from './errors';
import type { AppError, Lang } from './types';

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
] as const;
export type ModerationCategory = (typeof MODERATION_CATEGORIES)[number];

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
] as const;
export type ModerationRunStatus = (typeof MODERATION_RUN_STATUSES)[number];

export const MODERATION_ITEM_STATES = ['pending', 'done', 'error'] as const;
export type ModerationItemState = (typeof MODERATION_ITEM_STATES)[number];

export const MODERATION_IMPORT_FORMATS = ['txt', 'csv', 'jsonl'] as const;
export type ModerationImportFormat = (typeof MODERATION_IMPORT_FORMATS)[number];

export const MODERATION_SUITE_FORMATS = ['txt', 'csv', 'jsonl'] as const;
export type ModerationSuiteFormat = (typeof MODERATION_SUITE_FORMATS)[number];

export const MODERATION_REPORT_FORMATS = ['html', 'csv', 'json'] as const;
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

export interface ModerationResultFilter {
  category: string;
  flag: ModerationFlagFilter;
  search: string;
  offset: number;
  /** 0 means all. */
  limit: number;
}

export interface ModerationResultPage {
  run: ModerationRun;
  thresholds: ModerationThresholds;
  /** Rows matching the filter in all. */
  total: number;
  rows: ModerationResultRow[];
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

// --- bindings ----------------------------------------------------------------

export interface ModerationServiceBinding {
  ListSuites: () => Promise<unknown>;
  Suite: (id: number) => Promise<unknown>;
  CreateSuite: (name: string) => Promise<unknown>;
  RenameSuite: (id: number, name: string) => Promise<unknown>;
  DeleteSuite: (id: number) => Promise<unknown>;
  CreateStarterSuite: () => Promise<unknown>;
  Items: (suiteId: number) => Promise<unknown>;
  AddItem: (suiteId: number, input: ModerationItemInput) => Promise<unknown>;
  UpdateItem: (itemId: number, input: ModerationItemInput) => Promise<unknown>;
  RemoveItem: (itemId: number) => Promise<unknown>;
  ImportFile: (suiteId: number, path: string, opts: ModerationImportOptions) => Promise<unknown>;
  ImportNewSuite: (name: string, path: string, opts: ModerationImportOptions) => Promise<unknown>;
  CSVColumns: (path: string) => Promise<unknown>;
  CreateRun: (suiteId: number, opts: ModerationRunOptions) => Promise<unknown>;
  StartRun: (suiteId: number, opts: ModerationRunOptions) => Promise<unknown>;
  Resume: (runId: number) => Promise<unknown>;
  Pause: (runId: number) => Promise<unknown>;
  Cancel: (runId: number) => Promise<unknown>;
  Run: (runId: number) => Promise<unknown>;
  ListRuns: (suiteId: number) => Promise<unknown>;
  DeleteRun: (runId: number) => Promise<unknown>;
  Results: (runId: number, filter: ModerationResultFilter) => Promise<unknown>;
  SetThresholds: (suiteId: number, thresholds: ModerationThresholds) => Promise<unknown>;
  Compare: (runA: number, runB: number) => Promise<unknown>;
  Metrics: (runId: number) => Promise<unknown>;
  Report: (runId: number) => Promise<unknown>;
  DetectPII: (text: string) => Promise<unknown>;
  RedactPII: (text: string) => Promise<unknown>;
}

export interface ModerationAppBinding {
  ModerationPII: () => Promise<unknown>;
  SetModerationPII: (policy: string) => Promise<unknown>;
  ModerationKey: () => Promise<unknown>;
  SetModerationKey: (label: string) => Promise<unknown>;
  PickImportFile: (kind: string) => Promise<unknown>;
  ExportModerationRun: (runId: number, format: string, lang: string) => Promise<unknown>;
  ExportModerationSuite: (suiteId: number, format: string) => Promise<unknown>;
}

export interface ModerationKeysBinding {
  Keys: () => Promise<unknown>;
}

const svc: ModerationServiceBinding = ModerationBindings;
const app: ModerationAppBinding = AppBindings;
const keyRegister: ModerationKeysBinding = KeysBindings;

// --- decoders ----------------------------------------------------------------

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {};
}
function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}
function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
function numOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function list<T>(v: unknown, each: (x: unknown) => T): T[] {
  return Array.isArray(v) ? v.map(each) : [];
}
function oneOf<T extends string>(values: readonly T[], v: unknown, fallback: T): T {
  const s = str(v);
  return (values as readonly string[]).includes(s) ? (s as T) : fallback;
}

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

function decodeSuite(v: unknown): ModerationSuite {
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

function decodeItem(v: unknown): ModerationItem {
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

function decodeRun(v: unknown): ModerationRun {
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

function decodeImport(v: unknown): ModerationImportResult {
  const o = obj(v);
  return { suite_id: num(o['suite_id']), imported: num(o['imported']), skipped: list(o['skipped'], decodeSkipped) };
}

function decodeResult(v: unknown): ModerationResult {
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

function decodeRow(v: unknown): ModerationResultRow {
  const o = obj(v);
  return { result: decodeResult(o['result']), verdict: decodeVerdict(o['verdict']) };
}

function decodePage(v: unknown): ModerationResultPage {
  const o = obj(v);
  return {
    run: decodeRun(o['run']),
    thresholds: thresholds(o['thresholds']),
    total: num(o['total']),
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

function decodeComparison(v: unknown): ModerationComparison {
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

function decodeMetrics(v: unknown): ModerationMetrics {
  const o = obj(v);
  return {
    run_id: num(o['run_id']),
    thresholds: thresholds(o['thresholds']),
    labelled: num(o['labelled']),
    categories: list(o['categories'], decodeCategoryMetrics),
    sweep: list(o['sweep'], decodeSweep),
  };
}

function decodeReport(v: unknown): ModerationReport {
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

function decodeProgress(v: unknown): ModerationProgress {
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
function decodeKeyOptions(v: unknown): ModerationKeyOption[] {
  return list(v, decodeKeyOption)
    .filter((k) => k.label !== '' && (k.status === 'active' || k.status === 'rotation_due'))
    .sort((a, b) => a.label.localeCompare(b.label));
}

function nothing(): void {
  return undefined;
}

// --- errors ------------------------------------------------------------------

/**
 * The Go side's {code, message} can reach us as an Error whose message is
 * that object as JSON (decoded here) or, when Wails turned the object into a
 * string, as "[object Object]": then the message is "" and the UI says in
 * its own words that the app gave no reason.
 */
export function moderationError(e: unknown): AppError {
  const err = toAppError(e);
  const text = err.message.trim();
  if (text === '[object Object]') return { code: err.code, message: '' };
  if (text.startsWith('{')) {
    try {
      const o = obj(JSON.parse(text));
      const message = str(o['message']);
      if (message) return { code: str(o['code']) || err.code, message };
    } catch {
      // not JSON: keep the message as it is
    }
  }
  return err;
}

async function mod<T>(fn: () => Promise<unknown>, decode: (raw: unknown) => T): Promise<T> {
  try {
    return await call(fn, decode);
  } catch (e) {
    throw moderationError(e);
  }
}

// --- calls: suites and items ---------------------------------------------------

/** Every suite, by name. */
export const listModerationSuites = (): Promise<ModerationSuite[]> =>
  mod(() => svc.ListSuites(), (v) => list(v, decodeSuite));

export const moderationSuite = (id: number): Promise<ModerationSuite> => mod(() => svc.Suite(id), decodeSuite);

export const createModerationSuite = (name: string): Promise<ModerationSuite> =>
  mod(() => svc.CreateSuite(name), decodeSuite);

export const renameModerationSuite = (id: number, name: string): Promise<ModerationSuite> =>
  mod(() => svc.RenameSuite(id, name), decodeSuite);

/** Deletes a suite with its items and runs; refused while one of its runs is being sent. */
export const deleteModerationSuite = (id: number): Promise<void> => mod(() => svc.DeleteSuite(id), nothing);

/** A suite of mild English and Chinese prompts that come near each category. */
export const createStarterModerationSuite = (): Promise<ModerationSuite> =>
  mod(() => svc.CreateStarterSuite(), decodeSuite);

export const moderationItems = (suiteId: number): Promise<ModerationItem[]> =>
  mod(() => svc.Items(suiteId), (v) => list(v, decodeItem));

export const addModerationItem = (suiteId: number, input: ModerationItemInput): Promise<ModerationItem> =>
  mod(() => svc.AddItem(suiteId, input), decodeItem);

export const updateModerationItem = (itemId: number, input: ModerationItemInput): Promise<ModerationItem> =>
  mod(() => svc.UpdateItem(itemId, input), decodeItem);

export const removeModerationItem = (itemId: number): Promise<void> => mod(() => svc.RemoveItem(itemId), nothing);

// --- calls: import and export ---------------------------------------------------

/** Adds a file's prompts to a suite; unreadable rows are skipped and listed. */
export const importModerationFile = (
  suiteId: number,
  path: string,
  opts: ModerationImportOptions,
): Promise<ModerationImportResult> => mod(() => svc.ImportFile(suiteId, path, opts), decodeImport);

/** Creates a suite from a file; "" names it after the file. */
export const importModerationSuite = (
  name: string,
  path: string,
  opts: ModerationImportOptions,
): Promise<ModerationImportResult> => mod(() => svc.ImportNewSuite(name, path, opts), decodeImport);

/** A CSV file's column names, to pick the one holding the prompts. */
export const moderationCSVColumns = (path: string): Promise<string[]> =>
  mod(() => svc.CSVColumns(path), (v) => list(v, str));

/** The native open dialog; resolves to the chosen path, or "" when cancelled. */
export const pickModerationFile = (kind: 'prompts' | 'image'): Promise<string> =>
  mod(() => app.PickImportFile(kind), str);

/** Asks where to save and writes the suite; resolves to the path, or "" when cancelled. */
export const exportModerationSuite = (suiteId: number, format: ModerationSuiteFormat): Promise<string> =>
  mod(() => app.ExportModerationSuite(suiteId, format), str);

/** Asks where to save and writes the run's report; resolves to the path, or "" when cancelled. */
export const exportModerationRun = (runId: number, format: ModerationReportFormat, lang: Lang): Promise<string> =>
  mod(() => app.ExportModerationRun(runId, format, lang), str);

// --- calls: runs ---------------------------------------------------------------

/** Records a run (copying the suite's items) without sending it; resumeModerationRun sends it. */
export const createModerationRun = (suiteId: number, opts: ModerationRunOptions): Promise<ModerationRun> =>
  mod(() => svc.CreateRun(suiteId, opts), decodeRun);

/** Creates a run and sends it; resolves when it stops. */
export const startModerationRun = (suiteId: number, opts: ModerationRunOptions): Promise<ModerationRun> =>
  mod(() => svc.StartRun(suiteId, opts), decodeRun);

/**
 * Sends what a run is missing and resolves when it stops (completed, paused,
 * cancelled); rejects when an error stopped it (the run then says why).
 */
export const resumeModerationRun = (runId: number): Promise<ModerationRun> =>
  mod(() => svc.Resume(runId), decodeRun);

export const pauseModerationRun = (runId: number): Promise<void> => mod(() => svc.Pause(runId), nothing);

export const cancelModerationRun = (runId: number): Promise<void> => mod(() => svc.Cancel(runId), nothing);

export const moderationRun = (runId: number): Promise<ModerationRun> => mod(() => svc.Run(runId), decodeRun);

/** A suite's runs, newest first. */
export const listModerationRuns = (suiteId: number): Promise<ModerationRun[]> =>
  mod(() => svc.ListRuns(suiteId), (v) => list(v, decodeRun));

export const deleteModerationRun = (runId: number): Promise<void> => mod(() => svc.DeleteRun(runId), nothing);

// --- calls: results ------------------------------------------------------------

export const moderationResults = (runId: number, filter: ModerationResultFilter): Promise<ModerationResultPage> =>
  mod(() => svc.Results(runId, filter), decodePage);

/** Saves a suite's thresholds (replacing the old ones); {} goes back to OpenAI's flags. */
export const setModerationThresholds = (suiteId: number, t: ModerationThresholds): Promise<ModerationSuite> =>
  mod(() => svc.SetThresholds(suiteId, t), decodeSuite);

export const compareModerationRuns = (runA: number, runB: number): Promise<ModerationComparison> =>
  mod(() => svc.Compare(runA, runB), decodeComparison);

export const moderationMetrics = (runId: number): Promise<ModerationMetrics> =>
  mod(() => svc.Metrics(runId), decodeMetrics);

export const moderationReport = (runId: number): Promise<ModerationReport> =>
  mod(() => svc.Report(runId), decodeReport);

// --- calls: the key runs use -----------------------------------------------------

/** The label of the registered key runs use; "" when none is chosen. */
export const moderationKey = (): Promise<string> => mod(() => app.ModerationKey(), str);

export const setModerationKey = (label: string): Promise<string> => mod(() => app.SetModerationKey(label), str);

/** Registered keys a run may use (active or due for rotation). */
export const moderationKeyOptions = (): Promise<ModerationKeyOption[]> =>
  mod(() => keyRegister.Keys(), decodeKeyOptions);

// --- progress --------------------------------------------------------------------

/**
 * Calls cb with each progress report of every run being sent. Returns the
 * function that stops listening; call it (in a finally) once the run stops.
 */
export function onModerationProgress(cb: (p: ModerationProgress) => void): () => void {
  let off: (() => void) | undefined;
  try {
    off = EventsOn(MODERATION_PROGRESS_EVENT, (data: unknown) => cb(decodeProgress(data)));
  } catch {
    // No Wails runtime (a plain browser): the run still goes, without live numbers.
    return () => {};
  }
  return () => {
    try {
      off?.();
    } catch {
      // the runtime went away: nothing left to unsubscribe from
    }
    off = undefined;
  };
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

// --- calls: the offline PII pre-screen --------------------------------------

/** What a run does with prompts that contain personal data. */
export const PII_POLICIES = ['off', 'redact', 'block'] as const;
export type PIIPolicy = (typeof PII_POLICIES)[number];

/** One piece of personal data found in a prompt; API keys come redacted. */
export interface PIIMatch {
  type: string;
  start: number;
  end: number;
  text: string;
}

function decodePIIMatches(v: unknown): PIIMatch[] {
  if (!Array.isArray(v)) return [];
  return v.map((m) => {
    const r = (typeof m === 'object' && m !== null ? m : {}) as Record<string, unknown>;
    const s = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');
    const n = (k: string) => (typeof r[k] === 'number' ? (r[k] as number) : 0);
    return { type: s('type'), start: n('start'), end: n('end'), text: s('text') || s('redacted') };
  });
}

function decodePolicy(v: unknown): PIIPolicy {
  return (PII_POLICIES as readonly unknown[]).includes(v) ? (v as PIIPolicy) : 'off';
}

/** Finds personal data in text, offline (nothing leaves the machine). */
export const detectPII = (text: string): Promise<PIIMatch[]> => mod(() => svc.DetectPII(text), decodePIIMatches);

/** text with each detection replaced by a typed placeholder such as [EMAIL]. */
export const redactPII = (text: string): Promise<string> => mod(() => svc.RedactPII(text), str);

export const moderationPII = (): Promise<PIIPolicy> => mod(() => app.ModerationPII(), decodePolicy);

export const setModerationPII = (policy: PIIPolicy): Promise<PIIPolicy> =>
  mod(() => app.SetModerationPII(policy), decodePolicy);
