import { describe, expect, it } from 'vitest';
import type { PrivacyCheckResult } from '../../api';
import {
  SECTIONS,
  SECTION_QUESTIONS,
  anchorId,
  isSection,
  missingIn,
  nextSection,
  previousSection,
  regimeTally,
  sectionOf,
  sectionTallies,
  targetOf,
} from './sections';

const el = (id: string, question: string, present = false) => ({ id, question, present, title: { en: id, 'zh-CN': id } });

// The Go side's privacy.Questions() keys, in its order.
const GO_QUESTIONS = [
  'organisation',
  'data_protection_officer',
  'representatives',
  'products',
  'users.regions',
  'data_categories',
  'purposes',
  'provision_requirement',
  'ai',
  'recipients',
  'international_transfers',
  'rights',
  'automated_decisions',
  'children',
  'cookies',
  'security_measures',
  'california',
  'policy_changes',
];

describe('sections', () => {
  it('ask every question the Go side has, each exactly once', () => {
    const asked = SECTIONS.flatMap((s) => SECTION_QUESTIONS[s]).filter((q) => q !== 'retention');
    expect([...asked].sort()).toEqual([...GO_QUESTIONS].sort());
  });

  it('map questions to their sections', () => {
    expect(sectionOf('organisation')).toBe('organisation');
    expect(sectionOf('representatives')).toBe('regions');
    expect(sectionOf('users.regions')).toBe('regions');
    expect(sectionOf('recipients')).toBe('ai');
    expect(sectionOf('california')).toBe('rights');
    expect(sectionOf('international_transfers')).toBe('transfers');
    expect(sectionOf('policy_changes')).toBe('changes');
    expect(sectionOf('something_new')).toBe('other');
  });

  it('map sub-fields to the section of their question', () => {
    expect(sectionOf('users')).toBe('other');
    expect(sectionOf('organisation.email')).toBe('organisation');
    expect(sectionOf('ai.models')).toBe('ai');
  });

  it('send retention elements to the Retention section, the others by question', () => {
    expect(targetOf(el('general-retention', 'data_categories'))).toEqual({ section: 'retention', question: 'retention' });
    expect(targetOf(el('gdpr-13-2-a', 'data_categories'))).toEqual({ section: 'retention', question: 'retention' });
    expect(targetOf(el('pipl-17-1-2-retention', 'data_categories'))).toEqual({ section: 'retention', question: 'retention' });
    expect(targetOf(el('ccpa-retention', 'data_categories'))).toEqual({ section: 'retention', question: 'retention' });
    expect(targetOf(el('general-sources', 'data_categories'))).toEqual({ section: 'data', question: 'data_categories' });
    expect(targetOf(el('pipl-53', 'representatives'))).toEqual({ section: 'regions', question: 'representatives' });
    expect(targetOf(el('gdpr-13-1-b', 'data_protection_officer'))).toEqual({
      section: 'organisation',
      question: 'data_protection_officer',
    });
  });

  it('send an element with an unknown question to the first question of its section', () => {
    expect(targetOf(el('x', 'unheard_of'))).toEqual({ section: 'other', question: 'automated_decisions' });
  });

  it('count present and missing elements per section and regime', () => {
    const check: PrivacyCheckResult = {
      missing: 3,
      regimes: [
        { name: 'general', elements: [el('general-organisation', 'organisation', true), el('general-retention', 'data_categories')] },
        { name: 'pipl', elements: [el('pipl-17-1-1', 'organisation'), el('pipl-17-1-2-retention', 'data_categories')] },
      ],
    };
    const t = sectionTallies(check);
    expect(t.organisation).toEqual({ present: 1, total: 2 });
    expect(t.retention).toEqual({ present: 0, total: 2 });
    expect(t.data).toEqual({ present: 0, total: 0 });
    expect(regimeTally(check.regimes[0]!.elements)).toEqual({ present: 1, total: 2 });
    expect(missingIn(check, 'organisation').map((m) => `${m.regime}:${m.element.id}`)).toEqual(['pipl:pipl-17-1-1']);
    expect(missingIn(null, 'organisation')).toEqual([]);
    expect(sectionTallies(null).ai).toEqual({ present: 0, total: 0 });
  });

  it('step through the sections in order', () => {
    expect(nextSection('organisation')).toBe('regions');
    expect(nextSection('changes')).toBeNull();
    expect(previousSection('regions')).toBe('organisation');
    expect(previousSection('organisation')).toBeNull();
    expect(isSection('data')).toBe(true);
    expect(isSection('nope')).toBe(false);
  });

  it('give each question a safe DOM id', () => {
    expect(anchorId('users.regions')).toBe('privacy-q-users-regions');
    expect(anchorId('data_categories')).toBe('privacy-q-data-categories');
  });
});
