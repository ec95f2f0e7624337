// The leak scan screen's state. It lives in this module, not in a component,
// so a scan keeps running (and its progress keeps counting) while the user
// looks at another screen.
import * as api from '../../api';
import type {
  AppError,
  LeakFinding,
  LeakScanProgress,
  LeakScanResult,
  LeakScanSummary,
  LeakSkipped,
} from '../../api';
import { toasts } from '../../lib/toast.svelte';
import { addFolder, fillRegistered, parseFolders, removeFolder } from './model';

const FOLDERS_KEY = 'steward.leakscan.folders';
const OPTIONS_KEY = 'steward.leakscan.options';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readOptions(): { history: boolean; gitignore: boolean } {
  try {
    const o: unknown = JSON.parse(storage()?.getItem(OPTIONS_KEY) ?? '{}');
    const r = typeof o === 'object' && o !== null ? (o as Record<string, unknown>) : {};
    return { history: r['history'] === true, gitignore: r['gitignore'] !== false };
  } catch {
    return { history: false, gitignore: true };
  }
}

/** What the results view shows: a scan just run, or a saved one opened from the dashboard. */
export interface ShownScan {
  /** "live" for the scan just run; "saved" for one from LastScans. */
  source: 'live' | 'saved';
  /** The saved scan's id; 0 for a live scan (Go saves it, LastScans tells its id). */
  id: number;
  roots: string[];
  history: boolean;
  started_at: string;
  status: api.LeakScanStatus;
  error: string;
  findings: LeakFinding[];
  /** Only a live scan knows what it skipped; saved scans don't keep it. */
  skipped: LeakSkipped[];
  files: number;
  bytes: number;
  commits: number;
  seconds: number;
  binary_files: number;
  suppressed: number;
}

export function fromResult(r: LeakScanResult): ShownScan {
  return {
    source: 'live',
    id: 0,
    roots: r.roots,
    history: r.history,
    started_at: r.started_at,
    status: r.status,
    error: r.error,
    findings: r.findings,
    skipped: r.skipped,
    ...r.stats,
  };
}

/** A saved scan as seen from one folder's row: only that folder's findings. */
export function fromSummary(s: LeakScanSummary, findings: LeakFinding[]): ShownScan {
  return {
    source: 'saved',
    id: s.id,
    roots: [s.root],
    history: s.history,
    started_at: s.started_at,
    status: s.status,
    error: s.error,
    findings: findings.filter((f) => f.root === s.root || s.roots.length <= 1),
    skipped: [],
    files: s.files,
    bytes: s.bytes,
    commits: s.commits,
    seconds: s.seconds,
    binary_files: 0,
    suppressed: 0,
  };
}

class LeakScanState {
  folders = $state<string[]>(parseFolders(storage()?.getItem(FOLDERS_KEY) ?? null));
  picking = $state(false);
  history = $state(readOptions().history);
  gitignore = $state(readOptions().gitignore);

  /** A scan is running. */
  scanning = $state(false);
  cancelling = $state(false);
  /** The latest progress report of the running scan; null until the first. */
  progress = $state<LeakScanProgress | null>(null);
  /** The options the running scan was started with. */
  running = $state<{ roots: string[]; history: boolean } | null>(null);
  scanError = $state<AppError | null>(null);

  /** The results view; null shows the overview. */
  shown = $state<ShownScan | null>(null);
  /** The saved scan being loaded from the dashboard. */
  opening = $state<number | null>(null);
  openError = $state<AppError | null>(null);

  last = $state<LeakScanSummary[]>([]);
  lastLoaded = $state(false);
  lastLoading = $state(false);
  lastError = $state<AppError | null>(null);

  #saveFolders() {
    storage()?.setItem(FOLDERS_KEY, JSON.stringify(this.folders));
  }

  saveOptions() {
    storage()?.setItem(OPTIONS_KEY, JSON.stringify({ history: this.history, gitignore: this.gitignore }));
  }

  /** Adds a folder; false when it was already listed. */
  add(path: string): boolean {
    const next = addFolder(this.folders, path);
    if (next.length === this.folders.length) return false;
    this.folders = next;
    this.#saveFolders();
    return true;
  }

  /**
   * Asks Go whether the folder can be scanned, then adds it: resolves to
   * null when added, 'already' when it was listed, or the error that names
   * a folder that does not exist or cannot be read (it is not added).
   */
  async addChecked(path: string): Promise<null | 'already' | AppError> {
    try {
      await api.checkFolder(path);
    } catch (e) {
      return api.toAppError(e);
    }
    return this.add(path) ? null : 'already';
  }

  /** The native folder dialog; the chosen folder joins the list once Go has checked it. */
  async pick(): Promise<void> {
    if (this.picking) return;
    this.picking = true;
    try {
      const path = await api.pickFolder();
      const problem = path ? await this.addChecked(path) : null;
      if (problem === 'already') toasts.push({ kind: 'info', title: 'leakscan.folders.already' });
      else if (problem) toasts.error('leakscan.folders.cannotAdd', problem);
    } catch (e) {
      toasts.error('leakscan.folders.pickFailed', api.toAppError(e));
    } finally {
      this.picking = false;
    }
  }

  remove(path: string) {
    this.folders = removeFolder(this.folders, path);
    this.#saveFolders();
  }

  async loadLast(): Promise<void> {
    this.lastLoading = true;
    this.lastError = null;
    try {
      // Newest first: the folder just scanned leads.
      this.last = (await api.lastScans()).sort((a, b) => b.id - a.id || a.root.localeCompare(b.root));
    } catch (e) {
      this.lastError = api.toAppError(e);
    } finally {
      this.lastLoading = false;
      this.lastLoaded = true;
    }
  }

  /** Runs a scan of the listed folders; the result (or the error) lands in the state. */
  async scan(): Promise<void> {
    if (this.scanning || this.folders.length === 0) return;
    const roots = [...this.folders];
    const history = this.history;
    this.scanning = true;
    this.cancelling = false;
    this.progress = null;
    this.running = { roots, history };
    this.scanError = null;
    this.openError = null;
    this.shown = null;
    const off = api.onScanProgress((p) => {
      this.progress = p;
    });
    try {
      const res = await api.scanFolders({ paths: roots, history, respect_gitignore: this.gitignore });
      this.shown = fromResult(res);
    } catch (e) {
      this.scanError = api.toAppError(e);
    } finally {
      off();
      this.scanning = false;
      this.cancelling = false;
      this.running = null;
    }
    await this.loadLast();
  }

  async cancel(): Promise<void> {
    this.cancelling = true;
    try {
      await api.cancelScan();
    } catch (e) {
      this.cancelling = false;
      throw e;
    }
    // A scan started before the window was reloaded is not ours to wait for.
    if (!this.scanning) this.cancelling = false;
  }

  /** Opens a saved scan from the dashboard, with that folder's findings. */
  async open(summary: LeakScanSummary): Promise<void> {
    if (this.opening !== null) return;
    this.opening = summary.id;
    this.openError = null;
    try {
      let findings = await api.scanFindings(summary.id);
      if (findings.some((f) => f.severity === 'critical' && !f.label)) {
        // Go reads saved findings back without the register: name their keys here.
        findings = fillRegistered(findings, await api.listKeys().catch(() => []));
      }
      this.shown = fromSummary(summary, findings);
    } catch (e) {
      this.openError = api.toAppError(e);
    } finally {
      this.opening = null;
    }
  }

  close() {
    this.shown = null;
    this.openError = null;
  }
}

export const leakscan = new LeakScanState();
