// The typed facade over the privacy bindings (see ./index.ts): the
// questionnaire's answers, the completeness check, drafts, saved versions and
// their comparison, and the draft export. Like the rest of the facade, every
// function rejects with an AppError {code, message}.
//
// Hand-written types mirror the JSON of backend/privacy (answers.go,
// check.go, drafts.go, diff.go, prefill.go); the decoders below fill Go's
// nulls and omitted fields once, so the screen never sees them.
import * as PrivacyScreenBindings from './wailsjs/go/privacy/Screen';
import * as AppBindings from './wailsjs/go/main/App';
import { privacy as models } from './wailsjs/go/models';
import { call } from './errors';
import type { Lang, Text } from './types';

// --- bindings ----------------------------------------------------------------

/** privacy.Screen as the facade calls it; assigning the generated module
 * makes `npm run check` fail if a Go method is renamed or changes parameters. */
export interface PrivacyScreenBinding {
  Questions: () => Promise<unknown>;
  Regimes: () => Promise<unknown>;
  Answers: () => Promise<unknown>;
  SaveAnswers: (answers: models.Answers) => Promise<unknown>;
  Check: () => Promise<unknown>;
  Preview: (lang: string) => Promise<unknown>;
  Suggestions: () => Promise<unknown>;
  Accept: (suggestion: models.Suggestion) => Promise<unknown>;
  SaveDraft: (lang: string) => Promise<unknown>;
  Drafts: () => Promise<unknown>;
  Draft: (id: number) => Promise<unknown>;
  Compare: (a: number, b: number) => Promise<unknown>;
}

/** The main.App method the privacy screen uses. */
export interface PrivacyAppBinding {
  ExportPrivacyDraft: (lang: string, format: string) => Promise<unknown>;
  PrivacyPolishPlan: (lang: string) => Promise<unknown>;
  PrivacyPolish: (plan: models.PolishPlan) => Promise<unknown>;
}

const screen: PrivacyScreenBinding = PrivacyScreenBindings;
const app: PrivacyAppBinding = AppBindings;

// --- enumerations (backend/privacy/enums.go) --------------------------------

export const PRIVACY_REGIONS = ['eu', 'uk', 'california', 'china', 'elsewhere'] as const;
export type PrivacyRegion = (typeof PRIVACY_REGIONS)[number];

export const PRIVACY_LEGAL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;
export type PrivacyLegalBasis = (typeof PRIVACY_LEGAL_BASES)[number];

export const PRIVACY_RIGHTS = [
  'access',
  'correction',
  'deletion',
  'restriction',
  'portability',
  'objection',
  'withdraw_consent',
  'complaint',
] as const;
export type PrivacyRight = (typeof PRIVACY_RIGHTS)[number];

export const PRIVACY_SAFEGUARDS = [
  'adequacy',
  'scc',
  'dpf',
  'bcr',
  'pipl_standard_contract',
  'pipl_security_assessment',
  'pipl_certification',
] as const;
export type PrivacySafeguard = (typeof PRIVACY_SAFEGUARDS)[number];

export const PRIVACY_RECIPIENT_ROLES = ['processor', 'controller'] as const;
export type PrivacyRecipientRole = (typeof PRIVACY_RECIPIENT_ROLES)[number];

export const PRIVACY_DRAFT_FORMATS = ['md', 'html', 'pdf'] as const;
export type PrivacyDraftFormat = (typeof PRIVACY_DRAFT_FORMATS)[number];

// --- answers (backend/privacy/answers.go) ------------------------------------

/** A yes/no answer that may not be given yet (Go's *bool). */
export type Maybe = boolean | null;

export interface PrivacyContact {
  name: string;
  address: string;
  email: string;
}

export interface PrivacyOrganisation {
  name: string;
  address: string;
  email: string;
  phone: string;
  website: string;
  established_in: PrivacyRegion[];
}

export interface PrivacyDPO {
  appointed: Maybe;
  name: string;
  email: string;
}

export interface PrivacyDataCategory {
  id: string;
  name: Text;
  examples: Text;
  source: Text;
  retention: Text;
  sensitive: boolean;
  sold: boolean;
  shared: boolean;
}

export interface PrivacyPurpose {
  purpose: Text;
  categories: string[];
  /** "" until chosen. */
  legal_basis: PrivacyLegalBasis | '';
  legitimate_interest: Text;
  method: Text;
}

