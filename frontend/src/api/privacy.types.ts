// The privacy facade's types and constants (see ./privacy.ts): the
// enumerations of backend/privacy/enums.go and hand-written types that mirror
// the JSON of answers.go, check.go, drafts.go and diff.go. ./privacy
// re-exports all of them.
import type { Lang, Text } from './types';
import type { privacy } from './wailsjs/go/models';

// --- enumerations (backend/privacy/enums.go) --------------------------------

export const PRIVACY_REGIONS = ['eu', 'uk', 'california', 'china', 'elsewhere'] as const satisfies readonly PrivacyRegion[];
export type PrivacyRegion = `${privacy.Region}`;

export const PRIVACY_LEGAL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const satisfies readonly PrivacyLegalBasis[];
export type PrivacyLegalBasis = `${privacy.LegalBasis}`;

export const PRIVACY_RIGHTS = [
  'access',
  'correction',
  'deletion',
  'restriction',
  'portability',
  'objection',
  'withdraw_consent',
  'complaint',
] as const satisfies readonly PrivacyRight[];
export type PrivacyRight = `${privacy.Right}`;

export const PRIVACY_SAFEGUARDS = [
  'adequacy',
  'scc',
  'dpf',
  'bcr',
  'uk_idta',
  'uk_addendum',
  'uk_extension',
  'derogation',
  'pipl_standard_contract',
  'pipl_security_assessment',
  'pipl_certification',
] as const satisfies readonly PrivacySafeguard[];
export type PrivacySafeguard = `${privacy.Safeguard}`;

/** GDPR Art. 9(2) conditions, points (a) to (j). */
export const PRIVACY_ART9_CONDITIONS = [
  'explicit_consent',
  'employment_social_security',
  'vital_interests',
  'not_for_profit_body',
  'made_public_by_data_subject',
  'legal_claims',
  'substantial_public_interest',
  'health_or_social_care',
  'public_health',
  'archiving_research_statistics',
] as const satisfies readonly PrivacyArt9Condition[];
export type PrivacyArt9Condition = `${privacy.Art9Condition}`;

/** The CCPA's statutory categories (Cal. Civ. Code §1798.140(v)(1)). */
export const PRIVACY_CCPA_CATEGORIES = [
  'identifiers',
  'customer_records',
  'protected_classifications',
  'commercial_information',
  'biometric_information',
  'internet_activity',
  'geolocation',
  'sensory_data',
  'professional_information',
  'education_information',
  'inferences',
  'sensitive_personal_information',
] as const satisfies readonly PrivacyCCPACategory[];
export type PrivacyCCPACategory = `${privacy.CCPACategory}`;

/** What prompt screening does when it finds personal data. */
export const PRIVACY_SCREENING_ACTIONS = ['block', 'redact', 'warn'] as const satisfies readonly PrivacyScreeningAction[];
export type PrivacyScreeningAction = `${privacy.ScreeningAction}`;

export const PRIVACY_RECIPIENT_ROLES = ['processor', 'controller'] as const satisfies readonly PrivacyRecipientRole[];
export type PrivacyRecipientRole = `${privacy.RecipientRole}`;

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
  /** An account log-in with a password: sensitive under the CCPA. */
  login_credentials: boolean;
  ccpa_category: PrivacyCCPACategory | '';
  special_category_condition: PrivacyArt9Condition | '';
  /** PIPL Art. 30: why it is needed and its effect on the person. */
  sensitive_necessity: Text;
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
  pii_screening_action: PrivacyScreeningAction | '';
}

export interface PrivacyRecipient {
  name: string;
  /** "" until chosen. */
  role: PrivacyRecipientRole | '';
  purpose: Text;
  location: Text;
  contact: string;
  receives_prompts: boolean;
  /** Whose prompts it receives; empty means every region. */
  prompts_from: PrivacyRegion[];
  categories: string[];
  method: Text;
  separate_consent: Maybe;
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
  adequacy_decision: Maybe;
  derogation: Text;
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
  refuse_how: Text;
}

export interface PrivacyChildren {
  minimum_age: number;
  parental_consent: Maybe;
  details: Text;
  special_rules: Text;
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
  sale_recipients: Text;
  sale_purposes: Text;
  verification: Text;
  authorised_agent: Text;
  opt_out_signals: Text;
  online_only: Maybe;
  toll_free_number: string;
  collects_login_credentials: Maybe;
}

export interface PrivacySDK {
  name: string;
  provider: string;
  purpose: Text;
  categories: string[];
}

/** PIPL answers beyond the general ones (backend/privacy answers.go China). */
export interface PrivacyChina {
  protection_officer: { required: Maybe; name: string; email: string };
  third_party_sdks: { used: Maybe; list: PrivacySDK[] };
  retention_end: Text;
  account_deletion: Text;
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
  china: PrivacyChina;
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
