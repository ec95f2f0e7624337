// The typed facade over the privacy bindings (see ./index.ts): the
// questionnaire's answers, the completeness check, drafts, saved versions and
// their comparison, and the draft export. Like the rest of the facade, every
// function rejects with an AppError {code, message}.
//
// Hand-written types mirror the JSON of backend/privacy (answers.go,
// check.go, drafts.go, diff.go, prefill.go; see ./privacy.types.ts); the
// decoders (./privacy.decode.ts) fill Go's nulls and omitted fields once, so
// the screen never sees them.
import * as PrivacyScreenBindings from './wailsjs/go/gui/Privacy';
import * as AppBindings from './wailsjs/go/main/App';
import { privacy as models } from './wailsjs/go/models';
import { call } from './errors';
import type { Lang, Text } from './types';
import {
  privacyAnswers,
  privacyCheck,
  privacyDiff,
  privacyDraftSummaries,
  privacyQuestions,
  privacyRegimes,
  privacySavedDraft,
  privacySuggestions,
} from './privacy.decode';
import type {
  PrivacyAnswers,
  PrivacyCheckResult,
  PrivacyContact,
  PrivacyDiffLine,
  PrivacyDraftFormat,
  PrivacyDraftSummary,
  PrivacyQuestion,
  PrivacyRegime,
  PrivacySavedDraft,
  PrivacySuggestion,
} from './privacy.types';

export * from './privacy.types';
export {
  privacyText,
  privacyRecipient,
  privacyAnswers,
  emptyPrivacyAnswers,
  privacyQuestions,
  privacyRegimes,
  privacyCheck,
  privacySuggestions,
  privacyDraftSummary,
  privacyDraftSummaries,
  privacySavedDraft,
  privacyDiff,
} from './privacy.decode';

// --- bindings ----------------------------------------------------------------

/** gui.Privacy as the facade calls it; assigning the generated module
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
  PolishPlan: (lang: string) => Promise<unknown>;
  Polish: (plan: models.PolishPlan) => Promise<unknown>;
}

/** The main.App dialog the privacy screen uses. */
export interface PrivacyAppBinding {
  ExportPrivacyDraft: (format: string, lang: string) => Promise<unknown>;
}

const screen: PrivacyScreenBinding = PrivacyScreenBindings;
const app: PrivacyAppBinding = AppBindings;

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
      login_credentials: d.login_credentials,
      ccpa_category: d.ccpa_category,
      special_category_condition: d.special_category_condition,
      sensitive_necessity: tx(d.sensitive_necessity),
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
      pii_screening_action: a.ai.pii_screening_action,
    },
    recipients: a.recipients.map((r) => ({
      name: s(r.name),
      role: r.role,
      purpose: tx(r.purpose),
      location: tx(r.location),
      contact: s(r.contact),
      receives_prompts: r.receives_prompts,
      prompts_from: [...r.prompts_from],
      categories: [...r.categories],
      method: tx(r.method),
      separate_consent: r.separate_consent,
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
        adequacy_decision: t.adequacy_decision,
        derogation: tx(t.derogation),
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
      refuse_how: tx(a.automated_decisions.refuse_how),
    },
    children: {
      minimum_age: whole(a.children.minimum_age),
      parental_consent: a.children.parental_consent,
      details: tx(a.children.details),
      special_rules: tx(a.children.special_rules),
    },
    cookies: { used: a.cookies.used, analytics: textList(a.cookies.analytics), details: tx(a.cookies.details) },
    security_measures: textList(a.security_measures),
    california: {
      sells_or_shares: a.california.sells_or_shares,
      opt_out_link: s(a.california.opt_out_link),
      sensitive_beyond_service: a.california.sensitive_beyond_service,
      limit_link: s(a.california.limit_link),
      sale_recipients: tx(a.california.sale_recipients),
      sale_purposes: tx(a.california.sale_purposes),
      verification: tx(a.california.verification),
      authorised_agent: tx(a.california.authorised_agent),
      opt_out_signals: tx(a.california.opt_out_signals),
      online_only: a.california.online_only,
      toll_free_number: s(a.california.toll_free_number),
      collects_login_credentials: a.california.collects_login_credentials,
    },
    china: {
      protection_officer: {
        required: a.china.protection_officer.required,
        name: s(a.china.protection_officer.name),
        email: s(a.china.protection_officer.email),
      },
      third_party_sdks: {
        used: a.china.third_party_sdks.used,
        list: a.china.third_party_sdks.list.map((k) => ({
          name: s(k.name),
          provider: s(k.provider),
          purpose: tx(k.purpose),
          categories: [...k.categories],
        })),
      },
      retention_end: tx(a.china.retention_end),
      account_deletion: tx(a.china.account_deletion),
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
  call(() => app.ExportPrivacyDraft(format, lang), string);

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
  call(() => screen.PolishPlan(lang), polishPlan);

/** Sends exactly plan and resolves to the polished Markdown. */
export const privacyPolish = (plan: PolishPlan): Promise<string> =>
  call(() => screen.Polish(plan as models.PolishPlan), string);