export interface PrivacyAIUse {
  features: Text;
  prompts_contain_personal_data: Maybe;
  models: string[];
  disclosure: Text;
  provider_trains_on_data: Maybe;
  provider_retention: Text;
  prompt_logging: Maybe;
  prompt_log_days: number;
  pii_screening: Maybe;
}

export interface PrivacyRecipient {
  name: string;
  /** "" until chosen. */
  role: PrivacyRecipientRole | '';
  purpose: Text;
  location: Text;
  contact: string;
  receives_prompts: boolean;
}

export interface PrivacyTransfer {
  recipient: string;
  country: Text;
  /** Whose data; empty means every region. */
  from: PrivacyRegion[];
  contact: string;
  purpose: Text;
  method: Text;
  categories: string[];
  safeguards: PrivacySafeguard[];
  rights_how: Text;
}

export interface PrivacyTransfers {
  abroad: Maybe;
  transfers: PrivacyTransfer[];
  copy_how: Text;
}

export interface PrivacyRightsAnswers {
  offered: PrivacyRight[];
  how: Text;
  contact: string;
  response_days: number;
  authority: Text;
}

export interface PrivacyAutomatedDecisions {
  used: Maybe;
  logic: Text;
  significance: Text;
}

export interface PrivacyChildren {
  minimum_age: number;
  parental_consent: Maybe;
  details: Text;
}

export interface PrivacyCookies {
  used: Maybe;
  analytics: Text[];
  details: Text;
}

export interface PrivacyCalifornia {
  sells_or_shares: Maybe;
  opt_out_link: string;
  sensitive_beyond_service: Maybe;
  limit_link: string;
}

export interface PrivacyPolicyChanges {
  how_notified: Text;
  /** YYYY-MM-DD or "". */
  effective_date: string;
  last_updated: string;
}

/** The privacy questionnaire; every field may be empty while the user works. */
export interface PrivacyAnswers {
  organisation: PrivacyOrganisation;
  data_protection_officer: PrivacyDPO;
  eu_representative: PrivacyContact;
  uk_representative: PrivacyContact;
  china_representative: PrivacyContact;
  products: Text[];
  users: { regions: PrivacyRegion[] };
  data_categories: PrivacyDataCategory[];
  purposes: PrivacyPurpose[];
  provision_requirement: Text;
  ai: PrivacyAIUse;
  recipients: PrivacyRecipient[];
  international_transfers: PrivacyTransfers;
  rights: PrivacyRightsAnswers;
  automated_decisions: PrivacyAutomatedDecisions;
  children: PrivacyChildren;
  cookies: PrivacyCookies;
  security_measures: Text[];
  california: PrivacyCalifornia;
  policy_changes: PrivacyPolicyChanges;
}

// --- check, questions, drafts -------------------------------------------------

export interface PrivacyQuestion {
  /** The answers field it fills, e.g. "organisation" or "users.regions". */
  key: string;
  text: Text;
}

export interface PrivacyRegime {
  /** "general", "gdpr", "ccpa" or "pipl". */
  name: string;
  title: Text;
}

export interface PrivacyElementCheck {
  id: string;
  title: Text;
  present: boolean;
  /** The PrivacyQuestion key that fills it. */
  question: string;
}

export interface PrivacyRegimeCheck {
  name: string;
  elements: PrivacyElementCheck[];
}

export interface PrivacyCheckResult {
  regimes: PrivacyRegimeCheck[];
  /** Elements not yet provided, over all regimes. */
  missing: number;
}

/** A value for one answer, with where it came from; nothing changes until accepted. */
export interface PrivacySuggestion {
  /** The answers field, e.g. "users.regions" or "ai.disclosure". */
  field: string;
  /** The value to set (or to add, for lists): any JSON value. */
  value: unknown;
  source: Text;
}

export interface PrivacyDraftSummary {
  id: number;
  /** RFC 3339, UTC. */
  created_at: string;
  lang: Lang;
  missing: number;
}

export interface PrivacySavedDraft extends PrivacyDraftSummary {
  answers: PrivacyAnswers;
  markdown: string;
  check: PrivacyCheckResult;
}

export type PrivacyDiffOp = 'same' | 'removed' | 'added';

export interface PrivacyDiffLine {
  op: PrivacyDiffOp;
  text: string;
}

