// The questionnaire's sections, the questions each one asks, and how the
// completeness check's elements map onto them. Pure, so it is unit tested.
import type { PrivacyCheckResult, PrivacyElementCheck, PrivacyRegion } from '../../api';
import type { MessageKey } from '../../i18n/index.svelte';

export const SECTIONS = [
  'organisation',
  'regions',
  'data',
  'ai',
  'transfers',
  'retention',
  'rights',
  'other',
  'changes',
] as const;
export type SectionId = (typeof SECTIONS)[number];

/**
 * Where each question of privacy.Screen.Questions() is asked, in the order
 * the section shows them. "retention" is this screen's own anchor: the Go
 * side asks about retention under data_categories, the screen gives it a
 * section of its own.
 */
export const SECTION_QUESTIONS: Record<SectionId, readonly string[]> = {
  organisation: ['organisation', 'data_protection_officer', 'products'],
  regions: ['users.regions', 'representatives'],
  data: ['data_categories', 'purposes', 'provision_requirement'],
  ai: ['ai', 'recipients'],
  transfers: ['international_transfers'],
  retention: ['retention'],
  rights: ['rights', 'california'],
  other: ['automated_decisions', 'children', 'cookies', 'security_measures'],
  changes: ['policy_changes'],
};

export const SECTION_LABEL: Record<SectionId, MessageKey> = {
  organisation: 'privacy.section.organisation',
  regions: 'privacy.section.regions',
  data: 'privacy.section.data',
  ai: 'privacy.section.ai',
  transfers: 'privacy.section.transfers',
  retention: 'privacy.section.retention',
  rights: 'privacy.section.rights',
  other: 'privacy.section.other',
  changes: 'privacy.section.changes',
};

export const SECTION_LEAD: Record<SectionId, MessageKey> = {
  organisation: 'privacy.section.organisation.lead',
  regions: 'privacy.section.regions.lead',
  data: 'privacy.section.data.lead',
  ai: 'privacy.section.ai.lead',
  transfers: 'privacy.section.transfers.lead',
  retention: 'privacy.section.retention.lead',
  rights: 'privacy.section.rights.lead',
  other: 'privacy.section.other.lead',
  changes: 'privacy.section.changes.lead',
};

/** The regimes each region brings in (regions without one add nothing). */
export const REGION_REGIMES: Record<PrivacyRegion, readonly string[]> = {
  eu: ['gdpr'],
  uk: ['gdpr'],
  california: ['ccpa'],
  china: ['pipl'],
  elsewhere: [],
};

/** Elements the check files under data_categories that are about retention. */
const RETENTION_ELEMENTS = new Set(['general-retention', 'gdpr-13-2-a', 'ccpa-retention', 'pipl-17-1-2-retention']);

/** Where an element is answered: the question block to jump to. */
export interface Target {
  section: SectionId;
  question: string;
}

const QUESTION_SECTION: Map<string, SectionId> = new Map(
  SECTIONS.flatMap((s) => SECTION_QUESTIONS[s].map((q) => [q, s] as const)),
);

/** The section that asks a question; questions this screen doesn't know go to "other". */
export function sectionOf(question: string): SectionId {
  return QUESTION_SECTION.get(question) ?? QUESTION_SECTION.get(question.split('.')[0] ?? '') ?? 'other';
}

/** The question block that fills an element of the completeness check. */
export function targetOf(el: Pick<PrivacyElementCheck, 'id' | 'question'>): Target {
  if (RETENTION_ELEMENTS.has(el.id) || (el.question === 'data_categories' && el.id.includes('retention'))) {
    return { section: 'retention', question: 'retention' };
  }
  const section = sectionOf(el.question);
  const known = SECTION_QUESTIONS[section].includes(el.question);
  return { section, question: known ? el.question : (SECTION_QUESTIONS[section][0] ?? el.question) };
}

/** The DOM id of a question block. */
export function anchorId(question: string): string {
  return `privacy-q-${question.replace(/[^a-z0-9]+/gi, '-')}`;
}

export interface Tally {
  present: number;
  total: number;
}

export function missingOf(t: Tally): number {
  return t.total - t.present;
}

/** Per section: how many of the elements it fills are present, over every regime. */
export function sectionTallies(check: PrivacyCheckResult | null): Record<SectionId, Tally> {
  const out = Object.fromEntries(SECTIONS.map((s) => [s, { present: 0, total: 0 }])) as Record<SectionId, Tally>;
  for (const r of check?.regimes ?? []) {
    for (const el of r.elements) {
      const tally = out[targetOf(el).section];
      tally.total++;
      if (el.present) tally.present++;
    }
  }
  return out;
}

/** Per regime: present and total elements. */
export function regimeTally(elements: readonly PrivacyElementCheck[]): Tally {
  return { present: elements.filter((e) => e.present).length, total: elements.length };
}

export interface MissingElement {
  regime: string;
  element: PrivacyElementCheck;
}

/** The missing elements a section fills, each with its regime, in check order. */
export function missingIn(check: PrivacyCheckResult | null, section: SectionId): MissingElement[] {
  const out: MissingElement[] = [];
  for (const r of check?.regimes ?? []) {
    for (const el of r.elements) {
      if (!el.present && targetOf(el).section === section) out.push({ regime: r.name, element: el });
    }
  }
  return out;
}

export function nextSection(s: SectionId): SectionId | null {
  return SECTIONS[SECTIONS.indexOf(s) + 1] ?? null;
}

export function previousSection(s: SectionId): SectionId | null {
  const i = SECTIONS.indexOf(s);
  return i > 0 ? (SECTIONS[i - 1] ?? null) : null;
}

export function isSection(v: string): v is SectionId {
  return (SECTIONS as readonly string[]).includes(v);
}
