// The typed facade over the usage bindings (see ./index.ts): reports, the
// chart series, alerts, the price table, the usage policy, the writer's
// counters, logged bodies, reconciliation with the organization usage API
// and its key mappings, plus the main.App methods the Usage screen needs
// (the admin key choice and the report export with its save dialog). Every
// function rejects with an AppError {code, message}.
//
// Hand-written types mirror the JSON of backend/usage (report.go, series.go,
// alerts.go, prices.go, service_prices.go, policy.go, writer.go, store.go,
// reconcile.go; see ./usage.types.ts); the decoders (./usage.decode.ts) fill
// Go's nulls and omitted fields once.
import * as UsageScreenBindings from './wailsjs/go/gui/Usage';
import * as KeysScreenBindings from './wailsjs/go/gui/Keys';
import * as AppBindings from './wailsjs/go/main/App';
import { app as appModels, usage as models } from './wailsjs/go/models';
import { call } from './errors';
import type { Lang } from './types';
import {
  alerts,
  body,
  keyChoices,
  keyMapping,
  list,
  nothing,
  policy,
  priceList,
  reconciliation,
  report,
  series,
  stats,
  stringValue,
  strings,
} from './usage.decode';
import type {
  UsageAlert,
  UsageBody,
  UsageBucket,
  UsageExportFormat,
  UsageKeyChoice,
  UsageKeyMapping,
  UsagePolicy,
  UsagePriceInput,
  UsagePriceList,
  UsageReconciliation,
  UsageReport,
  UsageReportRequest,
  UsageSeries,
  UsageStats,
} from './usage.types';

export * from './usage.types';
export { defaultUsagePolicyValue, usageDecoders } from './usage.decode';

// --- bindings ----------------------------------------------------------------

/** gui.Usage as the facade calls it; assigning the generated module makes
 * `npm run check` fail if a Go method is renamed or changes parameters. */
export interface UsageScreenBinding {
  Report: (req: appModels.ReportRequest) => Promise<unknown>;
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
  AdminKey: () => Promise<unknown>;
  SetAdminKey: (label: string) => Promise<unknown>;
}

/** The main.App dialog the Usage screen uses. */
export interface UsageAppBinding {
  ExportUsageReport: (req: appModels.ReportRequest, format: string, lang: string) => Promise<unknown>;
}

/** The one gui.Keys method the Usage screen reads: which keys exist. */
export interface UsageKeysBinding {
  Keys: () => Promise<unknown>;
}

const screen: UsageScreenBinding = UsageScreenBindings;
const app: UsageAppBinding = AppBindings;
const keysScreen: UsageKeysBinding = KeysScreenBindings;

// --- calls -------------------------------------------------------------------

function request(req: UsageReportRequest): appModels.ReportRequest {
  return appModels.ReportRequest.createFrom({ since: req.since, until: req.until, by: req.by, source: req.source });
}

export const usageReport = (req: UsageReportRequest): Promise<UsageReport> =>
  call(() => screen.Report(request(req)), report);

/** Counts per day or hour; every bucket of the period is present. */
export const usageSeries = (since: string, until: string, bucket: UsageBucket): Promise<UsageSeries> =>
  call(() => screen.Series(since, until, bucket), series);

export const usageAlerts = (): Promise<UsageAlert[]> => call(() => screen.Alerts(), alerts);

export const usagePrices = (): Promise<UsagePriceList> => call(() => screen.Prices(), priceList);

/** Saves a model's price and re-prices the logged usage it changes (may take a few seconds). */
export const setUsagePrice = (p: UsagePriceInput): Promise<UsagePriceList> =>
  call(
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
  call(() => screen.ResetPrice(model), priceList);

/** Logged models the price table has no price for; their calls cost $0 in reports. */
export const unpricedModels = (): Promise<string[]> => call(() => screen.UnpricedModels(), strings);

export const usagePolicy = (): Promise<UsagePolicy> => call(() => screen.Policy(), policy);

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
  call(() => screen.SetPolicy(models.Policy.createFrom(encodePolicy(p))), policy);

export const defaultUsagePolicy = (): Promise<UsagePolicy> => call(() => screen.DefaultPolicy(), policy);

export const usageStats = (): Promise<UsageStats> => call(() => screen.Stats(), stats);

/** Logged prompts and completions of the last `days` days, newest first. */
export const usageBodies = (days: number, limit: number): Promise<UsageBody[]> =>
  call(() => screen.Bodies(days, limit), (v) => list(v, body));

export const usageKeyMappings = (): Promise<UsageKeyMapping[]> =>
  call(() => screen.KeyMappings(), (v) => list(v, keyMapping));

export const setUsageKeyMapping = (apiKeyId: string, key: UsageKeyChoice): Promise<UsageKeyMapping> =>
  call(
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
  call(() => screen.DeleteKeyMapping(apiKeyId), nothing);

/** Compares organization usage (read with the admin key) with the local log. */
export const reconcileUsage = (since: string, until: string): Promise<UsageReconciliation> =>
  call(() => screen.Reconcile(since, until), reconciliation);

/** The label of the registered key used for reconciliation; "" when none is chosen. */
export const usageAdminKey = (): Promise<string> => call(() => screen.AdminKey(), stringValue);

export const setUsageAdminKey = (label: string): Promise<string> =>
  call(() => screen.SetAdminKey(label), stringValue);

/** Asks where to save and writes the report; resolves to the path, or "" when cancelled. */
export const exportUsageReport = (
  req: UsageReportRequest,
  format: UsageExportFormat,
  lang: Lang,
): Promise<string> => call(() => app.ExportUsageReport(request(req), format, lang), stringValue);

/** Registered keys in use, for the admin key choice and api_key_id mappings. */
export const usageKeyChoices = (): Promise<UsageKeyChoice[]> => call(() => keysScreen.Keys(), keyChoices);