// --- decoding ---------------------------------------------------------------------

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {};
}
function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}
function int(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0;
}
function flag(v: unknown): boolean {
  return v === true;
}
function maybe(v: unknown): Maybe {
  return typeof v === 'boolean' ? v : null;
}
function list<T>(v: unknown, each: (x: unknown) => T): T[] {
  return Array.isArray(v) ? v.map(each) : [];
}
function strs(v: unknown): string[] {
  return list(v, str);
}
function oneOf<T extends string>(allowed: readonly T[]) {
  return (v: unknown): v is T => typeof v === 'string' && (allowed as readonly string[]).includes(v);
}
function enums<T extends string>(v: unknown, allowed: readonly T[]): T[] {
  return Array.isArray(v) ? v.filter(oneOf(allowed)) : [];
}
function enumOrEmpty<T extends string>(v: unknown, allowed: readonly T[]): T | '' {
  return oneOf(allowed)(v) ? v : '';
}
/** A Text: the {en, zh-CN} object Go sends; a plain string counts as English. */
export function privacyText(v: unknown): Text {
  if (typeof v === 'string') return { en: v, 'zh-CN': '' };
  const o = obj(v);
  return { en: str(o['en']), 'zh-CN': str(o['zh-CN'] ?? o['zh']) };
}
function texts(v: unknown): Text[] {
  return list(v, privacyText);
}

function contact(v: unknown): PrivacyContact {
  const o = obj(v);
  return { name: str(o['name']), address: str(o['address']), email: str(o['email']) };
}

function category(v: unknown): PrivacyDataCategory {
  const o = obj(v);
  return {
    id: str(o['id']),
    name: privacyText(o['name']),
    examples: privacyText(o['examples']),
    source: privacyText(o['source']),
    retention: privacyText(o['retention']),
    sensitive: flag(o['sensitive']),
    sold: flag(o['sold']),
    shared: flag(o['shared']),
  };
}

function purpose(v: unknown): PrivacyPurpose {
  const o = obj(v);
  return {
    purpose: privacyText(o['purpose']),
    categories: strs(o['categories']),
    legal_basis: enumOrEmpty(o['legal_basis'], PRIVACY_LEGAL_BASES),
    legitimate_interest: privacyText(o['legitimate_interest']),
    method: privacyText(o['method']),
  };
}

export function privacyRecipient(v: unknown): PrivacyRecipient {
  const o = obj(v);
  return {
    name: str(o['name']),
    role: enumOrEmpty(o['role'], PRIVACY_RECIPIENT_ROLES),
    purpose: privacyText(o['purpose']),
    location: privacyText(o['location']),
    contact: str(o['contact']),
    receives_prompts: flag(o['receives_prompts']),
  };
}

function transfer(v: unknown): PrivacyTransfer {
  const o = obj(v);
  return {
    recipient: str(o['recipient']),
    country: privacyText(o['country']),
    from: enums(o['from'], PRIVACY_REGIONS),
    contact: str(o['contact']),
    purpose: privacyText(o['purpose']),
    method: privacyText(o['method']),
    categories: strs(o['categories']),
    safeguards: enums(o['safeguards'], PRIVACY_SAFEGUARDS),
    rights_how: privacyText(o['rights_how']),
  };
}

