// The typed facade over the leak scan methods of main.App (see ./index.ts):
// scanning folders (with live progress events), cancelling, the saved scans,
// and the folder helpers. Every function rejects with an AppError
// {code, message}.
//
// Findings carry only a key's redacted form and fingerprint: the Go side
// never sends a full key, and nothing here would show one.
import * as AppBindings from './wailsjs/go/main/App';
import * as LeakScanBindings from './wailsjs/go/gui/LeakScan';
import * as DataBindings from './wailsjs/go/gui/Data';
import { EventsOn } from './wailsjs/runtime/runtime';
import { call } from './errors';
import { nothing } from './decode';
import { obj, str, num, list, oneOf, time } from './wire';

// --- types -------------------------------------------------------------------

/** Most urgent first. critical: a key of the team's register; high: a key; medium: an env literal. */
export const LEAK_SEVERITIES = ['critical', 'high', 'medium'] as const;
export type LeakSeverity = (typeof LEAK_SEVERITIES)[number];

export const LEAK_RULES = [
  'openai-project-key',
  'openai-service-account-key',
  'openai-admin-key',
  'openai-legacy-key',
  'openai-env-assignment',
] as const;

export const LEAK_SCAN_STATUSES = ['completed', 'cancelled', 'failed'] as const;
export type LeakScanStatus = (typeof LEAK_SCAN_STATUSES)[number];

/** The Wails event a running scan reports its progress with. */
export const SCAN_PROGRESS_EVENT = 'leakscan:progress';

export interface LeakScanRequest {
  paths: string[];
  /** Also scan every commit reachable from any ref of the git repositories. */
  history: boolean;
  respect_gitignore: boolean;
  /** Bytes; larger files are skipped and listed with the reason. 0 or absent scans every file. */
  max_file_size?: number;
}

/** One leaked key (or env literal) at one place. */
export interface LeakFinding {
  /** A rule id, e.g. "openai-project-key" (see LEAK_RULES). */
  rule: string;
  severity: LeakSeverity;
  /** The scanned folder the file is in. */
  root: string;
  /** Slash-separated, relative to root (or to the repository, for commits). */
  file: string;
  line: number;
  column: number;
  /** The commit that added it; "" for the working tree. */
  commit: string;
  /** "Name <email>" of the commit's author. */
  author: string;
  /** The commit's author date, RFC 3339. */
  date: string;
  /** e.g. "sk-proj-…abcd"; the only form of the key the UI ever sees. */
  redacted: string;
  fingerprint: string;
  /** For a key of the team's register: its holder and label. */
  member: string;
  label: string;
}

/** A file, folder or repository the scan could not read, with why (English, from Go). */
export interface LeakSkipped {
  root: string;
  file: string;
  reason: string;
}

export interface LeakScanStats {
  files: number;
  bytes: number;
  commits: number;
  seconds: number;
  binary_files: number;
  /** Findings hidden by steward:allow comments or a baseline. */
  suppressed: number;
}

export interface LeakScanResult {
  roots: string[];
  history: boolean;
  /** RFC 3339; "" when unknown. */
  started_at: string;
  finished_at: string;
  status: LeakScanStatus;
  error: string;
  findings: LeakFinding[];
  skipped: LeakSkipped[];
  stats: LeakScanStats;
}

/** A snapshot of a running scan, sent at most every 100 ms. */
export interface LeakScanProgress {
  files: number;
  bytes: number;
  commits: number;
  files_per_second: number;
  seconds: number;
  /** The last report of the scan. */
  done: boolean;
}

/** The newest saved scan of one folder. */
export interface LeakScanSummary {
  id: number;
  /** The folder this row stands for. */
  root: string;
  /** Every folder the scan covered. */
  roots: string[];
  started_at: string;
  finished_at: string;
  history: boolean;
  files: number;
  bytes: number;
  commits: number;
  seconds: number;
  status: LeakScanStatus;
  error: string;
  /** Findings in this folder. */
  findings: number;
  /** Completed with no findings. */
  clean: boolean;
}

// --- bindings ----------------------------------------------------------------

// Assigning the generated module to this interface (without casts) makes
// `npm run check` fail if a Go method is renamed or changes its parameters.
export interface LeakScanBinding {
  ScanFolders: (req: LeakScanRequest) => Promise<unknown>;
  CancelScan: () => Promise<unknown>;
  LastScans: () => Promise<unknown>;
  ScanFindings: (scanId: number) => Promise<unknown>;
  CheckFolder: (path: string) => Promise<unknown>;
}

export interface FolderBinding {
  PickFolder: () => Promise<unknown>;
}

export interface FileManagerBinding {
  OpenInFileManager: (path: string) => Promise<unknown>;
}

const scans: LeakScanBinding = LeakScanBindings;
const folders: FolderBinding = AppBindings;
const fileManager: FileManagerBinding = DataBindings;

// --- decoders ----------------------------------------------------------------

/** Go's zero time.Time ("0001-01-01T00:00:00Z") means "not set". */

