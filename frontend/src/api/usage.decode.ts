// The usage facade's decoders (see ./usage.ts): they fill Go's nulls and
// omitted fields once. ./usage re-exports defaultUsagePolicyValue and
// usageDecoders.
import type { Text } from './types';
import type {
  UsageAlert,
  UsageBody,
  UsageKeyChoice,
  UsageKeyMapping,
  UsagePoint,
  UsagePolicy,
  UsagePrice,
  UsagePriceList,
  UsageReconcileRow,
  UsageReconciliation,
  UsageReport,
  UsageReportRow,
  UsageSeries,
  UsageStats,
  UsageTotals,
} from './usage.types';
import { obj, str, num, list } from './wire';
export { obj, str, list, nothing } from './wire';

// --- decoders ----------------------------------------------------------------

function text(v: unknown): Text {
  // Alerts may come localized ({en, zh-CN}) or, from an older Go side, as one string.
  if (typeof v === 'string') return { en: v, 'zh-CN': v };
  const o = obj(v);
  return { en: str(o['en']), 'zh-CN': str(o['zh-CN']) };
}

function totals(v: unknown): UsageTotals {
  const o = obj(v);
  return {
    requests: num(o['requests']),
    input_tokens: num(o['input_tokens']),
    cached_tokens: num(o['cached_tokens']),
    output_tokens: num(o['output_tokens']),
    reasoning_tokens: num(o['reasoning_tokens']),
    errors: num(o['errors']),
    rate_limited: num(o['rate_limited']),
    requests_without_usage: num(o['requests_without_usage']),
    cost_usd: num(o['cost_usd']),
  };
}

function reportRow(v: unknown): UsageReportRow {
  const o = obj(v);
  return { group: str(o['group']), label: str(o['label']), ...totals(o) };
}

export function report(v: unknown): UsageReport {
  const o = obj(v);
  return { rows: list(o['rows'], reportRow), totals: totals(o['totals']) };
}

function point(v: unknown): UsagePoint {
  const o = obj(v);
  const input = num(o['input_tokens']);
  const output = num(o['output_tokens']);
  return {
    start: str(o['start']),
    requests: num(o['requests']),
    input_tokens: input,
    output_tokens: output,
    tokens: typeof o['tokens'] === 'number' ? num(o['tokens']) : input + output,
    cost_usd: num(o['cost_usd']),
    errors: num(o['errors']),
    rate_limited: num(o['rate_limited']),
  };
}

export function series(v: unknown): UsageSeries {
  const o = obj(v);
  return { bucket: str(o['bucket']) === 'hour' ? 'hour' : 'day', points: list(o['points'], point) };
}

function alert(v: unknown): UsageAlert {
  const o = obj(v);
  return {
    kind: str(o['kind']),
    // Anything but "warning" is shown as the more severe, so a new severity is never played down.
    severity: str(o['severity']) === 'warning' ? 'warning' : 'critical',
    title: text(o['title']),
    detail: text(o['detail']),
    since: str(o['since']),
    value: num(o['value']),
    threshold: num(o['threshold']),
  };
}

export function alerts(v: unknown): UsageAlert[] {
  const out = list(v, alert);
  // Critical first, as Go orders them; kept stable otherwise.
  return out.map((a, i) => [a, i] as const)
    .sort(([a, i], [b, j]) => (a.severity === b.severity ? i - j : a.severity === 'critical' ? -1 : 1))
    .map(([a]) => a);
}

function price(v: unknown): UsagePrice {
  const o = obj(v);
  return {
    model: str(o['model']),
    input_per_million: num(o['input_per_million']),
    cached_input_per_million: num(o['cached_input_per_million']),
    output_per_million: num(o['output_per_million']),
    custom: o['custom'] === true,
    as_of: str(o['as_of']),
  };
}

export function priceList(v: unknown): UsagePriceList {
  const o = obj(v);
  return {
    defaults_as_of: str(o['defaults_as_of']),
    source: str(o['source']),
    prices: list(o['prices'], price).filter((p) => p.model !== ''),
  };
}

/** What a new install uses (backend/usage/policy.go DefaultPolicy); fills fields an older Go side omits. */
export function defaultUsagePolicyValue(): UsagePolicy {
  return {
    retention_days: 365,
    body_logging: { enabled: false, retention_days: 30, redact_pii: true },
    monthly_budget_usd: 0,
    alerts: {
      spike_factor: 3,
      spike_min_requests: 50,
      burst_429_count: 10,
      burst_429_minutes: 5,
      budget_warn_percent: 80,
    },
  };
}

