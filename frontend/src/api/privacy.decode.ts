// The privacy facade's decoders (see ./privacy.ts): they fill Go's nulls and
// omitted fields once, so the screen never sees them. ./privacy re-exports
// the exported ones.
import type { Lang, Text } from './types';
import {
  PRIVACY_ART9_CONDITIONS,
  PRIVACY_CCPA_CATEGORIES,
  PRIVACY_LEGAL_BASES,
  PRIVACY_RECIPIENT_ROLES,
  PRIVACY_REGIONS,
  PRIVACY_RIGHTS,
  PRIVACY_SAFEGUARDS,
  PRIVACY_SCREENING_ACTIONS,
  type PrivacyAnswers,
  type PrivacyCheckResult,
  type PrivacyContact,
  type PrivacyDataCategory,
  type PrivacyDiffLine,
  type PrivacyDraftSummary,
  type PrivacyElementCheck,
  type PrivacyPurpose,
  type PrivacyQuestion,
  type PrivacyRecipient,
  type PrivacyRegime,
  type PrivacySavedDraft,
  type PrivacySuggestion,
  type PrivacyTransfer,
} from './privacy.types';
import { obj, str, int, bool as flag, maybe, list, strs } from './wire';

// --- decoding ---------------------------------------------------------------------

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
    login_credentials: flag(o['login_credentials']),
    ccpa_category: enumOrEmpty(o['ccpa_category'], PRIVACY_CCPA_CATEGORIES),
    special_category_condition: enumOrEmpty(o['special_category_condition'], PRIVACY_ART9_CONDITIONS),
    sensitive_necessity: privacyText(o['sensitive_necessity']),
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
    prompts_from: enums(o['prompts_from'], PRIVACY_REGIONS),
    categories: strs(o['categories']),
    method: privacyText(o['method']),
    separate_consent: maybe(o['separate_consent']),
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
    adequacy_decision: maybe(o['adequacy_decision']),
    derogation: privacyText(o['derogation']),
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
  const cn = obj(o['china']);
  const officer = obj(cn['protection_officer']);
  const sdks = obj(cn['third_party_sdks']);
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
      pii_screening_action: enumOrEmpty(ai['pii_screening_action'], PRIVACY_SCREENING_ACTIONS),
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
      refuse_how: privacyText(auto['refuse_how']),
    },
    children: {
      minimum_age: int(kids['minimum_age']),
      parental_consent: maybe(kids['parental_consent']),
      details: privacyText(kids['details']),
      special_rules: privacyText(kids['special_rules']),
    },
    cookies: { used: maybe(cookies['used']), analytics: texts(cookies['analytics']), details: privacyText(cookies['details']) },
    security_measures: texts(o['security_measures']),
    california: {
      sells_or_shares: maybe(ca['sells_or_shares']),
      opt_out_link: str(ca['opt_out_link']),
      sensitive_beyond_service: maybe(ca['sensitive_beyond_service']),
      limit_link: str(ca['limit_link']),
      sale_recipients: privacyText(ca['sale_recipients']),
      sale_purposes: privacyText(ca['sale_purposes']),
      verification: privacyText(ca['verification']),
      authorised_agent: privacyText(ca['authorised_agent']),
      opt_out_signals: privacyText(ca['opt_out_signals']),
      online_only: maybe(ca['online_only']),
      toll_free_number: str(ca['toll_free_number']),
      collects_login_credentials: maybe(ca['collects_login_credentials']),
    },
    china: {
      protection_officer: { required: maybe(officer['required']), name: str(officer['name']), email: str(officer['email']) },
      third_party_sdks: {
        used: maybe(sdks['used']),
        list: list(sdks['list'], (k) => {
          const x = obj(k);
          return { name: str(x['name']), provider: str(x['provider']), purpose: privacyText(x['purpose']), categories: strs(x['categories']) };
        }),
      },
      retention_end: privacyText(cn['retention_end']),
      account_deletion: privacyText(cn['account_deletion']),
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
