// Message keys for the Usage screen's enumerations, so components look them up
// rather than building keys from strings.
import type { MessageKey } from '../../i18n/index.svelte';
import type { UsageExportFormat, UsageGrouping, UsageSource } from '../../api/usage';
import type { Metric, Part } from './chart';
import type { RangePreset } from './range';
import type { Breakdown, UsageTab } from './state.svelte';

export const RANGE_LABEL: Record<RangePreset, MessageKey> = {
  '7d': 'usage.range.7d',
  '30d': 'usage.range.30d',
  '90d': 'usage.range.90d',
  month: 'usage.range.month',
  custom: 'usage.range.custom',
};

export const SOURCE_LABEL: Record<UsageSource, MessageKey> = {
  '': 'usage.source.all',
  app: 'usage.source.app',
  gateway: 'usage.source.gateway',
};

export const METRIC_LABEL: Record<Metric, MessageKey> = {
  requests: 'usage.metric.requests',
  tokens: 'usage.metric.tokens',
  cost: 'usage.metric.cost',
  errors: 'usage.metric.errors',
  rate_limited: 'usage.metric.rate_limited',
};

export const SHARE_LABEL: Record<Metric, MessageKey> = {
  requests: 'usage.share.requests',
  tokens: 'usage.share.tokens',
  cost: 'usage.share.cost',
  errors: 'usage.share.errors',
  rate_limited: 'usage.share.rate_limited',
};

export const PART_LABEL: Record<Part, MessageKey> = {
  ok: 'usage.part.ok',
  errors: 'usage.part.errors',
  input: 'usage.part.input',
  output: 'usage.part.output',
  cost: 'usage.part.cost',
  other_errors: 'usage.part.other_errors',
  rate_limited: 'usage.part.rate_limited',
};

export const BY_LABEL: Record<UsageGrouping, MessageKey> = {
  day: 'usage.by.day',
  member: 'usage.by.member',
  model: 'usage.by.model',
  endpoint: 'usage.by.endpoint',
  key: 'usage.by.key',
  source: 'usage.by.source',
};

export const COLUMN_LABEL: Record<Breakdown, MessageKey> = {
  member: 'usage.col.member',
  model: 'usage.col.model',
  endpoint: 'usage.col.endpoint',
  key: 'usage.col.key',
  source: 'usage.col.source',
};

export const TAB_LABEL: Record<UsageTab, MessageKey> = {
  overview: 'usage.tab.overview',
  prices: 'usage.tab.prices',
  reconcile: 'usage.tab.reconcile',
  settings: 'usage.tab.settings',
};

export const EXPORT_HINT: Record<UsageExportFormat, MessageKey> = {
  csv: 'usage.export.csv.hint',
  json: 'usage.export.json.hint',
  html: 'usage.export.html.hint',
  pdf: 'usage.export.pdf.hint',
};
