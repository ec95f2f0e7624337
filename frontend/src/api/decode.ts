// Decoders turn what the bindings resolved with into the strict types of
// ./types. Go encodes nil slices as null and omits `omitempty` fields, so
// every list and optional string gets a default here, once.
import {
  PROFILE_FLAGS,
  STATUSES,
  type AppError,
  type AppInfo,
  type BuildInfo,
  type AuditEntry,
  type CatalogueChanges,
  type CatalogueInfo,
  type Condition,
  type Evidence,
  type EvidenceRefKind,
  type Item,
  type ItemState,
  type Lang,
  type Profile,
  type Progress,
  type Section,
  type SectionProgress,
  type Settings,
  type Source,
  type Status,
  type Steps,
  type Text,
  type WizardResult,
  type Workspace,
} from './types';
import { obj, str, num, bool, list, strs, type Obj } from './wire';
export { str, nothing } from './wire';

export function text(v: unknown): Text {
  const o = obj(v);
  return { en: str(o['en']), 'zh-CN': str(o['zh-CN']) };
}
function steps(v: unknown): Steps {
  const o = obj(v);
  return { en: strs(o['en']), 'zh-CN': strs(o['zh-CN']) };
}
function condition(v: unknown): Condition {
  const o = obj(v);
  return { all: strs(o['all']), any: strs(o['any']) };
}
function source(v: unknown): Source {
  const o = obj(v);
  return {
    title: text(o['title']),
    section: text(o['section']),
    effective: str(o['effective']),
    url: str(o['url']),
  };
}
function section(v: unknown): Section {
  const o = obj(v);
  return { id: str(o['id']), title: text(o['title']), summary: text(o['summary']) };
}

export function status(v: unknown): Status {
  const s = str(v);
  return (STATUSES as readonly string[]).includes(s) ? (s as Status) : 'todo';
}

function itemFields(o: Obj): Omit<Item, 'evidence'> {
  return {
    id: str(o['id']),
    section: str(o['section']),
    title: text(o['title']),
    why: text(o['why']),
    how: steps(o['how']),
    applies: text(o['applies']),
    applies_if: condition(o['applies_if']),
    sources: list(o['sources'], source),
    since: str(o['since']),
    changed: str(o['changed']),
  };
}

export function item(v: unknown): Item {
  const o = obj(v);
  return { ...itemFields(o), evidence: strs(o['evidence']) };
}

export function catalogue(v: unknown): CatalogueInfo {
  const o = obj(v);
  return {
    version: str(o['version']),
    date: str(o['date']),
    sections: list(o['sections'], section),
    items: list(o['items'], item),
  };
}

export function profile(v: unknown): Profile | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = obj(v);
  const p = {} as Profile;
  for (const f of PROFILE_FLAGS) p[f] = bool(o[f]);
  return p;
}

export function workspace(v: unknown): Workspace {
  const o = obj(v);
  return {
    id: num(o['id']),
    name: str(o['name']),
    created_at: str(o['created_at']),
    reviewed_version: str(o['reviewed_version']),
    profile: profile(o['profile']),
    profile_set_at: str(o['profile_set_at']),
  };
}

export function workspaces(v: unknown): Workspace[] {
  return list(v, workspace);
}

function refKind(v: unknown): EvidenceRefKind {
  const s = str(v);
  return s === 'url' || s === 'record' || s === 'check' ? s : 'file';
}

export function evidence(v: unknown): Evidence {
  const o = obj(v);
  return {
    id: num(o['id']),
    kind: refKind(o['kind']),
    ref: str(o['ref']),
    label: str(o['label']),
    added_at: str(o['added_at']),
  };
}

export function itemState(v: unknown): ItemState {
  const o = obj(v);
  return {
    ...itemFields(o),
    status: status(o['status']),
    owner: str(o['owner']),
    due: str(o['due']),
    notes: str(o['notes']),
    reason: str(o['reason']),
    set_by_wizard: bool(o['set_by_wizard']),
    updated_at: str(o['updated_at']),
    overdue: bool(o['overdue']),
    evidence: list(o['evidence'], (e) => (typeof e === 'string' ? null : evidence(e))).filter(
      (e): e is Evidence => e !== null,
    ),
  };
}

export function itemStates(v: unknown): ItemState[] {
  return list(v, itemState);
}

export function auditEntry(v: unknown): AuditEntry {
  const o = obj(v);
  return {
    id: num(o['id']),
    item_id: str(o['item_id']),
    at: str(o['at']),
    field: str(o['field']),
    old: str(o['old']),
    new: str(o['new']),
    source: str(o['source']),
  };
}

export function history(v: unknown): AuditEntry[] {
  return list(v, auditEntry);
}

export function wizardResult(v: unknown): WizardResult {
  const o = obj(v);
  return { marked_not_applicable: strs(o['marked_not_applicable']), restored: strs(o['restored']) };
}

export function sectionProgress(v: unknown): SectionProgress {
  const o = obj(v);
  return {
    section: str(o['section']),
    title: text(o['title']),
    total: num(o['total']),
    done: num(o['done']),
    in_progress: num(o['in_progress']),
    todo: num(o['todo']),
    at_risk: num(o['at_risk']),
    not_applicable: num(o['not_applicable']),
    percent: num(o['percent']),
  };
}

export function progress(v: unknown): Progress {
  const o = obj(v);
  return {
    overall: sectionProgress(o['overall']),
    sections: list(o['sections'], sectionProgress),
    overdue: strs(o['overdue']),
    at_risk: strs(o['at_risk']),
  };
}

export function catalogueChanges(v: unknown): CatalogueChanges {
  const o = obj(v);
  return { from: str(o['from']), to: str(o['to']), new: strs(o['new']), changed: strs(o['changed']) };
}

function startupError(v: unknown): AppError | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = obj(v);
  const message = str(o['message']);
  return message ? { code: str(o['code']) || 'internal', message } : null;
}

export function appInfo(v: unknown): AppInfo {
  const o = obj(v);
  return {
    version: str(o['version']),
    data_dir: str(o['data_dir']),
    database_path: str(o['database_path']),
    log_path: str(o['log_path']),
    catalogue_version: str(o['catalogue_version']),
    catalogue_date: str(o['catalogue_date']),
    executable: str(o['executable']),
    build: buildInfo(o['build']),
    startup_error: startupError(o['startup_error']),
  };
}

function buildInfo(v: unknown): BuildInfo {
  const o = obj(v);
  return { version: str(o['version']), commit: str(o['commit']), build_date: str(o['build_date']), go_version: str(o['go_version']) };
}

export function lang(v: unknown): Lang {
  return str(v) === 'zh-CN' ? 'zh-CN' : 'en';
}

export function settings(v: unknown): Settings {
  const o = obj(v);
  const chosen = str(o['language']);
  return {
    language: chosen === 'en' || chosen === 'zh-CN' ? chosen : '',
    effective_language: lang(o['effective_language']),
    system_language: str(o['system_language']),
  };
}

