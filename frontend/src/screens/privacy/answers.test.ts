import { describe, expect, it } from 'vitest';
import { emptyPrivacyAnswers } from '../../api';
import { isBlank, newCategory, removeCategory, renameCategory, toCategoryKey, toggle, today, uniqueCategoryKey } from './answers';

describe('answers helpers', () => {
  it('tell a fresh install from a started questionnaire', () => {
    const a = emptyPrivacyAnswers();
    expect(isBlank(a)).toBe(true);
    a.organisation.name = '  ';
    expect(isBlank(a)).toBe(true);
    a.ai.prompt_logging = false;
    expect(isBlank(a)).toBe(false);
    const b = emptyPrivacyAnswers();
    b.products.push({ en: '', 'zh-CN': '' });
    expect(isBlank(b)).toBe(false);
  });

  it('turn typing into a valid category key', () => {
    expect(toCategoryKey('Account Details')).toBe('account-details');
    expect(toCategoryKey('  _Notes & Files!')).toBe('notes--files');
    expect(toCategoryKey('账户')).toBe('');
    expect(toCategoryKey('x'.repeat(60))).toHaveLength(40);
  });

  it('find a key no other category uses', () => {
    expect(uniqueCategoryKey([], 'Account')).toBe('account');
    expect(uniqueCategoryKey([{ id: 'account' }], 'Account')).toBe('account-1');
    expect(uniqueCategoryKey([{ id: 'data-1' }])).toBe('data-2');
    expect(newCategory([{ id: 'data-1' }, { id: 'data-2' }]).id).toBe('data-3');
  });

  it('rename and remove categories with their references', () => {
    const a = emptyPrivacyAnswers();
    a.data_categories = [newCategory([]), newCategory([{ id: 'data-1' }])];
    a.purposes = [{ purpose: { en: 'p', 'zh-CN': '' }, categories: ['data-1', 'data-2'], legal_basis: '', legitimate_interest: { en: '', 'zh-CN': '' }, method: { en: '', 'zh-CN': '' } }];
    a.international_transfers.transfers = [{ recipient: 'x', country: { en: '', 'zh-CN': '' }, from: [], contact: '', purpose: { en: '', 'zh-CN': '' }, method: { en: '', 'zh-CN': '' }, categories: ['data-1'], safeguards: [], rights_how: { en: '', 'zh-CN': '' }, adequacy_decision: null, derogation: { en: '', 'zh-CN': '' } }];
    renameCategory(a, 'data-1', 'account');
    a.data_categories[0]!.id = 'account';
    expect(a.purposes[0]!.categories).toEqual(['account', 'data-2']);
    expect(a.international_transfers.transfers[0]!.categories).toEqual(['account']);
    removeCategory(a, 0);
    expect(a.data_categories.map((c) => c.id)).toEqual(['data-2']);
    expect(a.purposes[0]!.categories).toEqual(['data-2']);
    expect(a.international_transfers.transfers[0]!.categories).toEqual([]);
  });

  it('toggle list values in a fixed order', () => {
    const order = ['eu', 'uk', 'china'];
    const l = ['china'];
    toggle(l, 'eu', true, order);
    expect(l).toEqual(['eu', 'china']);
    toggle(l, 'eu', true, order);
    expect(l).toEqual(['eu', 'china']);
    toggle(l, 'china', false, order);
    expect(l).toEqual(['eu']);
  });

  it('write today as a local calendar date', () => {
    expect(today(new Date(2026, 2, 1, 23, 30))).toBe('2026-03-01');
  });
});
