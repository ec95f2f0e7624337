// Pure helpers of the leak scan screen: grouping, numbers, places and the
// remembered folder list. No Svelte and no i18n here, so they are easy to test.
import { LEAK_SEVERITIES, type LeakFinding, type LeakSeverity, type LeakSkipped } from '../../api';

export interface SeverityGroup {
  severity: LeakSeverity;
  findings: LeakFinding[];
}

/** Non-empty groups, most urgent first; findings keep their order within a group. */
export function groupBySeverity(findings: readonly LeakFinding[]): SeverityGroup[] {
  return LEAK_SEVERITIES.map((severity) => ({
    severity,
    findings: findings.filter((f) => f.severity === severity),
  })).filter((g) => g.findings.length > 0);
}

/** How many findings of each severity. */
export function countBySeverity(findings: readonly LeakFinding[]): Record<LeakSeverity, number> {
  const out: Record<LeakSeverity, number> = { critical: 0, high: 0, medium: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** What fillRegistered needs of a key record (api.KeyRecord). */
export interface RegisteredKey {
  id: number;
  fingerprint: string;
  label: string;
  member: string;
  status: string;
}

/**
 * Names the holder and label of critical findings that came without them (a
 * saved scan read back without the register), the way the Go register's
 * Lookup does: same fingerprint, a key in use before a past one, newest first.
 */
export function fillRegistered(findings: readonly LeakFinding[], keys: readonly RegisteredKey[]): LeakFinding[] {
  const current = (k: RegisteredKey) => (k.status === 'active' || k.status === 'rotation_due' ? 1 : 0);
  const best = new Map<string, RegisteredKey>();
  for (const k of keys) {
    const fp = k.fingerprint.trim().toLowerCase();
    const had = best.get(fp);
    if (!had || current(k) > current(had) || (current(k) === current(had) && k.id > had.id)) best.set(fp, k);
  }
  return findings.map((f) => {
    if (f.label || f.member) return f;
    const k = best.get(f.fingerprint.trim().toLowerCase());
    return k ? { ...f, label: k.label, member: k.member, severity: 'critical' } : f;
  });
}

// --- numbers -------------------------------------------------------------------

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 0 B, 512 B, 1.5 KB, 12.3 MB, 120 MB (1 KB = 1024 B). */
export function formatBytes(bytes: number, lang = 'en'): string {
  let v = Math.max(0, Number.isFinite(bytes) ? bytes : 0);
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = u === 0 || v >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v)} ${UNITS[u]}`;
}

/** Megabytes with one decimal, for the live counter: "0.0", "12.3", "1,024.0". */
export function formatMegabytes(bytes: number, lang = 'en'): string {
  const mb = Math.max(0, Number.isFinite(bytes) ? bytes : 0) / (1024 * 1024);
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(mb);
}

/** Whole numbers with the language's grouping: 12,345. */
export function formatCount(n: number, lang = 'en'): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Number.isFinite(n) ? n : 0);
}

/** A rate such as files per second: one decimal below 10, whole above. */
export function formatRate(perSecond: number, lang = 'en'): string {
  const v = Math.max(0, Number.isFinite(perSecond) ? perSecond : 0);
  const digits = v < 10 && v > 0 ? 1 : 0;
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v);
}

/** A duration split for display: under a minute in seconds (one decimal below 10 s), else minutes and seconds. */
export type Duration = { kind: 'seconds'; seconds: string } | { kind: 'minutes'; minutes: number; seconds: string };

export function splitDuration(seconds: number, lang = 'en'): Duration {
  const s = Math.max(0, Number.isFinite(seconds) ? seconds : 0);
  if (s < 60) {
    const digits = s < 10 ? 1 : 0;
    return {
      kind: 'seconds',
      seconds: new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
        // A scan that took any time at all never reads "0.0 s".
        digits ? (s > 0 ? Math.max(0.1, Math.floor(s * 10) / 10) : 0) : Math.floor(s),
      ),
    };
  }
  const whole = Math.floor(s);
  return { kind: 'minutes', minutes: Math.floor(whole / 60), seconds: String(whole % 60).padStart(2, '0') };
}

// --- places --------------------------------------------------------------------

/** The separator a root path uses: "\" for Windows paths, "/" otherwise. */
function separatorOf(root: string): '/' | '\\' {
  return /^[A-Za-z]:\\|^\\\\/.test(root) || (root.includes('\\') && !root.includes('/')) ? '\\' : '/';
}

/** Joins a root folder and a slash-separated relative file in the root's style. */
export function joinPath(root: string, file: string): string {
  if (!file || file === '.') return root;
  if (!root) return file;
  const sep = separatorOf(root);
  const rel = sep === '\\' ? file.replaceAll('/', '\\') : file;
  return root.endsWith(sep) ? root + rel : root + sep + rel;
}

/** "config.py:3:14" (line and column are 1-based; 0 means unknown and is left out). */
export function locationLabel(f: Pick<LeakFinding, 'file' | 'line' | 'column'>): string {
  if (f.line <= 0) return f.file;
  return f.column > 0 ? `${f.file}:${f.line}:${f.column}` : `${f.file}:${f.line}`;
}

/**
 * What the copy button copies: path:line:col. A working-tree finding gets its
 * full path; a finding in a commit keeps the repository-relative path, since
 * the file may no longer exist.
 */
export function copyLocation(f: Pick<LeakFinding, 'root' | 'file' | 'line' | 'column' | 'commit'>): string {
  return locationLabel({ ...f, file: f.commit ? f.file : joinPath(f.root, f.file) });
}

/** What "Open in file manager" opens: the file's folder, or the scanned folder for a finding in a commit. */
export function fileManagerTarget(f: Pick<LeakFinding, 'root' | 'file' | 'commit'>): string {
  return f.commit ? f.root : joinPath(f.root, f.file);
}

export function shortCommit(hash: string): string {
  return hash.slice(0, 7);
}

/** "Ada Lovelace <ada@example.com>" → "Ada Lovelace"; an address alone stays as it is. */
export function authorName(author: string): string {
  const name = author.replace(/\s*<[^>]*>\s*$/, '').trim();
  return name || author.replace(/^<|>$/g, '').trim();
}

/** The last part of a path, for a compact folder label. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const parts = trimmed.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** A path as a shell argument: as it is when safe, else quoted for a POSIX shell (or cmd/PowerShell for Windows paths). */
export function shellQuote(path: string): string {
  if (/^[\w@%+=:,./\\-]+$/.test(path)) return path;
  if (separatorOf(path) === '\\') return `"${path}"`;
  return `'${path.replaceAll("'", `'\\''`)}'`;
}

