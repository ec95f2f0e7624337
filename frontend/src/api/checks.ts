// The typed facade over the automatic checks (gui.Checks) and the audit
// bundle (main.App.ExportAuditBundle): the Overview's posture, findings,
// due items and first-run guide, and each item's latest check result.
// Every function rejects with an AppError {code, message}.
import * as ChecksBindings from './wailsjs/go/gui/Checks';
import * as AppBindings from './wailsjs/go/main/App';
import { call } from './errors';
import type { ItemState, Lang, Text } from './types';
import * as d from './decode';

/** gui.Checks as the facade calls it; assigning the generated module makes
 * `npm run check` fail if a Go method is renamed or changes parameters. */
export interface ChecksBinding {
  Checks: () => Promise<unknown>;
  Overview: () => Promise<unknown>;
  Run: (workspace: string) => Promise<unknown>;
  RunOne: (workspace: string, item: string) => Promise<unknown>;
  Results: (workspace: string) => Promise<unknown>;
  Override: (workspace: string, item: string, status: string, note: string) => Promise<unknown>;
}

export interface AuditBundleBinding {
  ExportAuditBundle: (workspace: string, lang: string) => Promise<unknown>;
}

const checksBinding: ChecksBinding = ChecksBindings;
const appBinding: AuditBundleBinding = AppBindings;

// --- types -------------------------------------------------------------------

export const CHECK_STATUSES = ['pass', 'fail', 'unknown'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** A person's decision against a check, kept until the check's result changes. */
export interface CheckOverride {
  status: string;
  check_status: string;
  note: string;
  source: string;
  at: string;
}

/** One check's latest verdict on one item. */
export interface CheckResult {
  item: string;
  status: CheckStatus;
  reason: Text;
  checked_at: string;
  /** What the check looked at: counts, ids, fingerprints, paths; never a key. */
  evidence: Record<string, unknown>;
  stale: boolean;
  /** "done" when a pass waits for a person to accept it. */
  proposed: string;
  override: CheckOverride | null;
}

/** One workspace at a glance; checks come failing first. */
export interface Posture {
  workspace: string;
  percent: number;
  done: number;
  failing: number;
  stale: number;
  due_soon: number;
  overdue: number;
  checks: CheckResult[];
  /** Per check, the screen that fixes it. */
  screens: string[];
}

/** A problem found outside the checklist: a key finding, a leak, an alert. */
export interface OpenFinding {
  source: string;
  severity: string;
  title: Text;
  ref: string;
  screen: string;
}

export interface DueItem {
  workspace: string;
  item: string;
  title: Text;
  due: string;
  overdue: boolean;
}

export interface GuideStep {
  id: string;
  title: Text;
  done: boolean;
  screen: string;
}

export interface Overview {
  workspaces: Posture[];
  findings: OpenFinding[];
  due: DueItem[];
  guide: GuideStep[];
  first_run: boolean;
}

// --- decoders ----------------------------------------------------------------

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const list = <T>(v: unknown, f: (x: unknown) => T): T[] => (Array.isArray(v) ? v.map(f) : []);
const text = (v: unknown): Text => {
  const o = obj(v);
  return { en: str(o['en']), 'zh-CN': str(o['zh-CN']) };
};

function checkOverride(v: unknown): CheckOverride | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Obj;
  return { status: str(o['status']), check_status: str(o['check_status']), note: str(o['note']), source: str(o['source']), at: str(o['at']) };
}

export function checkResult(v: unknown): CheckResult {
  const o = obj(v);
  const status = str(o['status']);
  return {
    item: str(o['item']),
    status: (CHECK_STATUSES as readonly string[]).includes(status) ? (status as CheckStatus) : 'unknown',
    reason: text(o['reason']),
    checked_at: str(o['checked_at']),
    evidence: obj(o['evidence']),
    stale: o['stale'] === true,
    proposed: str(o['proposed']),
    override: checkOverride(o['override']),
  };
}

function posture(v: unknown): Posture {
  const o = obj(v);
  return {
    workspace: str(o['workspace']),
    percent: num(o['percent']),
    done: num(o['done']),
    failing: num(o['failing']),
    stale: num(o['stale']),
    due_soon: num(o['due_soon']),
    overdue: num(o['overdue']),
    checks: list(o['checks'], checkResult),
    screens: list(o['screens'], str),
  };
}

export function overviewOf(v: unknown): Overview {
  const o = obj(v);
  return {
    workspaces: list(o['workspaces'], posture),
    findings: list(o['findings'], (x) => {
      const f = obj(x);
      return { source: str(f['source']), severity: str(f['severity']), title: text(f['title']), ref: str(f['ref']), screen: str(f['screen']) };
    }),
    due: list(o['due'], (x) => {
      const f = obj(x);
      return { workspace: str(f['workspace']), item: str(f['item']), title: text(f['title']), due: str(f['due']), overdue: f['overdue'] === true };
    }),
    guide: list(o['guide'], (x) => {
      const f = obj(x);
      return { id: str(f['id']), title: text(f['title']), done: f['done'] === true, screen: str(f['screen']) };
    }),
    first_run: o['first_run'] === true,
  };
}

// --- calls -------------------------------------------------------------------

/** The items that have an automatic check. */
export const checkedItems = (): Promise<string[]> =>
  call(() => checksBinding.Checks(), (v) => list(v, (x) => str(obj(x)['item'])));

export const checksOverview = (): Promise<Overview> => call(() => checksBinding.Overview(), overviewOf);

/** Runs every check of a workspace and records the results. */
export const runChecks = (workspace: string): Promise<CheckResult[]> =>
  call(() => checksBinding.Run(workspace), (v) => list(v, checkResult));

/** Runs one item's check and records it. */
export const runCheck = (workspace: string, item: string): Promise<CheckResult> =>
  call(() => checksBinding.RunOne(workspace, item), checkResult);

/** A workspace's stored results, with their stale flags. */
export const checkResults = (workspace: string): Promise<CheckResult[]> =>
  call(() => checksBinding.Results(workspace), (v) => list(v, checkResult));

/** Sets an item's status against its check, with a note the audit trail keeps. */
export const overrideCheck = (workspace: string, item: string, status: string, note: string): Promise<ItemState> =>
  call(() => checksBinding.Override(workspace, item, status, note), d.itemState);

/** Asks where to save and writes the workspace's audit bundle; "" when cancelled. */
export const exportAuditBundle = (workspace: string, lang: Lang): Promise<string> =>
  call(() => appBinding.ExportAuditBundle(workspace, lang), str);
