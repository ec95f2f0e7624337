import { beforeEach, describe, expect, it, vi } from 'vitest';

// The generated bindings call window.go; replace them with mocks.
vi.mock('./wailsjs/go/gui/Gateway', () => ({
  Start: vi.fn(),
  Stop: vi.fn(),
  Status: vi.fn(),
  Settings: vi.fn(),
  SaveSettings: vi.fn(),
  Tokens: vi.fn(),
  CreateToken: vi.fn(),
  RevokeToken: vi.fn(),
  Policies: vi.fn(),
  SetPolicy: vi.fn(),
  Providers: vi.fn(),
  AddProvider: vi.fn(),
  RemoveProvider: vi.fn(),
  TestProvider: vi.fn(),
  RunDrill: vi.fn(),
  LastDrill: vi.fn(),
}));
vi.mock('./wailsjs/go/gui/Keys', () => ({ Members: vi.fn(), Keys: vi.fn() }));
vi.mock('./wailsjs/go/gui/Usage', () => ({}));
vi.mock('./wailsjs/go/main/App', () => ({}));

import * as Screen from './wailsjs/go/gui/Gateway';
import * as Keys from './wailsjs/go/gui/Keys';
import * as g from './gateway';

beforeEach(() => vi.clearAllMocks());

describe('gateway decoding', () => {
  it('fills a stopped gateway’s status, Go nulls included', () => {
    const s = g.gatewayDecoders.status({
      running: false,
      listen: '127.0.0.1:8787',
      upstream: 'https://api.openai.com/v1',
      stats: { recent_errors: null },
      warnings: null,
    });
    expect(s).toMatchObject({ running: false, base_url: '', listen: '127.0.0.1:8787', warnings: [] });
    expect(s.stats).toMatchObject({ requests: 0, refused: 0, started_at: '', recent_errors: [] });
    expect(g.gatewayDecoders.status(null).stats.recent_errors).toEqual([]);
  });

  it('keeps a running gateway’s counters and errors', () => {
    const s = g.gatewayDecoders.status({
      running: true,
      base_url: 'http://127.0.0.1:8787/v1',
      stats: {
        running: true,
        started_at: '2026-03-12T10:00:00Z',
        requests: 12,
        in_flight: 1,
        errors: 2,
        refused: 1,
        queue_overflow: 3,
        recent_errors: [{ time: '2026-03-12T10:01:00Z', member: 'ann', method: 'POST', endpoint: '/v1/chat/completions', status: 429, type: 'rate_limit_exceeded' }],
      },
      warnings: ['The upstream http://x is plain HTTP: API keys and prompts travel unencrypted.'],
    });
    expect(s.base_url).toBe('http://127.0.0.1:8787/v1');
    expect(s.stats).toMatchObject({ requests: 12, in_flight: 1, errors: 2, refused: 1, queue_overflow: 3 });
    expect(s.stats.recent_errors[0]).toEqual({
      time: '2026-03-12T10:01:00Z',
      member: 'ann',
      method: 'POST',
      endpoint: '/v1/chat/completions',
      status: 429,
      type: 'rate_limit_exceeded',
      message: '',
    });
    expect(s.warnings).toHaveLength(1);
  });

  it('reads settings, tokens and policies, with safe defaults for unknown values', () => {
    expect(g.gatewayDecoders.config({ listen: 'l', upstream_auth: 'magic', add_include_usage: true })).toEqual({
      listen: 'l',
      upstream: '',
      upstream_key_label: '',
      upstream_auth: '',
      add_include_usage: true,
      max_body_bytes: 0,
      connect_timeout: 0,
      first_byte_timeout: 0,
      idle_timeout: 0,
      breaker_cooldown: 0,
      no_safety_identifiers: false,
      responses_store_false: false,
      blocklist_threshold: 0,
    });
    expect(g.gatewayDecoders.token({ id: 3, member: 'ann', prefix: 'stw_Ab3x…', active: true })).toMatchObject({
      id: 3,
      revoked_at: '',
      active: true,
    });
    const p = g.gatewayDecoders.policy({ member: 'ann', requests_per_minute: 60, allowed_models: null, moderation: 'block', pii: 'shred' });
    expect(p).toEqual({ ...g.emptyGatewayPolicy('ann'), requests_per_minute: 60, moderation: 'block' });
    expect(g.gatewayPolicyEnforces(p)).toBe(true);
    expect(g.gatewayPolicyEnforces(g.emptyGatewayPolicy('bob'))).toBe(false);
  });
});

