// The typed facade over the usage bindings (see ./index.ts): reports, the
// chart series, alerts, the price table, the usage policy, the writer's
// counters, logged bodies, reconciliation with the organization usage API
// and its key mappings, plus the main.App methods the Usage screen needs
// (the admin key choice and the report export with its save dialog). Every
// function rejects with an AppError {code, message}.
//
// Hand-written types mirror the JSON of backend/usage (report.go, series.go,
// alerts.go, prices.go, service_prices.go, policy.go, writer.go, store.go,
// reconcile.go); the decoders fill Go's nulls and omitted fields once.
import * as UsageScreenBindings from './wailsjs/go/usage/Screen';
import * as KeysScreenBindings from './wailsjs/go/keys/Screen';
import * as AppBindings from './wailsjs/go/main/App';
import { usage as models } from './wailsjs/go/models';
import { call, toAppError } from './errors';
import type { AppError, Lang, Text } from './types';

// --- bindings ----------------------------------------------------------------

/** usage.Screen as the facade calls it; assigning the generated module makes
 * `npm run check` fail if a Go method is renamed or changes parameters. */
export interface UsageScreenBinding {
  Report: (req: models.ReportRequest) => Promise<unknown>;
  ExportReport: (req: models.ReportRequest, format: string, lang: string, path: string) => Promise<unknown>;
  Series: (since: string, until: string, bucket: string) => Promise<unknown>;
  Alerts: () => Promise<unknown>;
  Prices: () => Promise<unknown>;
  SetPrice: (p: models.Price) => Promise<unknown>;
  ResetPrice: (model: string) => Promise<unknown>;
  UnpricedModels: () => Promise<unknown>;
  Policy: () => Promise<unknown>;
  SetPolicy: (p: models.Policy) => Promise<unknown>;
  DefaultPolicy: () => Promise<unknown>;
  Stats: () => Promise<unknown>;
  Bodies: (days: number, limit: number) => Promise<unknown>;
  KeyMappings: () => Promise<unknown>;
  SetKeyMapping: (m: models.KeyMapping) => Promise<unknown>;
  DeleteKeyMapping: (apiKeyId: string) => Promise<unknown>;
  Reconcile: (since: string, until: string) => Promise<unknown>;
}

/** The main.App methods the Usage screen uses. */
export interface UsageAppBinding {
  AdminKey: () => Promise<unknown>;
  SetAdminKey: (label: string) => Promise<unknown>;
  ExportUsageReport: (req: models.ReportRequest, format: string, lang: string) => Promise<unknown>;
}

/** The one keys.Screen method the Usage screen reads: which keys exist. */
export interface UsageKeysBinding {
  Keys: () => Promise<unknown>;
}

const screen: UsageScreenBinding = UsageScreenBindings;
const app: UsageAppBinding = AppBindings;
const keysScreen: UsageKeysBinding = KeysScreenBindings;

// --- types -------------------------------------------------------------------

/** What a report can be grouped by (backend/usage/query.go). */
export const USAGE_GROUPINGS = ['day', 'member', 'model', 'endpoint', 'key', 'source'] as const;
export type UsageGrouping = (typeof USAGE_GROUPINGS)[number];

/** Where a call came from; "" is both. */
export const USAGE_SOURCES = ['', 'app', 'gateway'] as const;
export type UsageSource = (typeof USAGE_SOURCES)[number];

export type UsageBucket = 'day' | 'hour';

export const USAGE_EXPORT_FORMATS = ['csv', 'json', 'html'] as const;
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

// --- decoders ----------------------------------------------------------------

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {};
}
function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
function list<T>(v: unknown, each: (x: unknown) => T): T[] {
  return Array.isArray(v) ? v.map(each) : [];
}
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

