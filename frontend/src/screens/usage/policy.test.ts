import { describe, expect, it } from 'vitest';
import { defaultUsagePolicyValue } from '../../api/usage';
import { applyBudget, applyPrivacy, budgetDraft, decimal, privacyDraft, sameBudget, samePrivacy, whole } from './policy';
import { parsePrice } from './prices';

const base = defaultUsagePolicyValue();

describe('typed numbers', () => {
  it('reads whole numbers within limits', () => {
    expect(whole('365', 1, 3650)).toBe(365);
    expect(whole(' 7 ', 1, 10)).toBe(7);
    expect(whole('0', 1, 10)).toBeNull();
    expect(whole('1.5', 1, 10)).toBeNull();
    expect(whole('', 1, 10)).toBeNull();
    expect(whole('-3', -5, 10)).toBeNull();
  });

  it('reads decimals, with an optional $ and thousands separators', () => {
    expect(decimal('2.5', 0, 10)).toBe(2.5);
    expect(decimal('$1,500', 0, 1e9)).toBe(1500);
    expect(decimal('.5', 0, 10)).toBe(0.5);
    expect(decimal('abc', 0, 10)).toBeNull();
    expect(decimal('11', 0, 10)).toBeNull();
  });

  it('reads prices from 0 to 10,000', () => {
    expect(parsePrice('2.50')).toBe(2.5);
    expect(parsePrice('$0.075')).toBe(0.075);
    expect(parsePrice('0')).toBe(0);
    expect(parsePrice('')).toBeNull();
    expect(parsePrice('-1')).toBeNull();
    expect(parsePrice('10001')).toBeNull();
    expect(parsePrice('1e3')).toBeNull();
  });
});

describe('the budget form', () => {
  it('round-trips the policy', () => {
    const d = budgetDraft(base);
    expect(d.budget).toBe('');
    const r = applyBudget(base, d);
    expect(r.problem).toBeNull();
    expect(r.policy).toEqual(base);
  });

  it('applies a budget and rules, keeping the privacy settings', () => {
    const r = applyBudget(base, { ...budgetDraft(base), budget: '250', warnPercent: '90', spikeFactor: '4.5', burstCount: '20' });
    expect(r.policy?.monthly_budget_usd).toBe(250);
    expect(r.policy?.alerts).toMatchObject({ budget_warn_percent: 90, spike_factor: 4.5, burst_429_count: 20 });
    expect(r.policy?.body_logging).toEqual(base.body_logging);
    expect(r.policy?.retention_days).toBe(365);
  });

  it('names the first field that is wrong', () => {
    expect(applyBudget(base, { ...budgetDraft(base), budget: 'lots' }).problem?.field).toBe('budget');
    expect(applyBudget(base, { ...budgetDraft(base), warnPercent: '120' }).problem).toMatchObject({
      field: 'warnPercent',
      params: { min: 1, max: 100 },
    });
    expect(applyBudget(base, { ...budgetDraft(base), spikeFactor: '1' }).problem?.field).toBe('spikeFactor');
    expect(applyBudget(base, { ...budgetDraft(base), burstMinutes: '0' }).problem?.field).toBe('burstMinutes');
  });

  it('tells edits from the saved values', () => {
    expect(sameBudget(budgetDraft(base), { ...budgetDraft(base), budget: ' ' })).toBe(true);
    expect(sameBudget(budgetDraft(base), { ...budgetDraft(base), budget: '10' })).toBe(false);
  });
});

describe('the privacy form', () => {
  it('keeps body logging off by default, with 30 redacted days once on', () => {
    const d = privacyDraft(base);
    expect(d).toEqual({ bodies: false, bodyDays: '30', redact: true, rowDays: '365' });
    const on = applyPrivacy(base, { ...d, bodies: true });
    expect(on.policy?.body_logging).toEqual({ enabled: true, retention_days: 30, redact_pii: true });
    expect(on.policy?.monthly_budget_usd).toBe(0);
  });

  it('won’t keep bodies longer than rows', () => {
    expect(applyPrivacy(base, { ...privacyDraft(base), rowDays: '20' }).problem).toMatchObject({
      field: 'bodyDays',
      key: 'usage.form.bodiesLonger',
    });
    expect(applyPrivacy(base, { ...privacyDraft(base), rowDays: '0' }).problem?.field).toBe('rowDays');
  });

  it('tells edits from the saved values', () => {
    expect(samePrivacy(privacyDraft(base), { ...privacyDraft(base), rowDays: '365 ' })).toBe(true);
    expect(samePrivacy(privacyDraft(base), { ...privacyDraft(base), bodies: true })).toBe(false);
  });
});