export function privacyAnswers(v: unknown): PrivacyAnswers {
  const o = obj(v);
  const org = obj(o['organisation']);
  const dpo = obj(o['data_protection_officer']);
  const ai = obj(o['ai']);
  const tr = obj(o['international_transfers']);
  const rights = obj(o['rights']);
  const auto = obj(o['automated_decisions']);
  const kids = obj(o['children']);
  const cookies = obj(o['cookies']);
  const ca = obj(o['california']);
  const changes = obj(o['policy_changes']);
  return {
    organisation: {
      name: str(org['name']),
      address: str(org['address']),
      email: str(org['email']),
      phone: str(org['phone']),
      website: str(org['website']),
      established_in: enums(org['established_in'], PRIVACY_REGIONS),
    },
    data_protection_officer: { appointed: maybe(dpo['appointed']), name: str(dpo['name']), email: str(dpo['email']) },
    eu_representative: contact(o['eu_representative']),
    uk_representative: contact(o['uk_representative']),
    china_representative: contact(o['china_representative']),
    products: texts(o['products']),
    users: { regions: enums(obj(o['users'])['regions'], PRIVACY_REGIONS) },
    data_categories: list(o['data_categories'], category),
    purposes: list(o['purposes'], purpose),
    provision_requirement: privacyText(o['provision_requirement']),
    ai: {
      features: privacyText(ai['features']),
      prompts_contain_personal_data: maybe(ai['prompts_contain_personal_data']),
      models: strs(ai['models']),
      disclosure: privacyText(ai['disclosure']),
      provider_trains_on_data: maybe(ai['provider_trains_on_data']),
      provider_retention: privacyText(ai['provider_retention']),
      prompt_logging: maybe(ai['prompt_logging']),
      prompt_log_days: int(ai['prompt_log_days']),
      pii_screening: maybe(ai['pii_screening']),
    },
    recipients: list(o['recipients'], privacyRecipient),
    international_transfers: {
      abroad: maybe(tr['abroad']),
      transfers: list(tr['transfers'], transfer),
      copy_how: privacyText(tr['copy_how']),
    },
    rights: {
      offered: enums(rights['offered'], PRIVACY_RIGHTS),
      how: privacyText(rights['how']),
      contact: str(rights['contact']),
      response_days: int(rights['response_days']),
      authority: privacyText(rights['authority']),
    },
    automated_decisions: {
      used: maybe(auto['used']),
      logic: privacyText(auto['logic']),
      significance: privacyText(auto['significance']),
    },
    children: {
      minimum_age: int(kids['minimum_age']),
      parental_consent: maybe(kids['parental_consent']),
      details: privacyText(kids['details']),
    },
    cookies: { used: maybe(cookies['used']), analytics: texts(cookies['analytics']), details: privacyText(cookies['details']) },
    security_measures: texts(o['security_measures']),
    california: {
      sells_or_shares: maybe(ca['sells_or_shares']),
      opt_out_link: str(ca['opt_out_link']),
      sensitive_beyond_service: maybe(ca['sensitive_beyond_service']),
      limit_link: str(ca['limit_link']),
    },
    policy_changes: {
      how_notified: privacyText(changes['how_notified']),
      effective_date: str(changes['effective_date']),
      last_updated: str(changes['last_updated']),
    },
  };
}

/** Answers with nothing filled in: what a fresh install has. */
export function emptyPrivacyAnswers(): PrivacyAnswers {
  return privacyAnswers({});
}

export function privacyQuestions(v: unknown): PrivacyQuestion[] {
  return list(v, (q) => {
    const o = obj(q);
    return { key: str(o['key']), text: privacyText(o['text']) };
  });
}

export function privacyRegimes(v: unknown): PrivacyRegime[] {
  return list(v, (r) => {
    const o = obj(r);
    return { name: str(o['name']), title: privacyText(o['title']) };
  });
}

function elementCheck(v: unknown): PrivacyElementCheck {
  const o = obj(v);
  return { id: str(o['id']), title: privacyText(o['title']), present: flag(o['present']), question: str(o['question']) };
}

export function privacyCheck(v: unknown): PrivacyCheckResult {
  const o = obj(v);
  const regimes = list(o['regimes'], (r) => {
    const ro = obj(r);
    return { name: str(ro['name']), elements: list(ro['elements'], elementCheck) };
  });
  // Count what is listed rather than trust a missing "missing".
  const counted = regimes.reduce((n, r) => n + r.elements.filter((e) => !e.present).length, 0);
  return { regimes, missing: typeof o['missing'] === 'number' ? int(o['missing']) : counted };
}

export function privacySuggestions(v: unknown): PrivacySuggestion[] {
  return list(v, (s) => {
    const o = obj(s);
    return { field: str(o['field']), value: o['value'] ?? null, source: privacyText(o['source']) };
  }).filter((s) => s.field !== '');
}

function draftLang(v: unknown): Lang {
  return str(v) === 'zh-CN' ? 'zh-CN' : 'en';
}

export function privacyDraftSummary(v: unknown): PrivacyDraftSummary {
  const o = obj(v);
  return { id: int(o['id']), created_at: str(o['created_at']), lang: draftLang(o['lang']), missing: int(o['missing']) };
}

export function privacyDraftSummaries(v: unknown): PrivacyDraftSummary[] {
  return list(v, privacyDraftSummary);
}

