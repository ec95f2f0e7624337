// The typed facade over the moderation bindings (see ./index.ts): the
// moderation tester (moderation.Service), its parts of main.App (the key
// runs use, file pickers, exports), the registered keys a run may use, and
// the "moderation:progress" event. Every function rejects with an AppError
// {code, message}.
import * as ModerationBindings from './wailsjs/go/gui/Moderation';
import * as AppBindings from './wailsjs/go/main/App';
import * as KeysBindings from './wailsjs/go/gui/Keys';
import { EventsOn } from './wailsjs/runtime/runtime';
import { call } from './errors';
import type { Lang } from './types';
import {
  decodeComparison,
  decodeImport,
  decodeItem,
  decodeKeyOptions,
  decodeMetrics,
  decodePage,
  decodeProgress,
  decodeReport,
  decodeRun,
  decodeSuite,
  list,
  nothing,
  str,
} from './moderation.decode';
import {
  MODERATION_PROGRESS_EVENT,
  type ModerationComparison,
  type ModerationImportOptions,
  type ModerationImportResult,
  type ModerationItem,
  type ModerationItemInput,
  type ModerationKeyOption,
  type ModerationMetrics,
  type ModerationProgress,
  type ModerationReport,
  type ModerationReportFormat,
  type ModerationQueryPage,
  type ModerationResultQuery,
  type ModerationRun,
  type ModerationRunOptions,
  type ModerationSuite,
  type ModerationSuiteFormat,
  type ModerationThresholds,
} from './moderation.types';
import type { moderation } from './wailsjs/go/models';

export * from './moderation.types';
export { moderationDecoders } from './moderation.decode';

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
  QueryResults: (runId: number, query: ModerationResultQuery) => Promise<unknown>;
  SetThresholds: (suiteId: number, thresholds: ModerationThresholds) => Promise<unknown>;
  Compare: (runA: number, runB: number) => Promise<unknown>;
  Metrics: (runId: number) => Promise<unknown>;
  Report: (runId: number) => Promise<unknown>;
  DetectPII: (text: string) => Promise<unknown>;
  RedactPII: (text: string) => Promise<unknown>;
  ModerationPII: () => Promise<unknown>;
  SetModerationPII: (policy: string) => Promise<unknown>;
  ModerationKey: () => Promise<unknown>;
  SetModerationKey: (label: string) => Promise<unknown>;
}

