// Hand-written types for the Go API. They mirror the JSON field names of the
// Go structs (backend/checklist/types.go, app.go) and are what the rest of the
// UI sees; the generated Wails models stay inside src/api.
import type { app, buildinfo, checklist } from './wailsjs/go/models';

export type Lang = 'en' | 'zh-CN';

/** A text in both of the app's languages. */
export interface Text {
  en: string;
  'zh-CN': string;
}

/** Ordered steps in both languages. */
export interface Steps {
  en: string[];
  'zh-CN': string[];
}

export const STATUSES = ['todo', 'in_progress', 'done', 'at_risk', 'not_applicable'] as const satisfies readonly Status[];
export type Status = `${checklist.Status}`;

export const EVIDENCE_KINDS = [
  'leak-scan',
  'key-register',
  'moderation-run',
  'gateway-log',
  'privacy-draft',
  'usage-report',
] as const satisfies readonly AppEvidenceKind[];
/** Evidence the app itself can supply for an item. */
export type AppEvidenceKind = `${checklist.EvidenceKind}`;

export const EVIDENCE_REF_KINDS = ['file', 'url', 'record', 'check'] as const satisfies readonly EvidenceRefKind[];
export type EvidenceRefKind = `${checklist.EvidenceRefKind}`;

export const PROFILE_FLAGS = [
  'consumer',
  'chatbot',
  'medical',
  'legal',
  'financial',
  'news',
  'minors',
  'impersonation',
  'eu',
  'california',
  'china',
] as const;
export type ProfileFlag = (typeof PROFILE_FLAGS)[number];
export type Profile = Record<ProfileFlag, boolean>;

export interface Section {
  id: string;
  title: Text;
  summary: Text;
}

export interface Condition {
  all: string[];
  any: string[];
}

/** A public document an item rests on: title and section in both languages, the date the cited text took effect, its address. */
export interface Source {
  title: Text;
  section: Text;
  effective: string;
  url: string;
}

export interface Item {
  id: string;
  section: string;
  title: Text;
  why: Text;
  how: Steps;
  applies: Text;
  applies_if: Condition;
  /** Evidence kinds the app can supply (from the catalogue). */
  evidence: string[];
  sources: Source[];
  since: string;
  changed: string;
}

export interface CatalogueInfo {
  version: string;
  date: string;
  sections: Section[];
  items: Item[];
}

export interface Workspace {
  id: number;
  name: string;
  created_at: string;
  reviewed_version: string;
  profile: Profile | null;
  profile_set_at: string;
}

export interface Evidence {
  id: number;
  kind: EvidenceRefKind;
  ref: string;
  label: string;
  added_at: string;
}

export interface EvidenceInput {
  kind: EvidenceRefKind;
  ref: string;
  label: string;
}

/**
 * A catalogue item with a workspace's answer. In JSON the answer's
 * `evidence` (attached evidence) shadows the catalogue's evidence kinds,
 * so the kinds are not part of this type: look them up in the catalogue.
 */
export interface ItemState extends Omit<Item, 'evidence'> {
  status: Status;
  owner: string;
  due: string;
  notes: string;
  reason: string;
  set_by_wizard: boolean;
  updated_at: string;
  overdue: boolean;
  evidence: Evidence[];
}

export interface ItemChange {
  status?: Status;
  owner?: string;
  due?: string;
  notes?: string;
  reason?: string;
}

/** One line of an item's audit trail (Go's checklist.AuditEntry). */
export type AuditEntry = checklist.AuditEntry;

export type WizardResult = checklist.WizardResult;

export interface SectionProgress {
  section: string;
  title: Text;
  total: number;
  done: number;
  in_progress: number;
  todo: number;
  at_risk: number;
  not_applicable: number;
  percent: number;
}

export interface Progress {
  overall: SectionProgress;
  sections: SectionProgress[];
  overdue: string[];
  at_risk: string[];
}

export type CatalogueChanges = checklist.CatalogueChanges;

export type BuildInfo = buildinfo.Info;

export interface AppInfo {
  version: string;
  data_dir: string;
  database_path: string;
  log_path: string;
  catalogue_version: string;
  catalogue_date: string;
  /** The running binary's path ("" when unknown), for suggested commands. */
  executable: string;
  /** Which build is running; empty strings when the build did not record them. */
  build: BuildInfo;
  /** Set when the data folder could not be opened at start; nothing else works then. */
  startup_error: AppError | null;
}

export interface Settings {
  /** "" means follow the system language. */
  language: '' | Lang;
  effective_language: Lang;
  system_language: string;
}

export type ExportFormat = 'md' | 'csv' | 'json' | 'html' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'csv', 'json', 'html', 'pdf'];

/** A failed call, with a message already in the user's language. */
export type AppError = app.ErrorInfo;