export function privacySavedDraft(v: unknown): PrivacySavedDraft {
  const o = obj(v);
  const check = privacyCheck(o['check']);
  return {
    ...privacyDraftSummary(o),
    missing: check.missing,
    answers: privacyAnswers(o['answers']),
    markdown: str(o['markdown']),
    check,
  };
}

export function privacyDiff(v: unknown): PrivacyDiffLine[] {
  return list(v, (l) => {
    const o = obj(l);
    const op = str(o['op']);
    return { op: op === 'removed' || op === 'added' ? op : 'same', text: str(o['text']) };
  });
}

// --- encoding ---------------------------------------------------------------------

function trimText(t: Text): Text {
  return { en: t.en.trim(), 'zh-CN': t['zh-CN'].trim() };
}
function filled(t: Text): boolean {
  return t.en.trim() !== '' || t['zh-CN'].trim() !== '';
}
function whole(n: number): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : 0;
}

/**
 * What SaveAnswers is sent: strings trimmed, numbers whole, blank rows of the
 * plain text lists (products, analytics, security measures) left out and
 * unanswered yes/no questions sent as null. The answers on screen keep
 * exactly what the user typed.
 */
export function encodePrivacyAnswers(a: PrivacyAnswers): PrivacyAnswers {
  const s = (v: string) => v.trim();
  const c = (x: PrivacyContact): PrivacyContact => ({ name: s(x.name), address: s(x.address), email: s(x.email) });
  const textList = (l: Text[]) => l.filter(filled).map(trimText);
  const tx = trimText;
  return {
    organisation: {
      name: s(a.organisation.name),
      address: s(a.organisation.address),
      email: s(a.organisation.email),
      phone: s(a.organisation.phone),
      website: s(a.organisation.website),
      established_in: [...a.organisation.established_in],
    },
    data_protection_officer: {
      appointed: a.data_protection_officer.appointed,
      name: s(a.data_protection_officer.name),
      email: s(a.data_protection_officer.email),
    },
    eu_representative: c(a.eu_representative),
    uk_representative: c(a.uk_representative),
    china_representative: c(a.china_representative),
    products: textList(a.products),
    users: { regions: [...a.users.regions] },
    data_categories: a.data_categories.map((d) => ({
      id: s(d.id),
      name: tx(d.name),
      examples: tx(d.examples),
      source: tx(d.source),
      retention: tx(d.retention),
      sensitive: d.sensitive,
      sold: d.sold,
      shared: d.shared,
    })),
    purposes: a.purposes.map((p) => ({
      purpose: tx(p.purpose),
      categories: [...p.categories],
      legal_basis: p.legal_basis,
      legitimate_interest: tx(p.legitimate_interest),
      method: tx(p.method),
    })),
    provision_requirement: tx(a.provision_requirement),
    ai: {
      features: tx(a.ai.features),
      prompts_contain_personal_data: a.ai.prompts_contain_personal_data,
      models: a.ai.models.map(s).filter((m) => m !== ''),
      disclosure: tx(a.ai.disclosure),
      provider_trains_on_data: a.ai.provider_trains_on_data,
      provider_retention: tx(a.ai.provider_retention),
      prompt_logging: a.ai.prompt_logging,
      prompt_log_days: whole(a.ai.prompt_log_days),
      pii_screening: a.ai.pii_screening,
    },
    recipients: a.recipients.map((r) => ({
      name: s(r.name),
      role: r.role,
      purpose: tx(r.purpose),
      location: tx(r.location),
      contact: s(r.contact),
      receives_prompts: r.receives_prompts,
    })),
    international_transfers: {
      abroad: a.international_transfers.abroad,
      transfers: a.international_transfers.transfers.map((t) => ({
        recipient: s(t.recipient),
        country: tx(t.country),
        from: [...t.from],
        contact: s(t.contact),
        purpose: tx(t.purpose),
        method: tx(t.method),
        categories: [...t.categories],
        safeguards: [...t.safeguards],
        rights_how: tx(t.rights_how),
      })),
      copy_how: tx(a.international_transfers.copy_how),
    },
    rights: {
      offered: [...a.rights.offered],
      how: tx(a.rights.how),
      contact: s(a.rights.contact),
      response_days: whole(a.rights.response_days),
      authority: tx(a.rights.authority),
    },
    automated_decisions: {
      used: a.automated_decisions.used,
      logic: tx(a.automated_decisions.logic),
      significance: tx(a.automated_decisions.significance),
    },
    children: {
      minimum_age: whole(a.children.minimum_age),
      parental_consent: a.children.parental_consent,
      details: tx(a.children.details),
    },
    cookies: { used: a.cookies.used, analytics: textList(a.cookies.analytics), details: tx(a.cookies.details) },
    security_measures: textList(a.security_measures),
    california: {
      sells_or_shares: a.california.sells_or_shares,
      opt_out_link: s(a.california.opt_out_link),
      sensitive_beyond_service: a.california.sensitive_beyond_service,
      limit_link: s(a.california.limit_link),
    },
    policy_changes: {
      how_notified: tx(a.policy_changes.how_notified),
      effective_date: s(a.policy_changes.effective_date),
      last_updated: s(a.policy_changes.last_updated),
    },
  };
}