function report(v: unknown): UsageReport {
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

function series(v: unknown): UsageSeries {
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

function alerts(v: unknown): UsageAlert[] {
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

function priceList(v: unknown): UsagePriceList {
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

function policy(v: unknown): UsagePolicy {
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

function stats(v: unknown): UsageStats {
  const o = obj(v);
  return {
    queued: num(o['queued']),
    written: num(o['written']),
    dropped: num(o['dropped']),
    failures: num(o['failures']),
    last_error: str(o['last_error']),
    capacity: num(o['capacity']),
  };
}

function body(v: unknown): UsageBody {
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

function keyMapping(v: unknown): UsageKeyMapping {
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

function reconciliation(v: unknown): UsageReconciliation {
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
function keyChoices(v: unknown): UsageKeyChoice[] {
  return list(v, keyChoice)
    .filter((k) => k.label !== '' && (k.status === 'active' || k.status === 'rotation_due'))
    .sort((a, b) => Number(b.kind === 'admin') - Number(a.kind === 'admin') || a.label.localeCompare(b.label));
}

function strings(v: unknown): string[] {
  return list(v, str).filter((s) => s !== '');
}

function stringValue(v: unknown): string {
  return str(v);
}

function nothing(): void {
  return undefined;
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

// --- calls -------------------------------------------------------------------

/**
 * Wails rejects with `new Error(<what Go's ErrorFormatter returned>)`: a JSON
 * encoding of {code, message} is decoded here; an object that arrives as
 * "[object Object]" is dropped (message ""), so the screen shows its own words.
 */
export function usageError(e: unknown): AppError {
  const err = toAppError(e);
  const message = err.message.trim();
  if (message === '[object Object]') return { code: err.code, message: '' };
  if (message.startsWith('{')) {
    try {
      const o = obj(JSON.parse(message));
      const m = str(o['message']);
      if (m) return { code: str(o['code']) || err.code, message: m };
    } catch {
      // not JSON: keep the message as it is
    }
  }
  return err;
}

async function ucall<T>(fn: () => Promise<unknown>, decode: (raw: unknown) => T): Promise<T> {
  try {
    return await call(fn, decode);
  } catch (e) {
    throw usageError(e);
  }
}

function request(req: UsageReportRequest): models.ReportRequest {
  return models.ReportRequest.createFrom({ since: req.since, until: req.until, by: req.by, source: req.source });
}

export const usageReport = (req: UsageReportRequest): Promise<UsageReport> =>
  ucall(() => screen.Report(request(req)), report);

/** Counts per day or hour; every bucket of the period is present. */
export const usageSeries = (since: string, until: string, bucket: UsageBucket): Promise<UsageSeries> =>
  ucall(() => screen.Series(since, until, bucket), series);

export const usageAlerts = (): Promise<UsageAlert[]> => ucall(() => screen.Alerts(), alerts);

export const usagePrices = (): Promise<UsagePriceList> => ucall(() => screen.Prices(), priceList);

/** Saves a model's price and re-prices the logged usage it changes (may take a few seconds). */
export const setUsagePrice = (p: UsagePriceInput): Promise<UsagePriceList> =>
  ucall(
    () =>
      screen.SetPrice(
        models.Price.createFrom({
          model: p.model,
          input_per_million: p.input_per_million,
          cached_input_per_million: p.cached_input_per_million,
          output_per_million: p.output_per_million,
          custom: true,
          as_of: '',
        }),
      ),
    priceList,
  );

/** Goes back to the shipped price (or none) for a model, re-pricing its usage. */
export const resetUsagePrice = (model: string): Promise<UsagePriceList> =>
  ucall(() => screen.ResetPrice(model), priceList);

/** Logged models the price table has no price for; their calls cost $0 in reports. */
export const unpricedModels = (): Promise<string[]> => ucall(() => screen.UnpricedModels(), strings);

export const usagePolicy = (): Promise<UsagePolicy> => ucall(() => screen.Policy(), policy);

/** A plain copy of a policy (the screen may hold it in a reactive proxy). */
function encodePolicy(p: UsagePolicy): UsagePolicy {
  return {
    retention_days: p.retention_days,
    body_logging: {
      enabled: p.body_logging.enabled,
      retention_days: p.body_logging.retention_days,
      redact_pii: p.body_logging.redact_pii,
    },
    monthly_budget_usd: p.monthly_budget_usd,
    alerts: {
      spike_factor: p.alerts.spike_factor,
      spike_min_requests: p.alerts.spike_min_requests,
      burst_429_count: p.alerts.burst_429_count,
      burst_429_minutes: p.alerts.burst_429_minutes,
      budget_warn_percent: p.alerts.budget_warn_percent,
    },
  };
}

export const setUsagePolicy = (p: UsagePolicy): Promise<UsagePolicy> =>
  ucall(() => screen.SetPolicy(models.Policy.createFrom(encodePolicy(p))), policy);

export const defaultUsagePolicy = (): Promise<UsagePolicy> => ucall(() => screen.DefaultPolicy(), policy);

export const usageStats = (): Promise<UsageStats> => ucall(() => screen.Stats(), stats);

/** Logged prompts and completions of the last `days` days, newest first. */
export const usageBodies = (days: number, limit: number): Promise<UsageBody[]> =>
  ucall(() => screen.Bodies(days, limit), (v) => list(v, body));

export const usageKeyMappings = (): Promise<UsageKeyMapping[]> =>
  ucall(() => screen.KeyMappings(), (v) => list(v, keyMapping));

export const setUsageKeyMapping = (apiKeyId: string, key: UsageKeyChoice): Promise<UsageKeyMapping> =>
  ucall(
    () =>
      screen.SetKeyMapping(
        models.KeyMapping.createFrom({
          api_key_id: apiKeyId,
          label: key.label,
          key_fingerprint: key.fingerprint,
          updated_at: '',
        }),
      ),
    keyMapping,
  );

export const deleteUsageKeyMapping = (apiKeyId: string): Promise<void> =>
  ucall(() => screen.DeleteKeyMapping(apiKeyId), nothing);

/** Compares organization usage (read with the admin key) with the local log. */
export const reconcileUsage = (since: string, until: string): Promise<UsageReconciliation> =>
  ucall(() => screen.Reconcile(since, until), reconciliation);

/** The label of the registered key used for reconciliation; "" when none is chosen. */
export const usageAdminKey = (): Promise<string> => ucall(() => app.AdminKey(), stringValue);

export const setUsageAdminKey = (label: string): Promise<string> =>
  ucall(() => app.SetAdminKey(label), stringValue);

/** Asks where to save and writes the report; resolves to the path, or "" when cancelled. */
export const exportUsageReport = (
  req: UsageReportRequest,
  format: UsageExportFormat,
  lang: Lang,
): Promise<string> => ucall(() => app.ExportUsageReport(request(req), format, lang), stringValue);

/** Registered keys in use, for the admin key choice and api_key_id mappings. */
export const usageKeyChoices = (): Promise<UsageKeyChoice[]> => ucall(() => keysScreen.Keys(), keyChoices);