function decodeFinding(v: unknown): LeakFinding {
  const o = obj(v);
  return {
    rule: str(o['rule']),
    // An unknown severity from a newer Go side still shows, among the keys.
    severity: oneOf(LEAK_SEVERITIES, o['severity'], 'high'),
    root: str(o['root']),
    file: str(o['file']),
    line: num(o['line']),
    column: num(o['column']),
    commit: str(o['commit']),
    author: str(o['author']),
    date: time(o['date']),
    redacted: str(o['redacted']),
    fingerprint: str(o['fingerprint']),
    member: str(o['member']),
    label: str(o['label']),
  };
}

function decodeSkipped(v: unknown): LeakSkipped {
  const o = obj(v);
  return { root: str(o['root']), file: str(o['file']), reason: str(o['reason']) };
}

function decodeStats(v: unknown): LeakScanStats {
  const o = obj(v);
  return {
    files: num(o['files']),
    bytes: num(o['bytes']),
    commits: num(o['commits']),
    seconds: num(o['seconds']),
    binary_files: num(o['binary_files']),
    suppressed: num(o['suppressed']),
  };
}

function decodeResult(v: unknown): LeakScanResult {
  const o = obj(v);
  return {
    roots: list(o['roots'], str),
    history: o['history'] === true,
    started_at: time(o['started_at']),
    finished_at: time(o['finished_at']),
    // A result without a status is one Go could not finish.
    status: oneOf(LEAK_SCAN_STATUSES, o['status'], 'failed'),
    error: str(o['error']),
    findings: list(o['findings'], decodeFinding),
    skipped: list(o['skipped'], decodeSkipped),
    stats: decodeStats(o['stats']),
  };
}

function decodeProgress(v: unknown): LeakScanProgress {
  const o = obj(v);
  return {
    files: num(o['files']),
    bytes: num(o['bytes']),
    commits: num(o['commits']),
    files_per_second: num(o['files_per_second']),
    seconds: num(o['seconds']),
    done: o['done'] === true,
  };
}

function decodeSummary(v: unknown): LeakScanSummary {
  const o = obj(v);
  const status = oneOf(LEAK_SCAN_STATUSES, o['status'], 'failed');
  const findings = num(o['findings']);
  return {
    id: num(o['id']),
    root: str(o['root']),
    roots: list(o['roots'], str),
    started_at: time(o['started_at']),
    finished_at: time(o['finished_at']),
    history: o['history'] === true,
    files: num(o['files']),
    bytes: num(o['bytes']),
    commits: num(o['commits']),
    seconds: num(o['seconds']),
    status,
    error: str(o['error']),
    findings,
    // Never call a scan clean unless it finished and found nothing.
    clean: o['clean'] === true && status === 'completed' && findings === 0,
  };
}

/** `call` for this screen. */
const lcall = call;

// --- calls -------------------------------------------------------------------

/**
 * Scans the folders and saves the scan. Resolves with status "cancelled" and
 * what was found so far when cancelScan() stops it; rejects when it can't
 * start or fails (a missing folder, a scan already running...).
 */
export const scanFolders = (req: LeakScanRequest): Promise<LeakScanResult> =>
  lcall(() => scans.ScanFolders(req), decodeResult);

/**
 * Checks a folder before it joins the list: resolves to its absolute path,
 * or rejects with code "leak_root_missing" (the message names the folder)
 * when it does not exist or cannot be read.
 */
export const checkFolder = (path: string): Promise<string> => lcall(() => scans.CheckFolder(path), str);

/** Stops the running scan, if any. */
export const cancelScan = (): Promise<void> => lcall(() => scans.CancelScan(), nothing);

/** The newest scan of each folder ever scanned. */
export const lastScans = (): Promise<LeakScanSummary[]> =>
  lcall(() => scans.LastScans(), (v) => list(v, decodeSummary));

/** A saved scan's findings, most urgent first. */
export const scanFindings = (scanId: number): Promise<LeakFinding[]> =>
  lcall(() => scans.ScanFindings(scanId), (v) => list(v, decodeFinding));

/** Resolves to the chosen folder, or "" when the user cancelled the dialog. */
export const pickFolder = (): Promise<string> => lcall(() => folders.PickFolder(), str);

/** Shows a file's folder (or a folder) in the system file manager. */
export const openInFileManager = (path: string): Promise<void> =>
  lcall(() => fileManager.OpenInFileManager(path), nothing);

/**
 * Calls cb with each progress report of a running scan. Returns the function
 * that stops listening; call it once the scan is over.
 */
export function onScanProgress(cb: (p: LeakScanProgress) => void): () => void {
  let off: (() => void) | undefined;
  try {
    off = EventsOn(SCAN_PROGRESS_EVENT, (data: unknown) => cb(decodeProgress(data)));
  } catch {
    // No Wails runtime (a plain browser): the scan still runs, without live numbers.
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
export const leakscanDecoders = {
  finding: decodeFinding,
  skipped: decodeSkipped,
  stats: decodeStats,
  result: decodeResult,
  progress: decodeProgress,
  summary: decodeSummary,
};
