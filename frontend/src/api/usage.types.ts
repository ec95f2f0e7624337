// The usage facade's types and constants (see ./usage.ts): hand-written
// types that mirror the JSON of backend/usage. ./usage re-exports all of them.
import type { Text } from './types';

// --- types -------------------------------------------------------------------

/** What a report can be grouped by (backend/usage/query.go). */
export const USAGE_GROUPINGS = ['day', 'member', 'model', 'endpoint', 'key', 'source'] as const;
export type UsageGrouping = (typeof USAGE_GROUPINGS)[number];

/** Where a call came from; "" is both. */
export const USAGE_SOURCES = ['', 'app', 'gateway'] as const;
export type UsageSource = (typeof USAGE_SOURCES)[number];

export type UsageBucket = 'day' | 'hour';

export const USAGE_EXPORT_FORMATS = ['csv', 'json', 'html', 'pdf'] as const;
export type UsageExportFormat = (typeof USAGE_EXPORT_FORMATS)[number];

/** A report as the screen asks for it: dates are YYYY-MM-DD (until inclusive) or RFC 3339. */
export interface UsageReportRequest {
  since: string;
  until: string;
  by: UsageGrouping;
  source: UsageSource;
}

/** Summed usage. input_tokens includes cached_tokens; output_tokens includes reasoning_tokens. */
export interface UsageTotals {
  requests: number;
  input_tokens: number;
  cached_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  errors: number;
  /** HTTP 429 */
  rate_limited: number;
  /** Calls that reported no token counts (the app's own calls, streams without usage). */
  requests_without_usage: number;
  cost_usd: number;
}

export interface UsageReportRow extends UsageTotals {
  /** A UTC day (YYYY-MM-DD), member, model, endpoint, key fingerprint or source. */
  group: string;
  /** The key's label, for reports by key; "" otherwise or when unknown. */
  label: string;
}

export interface UsageReport {
  rows: UsageReportRow[];
  totals: UsageTotals;
}

/** One bucket of the chart. tokens is input plus output. */
export interface UsagePoint {
  /** RFC 3339, UTC: the bucket's start. */
  start: string;
  requests: number;
  input_tokens: number;
  output_tokens: number;
  tokens: number;
  cost_usd: number;
  errors: number;
  rate_limited: number;
}

export interface UsageSeries {
  bucket: UsageBucket;
  points: UsagePoint[];
}

export const USAGE_ALERT_KINDS = ['request_spike', 'rate_limit_burst', 'budget'] as const;
export type UsageAlertSeverity = 'critical' | 'warning';

export interface UsageAlert {
  /** request_spike, rate_limit_burst, budget, or a kind a newer Go side added. */
  kind: string;
  severity: UsageAlertSeverity;
  title: Text;
  detail: Text;
  /** RFC 3339: when the condition began. */
  since: string;
  value: number;
  threshold: number;
}

/** US dollars per million tokens. */
export interface UsagePrice {
  model: string;
  input_per_million: number;
  cached_input_per_million: number;
  output_per_million: number;
  /** Edited or added by the team; otherwise the shipped default. */
  custom: boolean;
  /** YYYY-MM-DD: when the default was taken or the edit made. */
  as_of: string;
}

export interface UsagePriceList {
  /** YYYY-MM-DD the shipped defaults were taken from OpenAI's price list. */
  defaults_as_of: string;
  /** "check against openai.com/api/pricing" */
  source: string;
  prices: UsagePrice[];
}

/** A price as the screen sends it. */
export interface UsagePriceInput {
  model: string;
  input_per_million: number;
  cached_input_per_million: number;
  output_per_million: number;
}

export interface UsageBodyLogging {
  enabled: boolean;
  retention_days: number;
  redact_pii: boolean;
}

export interface UsageAlertRules {
  spike_factor: number;
  spike_min_requests: number;
  burst_429_count: number;
  burst_429_minutes: number;
  budget_warn_percent: number;
}

export interface UsagePolicy {
  /** Rows older than this are pruned; daily rollups stay. */
  retention_days: number;
  body_logging: UsageBodyLogging;
  /** 0: no budget. */
  monthly_budget_usd: number;
  alerts: UsageAlertRules;
}

/** The usage writer's queue and counters. */
export interface UsageStats {
  queued: number;
  written: number;
  dropped: number;
  failures: number;
  last_error: string;
  /** last_error in Simplified Chinese */
  last_error_zh: string;
  /** the last write failed on a full disk (cleared once a write succeeds) */
  disk_full: boolean;
  capacity: number;
}

/** A logged prompt and completion. */
export interface UsageBody {
  event_id: number;
  time: string;
  member: string;
  endpoint: string;
  model: string;
  request: string;
  response: string;
  redacted: boolean;
}

/** Which local key an organization usage api_key_id is. */
export interface UsageKeyMapping {
  api_key_id: string;
  label: string;
  key_fingerprint: string;
  updated_at: string;
}

export interface UsageReconcileRow {
  day: string;
  api_key_id: string;
  mapped: boolean;
  key_label: string;
  key_fingerprint: string;
  model: string;
  api_requests: number;
  api_input_tokens: number;
  api_output_tokens: number;
  local_requests: number;
  local_input_tokens: number;
  local_output_tokens: number;
  unseen_requests: number;
  unseen_input_tokens: number;
  unseen_output_tokens: number;
}

export interface UsageReconciliation {
  since: string;
  until: string;
  rows: UsageReconcileRow[];
  /** api_key_ids with no mapping to a local key. */
  unmapped: string[];
  unseen_requests: number;
  unseen_input_tokens: number;
  unseen_output_tokens: number;
}

/** A registered key as the Usage screen needs it: to pick the admin key and map api_key_ids. */
export interface UsageKeyChoice {
  label: string;
  member: string;
  kind: string;
  fingerprint: string;
  redacted: string;
  status: string;
}