function string(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

// --- privacy.Screen and main.App ----------------------------------------------------

export const loadPrivacyQuestions = (): Promise<PrivacyQuestion[]> => call(() => screen.Questions(), privacyQuestions);

export const loadPrivacyRegimes = (): Promise<PrivacyRegime[]> => call(() => screen.Regimes(), privacyRegimes);

export const loadPrivacyAnswers = (): Promise<PrivacyAnswers> => call(() => screen.Answers(), privacyAnswers);

/** Saves the answers (encoded) and resolves to the completeness check; an
 * invalid value rejects with code "invalid" and a message naming the field. */
export const savePrivacyAnswers = (answers: PrivacyAnswers): Promise<PrivacyCheckResult> =>
  call(() => screen.SaveAnswers(models.Answers.createFrom(encodePrivacyAnswers(answers))), privacyCheck);

export const checkPrivacy = (): Promise<PrivacyCheckResult> => call(() => screen.Check(), privacyCheck);

/** The saved answers' draft as a self-contained HTML document. */
export const previewPrivacyDraft = (lang: Lang): Promise<string> => call(() => screen.Preview(lang), string);

export const loadPrivacySuggestions = (): Promise<PrivacySuggestion[]> =>
  call(() => screen.Suggestions(), privacySuggestions);

/** Applies a suggestion to the saved answers, saves them and resolves to them. */
export const acceptPrivacySuggestion = (s: PrivacySuggestion): Promise<PrivacyAnswers> =>
  call(() => screen.Accept(models.Suggestion.createFrom({ field: s.field, value: s.value, source: s.source })), privacyAnswers);

export const savePrivacyDraft = (lang: Lang): Promise<PrivacySavedDraft> =>
  call(() => screen.SaveDraft(lang), privacySavedDraft);

export const loadPrivacyDrafts = (): Promise<PrivacyDraftSummary[]> => call(() => screen.Drafts(), privacyDraftSummaries);

export const loadPrivacyDraft = (id: number): Promise<PrivacySavedDraft> => call(() => screen.Draft(id), privacySavedDraft);

/** A line diff of two saved versions, from a (older) to b (newer). */
export const comparePrivacyDrafts = (a: number, b: number): Promise<PrivacyDiffLine[]> =>
  call(() => screen.Compare(a, b), privacyDiff);

/** Resolves to the path written, or "" when the user cancelled the dialog. */
export const exportPrivacyDraft = (lang: Lang, format: PrivacyDraftFormat): Promise<string> =>
  call(() => app.ExportPrivacyDraft(lang, format), string);

// --- optional polish through the chat API ---------------------------------

/** Exactly what the optional polish sends: the model, instructions and draft. */
export interface PolishPlan {
  model: string;
  system: string;
  user: string;
  lang: string;
}

function polishPlan(v: unknown): PolishPlan {
  const r = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  const s = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');
  return { model: s('model'), system: s('system'), user: s('user'), lang: s('lang') };
}

/** Shows what would be sent for the draft in lang; nothing is sent. */
export const privacyPolishPlan = (lang: Lang): Promise<PolishPlan> =>
  call(() => app.PrivacyPolishPlan(lang), polishPlan);

/** Sends exactly plan and resolves to the polished Markdown. */
export const privacyPolish = (plan: PolishPlan): Promise<string> =>
  call(() => app.PrivacyPolish(plan as models.PolishPlan), string);
