// Prefill suggestions: which are already reflected in the answers, which the
// user dismissed, and where each one lands. Pure apart from the small
// localStorage helpers, and unit tested.
import { privacyRecipient, privacyText, type PrivacyAnswers, type PrivacySuggestion } from '../../api';
import type { MessageKey } from '../../i18n/index.svelte';
import { getPath, setPath } from './fields';
import type { Target } from './sections';

/** A stable identity for a suggestion: its field and its value. */
export function suggestionKey(s: Pick<PrivacySuggestion, 'field' | 'value'>): string {
  return `${s.field}=${JSON.stringify(s.value ?? null)}`;
}

function sameText(a: unknown, b: unknown): boolean {
  const x = privacyText(a);
  const y = privacyText(b);
  return x.en.trim() === y.en.trim() && x['zh-CN'].trim() === y['zh-CN'].trim();
}

/** True when accepting the suggestion would change nothing. */
export function isApplied(answers: PrivacyAnswers, s: PrivacySuggestion): boolean {
  const current = getPath(answers, s.field);
  switch (s.field) {
    case 'users.regions':
    case 'ai.models': {
      const want = Array.isArray(s.value) ? s.value : [s.value];
      return Array.isArray(current) && want.every((v) => current.includes(v));
    }
    case 'recipients': {
      const name = privacyRecipient(s.value).name.trim().toLowerCase();
      return answers.recipients.some((r) => r.name.trim().toLowerCase() === name);
    }
    case 'ai.disclosure':
    case 'ai.provider_retention':
      return sameText(current, s.value);
  }
  return current === s.value;
}

/** True when the suggestion would replace something the user wrote differently. */
export function replacesAnswer(answers: PrivacyAnswers, s: PrivacySuggestion): boolean {
  if (s.field === 'users.regions' || s.field === 'ai.models' || s.field === 'recipients') return false;
  const current = getPath(answers, s.field);
  if (current === null || current === undefined || current === 0 || current === '') return false;
  if (typeof current === 'object' && !Array.isArray(current)) {
    const t = privacyText(current);
    if (t.en.trim() === '' && t['zh-CN'].trim() === '') return false;
  }
  return !isApplied(answers, s);
}

/** The suggestions still worth showing: not applied and not dismissed. */
export function pendingSuggestions(
  all: readonly PrivacySuggestion[],
  answers: PrivacyAnswers,
  dismissed: ReadonlySet<string>,
): PrivacySuggestion[] {
  return all.filter((s) => !dismissed.has(suggestionKey(s)) && !isApplied(answers, s));
}

/**
 * Takes an accepted suggestion's field from the answers Go saved into the
 * answers on screen, in place, leaving every other field as the user has it.
 * Lists gain what they lack; other fields take Go's value.
 */
export function applyAccepted(local: PrivacyAnswers, saved: PrivacyAnswers, field: string): void {
  const theirs = getPath(saved, field);
  if (field === 'recipients') {
    const names = new Set(local.recipients.map((r) => r.name.trim().toLowerCase()));
    for (const r of saved.recipients) if (!names.has(r.name.trim().toLowerCase())) local.recipients.push(structuredClone(r));
    return;
  }
  const mine = getPath(local, field);
  if (Array.isArray(mine) && Array.isArray(theirs)) {
    for (const v of theirs) if (!mine.includes(v)) mine.push(v);
    return;
  }
  if (theirs !== undefined) setPath(local, field, structuredClone(theirs));
}

/** Where the accepted value shows in the questionnaire. */
export function suggestionTarget(field: string): Target {
  if (field === 'users.regions') return { section: 'regions', question: 'users.regions' };
  if (field === 'recipients') return { section: 'ai', question: 'recipients' };
  if (field.startsWith('ai.')) return { section: 'ai', question: 'ai' };
  if (field.startsWith('children.')) return { section: 'other', question: 'children' };
  return { section: 'other', question: 'automated_decisions' };
}

/** What a suggestion is about, as the panel names it. */
export const SUGGESTION_FIELD: Record<string, MessageKey> = {
  'users.regions': 'privacy.sfield.regions',
  'ai.models': 'privacy.sfield.models',
  recipients: 'privacy.sfield.recipients',
  'ai.disclosure': 'privacy.sfield.disclosure',
  'ai.provider_retention': 'privacy.sfield.providerRetention',
  'ai.prompt_log_days': 'privacy.sfield.promptLogDays',
  'ai.prompts_contain_personal_data': 'privacy.sfield.promptsPersonal',
  'ai.prompt_logging': 'privacy.sfield.promptLogging',
  'ai.provider_trains_on_data': 'privacy.sfield.training',
  'ai.pii_screening': 'privacy.sfield.piiScreening',
  'children.parental_consent': 'privacy.sfield.parentalConsent',
};

// --- dismissed suggestions, remembered on this machine -----------------------------

const DISMISSED = 'steward.privacy.dismissed';

export function loadDismissed(storage: Pick<Storage, 'getItem'> | null = safeStorage()): Set<string> {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(DISMISSED) ?? '[]');
    return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveDismissed(keys: ReadonlySet<string>, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(DISMISSED, JSON.stringify([...keys]));
  } catch {
    // storage unavailable: dismissals last until the app restarts
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