export interface ModerationAppBinding {
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

// --- calls: suites and items ---------------------------------------------------

/** Every suite, by name. */
export const listModerationSuites = (): Promise<ModerationSuite[]> =>
  call(() => svc.ListSuites(), (v) => list(v, decodeSuite));

export const moderationSuite = (id: number): Promise<ModerationSuite> => call(() => svc.Suite(id), decodeSuite);

export const createModerationSuite = (name: string): Promise<ModerationSuite> =>
  call(() => svc.CreateSuite(name), decodeSuite);

export const renameModerationSuite = (id: number, name: string): Promise<ModerationSuite> =>
  call(() => svc.RenameSuite(id, name), decodeSuite);

/** Deletes a suite with its items and runs; refused while one of its runs is being sent. */
export const deleteModerationSuite = (id: number): Promise<void> => call(() => svc.DeleteSuite(id), nothing);

/** A suite of mild English and Chinese prompts that come near each category. */
export const createStarterModerationSuite = (): Promise<ModerationSuite> =>
  call(() => svc.CreateStarterSuite(), decodeSuite);

export const moderationItems = (suiteId: number): Promise<ModerationItem[]> =>
  call(() => svc.Items(suiteId), (v) => list(v, decodeItem));

export const addModerationItem = (suiteId: number, input: ModerationItemInput): Promise<ModerationItem> =>
  call(() => svc.AddItem(suiteId, input), decodeItem);

export const updateModerationItem = (itemId: number, input: ModerationItemInput): Promise<ModerationItem> =>
  call(() => svc.UpdateItem(itemId, input), decodeItem);

export const removeModerationItem = (itemId: number): Promise<void> => call(() => svc.RemoveItem(itemId), nothing);

// --- calls: import and export ---------------------------------------------------

/** Adds a file's prompts to a suite; unreadable rows are skipped and listed. */
export const importModerationFile = (
  suiteId: number,
  path: string,
  opts: ModerationImportOptions,
): Promise<ModerationImportResult> => call(() => svc.ImportFile(suiteId, path, opts), decodeImport);

/** Creates a suite from a file; "" names it after the file. */
export const importModerationSuite = (
  name: string,
  path: string,
  opts: ModerationImportOptions,
): Promise<ModerationImportResult> => call(() => svc.ImportNewSuite(name, path, opts), decodeImport);

/** A CSV file's column names, to pick the one holding the prompts. */
export const moderationCSVColumns = (path: string): Promise<string[]> =>
  call(() => svc.CSVColumns(path), (v) => list(v, str));

/** The native open dialog; resolves to the chosen path, or "" when cancelled. */
export const pickModerationFile = (kind: 'prompts' | 'image'): Promise<string> =>
  call(() => app.PickImportFile(kind), str);

/** Asks where to save and writes the suite; resolves to the path, or "" when cancelled. */
export const exportModerationSuite = (suiteId: number, format: ModerationSuiteFormat): Promise<string> =>
  call(() => app.ExportModerationSuite(suiteId, format), str);

/** Asks where to save and writes the run's report; resolves to the path, or "" when cancelled. */
export const exportModerationRun = (runId: number, format: ModerationReportFormat, lang: Lang): Promise<string> =>
  call(() => app.ExportModerationRun(runId, format, lang), str);

// --- calls: runs ---------------------------------------------------------------

/** Records a run (copying the suite's items) without sending it; resumeModerationRun sends it. */
export const createModerationRun = (suiteId: number, opts: ModerationRunOptions): Promise<ModerationRun> =>
  call(() => svc.CreateRun(suiteId, opts), decodeRun);

/** Creates a run and sends it; resolves when it stops. */
export const startModerationRun = (suiteId: number, opts: ModerationRunOptions): Promise<ModerationRun> =>
  call(() => svc.StartRun(suiteId, opts), decodeRun);

/**
 * Sends what a run is missing and resolves when it stops (completed, paused,
 * cancelled); rejects when an error stopped it (the run then says why).
 */
export const resumeModerationRun = (runId: number): Promise<ModerationRun> =>
  call(() => svc.Resume(runId), decodeRun);

export const pauseModerationRun = (runId: number): Promise<void> => call(() => svc.Pause(runId), nothing);

export const cancelModerationRun = (runId: number): Promise<void> => call(() => svc.Cancel(runId), nothing);

export const moderationRun = (runId: number): Promise<ModerationRun> => call(() => svc.Run(runId), decodeRun);

/** A suite's runs, newest first. */
export const listModerationRuns = (suiteId: number): Promise<ModerationRun[]> =>
  call(() => svc.ListRuns(suiteId), (v) => list(v, decodeRun));

export const deleteModerationRun = (runId: number): Promise<void> => call(() => svc.DeleteRun(runId), nothing);

// --- calls: results ------------------------------------------------------------

/** One page of a run's results, filtered, sorted and paged by Go. */
export const moderationResults = (runId: number, query: ModerationResultQuery): Promise<ModerationQueryPage> =>
  call(() => svc.QueryResults(runId, query), decodePage);

/** Saves a suite's thresholds (replacing the old ones); {} goes back to OpenAI's flags. */
export const setModerationThresholds = (suiteId: number, t: ModerationThresholds): Promise<ModerationSuite> =>
  call(() => svc.SetThresholds(suiteId, t), decodeSuite);

export const compareModerationRuns = (runA: number, runB: number): Promise<ModerationComparison> =>
  call(() => svc.Compare(runA, runB), decodeComparison);

export const moderationMetrics = (runId: number): Promise<ModerationMetrics> =>
  call(() => svc.Metrics(runId), decodeMetrics);

export const moderationReport = (runId: number): Promise<ModerationReport> =>
  call(() => svc.Report(runId), decodeReport);

// --- calls: the key runs use -----------------------------------------------------

/** The label of the registered key runs use; "" when none is chosen. */
export const moderationKey = (): Promise<string> => call(() => svc.ModerationKey(), str);

export const setModerationKey = (label: string): Promise<string> => call(() => svc.SetModerationKey(label), str);

/** Registered keys a run may use (active or due for rotation). */
export const moderationKeyOptions = (): Promise<ModerationKeyOption[]> =>
  call(() => keyRegister.Keys(), decodeKeyOptions);

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


// --- calls: the offline PII pre-screen --------------------------------------

/** What a run does with prompts that contain personal data. */
export const PII_POLICIES = ['off', 'redact', 'block'] as const satisfies readonly PIIPolicy[];
export type PIIPolicy = `${moderation.PIIPolicy}`;

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
export const detectPII = (text: string): Promise<PIIMatch[]> => call(() => svc.DetectPII(text), decodePIIMatches);

/** text with each detection replaced by a typed placeholder such as [EMAIL]. */
export const redactPII = (text: string): Promise<string> => call(() => svc.RedactPII(text), str);

export const moderationPII = (): Promise<PIIPolicy> => call(() => svc.ModerationPII(), decodePolicy);

export const setModerationPII = (policy: PIIPolicy): Promise<PIIPolicy> =>
  call(() => svc.SetModerationPII(policy), decodePolicy);
