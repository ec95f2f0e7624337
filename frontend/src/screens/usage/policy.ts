// The budget and privacy forms: the policy as typed (strings), checked with
// the same limits as backend/usage/policy.go so mistakes show before saving.
import type { UsagePolicy } from '../../api/usage';
import type { MessageKey } from '../../i18n/index.svelte';
import type { Params } from '../../i18n/format';

export interface Problem {
  field: string;
  key: MessageKey;
  params?: Params;
}

export type Applied = { policy: UsagePolicy; problem: null } | { policy: null; problem: Problem };

export interface BudgetDraft {
  budget: string;
  warnPercent: string;
  spikeFactor: string;
  spikeMin: string;
  burstCount: string;
  burstMinutes: string;
}

export interface PrivacyDraft {
  bodies: boolean;
  bodyDays: string;
  redact: boolean;
  rowDays: string;
}

/** A whole number from lo to hi, or null. */
export function whole(text: string, lo: number, hi: number): number | null {
  const s = text.trim();
  if (!/^\d+$/.test(s)) return null;
  const v = Number(s);
  return v >= lo && v <= hi ? v : null;
}

/** A decimal number from lo to hi ("" counts as empty = null), or null. */
export function decimal(text: string, lo: number, hi: number): number | null {
  const s = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) && v >= lo && v <= hi ? v : null;
}

export function budgetDraft(p: UsagePolicy): BudgetDraft {
  return {
    budget: p.monthly_budget_usd > 0 ? String(p.monthly_budget_usd) : '',
    warnPercent: String(p.alerts.budget_warn_percent),
    spikeFactor: String(p.alerts.spike_factor),
    spikeMin: String(p.alerts.spike_min_requests),
    burstCount: String(p.alerts.burst_429_count),
    burstMinutes: String(p.alerts.burst_429_minutes),
  };
}

export function privacyDraft(p: UsagePolicy): PrivacyDraft {
  return {
    bodies: p.body_logging.enabled,
    bodyDays: String(p.body_logging.retention_days),
    redact: p.body_logging.redact_pii,
    rowDays: String(p.retention_days),
  };
}

function range(field: string, lo: number, hi: number): Problem {
  return { field, key: 'usage.form.range', params: { min: lo, max: hi } };
}

/** The policy with the budget form applied, or the first problem. */
export function applyBudget(p: UsagePolicy, d: BudgetDraft): Applied {
  const budget = d.budget.trim() === '' ? 0 : decimal(d.budget, 0, 1e9);
  if (budget === null) return { policy: null, problem: { field: 'budget', key: 'usage.form.budget' } };
  const warn = whole(d.warnPercent, 1, 100);
  if (warn === null) return { policy: null, problem: range('warnPercent', 1, 100) };
  const factor = decimal(d.spikeFactor, 1.5, 100);
  if (factor === null) return { policy: null, problem: range('spikeFactor', 1.5, 100) };
  const min = whole(d.spikeMin, 1, 1_000_000);
  if (min === null) return { policy: null, problem: range('spikeMin', 1, 1_000_000) };
  const count = whole(d.burstCount, 1, 100_000);
  if (count === null) return { policy: null, problem: range('burstCount', 1, 100_000) };
  const minutes = whole(d.burstMinutes, 1, 1440);
  if (minutes === null) return { policy: null, problem: range('burstMinutes', 1, 1440) };
  return {
    problem: null,
    policy: {
      ...p,
      monthly_budget_usd: budget,
      alerts: {
        spike_factor: factor,
        spike_min_requests: min,
        burst_429_count: count,
        burst_429_minutes: minutes,
        budget_warn_percent: warn,
      },
    },
  };
}

/** The policy with the privacy form applied, or the first problem. */
export function applyPrivacy(p: UsagePolicy, d: PrivacyDraft): Applied {
  const rows = whole(d.rowDays, 1, 3650);
  if (rows === null) return { policy: null, problem: range('rowDays', 1, 3650) };
  const bodies = whole(d.bodyDays, 1, 365);
  if (bodies === null) return { policy: null, problem: range('bodyDays', 1, 365) };
  if (bodies > rows) return { policy: null, problem: { field: 'bodyDays', key: 'usage.form.bodiesLonger' } };
  return {
    problem: null,
    policy: {
      ...p,
      retention_days: rows,
      body_logging: { enabled: d.bodies, retention_days: bodies, redact_pii: d.redact },
    },
  };
}

export function sameBudget(a: BudgetDraft, b: BudgetDraft): boolean {
  return (Object.keys(a) as (keyof BudgetDraft)[]).every((k) => a[k].trim() === b[k].trim());
}

export function samePrivacy(a: PrivacyDraft, b: PrivacyDraft): boolean {
  return a.bodies === b.bodies && a.redact === b.redact && a.bodyDays.trim() === b.bodyDays.trim() && a.rowDays.trim() === b.rowDays.trim();
}