function numOr(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function policy(v: unknown): UsagePolicy {
  const d = defaultUsagePolicyValue();
  const o = obj(v);
  const b = obj(o['body_logging']);
  const a = obj(o['alerts']);
  return {
    retention_days: numOr(o['retention_days'], d.retention_days),
    body_logging: {
      enabled: b['enabled'] === true,
      retention_days: numOr(b['retention_days'], d.body_logging.retention_days),
      redact_pii: typeof b['redact_pii'] === 'boolean' ? b['redact_pii'] : d.body_logging.redact_pii,
    },
    monthly_budget_usd: numOr(o['monthly_budget_usd'], 0),
    alerts: {
      spike_factor: numOr(a['spike_factor'], d.alerts.spike_factor),
      spike_min_requests: numOr(a['spike_min_requests'], d.alerts.spike_min_requests),
      burst_429_count: numOr(a['burst_429_count'], d.alerts.burst_429_count),
      burst_429_minutes: numOr(a['burst_429_minutes'], d.alerts.burst_429_minutes),
      budget_warn_percent: numOr(a['budget_warn_percent'], d.alerts.budget_warn_percent),
    },
  };
}

export function stats(v: unknown): UsageStats {
  const o = obj(v);
  return {
    queued: num(o['queued']),
    written: num(o['written']),
    dropped: num(o['dropped']),
    failures: num(o['failures']),
    last_error: str(o['last_error']),
    last_error_zh: str(o['last_error_zh']),
    disk_full: o['disk_full'] === true,
    capacity: num(o['capacity']),
  };
}

export function body(v: unknown): UsageBody {
  const o = obj(v);
  return {
    event_id: num(o['event_id']),
    time: str(o['time']),
    member: str(o['member']),
    endpoint: str(o['endpoint']),
    model: str(o['model']),
    request: str(o['request']),
    response: str(o['response']),
    redacted: o['redacted'] === true,
  };
}

export function keyMapping(v: unknown): UsageKeyMapping {
  const o = obj(v);
  return {
    api_key_id: str(o['api_key_id']),
    label: str(o['label']),
    key_fingerprint: str(o['key_fingerprint']),
    updated_at: str(o['updated_at']),
  };
}

function reconcileRow(v: unknown): UsageReconcileRow {
  const o = obj(v);
  return {
    day: str(o['day']),
    api_key_id: str(o['api_key_id']),
    mapped: o['mapped'] === true,
    key_label: str(o['key_label']),
    key_fingerprint: str(o['key_fingerprint']),
    model: str(o['model']),
    api_requests: num(o['api_requests']),
    api_input_tokens: num(o['api_input_tokens']),
    api_output_tokens: num(o['api_output_tokens']),
    local_requests: num(o['local_requests']),
    local_input_tokens: num(o['local_input_tokens']),
    local_output_tokens: num(o['local_output_tokens']),
    unseen_requests: num(o['unseen_requests']),
    unseen_input_tokens: num(o['unseen_input_tokens']),
    unseen_output_tokens: num(o['unseen_output_tokens']),
  };
}

export function reconciliation(v: unknown): UsageReconciliation {
  const o = obj(v);
  return {
    since: str(o['since']),
    until: str(o['until']),
    rows: list(o['rows'], reconcileRow),
    unmapped: list(o['unmapped'], str).filter((id) => id !== ''),
    unseen_requests: num(o['unseen_requests']),
    unseen_input_tokens: num(o['unseen_input_tokens']),
    unseen_output_tokens: num(o['unseen_output_tokens']),
  };
}

function keyChoice(v: unknown): UsageKeyChoice {
  const o = obj(v);
  return {
    label: str(o['label']),
    member: str(o['member']),
    kind: str(o['kind']),
    fingerprint: str(o['fingerprint']),
    redacted: str(o['redacted']),
    status: str(o['status']),
  };
}

/** Keys in use (active or due for rotation), admin keys first, then by label. */
export function keyChoices(v: unknown): UsageKeyChoice[] {
  return list(v, keyChoice)
    .filter((k) => k.label !== '' && (k.status === 'active' || k.status === 'rotation_due'))
    .sort((a, b) => Number(b.kind === 'admin') - Number(a.kind === 'admin') || a.label.localeCompare(b.label));
}

export function strings(v: unknown): string[] {
  return list(v, str).filter((s) => s !== '');
}

export function stringValue(v: unknown): string {
  return str(v);
}

/** The decoders, for tests. */
export const usageDecoders = {
  report,
  series,
  alerts,
  priceList,
  policy,
  stats,
  body,
  keyMapping,
  reconciliation,
  keyChoices,
};
