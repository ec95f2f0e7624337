import { beforeEach, describe, expect, it, vi } from 'vitest';

// The generated bindings call window.go; replace them with mocks.
vi.mock('./wailsjs/go/gui/Usage', () => ({
  Report: vi.fn(),
  AdminKey: vi.fn(),
  SetAdminKey: vi.fn(),
  Series: vi.fn(),
  Alerts: vi.fn(),
  Prices: vi.fn(),
  SetPrice: vi.fn(),
  ResetPrice: vi.fn(),
  UnpricedModels: vi.fn(),
  Policy: vi.fn(),
  SetPolicy: vi.fn(),
  DefaultPolicy: vi.fn(),
  Stats: vi.fn(),
  Bodies: vi.fn(),
  KeyMappings: vi.fn(),
  SetKeyMapping: vi.fn(),
  DeleteKeyMapping: vi.fn(),
  Reconcile: vi.fn(),
}));
vi.mock('./wailsjs/go/gui/Keys', () => ({ Keys: vi.fn() }));
vi.mock('./wailsjs/go/main/App', () => ({ ExportUsageReport: vi.fn() }));

import * as Screen from './wailsjs/go/gui/Usage';
import * as Keys from './wailsjs/go/gui/Keys';
import * as App from './wailsjs/go/main/App';
import * as u from './usage';

beforeEach(() => vi.clearAllMocks());

const ZERO = {
  requests: 0,
  input_tokens: 0,
  cached_tokens: 0,
  output_tokens: 0,
  reasoning_tokens: 0,
  errors: 0,
  rate_limited: 0,
  requests_without_usage: 0,
  cost_usd: 0,
};

describe('usage decoding', () => {
  it('turns Go nulls and omitted fields into empty values', () => {
    expect(u.usageDecoders.report({ rows: null, totals: null })).toEqual({ rows: [], totals: ZERO });
    expect(u.usageDecoders.report(null)).toEqual({ rows: [], totals: ZERO });
    expect(u.usageDecoders.series({ bucket: 'day', points: null })).toEqual({ bucket: 'day', points: [] });
    expect(u.usageDecoders.alerts(null)).toEqual([]);
    expect(u.usageDecoders.priceList({ prices: null })).toEqual({ defaults_as_of: '', source: '', prices: [] });
    expect(u.usageDecoders.reconciliation({ rows: null, unmapped: null })).toMatchObject({ rows: [], unmapped: [], unseen_requests: 0 });
    expect(u.usageDecoders.stats(undefined)).toEqual({
      queued: 0,
      written: 0,
      dropped: 0,
      failures: 0,
      last_error: '',
      last_error_zh: '',
      disk_full: false,
      capacity: 0,
    });
  });

  it('keeps a report’s rows, with the key label only where Go sent one', () => {
    const r = u.usageDecoders.report({
      rows: [
        { group: 'ab12', label: 'ci-bot', requests: 3, input_tokens: 100, cached_tokens: 20, output_tokens: 50, cost_usd: 0.0012, errors: 1, rate_limited: 1 },
        { group: 'cd34', requests: 1 },
      ],
      totals: { requests: 4, cost_usd: 0.0012 },
    });
    expect(r.rows[0]).toMatchObject({ group: 'ab12', label: 'ci-bot', requests: 3, cached_tokens: 20, rate_limited: 1 });
    expect(r.rows[1]).toEqual({ ...ZERO, group: 'cd34', label: '', requests: 1 });
    expect(r.totals.requests).toBe(4);
  });

  it('reads series points, computing tokens when absent', () => {
    const s = u.usageDecoders.series({
      bucket: 'hour',
      points: [{ start: '2026-03-12T14:00:00Z', requests: 2, input_tokens: 10, output_tokens: 5 }],
    });
    expect(s.bucket).toBe('hour');
    expect(s.points[0]).toEqual({
      start: '2026-03-12T14:00:00Z',
      requests: 2,
      input_tokens: 10,
      output_tokens: 5,
      tokens: 15,
      cost_usd: 0,
      errors: 0,
      rate_limited: 0,
    });
    expect(u.usageDecoders.series({ bucket: 'week' }).bucket).toBe('day');
  });

  it('puts critical alerts first and reads localized or plain texts', () => {
    const a = u.usageDecoders.alerts([
      { kind: 'request_spike', severity: 'warning', title: { en: 'Spike', 'zh-CN': '激增' }, detail: 'plain', since: '2026-03-12T00:00:00Z' },
      { kind: 'budget', severity: 'critical', title: { en: 'Over budget', 'zh-CN': '超出预算' }, value: 120, threshold: 100 },
      { kind: 'new_kind', severity: 'dire', title: { en: 'New' } },
    ]);
    expect(a.map((x) => x.kind)).toEqual(['budget', 'new_kind', 'request_spike']);
    expect(a[1]!.severity).toBe('critical');
    expect(a[2]!.detail).toEqual({ en: 'plain', 'zh-CN': 'plain' });
    expect(a[2]!.title['zh-CN']).toBe('激增');
    expect(a[0]).toMatchObject({ value: 120, threshold: 100, since: '' });
  });

  it('fills a policy an older Go side sent only in part with the defaults', () => {
    expect(u.usageDecoders.policy(null)).toEqual(u.defaultUsagePolicyValue());
    const p = u.usageDecoders.policy({ retention_days: 90, body_logging: { enabled: true, redact_pii: false }, monthly_budget_usd: 50 });
    expect(p.retention_days).toBe(90);
    expect(p.body_logging).toEqual({ enabled: true, retention_days: 30, redact_pii: false });
    expect(p.monthly_budget_usd).toBe(50);
    expect(p.alerts.spike_factor).toBe(3);
  });

  it('drops price rows without a model', () => {
    const l = u.usageDecoders.priceList({
      defaults_as_of: '2025-08-07',
      source: 'check against openai.com/api/pricing',
      prices: [{ model: 'gpt-4o', input_per_million: 2.5, cached_input_per_million: 1.25, output_per_million: 10, as_of: '2025-08-07' }, { model: '' }],
    });
    expect(l.prices).toEqual([
      { model: 'gpt-4o', input_per_million: 2.5, cached_input_per_million: 1.25, output_per_million: 10, custom: false, as_of: '2025-08-07' },
    ]);
  });

  it('lists keys in use for the admin key choice, admin keys first', () => {
    const k = u.usageDecoders.keyChoices([
      { label: 'web', kind: 'project', status: 'active', fingerprint: 'f1' },
      { label: 'old', kind: 'admin', status: 'revoked', fingerprint: 'f2' },
      { label: 'org-admin', kind: 'admin', status: 'rotation_due', fingerprint: 'f3' },
      { label: 'api', kind: 'service_account', status: 'active', fingerprint: 'f4' },
    ]);
    expect(k.map((x) => x.label)).toEqual(['org-admin', 'api', 'web']);
  });
});