describe('gateway calls', () => {
  it('sends the settings and a policy as Go reads them', async () => {
    vi.mocked(Screen.SaveSettings).mockImplementation(async (c) => c as never);
    const cfg = {
      listen: '127.0.0.1:9000', upstream: 'https://api.openai.com/v1', upstream_key_label: 'team', upstream_auth: 'bearer' as const,
      add_include_usage: false, max_body_bytes: 1 << 20, connect_timeout: 5e9, first_byte_timeout: 120e9, idle_timeout: 0,
      breaker_cooldown: 60e9, no_safety_identifiers: true, responses_store_false: true, blocklist_threshold: 3,
    };
    // Every setting goes to Go, so saving from the screen never resets one set elsewhere.
    expect(await g.saveGatewaySettings(cfg)).toEqual(cfg);
    vi.mocked(Screen.SetPolicy).mockImplementation(async (p) => p as never);
    const saved = await g.setGatewayPolicy({ ...g.emptyGatewayPolicy('ann'), tokens_per_day: 5000, allowed_models: ['gpt-4o-mini'], pii: 'redact' });
    expect(saved).toMatchObject({ member: 'ann', tokens_per_day: 5000, allowed_models: ['gpt-4o-mini'], pii: 'redact' });
    const out = await g.setGatewayPolicy({ ...g.emptyGatewayPolicy('ann'), output_moderation: 'block' });
    expect(out.output_moderation).toBe('block');
    expect(g.gatewayPolicyEnforces(out)).toBe(true);
  });

  it('lists providers with their state and runs a drill', async () => {
    vi.mocked(Screen.Providers).mockResolvedValue([
      { name: 'primary', base_url: 'https://api.openai.com/v1', key_label: 'team', models: null, primary: true, state: 'open', reason: 'answered 401 account_deactivated', requests: 3, failures: 1 },
      { name: 'deepseek', base_url: 'https://api.deepseek.com/v1', key_label: 'ds', models: { 'gpt-4o-mini': 'deepseek-chat' }, state: 'weird' },
    ] as never);
    const list = await g.gatewayProviders();
    expect(list[0]).toMatchObject({ name: 'primary', primary: true, state: 'open', models: {}, failures: 1 });
    expect(list[1]).toMatchObject({ name: 'deepseek', primary: false, state: 'healthy', models: { 'gpt-4o-mini': 'deepseek-chat' } });
    vi.mocked(Screen.RunDrill).mockResolvedValue({ at: '2026-03-10T09:00:00Z', passed: true, answered_by: 'deepseek', checks: null } as never);
    expect(await g.runGatewayDrill()).toEqual({ at: '2026-03-10T09:00:00Z', passed: true, answered_by: 'deepseek', summary: '', checks: [] });
    vi.mocked(Screen.AddProvider).mockResolvedValue({ name: 'qwen', base_url: 'https://x/v1', key_label: 'qw', models: {} } as never);
    await g.addGatewayProvider('qwen', 'https://x/v1', 'qw', '');
    expect(vi.mocked(Screen.AddProvider).mock.calls[0]).toEqual(['qwen', 'https://x/v1', 'qw', '']);
  });

  it('returns a new token once and lists members from the key register', async () => {
    vi.mocked(Screen.CreateToken).mockResolvedValue('stw_abc');
    expect(await g.createGatewayToken('ann')).toBe('stw_abc');
    expect(vi.mocked(Screen.CreateToken).mock.calls[0]).toEqual(['ann']);
    vi.mocked(Keys.Members).mockResolvedValue([{ name: 'ann', email: 'a@x' }, { name: '' }] as never);
    expect(await g.gatewayMembers()).toEqual([{ name: 'ann', email: 'a@x', role: '' }]);
  });

  it('rejects with Go’s {code, message}', async () => {
    vi.mocked(Screen.Start).mockRejectedValue(new Error('{"code":"gateway_config_invalid","message":"The listen address is not host:port."}'));
    await expect(g.startGateway()).rejects.toEqual({ code: 'gateway_config_invalid', message: 'The listen address is not host:port.' });
  });
});