// --- the folder list -----------------------------------------------------------

/** Trims a typed path and drops trailing separators (but keeps "/" and "C:\"). */
export function normalizeFolder(path: string): string {
  const p = path.trim();
  if (/^[A-Za-z]:[\\/]*$/.test(p)) return `${p.slice(0, 2)}\\`;
  const stripped = p.replace(/[\\/]+$/, '');
  return stripped === '' && p !== '' ? p.slice(0, 1) : stripped;
}

/** A full path: "/x", "C:\x", "C:/x" or "\\server\share". The scan runs elsewhere, so "~" and relative paths are refused. */
export function isAbsolutePath(path: string): boolean {
  return /^\//.test(path) || /^[A-Za-z]:[\\/]/.test(path) || /^\\\\[^\\]/.test(path);
}

/** Adds a folder unless it (or the same path spelt with a trailing separator) is listed. */
export function addFolder(folders: readonly string[], path: string): string[] {
  const p = normalizeFolder(path);
  if (!p || folders.includes(p)) return [...folders];
  return [...folders, p];
}

export function removeFolder(folders: readonly string[], path: string): string[] {
  return folders.filter((f) => f !== path);
}

/** Reads a remembered folder list, tolerating anything odd in storage. */
export function parseFolders(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    if (!Array.isArray(v)) return [];
    return v.reduce<string[]>((acc, x) => (typeof x === 'string' ? addFolder(acc, x) : acc), []);
  } catch {
    return [];
  }
}

// --- skipped files -------------------------------------------------------------

/** Why a file was skipped, as a message key of ours plus Go's detail (errno text). */
export type SkipReason =
  | { kind: 'notReadable' | 'readFailed' | 'folderNotReadable' | 'symlinkNotReadable' | 'history'; detail: string }
  | { kind: 'notRegular' | 'brokenSymlink' | 'symlinkLoop' | 'symlinkToFolder' }
  | { kind: 'other'; detail: string };

const SKIP_PREFIXES: [string, 'notReadable' | 'readFailed' | 'folderNotReadable' | 'symlinkNotReadable' | 'history'][] = [
  ['folder not readable: ', 'folderNotReadable'],
  ['symlink not readable: ', 'symlinkNotReadable'],
  ['read failed part way: ', 'readFailed'],
  ['not readable: ', 'notReadable'],
  ['history not scanned: ', 'history'],
];
const SKIP_EXACT: Record<string, 'notRegular' | 'brokenSymlink' | 'symlinkLoop' | 'symlinkToFolder'> = {
  'not a regular file': 'notRegular',
  'broken symlink': 'brokenSymlink',
  'symlink loop': 'symlinkLoop',
  'symlink to a folder, not followed': 'symlinkToFolder',
};

/** Recognises the reasons the Go scanner writes (in English) so the UI can word them in either language. */
export function parseSkipReason(reason: string): SkipReason {
  const exact = SKIP_EXACT[reason];
  if (exact) return { kind: exact };
  for (const [prefix, kind] of SKIP_PREFIXES) {
    if (reason.startsWith(prefix)) return { kind, detail: reason.slice(prefix.length) };
  }
  return { kind: 'other', detail: reason };
}

/** A skipped root (file ".") whose history could not be scanned: not a repository, or no git. */
export function isHistorySkip(s: LeakSkipped): boolean {
  return parseSkipReason(s.reason).kind === 'history';
}