describe('usage calls', () => {
  it('sends the report request as Go reads it', async () => {
    vi.mocked(Screen.Report).mockResolvedValue({ rows: null, totals: {} } as never);
    const r = await u.usageReport({ since: '2026-03-01', until: '2026-03-12', by: 'member', source: 'gateway' });
    expect(r.rows).toEqual([]);
    expect(vi.mocked(Screen.Report).mock.calls[0]![0]).toMatchObject({ since: '2026-03-01', until: '2026-03-12', by: 'member', source: 'gateway' });
  });

  it('sends a price edit and decodes the new table', async () => {
    vi.mocked(Screen.SetPrice).mockResolvedValue({ prices: [{ model: 'gpt-4o', input_per_million: 3, custom: true, as_of: '2026-03-12' }] } as never);
    const l = await u.setUsagePrice({ model: 'gpt-4o', input_per_million: 3, cached_input_per_million: 1, output_per_million: 12 });
    expect(l.prices[0]).toMatchObject({ model: 'gpt-4o', custom: true });
    expect(vi.mocked(Screen.SetPrice).mock.calls[0]![0]).toMatchObject({ model: 'gpt-4o', input_per_million: 3, cached_input_per_million: 1, output_per_million: 12 });
  });

  it('sends the whole policy', async () => {
    const p = { ...u.defaultUsagePolicyValue(), monthly_budget_usd: 100 };
    vi.mocked(Screen.SetPolicy).mockResolvedValue(p as never);
    expect(await u.setUsagePolicy(p)).toEqual(p);
    expect(vi.mocked(Screen.SetPolicy).mock.calls[0]![0]).toMatchObject({ monthly_budget_usd: 100, body_logging: { enabled: false } });
  });

  it('maps an api_key_id to a registered key by fingerprint', async () => {
    vi.mocked(Screen.SetKeyMapping).mockResolvedValue({ api_key_id: 'key_1', label: 'web', key_fingerprint: 'f1', updated_at: 'now' } as never);
    const key = { label: 'web', member: 'Ann', kind: 'project', fingerprint: 'f1', redacted: 'sk-…', status: 'active' };
    await u.setUsageKeyMapping('key_1', key);
    expect(vi.mocked(Screen.SetKeyMapping).mock.calls[0]![0]).toMatchObject({ api_key_id: 'key_1', label: 'web', key_fingerprint: 'f1' });
  });

  it('exports through main.App and passes "" for a cancelled dialog', async () => {
    vi.mocked(App.ExportUsageReport).mockResolvedValueOnce('/tmp/usage.csv').mockResolvedValueOnce('');
    const req = { since: '2026-03-01', until: '2026-03-12', by: 'day' as const, source: '' as const };
    expect(await u.exportUsageReport(req, 'csv', 'en')).toBe('/tmp/usage.csv');
    expect(await u.exportUsageReport(req, 'html', 'zh-CN')).toBe('');
    expect(vi.mocked(App.ExportUsageReport).mock.calls[1]!.slice(1)).toEqual(['html', 'zh-CN']);
  });

  it('reads the keys register only for the choices', async () => {
    vi.mocked(Keys.Keys).mockResolvedValue(null as never);
    expect(await u.usageKeyChoices()).toEqual([]);
  });
});

describe('usage errors', () => {
  it('passes Go’s {code, message} through', async () => {
    vi.mocked(Screen.Reconcile).mockRejectedValue({ code: 'usage_admin_key_refused', message: 'The usage API refused the key (HTTP 401).' });
    await expect(u.reconcileUsage('2026-03-01', '2026-03-07')).rejects.toEqual({
      code: 'usage_admin_key_refused',
      message: 'The usage API refused the key (HTTP 401).',
    });
  });

  it('decodes {code, message} that arrived as an Error’s JSON message', async () => {
    vi.mocked(Screen.Policy).mockRejectedValue(new Error('{"code":"usage_policy_invalid","message":"Bad policy."}'));
    await expect(u.usagePolicy()).rejects.toEqual({ code: 'usage_policy_invalid', message: 'Bad policy.' });
  });

  it('drops "[object Object]" so the screen shows its own words', async () => {
    vi.mocked(Screen.Stats).mockRejectedValue(new Error('[object Object]'));
    await expect(u.usageStats()).rejects.toEqual({ code: 'internal', message: '' });
  });
});
